"""The Integration API's shipment types (their mutations are in graphql/orders)."""
