"""The one place REST refusals are built, for both APIs.

Order API: `{"status": "no", "msg": ..., <echoed ids>}`; Checkout API: `{"token": <session
token or null>, "errors": {<field>: <message>}}`. Each turns a DomainError into its envelope
and HTTP status here, and the request guards use the same envelopes.

Order API: the one place refusals get their wording and HTTP status. Centra documents only
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

from mockcentra.domain.checkout.actions import SelectionNotFound
from mockcentra.domain.checkout.payment import AddressErrors, ItemsUnavailable
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.runtime import trace

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
    if head == "capture" and not _malformed_value(error):
        return "can not capture order" if operation == "create_shipment" else "capture failed"
    if error.code == ErrorCode.NOT_FOUND:
        if operation == "update_return" and error.points_in and not error.path:
            # the return the endpoint named (the domain's error points at the id it was given)
            return f"Return with id={echo.get('return')} does not exist"
        if tail == "order":
            return "order does not exist"
        if tail == "shipment":
            return "shipment does not exist"
    return error.message


def _malformed_value(error: DomainError) -> bool:
    """A value the request's model refused (`capture: "maybe"`), not a refused operation: it
    keeps its own message."""
    return error.code in (ErrorCode.INVALID, ErrorCode.REQUIRED) and len(error.path) == 1


def order_api_error(
    error: DomainError,
    operation: str,
    echo: dict[str, Any],
    status_code: int = 200,
    context: dict[str, Any] | None = None,
) -> JSONResponse:
    """The error envelope for a refused request; `echo` (the request's own ids) is repeated in
    the body, `context` only feeds the message."""
    trace.note_refusal(error.described())
    ids = {**(context or {}), **echo}
    body = order_body(centra_message(operation, error, ids), **echo)
    return JSONResponse(body, status_code=status_code)


def order_body(msg: str | dict, **echo: Any) -> dict[str, Any]:
    """The Order API's error envelope."""
    return {"status": "no", "msg": msg, **echo}


def bad_request(msg: str | dict, status_code: int = 200, **echo: Any) -> JSONResponse:
    """A request the API cannot read (wrong parameter types, bad JSON): same envelope."""
    return JSONResponse(order_body(msg, **echo), status_code=status_code)


def unauthorized(header: str | None) -> JSONResponse:
    """401 with the envelope; the message says whether the key was missing or wrong."""
    msg = MISSING_KEY if not header else WRONG_KEY
    return JSONResponse(order_body(msg), status_code=AUTH_STATUS)


def not_found_endpoint(method: str, path: str) -> JSONResponse:
    return JSONResponse(order_body(f"unknown endpoint: {method} {path}"), status_code=404)


# ---------------------------------------------------------------- Checkout API

#: HTTP status of a Checkout API refusal by the DomainError's code (else 400).
CHECKOUT_STATUS = {
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.INSUFFICIENT_STOCK: 410,
    ErrorCode.PAYMENT_FAILED: 402,
    ErrorCode.NOT_ALLOWED: 409,
}


def checkout_body(token: str | None, errors: dict[str, Any]) -> dict[str, Any]:
    """The Checkout API's error envelope: the session token and the errors by field."""
    return {"token": token, "errors": errors}


def checkout_refusal(token: str | None, field: str, message: str, status: int) -> JSONResponse:
    """A refusal that is no DomainError (a wrong secret, an unknown endpoint)."""
    return JSONResponse(checkout_body(token, {field: message}), status_code=status)


def checkout_error(
    token: str | None, error: DomainError, session: dict[str, Any] | None = None
) -> JSONResponse:
    """A DomainError in the Checkout API's terms. Items that ran out answer 410 with the
    session as it is now (`session`, the items already removed) and what became unavailable."""
    trace.note_refusal(error.described())
    if isinstance(error, ItemsUnavailable):
        body = dict(session or checkout_body(token, {}))
        body["unavailable"] = [
            {
                "item": u.item,
                "product": str(u.product),
                "originalQuantity": u.original_quantity,
                "unavailable": u.unavailable,
                "available": u.available,
            }
            for u in error.items
        ]
        body["errors"] = {"items": error.message}
        return JSONResponse(body, status_code=410)
    key = ".".join(str(p) for p in error.path) or "selection"
    body = checkout_body(token, {key: error.message})
    status = CHECKOUT_STATUS.get(error.code, 400)
    if isinstance(error, AddressErrors):
        body["errors"] = error.fields
    if isinstance(error, SelectionNotFound):
        status = 404
    return JSONResponse(body, status_code=status)
