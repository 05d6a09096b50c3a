"""Dynamic attributes: their definitions (config.py), loaded from a YAML file."""
