"""The Integration API (GraphQL): types, queries and mutations per area, merged in schema.py.

Object types resolve straight from storage rows: a resolver is static and takes the row it reads
as `root: Parent[Row]`, so what it reads is type-checked. A resolver that answers a row where
its annotation names the GraphQL type says so with `# type: ignore[return-value]`.
"""
