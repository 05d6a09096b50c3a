"""The Integration API (GraphQL): types, queries and mutations per area, merged in schema.py.

Object types resolve straight from storage rows: in a resolver method, `self` is the row.
"""
