"""Checkout API subset under /api/checkout: selection, items, location, payment, receipt.

The session token travels in `API-Token` (or `Accept: */*; api-token=<token>` on GET) and comes
back in every body. A server secret in `Authorization: Bearer` is optional; a wrong one is 401.
Every endpoint is one row of `ENDPOINTS`; its handler parses the call, runs one domain action
and leaves the answer to `checkout_serializers`. The OpenAPI document is served at
/api/checkout/openapi.json (see checkout_openapi.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.domain.checkout import actions as checkout
from mockcentra.domain.checkout import codes
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.rest import errors
from mockcentra.rest.body import read_json_object
from mockcentra.rest.checkout_openapi import checkout_api_openapi
from mockcentra.rest.checkout_serializers import receipt_body, session_body
from mockcentra.rest.transaction import run
from mockcentra.runtime.wire import INT64_MAX, INT64_MIN
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import OrderRow, SelectionRow
from mockcentra.storage.uow import UnitOfWork


def _token(request: Request) -> str | None:
    token = request.headers.get("api-token")
    if token:
        return token.strip()
    accept = request.headers.get("accept", "")
    for part in accept.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "api-token" and value:
            return value.strip()
    return None


def _object(body: dict[str, Any], name: str) -> dict[str, Any] | None:
    """An optional JSON object field; anything else is a 400 naming the field."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DomainError(ErrorCode.INVALID, "must be an object", [name])
    return value


def _text(body: dict[str, Any], name: str) -> str | None:
    """An optional text field (numbers are taken as their text); anything else is a 400."""
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise DomainError(ErrorCode.INVALID, "must be a string", [name])
    return str(value)


# ---------------------------------------------------------------- endpoints


@dataclass
class Call:
    """One request to an endpoint: its selection (in the unit of work), path and body."""

    runtime: Runtime
    selection: SelectionRow
    path: dict[str, Any]
    body: dict[str, Any]


#: A handler changes the selection through the domain and answers None (the session body
#: follows) or a body of its own.
Handler = Callable[[UnitOfWork, Call], dict[str, Any] | None]


@dataclass(frozen=True)
class Endpoint:
    """One documented endpoint. `opens_session`: a call without a token (or with an unknown
    one) starts a selection; otherwise it is a 404."""

    method: str
    path: str
    handler: Handler
    opens_session: bool = True
    write: bool = True


def get_selection(uow: UnitOfWork, call: Call) -> None:
    return None


def put_selection(uow: UnitOfWork, call: Call) -> None:
    country = _text(call.body, "country")
    address, shipping = _object(call.body, "address"), _object(call.body, "shippingAddress")
    if country:
        checkout.set_country(uow, call.selection, country)
    if address or shipping:
        checkout.set_address(uow, call.selection, address, shipping)


def add_item(uow: UnitOfWork, call: Call) -> None:
    raw = call.body.get("quantity", 1)
    quantity = int(raw) if str(raw).lstrip("-").isdigit() else 0
    if not INT64_MIN <= quantity <= INT64_MAX:  # as text, past what JSON numbers may hold
        raise DomainError(ErrorCode.INVALID, "must be a whole number", ["quantity"])
    checkout.add_item(uow, call.selection, call.path["item"], quantity)


def _step(call: Call) -> int:
    text = call.path["n"]
    if not text.isdigit():
        raise DomainError(ErrorCode.INVALID, "must be a whole number", ["quantity"])
    return int(text)


def line_up(uow: UnitOfWork, call: Call) -> None:
    checkout.change_line_quantity(uow, call.selection, call.path["line"], _step(call))


def line_down(uow: UnitOfWork, call: Call) -> None:
    checkout.change_line_quantity(uow, call.selection, call.path["line"], -_step(call))


def remove_line(uow: UnitOfWork, call: Call) -> None:
    checkout.remove_line(uow, call.selection, call.path["line"])


def put_country(uow: UnitOfWork, call: Call) -> None:
    checkout.set_country(uow, call.selection, call.path["country"])


def put_payment_method(uow: UnitOfWork, call: Call) -> None:
    checkout.set_payment_method(uow, call.selection, call.path["method"])


def add_voucher(uow: UnitOfWork, call: Call) -> None:
    codes.apply_code(uow, call.selection, _text(call.body, "voucher") or "")


def remove_voucher(uow: UnitOfWork, call: Call) -> None:
    code = call.path.get("code") or _text(call.body, "voucher") or ""
    codes.remove_code(uow, call.selection, code)


