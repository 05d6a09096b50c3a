"""Vouchers: creation and reading, the discount engine, usage counting and promotions."""
