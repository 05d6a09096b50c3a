"""Customers and dynamic attributes in the Integration API."""
