"""Deterministic identifiers: the same seed and the same history give the same ids."""

from __future__ import annotations

import hashlib


def order_hash(seed: int, number: int) -> str:
    """Centra's 32-hex order id, derived from the instance seed and the order number."""
    return hashlib.md5(f"mockcentra:{seed}:order:{number}".encode()).hexdigest()


def token_hash(seed: int, kind: str, n: int) -> str:
    """A stable opaque token (checkout sessions, payment references)."""
    return hashlib.sha1(f"mockcentra:{seed}:{kind}:{n}".encode()).hexdigest()
