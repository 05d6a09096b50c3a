"""DomainError -> the Order API's error envelope: `{"status": "no", "msg": ..., <echoed ids>}`.

The one place REST Order API refusals get their wording and HTTP status. Centra documents only
HTTP 200 for its Order API, also with `"status": "no"`; mockcentra answers business refusals
with 200 too (set `Settings.extra["order_api_error_status"]` to e.g. 400 to change that).
Requests without the right `API-Authorization` get HTTP 401 (undocumented by Centra).
Where Centra's documentation shows a message (order does not exist, can not capture order,
capture failed, Return with id=N does not exist, return could not be created.) that text is
used; otherwise the domain's own message (the same text the Integration API gives).
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from mockcentra.domain.errors import DomainError, ErrorCode

AUTH_STATUS = 401
MISSING_KEY = "API-Authorization header is missing"
WRONG_KEY = "API-Authorization is not valid"

#: Operations whose errors Centra reports as `msg: {field: reason}` objects.
FIELD_MESSAGE_OPERATIONS = frozenset({"get_voucher", "clone_voucher"})


def centra_message(operation: str, error: DomainError, echo: dict[str, Any]) -> str | dict:
    """Centra's words for a refusal of `operation` (the endpoint's name in order_api)."""
    head = error.path[0] if error.path else None
    tail = error.path[-1] if error.path else None
    if operation in FIELD_MESSAGE_OPERATIONS:
        return {str(tail or "voucher"): error.message}
    if head == "capture":
        return "can not capture order" if operation == "create_shipment" else "capture failed"
    if error.code == ErrorCode.NOT_FOUND:
        if operation in ("update_return",) and tail == "id":
            return f"Return with id={echo.get('return')} does not exist"
        if tail == "order":
            return "order does not exist"
        if tail == "shipment":
            return "shipment does not exist"
    return error.message


def order_api_error(
    error: DomainError,
    operation: str,
    echo: dict[str, Any],
    status_code: int = 200,
    context: dict[str, Any] | None = None,
) -> JSONResponse:
    """The error envelope for a refused request; `echo` (the request's own ids) is repeated in
    the body, `context` only feeds the message."""
    ids = {**(context or {}), **echo}
    body: dict[str, Any] = {"status": "no", "msg": centra_message(operation, error, ids)}
    body.update(echo)
    return JSONResponse(body, status_code=status_code)


def bad_request(msg: str | dict, status_code: int = 200, **echo: Any) -> JSONResponse:
    """A request the API cannot read (wrong parameter types, bad JSON): same envelope."""
    return JSONResponse({"status": "no", "msg": msg, **echo}, status_code=status_code)


def unauthorized(header: str | None) -> JSONResponse:
    """401 with the envelope; the message says whether the key was missing or wrong."""
    msg = MISSING_KEY if not header else WRONG_KEY
    return JSONResponse({"status": "no", "msg": msg}, status_code=AUTH_STATUS)


def not_found_endpoint(method: str, path: str) -> JSONResponse:
    return JSONResponse(
        {"status": "no", "msg": f"unknown endpoint: {method} {path}"}, status_code=404
    )
