"""Shipments: see actions.py for the operations and status.py for the vocabulary."""
