"""Wholesale in the Integration API: accounts, buyers, delivery windows, wholesale orders."""
