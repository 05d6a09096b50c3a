"""Invoices: listed and read (queries.py); issued when a shipment completes (shipments/invoicing.py)."""
