"""Deterministic identifiers: the same seed and the same history give the same ids."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def order_hash(seed: int, number: int) -> str:
    """Centra's 32-hex order id, derived from the instance seed and the order number."""
    return hashlib.md5(f"mockcentra:{seed}:order:{number}".encode()).hexdigest()


def token_hash(seed: int, kind: str, n: int) -> str:
    """A stable opaque token (checkout sessions, payment references)."""
    return hashlib.sha1(f"mockcentra:{seed}:{kind}:{n}".encode()).hexdigest()


def new_secret() -> str:
    """A fresh random key for `keyed_token` (the one deliberately unseeded value)."""
    return secrets.token_hex(32)


def keyed_token(secret: str | None, seed: int, kind: str, n: int) -> str:
    """A token nobody can derive without the instance's secret: HMAC-SHA256 of the kind and the
    counter, 40 hex characters like `token_hash`. Without a secret (a scenario being seeded) it
    falls back to `token_hash`, so seeded data stays the same for the same seed."""
    if secret is None:
        return token_hash(seed, kind, n)
    message = f"{kind}:{n}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:40]
