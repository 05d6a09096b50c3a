"""Pricing area."""
