"""The Checkout API's endpoint table: each endpoint's handler and the models its body and path
parameters are read into (rest/checkout_models.py). A handler gets the request already read,
changes the selection through one domain action and answers None (the session follows) or a
body of its own; the routes (checkout_api.py) and the OpenAPI document (checkout_openapi.py)
are built from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mockcentra.domain.checkout import actions as checkout
from mockcentra.domain.checkout import codes
from mockcentra.domain.checkout.newsletter import subscribe_newsletter
from mockcentra.domain.checkout.payment import confirm_redirect_payment, pay
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.rest import checkout_models as m
from mockcentra.rest.checkout_serializers import receipt_body
from mockcentra.rest.models import NoInput, RestModel
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import OrderRow, SelectionRow
from mockcentra.storage.tables.base import stored
from mockcentra.storage.uow import UnitOfWork

# ---------------------------------------------------------------- endpoints


@dataclass
class Call:
    """One request to an endpoint: its selection (in the unit of work), and its path and body
    read into the endpoint's models."""

    runtime: Runtime
    selection: SelectionRow
    path: Any
    body: Any


#: A handler changes the selection through the domain and answers None (the session body
#: follows) or a body of its own.
Handler = Callable[[UnitOfWork, Call], dict[str, Any] | None]

#: The refusals every endpoint may answer, by status.
ERRORS = ("400", "401", "404", "409")
PAYING = ("400", "401", "402", "404", "409")


@dataclass(frozen=True)
class Endpoint:
    """One documented endpoint. `opens_session`: a call without a token (or with an unknown
    one) starts a selection; otherwise it is a 404. `body` and `params` are the models the
    request is read into; `summary`, `response`, `errors` and `unavailable` (a 410 when items
    ran out) describe it in the document."""

    method: str
    path: str
    handler: Handler
    opens_session: bool = True
    write: bool = True
    body: type[RestModel] = NoInput
    params: type[RestModel] = NoInput
    summary: str = ""
    response: str = "Session"
    errors: tuple[str, ...] = ERRORS
    unavailable: bool = False


def get_selection(uow: UnitOfWork, call: Call) -> None:
    return None


def put_selection(uow: UnitOfWork, call: Call) -> None:
    body: m.SelectionUpdate = call.body
    if body.country:
        checkout.set_country(uow, call.selection, body.country)
    if body.address or body.shippingAddress:
        checkout.set_address(uow, call.selection, body.address, body.shippingAddress)


def add_item(uow: UnitOfWork, call: Call) -> None:
    body: m.AddItem = call.body
    checkout.add_item(uow, call.selection, call.path.item, body.quantity)


def line_up(uow: UnitOfWork, call: Call) -> None:
    checkout.change_line_quantity(uow, call.selection, call.path.line, call.path.n)


def line_down(uow: UnitOfWork, call: Call) -> None:
    checkout.change_line_quantity(uow, call.selection, call.path.line, -call.path.n)


def remove_line(uow: UnitOfWork, call: Call) -> None:
    checkout.remove_line(uow, call.selection, call.path.line)


def put_country(uow: UnitOfWork, call: Call) -> None:
    checkout.set_country(uow, call.selection, call.path.country)


def put_payment_method(uow: UnitOfWork, call: Call) -> None:
    checkout.set_payment_method(uow, call.selection, call.path.method)


def add_voucher(uow: UnitOfWork, call: Call) -> None:
    body: m.Voucher = call.body
    codes.apply_code(uow, call.selection, body.voucher or "")


def remove_voucher(uow: UnitOfWork, call: Call) -> None:
    body: m.Voucher = call.body
    codes.remove_code(uow, call.selection, body.voucher or "")


def remove_voucher_code(uow: UnitOfWork, call: Call) -> None:
    codes.remove_code(uow, call.selection, call.path.code)


