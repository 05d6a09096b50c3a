"""Deterministic seed data: the base instance and the scenarios built on it."""
