"""The control plane's one error shape (`{"error": ...}`) and its one JSON body reader."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse


class NotAnObject(ValueError):
    """The body is JSON, but not an object."""


def error_body(message: str, path: Sequence[Any] | None = None) -> dict[str, Any]:
    """`{"error": message}`, with the offending field's `path` when there is one."""
    body: dict[str, Any] = {"error": message}
    if path:
        body["path"] = list(path)
    return body


def error(message: str, status: int = 400, path: Sequence[Any] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, path), status_code=status)


async def read_json(request: Request) -> dict[str, Any]:
    """The body as a JSON object (`{}` when empty); ValueError names what is wrong."""
    raw = await request.body()
    if not raw.strip():
        return {}
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise NotAnObject("body must be a JSON object")
    return data
