"""Domain events: what changed, recorded in the same transaction as the change."""