def payment(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    body: m.Payment = call.body
    order, sel = pay(
        uow,
        call.selection,
        address=body.address or {},
        shipping_address=body.shippingAddress,
        payment_method=body.paymentMethod,
        outcome=body.paymentMethodSpecificFields or {},
        terms_accepted=body.termsAndConditions,
        promotion_ids=body.promotionId,  # checked by pay
    )
    if order is None:
        return_page = body.paymentReturnPage or "/payment-return"
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
    body: m.PaymentResult = call.body
    order = confirm_redirect_payment(uow, call.selection, body.paymentMethodFields or {})
    return {"token": call.selection.token, **receipt_body(uow.session, order, call.runtime)}


def receipt(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    sel = call.selection
    if sel.order_id is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, "no order has been placed in this session", ["order"]
        )
    order = stored(uow.session, OrderRow, sel.order_id)
    return {"token": sel.token, **receipt_body(uow.session, order, call.runtime)}


def newsletter(uow: UnitOfWork, call: Call) -> dict[str, Any]:
    body: m.Newsletter = call.body
    sel = call.selection
    subscribe_newsletter(uow, body.email or "", body.country, sel.store_id)
    return {"token": sel.token, "subscribed": True}


ENDPOINTS = [
    Endpoint(
        "GET",
        "/selection",
        get_selection,
        summary="The session's selection (a new session when no token is sent)",
    ),
    Endpoint(
        "PUT",
        "/selection",
        put_selection,
        body=m.SelectionUpdate,
        summary="Set country and addresses",
    ),
    Endpoint(
        "POST",
        "/items/{item}",
        add_item,
        body=m.AddItem,
        params=m.ItemPath,
        summary="Add an item",
        unavailable=True,
    ),
    Endpoint(
        "POST",
        "/lines/{line}/quantity/{n}",
        line_up,
        opens_session=False,
        params=m.LineQuantityPath,
        summary="Raise a line's quantity",
        unavailable=True,
    ),
    Endpoint(
        "DELETE",
        "/lines/{line}/quantity/{n}",
        line_down,
        opens_session=False,
        params=m.LineQuantityPath,
        summary="Lower a line's quantity",
    ),
    Endpoint(
        "DELETE",
        "/lines/{line}",
        remove_line,
        opens_session=False,
        params=m.LinePath,
        summary="Remove a line",
    ),
    Endpoint(
        "PUT",
        "/countries/{country}",
        put_country,
        params=m.CountryPath,
        summary="Change country",
    ),
    Endpoint(
        "PUT",
        "/payment-methods/{method}",
        put_payment_method,
        params=m.PaymentMethodPath,
        summary="Choose the payment method",
    ),
    Endpoint(
        "POST",
        "/vouchers",
        add_voucher,
        opens_session=False,
        body=m.Voucher,
        summary="Apply a voucher code",
    ),
    Endpoint(
        "DELETE",
        "/vouchers",
        remove_voucher,
        opens_session=False,
        body=m.Voucher,
        summary="Remove a voucher code (body `voucher`)",
    ),
    Endpoint(
        "DELETE",
        "/vouchers/{code}",
        remove_voucher_code,
        opens_session=False,
        params=m.VoucherCodePath,
        summary="Remove a voucher code",
    ),
    Endpoint(
        "POST",
        "/payment",
        payment,
        opens_session=False,
        body=m.Payment,
        summary="Pay: place the order, or redirect to the PSP",
        response="PaymentResponse",
        errors=PAYING,
        unavailable=True,
    ),
    Endpoint(
        "POST",
        "/payment-result",
        payment_result,
        opens_session=False,
        body=m.PaymentResult,
        summary="Finish a redirect payment",
        response="ReceiptResponse",
        errors=PAYING,
    ),
    Endpoint(
        "GET",
        "/receipt",
        receipt,
        opens_session=False,
        write=False,
        summary="The receipt of the session's order",
        response="ReceiptResponse",
    ),
    Endpoint(
        "POST",
        "/newsletter-subscription",
        newsletter,
        body=m.Newsletter,
        summary="Sign up for the newsletter",
        response="NewsletterResponse",
    ),
]

__all__ = ["ENDPOINTS", "Call", "Endpoint"]