def payment(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    body = call.body
    order, sel = checkout.pay(
        uow,
        call.selection,
        address=_object(body, "address") or {},
        shipping_address=_object(body, "shippingAddress"),
        payment_method=_text(body, "paymentMethod"),
        outcome=_object(body, "paymentMethodSpecificFields") or {},
        terms_accepted=body.get("termsAndConditions", True) not in (False, "false", 0),
        promotion_ids=body.get("promotionId"),  # checked by checkout.pay
    )
    if order is None:
        return_page = _text(body, "paymentReturnPage") or "/payment-return"
        return {
            "token": sel.token,
            "action": "redirect",
            "url": f"{return_page}?centraPaymentReference={sel.token[:16]}",
        }
    return {
        "token": sel.token,
        "action": "success",
        **receipt_body(uow.session, order, call.runtime),
    }


def payment_result(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    fields = _object(call.body, "paymentMethodFields") or {}
    order = checkout.confirm_redirect_payment(uow, call.selection, fields)
    return {"token": call.selection.token, **receipt_body(uow.session, order, call.runtime)}


def receipt(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    sel = call.selection
    if sel.order_id is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, "no order has been placed in this session", ["order"]
        )
    order = uow.session.get(OrderRow, sel.order_id)
    return {"token": sel.token, **receipt_body(uow.session, order, call.runtime)}


def newsletter(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    sel = call.selection
    checkout.subscribe_newsletter(
        uow, _text(call.body, "email") or "", _text(call.body, "country"), sel.store_id
    )
    return {"token": sel.token, "subscribed": True}


ENDPOINTS = [
    Endpoint("GET", "/selection", get_selection),
    Endpoint("PUT", "/selection", put_selection),
    Endpoint("POST", "/items/{item}", add_item),
    Endpoint("POST", "/lines/{line}/quantity/{n}", line_up, opens_session=False),
    Endpoint("DELETE", "/lines/{line}/quantity/{n}", line_down, opens_session=False),
    Endpoint("DELETE", "/lines/{line}", remove_line, opens_session=False),
    Endpoint("PUT", "/countries/{country}", put_country),
    Endpoint("PUT", "/payment-methods/{method}", put_payment_method),
    Endpoint("POST", "/vouchers", add_voucher, opens_session=False),
    Endpoint("DELETE", "/vouchers", remove_voucher, opens_session=False),
    Endpoint("DELETE", "/vouchers/{code}", remove_voucher, opens_session=False),
    Endpoint("POST", "/payment", payment, opens_session=False),
    Endpoint("POST", "/payment-result", payment_result, opens_session=False),
    Endpoint("GET", "/receipt", receipt, opens_session=False, write=False),
    Endpoint("POST", "/newsletter-subscription", newsletter),
]


def _handle(runtime: Runtime, spec: Endpoint):
    """The endpoint as a Starlette handler: check the secret, read the body, run the handler in
    one unit of work, answer the session (or the handler's body), convert refusals."""

    async def handle(request: Request) -> JSONResponse:
        token = _token(request)
        header = request.headers.get("authorization")
        if header is not None and header != f"Bearer {runtime.settings.checkout_secret}":
            return errors.checkout_refusal(token, "authorization", "invalid secret", 401)
        try:
            body = await read_json_object(request)

            def act(uow: UnitOfWork) -> dict[str, Any]:
                sel = (
                    checkout.selection_for(uow, token)
                    if spec.opens_session
                    else checkout.find_selection(uow, token)
                )
                call = Call(runtime, sel, dict(request.path_params), body)
                answer = spec.handler(uow, call)
                return answer if answer is not None else session_body(uow.session, sel, runtime)

            result = run(runtime, act, write=spec.write)
        except checkout.ItemsUnavailable as error:
            return errors.checkout_error(token, error, _session_now(runtime, token))
        except DomainError as error:
            return errors.checkout_error(token, error)
        return JSONResponse(result)

    return handle


async def unknown_endpoint(request: Request) -> JSONResponse:
    """Paths and methods the Checkout API subset does not have: a JSON 404. Also the answer
    for a path no route can read at all (control/guards.py, `unrouted`)."""
    message = f"no endpoint {request.method} {request.url.path}"
    return errors.checkout_refusal(_token(request), "endpoint", message, 404)


async def _openapi(_: Request) -> JSONResponse:
    return JSONResponse(checkout_api_openapi())


def checkout_routes(runtime: Runtime) -> list[Route]:
    return [
        Route("/openapi.json", _openapi, methods=["GET"]),
        *(Route(e.path, _handle(runtime, e), methods=[e.method]) for e in ENDPOINTS),
        Route("/{rest:path}", unknown_endpoint, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]


def _session_now(runtime: Runtime, token: str | None) -> dict[str, Any]:
    """The session as it is after a refused request (for the 410 of items that ran out)."""

    def read(uow: UnitOfWork) -> dict[str, Any]:
        return session_body(uow.session, checkout.find_selection(uow, token), runtime)

    return run(runtime, read, write=False)
