"""Languages and translations of displays, products, variants and categories."""
