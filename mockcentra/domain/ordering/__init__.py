"""Ordering: an order's operations across the areas it touches (place, change, allocate, the
Order API's requests); the order's own vocabulary and records are in orders/."""
