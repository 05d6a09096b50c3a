"""The Integration API's return types (their mutations are in graphql/orders)."""
