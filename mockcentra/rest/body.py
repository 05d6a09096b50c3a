"""The REST APIs' one JSON body reader (Order API and Checkout API alike)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from mockcentra.domain.errors import invalid
from mockcentra.runtime.wire import UnreadableInput, read_json


async def read_json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object; an empty (or blank) body is `{}`. A body that is no JSON
    object, or holds a value no API can take (see runtime/wire.py), is a DomainError on the
    value's path (`body` for the whole), which each API answers in its own error envelope."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        data = read_json(raw)
    except UnreadableInput as refused:
        raise invalid(refused.message, refused.path or ["body"]) from None
    if not isinstance(data, dict):
        raise invalid("request body must be a JSON object", ["body"])
    return data
