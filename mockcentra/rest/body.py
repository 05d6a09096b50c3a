"""The REST APIs' one JSON body reader (Order API and Checkout API alike)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from mockcentra.domain.errors import invalid


async def read_json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object; an empty (or blank) body is `{}`. Anything else is a
    DomainError on `body`, which each API answers in its own error envelope."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise invalid("request body is not valid JSON", ["body"]) from None
    if not isinstance(data, dict):
        raise invalid("request body must be a JSON object", ["body"])
    return data
