"""What the running server holds: the typed `Runtime` and the in-memory services it owns.

Sits between the domain and the surfaces: it may use storage and the domain (the unit of work
writes the domain's events on commit); graphql, rest, webhooks, seeding and control use it.
"""
