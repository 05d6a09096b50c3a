"""Displays area."""
