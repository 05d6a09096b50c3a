"""Business areas and their rules. Imports storage only; never HTTP or GraphQL."""
