"""Wholesale: accounts and buyers (accounts.py), delivery windows, and wholesale orders."""
