"""Catalogue: size charts, products, variants, product sizes, bundles, brands, collections, folders."""
