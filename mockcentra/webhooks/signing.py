"""Wire format and signature of Centra webhooks.

Body: `payload=<percent-encoded JSON>` (application/x-www-form-urlencoded). Header:
`X-Centra-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
The JSON is encoded the way JavaScript's `encodeURIComponent` does (`%20`, `!*'()` kept), so
receivers that rebuild the body from the parsed payload compute the same signature.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import parse_qs, quote

HEADER = "X-Centra-Signature"
CONTENT_TYPE = "application/x-www-form-urlencoded"
_URI_COMPONENT_SAFE = "!*'()"


def encode_body(payload: Any) -> str:
    """The exact bytes (as text) that are signed and sent."""
    text = json.dumps(payload, separators=(",", ":"))
    return "payload=" + quote(text, safe=_URI_COMPONENT_SAFE)


def decode_body(body: str | bytes) -> Any:
    """The JSON payload of a webhook body (what a receiver does)."""
    if isinstance(body, bytes):
        body = body.decode()
    values = parse_qs(body, keep_blank_values=True).get("payload")
    if not values:
        raise ValueError("the body has no 'payload' field")
    return json.loads(values[0])


def signature(secret: str, timestamp: int, body: str | bytes) -> str:
    """Hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the endpoint secret."""
    raw = body if isinstance(body, bytes) else body.encode()
    message = f"{timestamp}.".encode() + raw
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: str | bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def parse_header(value: str) -> dict[str, str]:
    """Split `t=...,v1=...` on `,` then `=`, as Centra tells receivers to."""
    parts: dict[str, str] = {}
    for piece in value.split(","):
        key, sep, val = piece.strip().partition("=")
        if sep:
            parts[key] = val
    return parts


def verify(
    secret: str,
    header: str | None,
    body: str | bytes,
    *,
    now: int | None = None,
    tolerance: int | None = None,
) -> bool:
    """True when the header signs this body; with `tolerance`, `t` must be that recent."""
    if not header:
        return False
    parts = parse_header(header)
    if "t" not in parts or "v1" not in parts or not parts["t"].lstrip("-").isdigit():
        return False
    timestamp = int(parts["t"])
    if tolerance is not None and now is not None and abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), parts["v1"])
