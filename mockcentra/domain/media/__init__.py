"""Product media: images of products and variants, shown on displays, imported in batches."""
