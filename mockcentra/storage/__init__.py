"""SQLite storage: the engine, the tables and the unit of work. Knows nothing of HTTP or GraphQL."""
