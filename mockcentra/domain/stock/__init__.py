"""Stock area."""
