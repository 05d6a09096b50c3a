"""Queries and mutations of this area."""
