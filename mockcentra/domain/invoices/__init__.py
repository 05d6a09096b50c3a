"""Invoices: issued from completed shipments (actions.py), listed and read (queries.py)."""
