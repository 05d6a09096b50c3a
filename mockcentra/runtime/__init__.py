"""Time and identity: the only sources of `now` and of generated ids in the product."""
