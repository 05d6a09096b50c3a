"""The control plane's one error shape (`{"error": ...}`), its one JSON body reader, its typed
request models and its one exception mapping.

Every /_mock handler reads its body, query and path parameters through `body`, `query` and
`path_int` (pydantic models and bounds checked before anything runs) and refuses with
`Refused`; `handled` answers each refusal, and each domain refusal, as `{"error": ...,
"path": ...}` with its status. Anything else is the server's failure, answered by
`control/failsafe.py`.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.runtime.wire import (
    INT64_MAX,
    NOT_JSON,
    UnreadableInput,
    check_text,
    read_json,
    where,
)

M = TypeVar("M", bound=BaseModel)
Endpoint = Callable[[Request], Awaitable[Response]]


class Refused(Exception):
    """A control-plane request that cannot be done: answered `{"error": message}` (and the
    offending field's `path`) with `status`."""

    def __init__(self, message: str, status: int = 400, path: Sequence[Any] | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.path = list(path or [])


class NotAnObject(Refused):
    """The body is JSON, but not an object."""


class ControlModel(BaseModel):
    """A control-plane request model: strict types (no "abc" read as a number, no list read as
    an object), unknown keys ignored (as the routes always did), camelCase names on the wire."""

    model_config = ConfigDict(strict=True, extra="ignore", populate_by_name=True, frozen=True)


def error_body(message: str, path: Sequence[Any] | None = None) -> dict[str, Any]:
    """`{"error": message}`, with the offending field's `path` when there is one."""
    body: dict[str, Any] = {"error": message}
    if path:
        body["path"] = list(path)
    return body


def error(message: str, status: int = 400, path: Sequence[Any] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, path), status_code=status)


async def read_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object (`{}` when empty), read by the one JSON reader of every
    surface (runtime/wire.py); Refused names what is wrong."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        data = read_json(raw)
    except UnreadableInput as refused:
        if refused.message == NOT_JSON:
            raise Refused("Invalid JSON: the body is not JSON.") from None
        raise Refused(
            f"{refused.message[:1].upper()}{refused.message[1:]}.", path=refused.path
        ) from None
    if not isinstance(data, dict):
        raise NotAnObject("Invalid JSON: body must be a JSON object.")
    return data


def validated(model: type[M], data: dict[str, Any], prefix: str = "") -> M:
    """`data` as `model`, or Refused naming the first field that is wrong and why."""
    try:
        return model.model_validate(data)
    except ValidationError as invalid:
        first = invalid.errors(include_url=False)[0]
        path = _data_path(data, first["loc"])
        raise Refused(f"{prefix}'{where(path)}': {first['msg']}.", path=path) from None


def _data_path(data: Any, loc: Sequence[Any]) -> list[str | int]:
    """The part of a pydantic error location that names keys and indexes of `data` (without
    the union members it tried, such as `int` or `literal[True]`)."""
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            continue
        path.append(part)
    return path


async def body(request: Request, model: type[M], prefix: str = "") -> M:
    """The request's JSON body as `model`; `prefix` starts every refusal's message."""
    try:
        data = await read_object(request)
    except Refused as refused:
        raise Refused(prefix + refused.message, refused.status, refused.path) from None
    return validated(model, data, prefix)


def query(request: Request, model: type[M]) -> M:
    """The query parameters as `model` (each parameter given once, as text)."""
    params = {k: check_text(v, [k]) for k, v in request.query_params.items()}
    try:
        return model.model_validate(params, strict=False)
    except ValidationError as invalid:
        first = invalid.errors(include_url=False)[0]
        name = str(first["loc"][0]) if first["loc"] else "query"
        raise Refused(f"'{name}': {first['msg']}.", path=[name]) from None


def path_int(request: Request, name: str, what: str) -> int:
    """A path id (`{id:int}`); beyond SQLite's integers no row can have it, so it is 404
    naming `what` like any id that does not exist."""
    value = int(request.path_params[name])
    if not 0 < value <= INT64_MAX:
        raise Refused(f"Could not find {what} with ID {value}.", 404)
    return value


#: HTTP status of a domain refusal on the control plane.
DOMAIN_STATUS = {ErrorCode.NOT_FOUND: 404, ErrorCode.NOT_ALLOWED: 409}


def handled(endpoint: Endpoint) -> Endpoint:
    """`endpoint` with the control plane's one exception mapping: a Refused or a domain
    refusal becomes its `{"error": ...}` answer; any other exception is left to the failsafe
    (logged, 500 in the same shape)."""

    @functools.wraps(endpoint)
    async def answer(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Refused as refused:
            return error(refused.message, refused.status, refused.path)
        except DomainError as refused:
            status = DOMAIN_STATUS.get(refused.code, 400)
            return error(refused.message, status, refused.path)

    return answer


def handled_routes(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """The routes with their endpoints `handled`."""
    out: list[BaseRoute] = []
    for route in routes:
        if isinstance(route, Route):
            route = Route(
                route.path, handled(route.endpoint), methods=sorted(route.methods or ["GET"])
            )
        out.append(route)
    return out
