"""Email addresses as the platform keys them: customers, buyers and voucher usage match an
address whatever its case or surrounding spaces."""

from __future__ import annotations


def normalize_email(text: str) -> str:
    """The stored and compared form of an address: trimmed and lower-cased."""
    return text.strip().lower()
