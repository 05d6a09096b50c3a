"""Orders: the vocabulary (status.py), totals, line checks, listing and guards that every area
working on orders builds on; the operations are in ordering/."""
