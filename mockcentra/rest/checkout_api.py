"""Checkout API subset under /api/checkout: selection, items, location, payment, receipt.

The session token travels in `API-Token` (or `Accept: */*; api-token=<token>` on GET) and comes
back in every body. A server secret in `Authorization: Bearer` is optional; a wrong one is 401.
The OpenAPI document is served at /api/checkout/openapi.json (see checkout_openapi.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlmodel import select
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.domain.catalog import skus
from mockcentra.domain.checkout import actions as checkout
from mockcentra.domain.checkout import codes, vouchers
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.money import ZERO, times
from mockcentra.domain.orders.status import STATUS_CODES, STATUS_WORDS, OrderStatus
from mockcentra.domain.orders.totals import line_value, lines_of, net_of_tax, order_totals
from mockcentra.domain.payments import psp
from mockcentra.domain.vouchers import entries as voucher_entries
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.rest import errors
from mockcentra.rest.body import read_json_object
from mockcentra.rest.checkout_openapi import checkout_api_openapi
from mockcentra.rest.serializers import centra_datetime, checkout_price, number, price_pair
from mockcentra.rest.transaction import run
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import (
    CountryRow,
    MarketRow,
    OrderRow,
    PricelistRow,
    ShipmentRow,
    ShippingOptionRow,
)


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


# ---------------------------------------------------------------- shapes


def _minus(name: str, amount: Decimal, currency: str) -> dict[str, Any]:
    """A discount as Centra prints it: negative (`-10.00 SEK`), zero as `0.00`."""
    return {
        name: checkout_price(-amount if amount else ZERO, currency),
        f"{name}AsNumber": number(-amount) if amount else 0,
    }


def _voucher_lists(
    entries: list[VoucherEntry], currency: str, zone, tokens: dict[str, str] | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Order-level `discounts.vouchers` and `discounts.automaticDiscounts` of voucher entries.

    `tokens` maps item ids to selection line ids (`lines`); receipts have no line ids.
    Gap: newer Centra instances key these by code / voucher id; mockcentra returns lists, as
    the Checkout API's OpenAPI description does.
    """
    codes, automatic = [], []
    for e in entries:
        block: dict[str, Any] = {**_minus("priceOff", e.items_value, currency)}
        if tokens is not None:
            block["lines"] = [tokens[k] for k in e.lines if k in tokens]
        block.update(_minus("shippingDiscount", e.shipping_value, currency))
        if e.free_shipping_for is not None:
            block["freeShippingFor"] = [str(i) for i in e.free_shipping_for]
        block["expiryDate"] = centra_datetime(e.expiry, zone)
        if e.automatic:
            automatic.append({"automaticDiscount": str(e.voucher_id), "name": e.name, **block})
        else:
            kind = "url" if e.method == "URL" else "code"
            codes.append({"voucher": e.voucher, "type": kind, "description": e.name, **block})
    return codes, automatic


def _item_discounts(
    entries: list[VoucherEntry], item: str, currency: str, affected: bool
) -> dict[str, Any]:
    """`items[].discounts`: what each voucher took off this line."""
    codes, automatic = [], []
    for e in entries:
        off = e.lines.get(item, ZERO)
        if not off:
            continue
        block = {**_minus("priceOff", off, currency), "hasAffectedItemPrice": affected}
        if e.automatic:
            automatic.append({"automaticDiscount": e.voucher_id, **block})
        else:
            codes.append({"voucher": e.voucher, **block})
    return {"vouchers": codes, "automaticDiscounts": automatic}


def _discounts(
    entries: list[VoucherEntry], currency: str, zone, tokens: dict[str, str] | None
) -> dict[str, Any]:
    codes, automatic = _voucher_lists(entries, currency, zone, tokens)
    items_off = sum((e.items_value for e in entries), ZERO)
    auto_off = sum((e.items_value for e in entries if e.automatic), ZERO)
    return {
        "anyDiscount": items_off > 0,
        **_minus("discount", auto_off, currency),
        "vouchers": codes,
        "automaticDiscounts": automatic,
    }


def selection_body(session, sel, runtime: Runtime) -> dict[str, Any]:
    """The selection: item prices before vouchers; the vouchers' discount at order level.

    As in Centra, a selection shows voucher discounts in `discounts` and `totals`
    (`hasAffectedItemPrice` false); the order moves them onto its items.
    """
    summary = checkout.summarize(session, sel, runtime.clock.now())
    code = summary.currency.code
    zone = runtime.clock.zone
    assert summary.discounts is not None
    entries = vouchers.order_entries(summary.discounts, code)
    applied = {e.voucher_id for e in entries}
    for attached in summary.discounts.attached:
        if attached.row.id not in applied:
            entries.append(vouchers.idle_entry(attached, code))
    tokens = {line.item: line.row.line for line in summary.lines}
    items = [
        {
            "item": line.item,
            "product": str(line.row.display_id),
            "productName": line.product.name,
            "variantName": line.variant.name,
            "size": line.size_name,
            "sku": skus.sku(
                line.product.product_number, line.variant.variant_number, line.size.size_number
            ),
            "ean": line.size.ean,
            "quantity": line.row.quantity,
            "line": line.row.line,
            "comment": line.row.comment,
            **price_pair("priceEach", line.unit_price, code),
            **price_pair("priceEachBeforeDiscount", line.unit_price, code),
            **price_pair(
                "priceEachWithoutTax",
                net_of_tax(line.unit_price, line.tax_percent_hundredths),
                code,
            ),
            **price_pair("priceEachReduction", ZERO, code),
            **price_pair("totalPrice", line.total, code),
            **price_pair("totalPriceBeforeDiscount", line.total, code),
            "anyDiscount": False,
            "discounts": _item_discounts(entries, line.item, code, affected=False),
            "taxPercent": line.tax_percent_hundredths / 100,
        }
        for line in summary.lines
    ]
    discount = summary.items_discount
    totals = {
        **price_pair("itemsTotalPrice", summary.items_total, code),
        **(
            _minus("totalDiscountPrice", discount, code)
            if discount
            else {"totalDiscountPrice": False, "totalDiscountPriceAsNumber": False}
        ),
        **price_pair("shippingPrice", summary.shipping_due, code),
        **price_pair("handlingCostPrice", ZERO, code),
        "totalQuantity": summary.quantity,
        "taxDeducted": False,
        "taxDeductedAsNumber": False,
        "taxAdded": False,
        "taxAddedAsNumber": False,
        "taxPercent": summary.tax_percent_hundredths / 100,
        **price_pair("grandTotalPrice", summary.grand_total, code),
        **price_pair("grandTotalPriceTax", summary.tax, code),
    }
    option = (
        session.get(ShippingOptionRow, sel.shipping_option_id) if sel.shipping_option_id else None
    )
    return {
        "currency": code,
        "language": sel.language,
        "paymentMethod": sel.payment_method,
        "paymentMethodName": psp.method_name(sel.payment_method),
        "shippingMethod": str(option.id) if option else None,
        "shippingMethodName": option.name if option else None,
        "items": items,
        "discounts": _discounts(entries, code, zone, tokens),
        "totals": totals,
        "vatExempt": False,
        "address": dict(sel.address or {}),
        "shippingAddress": sel.shipping_address or {},
        "currencyFormat": {
            "currency": code,
            "name": code,
            "prefix": "",
            "suffix": f"\u00a0{code}",
            "decimalPoint": ".",
            "decimalDigits": 2,
        },
    }


def location_body(session, sel) -> dict[str, Any]:
    country = checkout.country_by_code(session, sel.country_code)
    market = session.get(MarketRow, sel.market_id)
    pricelist = session.get(PricelistRow, sel.pricelist_id)
    return {
        "country": country.code,
        "countryName": country.name,
        "state": None,
        "market": str(market.id),
        "pricelist": str(pricelist.id),
        "eu": country.is_eu,
    }


def session_body(session, sel, runtime: Runtime) -> dict[str, Any]:
    return {
        "token": sel.token,
        "selection": selection_body(session, sel, runtime),
        "location": location_body(session, sel),
        "paymentMethods": [
            {
                "paymentMethod": key,
                "name": name,
                "paymentMethodType": key,
                "supportsInitiateOnly": False,
            }
            for key, name in psp.METHODS.items()
        ],
        "shippingMethods": [
            {
                "shippingMethod": str(o.id),
                "name": o.name,
                "price": checkout_price(o.price, o.currency_code or ""),
                "priceAsNumber": number(o.price),
            }
            for o in session.exec(
                select(ShippingOptionRow).where(ShippingOptionRow.store_id == sel.store_id)
            )
        ],
        "countries": [
            {"country": c.code, "name": c.name, "eu": c.is_eu}
            for c in session.exec(select(CountryRow).order_by(CountryRow.code))
        ],
    }


def receipt_body(session, order: OrderRow, runtime: Runtime) -> dict[str, Any]:
    zone = runtime.clock.zone
    code = order.currency_code
    totals = order_totals(session, order)
    status = OrderStatus(order.status)
    shipments = session.exec(select(ShipmentRow).where(ShipmentRow.order_id == order.id)).all()
    entries = voucher_entries.read(order.vouchers)
    return {
        "order": str(order.number),
        "orderId": order.hash,
        "status": "untouched" if status == OrderStatus.PENDING else status.value.lower(),
        "statusCode": STATUS_CODES[status],
        "statusDescription": STATUS_WORDS[status],
        "message": "Thank you for your order!",
        "date": centra_datetime(order.created_at, zone),
        "market": str(order.market_id),
        "pricelist": str(order.pricelist_id),
        "currency": code,
        "paymentMethod": order.payment_method,
        "paymentMethodName": psp.method_name(order.payment_method),
        "items": [
            {
                "item": f"{line.display_id}-{line.product_size_id}",
                "productName": line.product_name,
                "variantName": line.variant_name,
                "size": line.size_name,
                "sku": line.sku,
                "ean": line.ean,
                "quantity": line.quantity,
                **price_pair("priceEach", line.unit_price, code),
                **price_pair("priceEachBeforeDiscount", line.unit_original_price, code),
                **price_pair(
                    "priceEachReduction", line.unit_original_price - line.unit_price, code
                ),
                **price_pair("totalPrice", line_value(line), code),
                **price_pair(
                    "totalPriceBeforeDiscount", times(line.unit_original_price, line.quantity), code
                ),
                "anyDiscount": line.unit_price != line.unit_original_price,
                "discounts": _item_discounts(
                    entries, f"{line.display_id}-{line.product_size_id}", code, affected=True
                ),
                "taxPercent": line.tax_percent_hundredths / 100,
            }
            for line in lines_of(session, order.id)
        ],
        "discounts": _discounts(entries, code, zone, None),
        "totals": {
            **price_pair("itemsTotalPrice", totals.items, code),
            **(
                _minus("totalDiscountPrice", totals.discounts, code)
                if totals.discounts
                else {"totalDiscountPrice": False, "totalDiscountPriceAsNumber": False}
            ),
            **price_pair("shippingPrice", totals.shipping, code),
            **price_pair("grandTotalPrice", totals.grand_total, code),
            **price_pair("grandTotalPriceTax", totals.tax, code),
        },
        "address": order.billing_address,
        "shippingAddress": order.shipping_address,
        "shipments": [
            {
                "shipmentId": s.number,
                "shippedDate": centra_datetime(s.shipped_at, zone),
                "carrier": s.carrier,
                "service": s.service,
                "trackingId": s.tracking_number,
                "returnSlipTracking": s.return_tracking_number,
                "additionalMessage": s.additional_message,
            }
            for s in shipments
        ],
    }


# ---------------------------------------------------------------- endpoints


def checkout_routes(runtime: Runtime) -> list[Route]:
    def authorized(request: Request) -> bool:
        header = request.headers.get("authorization")
        return header is None or header == f"Bearer {runtime.settings.checkout_secret}"

    def endpoint(method_action, *, creates_session: bool = True, write: bool = True):
        async def handle(request: Request) -> JSONResponse:
            token = _token(request)
            if not authorized(request):
                return errors.checkout_refusal(token, "authorization", "invalid secret", 401)
            try:
                body = await read_json_object(request)

                def act(uow):
                    sel = (
                        checkout.selection_for(uow, token)
                        if creates_session
                        else checkout.find_selection(uow, token)
                    )
                    result = method_action(uow, sel, request, body)
                    return (
                        result
                        if isinstance(result, JSONResponse | dict)
                        else session_body(uow.session, sel, runtime)
                    )

                result = run(runtime, act, write=write)
            except checkout.ItemsUnavailable as error:
                return errors.checkout_error(token, error, _session_now(runtime, token))
            except DomainError as error:
                return errors.checkout_error(token, error)
            return result if isinstance(result, JSONResponse) else JSONResponse(result)

        return handle

    def get_selection(uow, sel, request, body):
        return None

    def put_selection(uow, sel, request, body):
        country = _text(body, "country")
        address, shipping = _object(body, "address"), _object(body, "shippingAddress")
        if country:
            checkout.set_country(uow, sel, country)
        if address or shipping:
            checkout.set_address(uow, sel, address, shipping)
        return None

    def add_item(uow, sel, request, body):
        quantity = (
            int(body.get("quantity", 1))
            if str(body.get("quantity", 1)).lstrip("-").isdigit()
            else 0
        )
        checkout.add_item(uow, sel, request.path_params["item"], quantity)
        return None

    def step(request: Request) -> int:
        text = request.path_params["n"]
        if not text.isdigit():
            raise DomainError(ErrorCode.INVALID, "must be a whole number", ["quantity"])
        return int(text)

    def line_up(uow, sel, request, body):
        checkout.change_line_quantity(uow, sel, request.path_params["line"], step(request))
        return None

    def line_down(uow, sel, request, body):
        checkout.change_line_quantity(uow, sel, request.path_params["line"], -step(request))
        return None

    async def unknown(request: Request) -> JSONResponse:
        """Paths and methods the Checkout API subset does not have: a JSON 404."""
        message = f"no endpoint {request.method} {request.url.path}"
        return errors.checkout_refusal(_token(request), "endpoint", message, 404)

    def remove_line(uow, sel, request, body):
        checkout.remove_line(uow, sel, request.path_params["line"])
        return None

    def put_country(uow, sel, request, body):
        checkout.set_country(uow, sel, request.path_params["country"])
        return None

    def put_payment_method(uow, sel, request, body):
        checkout.set_payment_method(uow, sel, request.path_params["method"])
        return None

    def add_voucher(uow, sel, request, body):
        codes.apply_code(uow, sel, _text(body, "voucher") or "")
        return None

    def remove_voucher(uow, sel, request, body):
        codes.remove_code(uow, sel, request.path_params.get("code") or _text(body, "voucher") or "")
        return None

    def payment(uow, sel, request, body):
        order, sel = checkout.pay(
            uow,
            sel,
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
            **receipt_body(uow.session, order, runtime),
        }

    def payment_result(uow, sel, request, body):
        fields = _object(body, "paymentMethodFields") or {}
        order = checkout.confirm_redirect_payment(uow, sel, fields)
        return {"token": sel.token, **receipt_body(uow.session, order, runtime)}

    def receipt(uow, sel, request, body):
        if sel.order_id is None:
            raise DomainError(
                ErrorCode.NOT_FOUND, "no order has been placed in this session", ["order"]
            )
        return {
            "token": sel.token,
            **receipt_body(uow.session, uow.session.get(OrderRow, sel.order_id), runtime),
        }

    def newsletter(uow, sel, request, body):
        checkout.subscribe_newsletter(
            uow, _text(body, "email") or "", _text(body, "country"), sel.store_id
        )
        return {"token": sel.token, "subscribed": True}

    async def openapi(_: Request) -> JSONResponse:
        return JSONResponse(checkout_api_openapi())

    return [
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/selection", endpoint(get_selection, write=True), methods=["GET"]),
        Route("/selection", endpoint(put_selection), methods=["PUT"]),
        Route("/items/{item}", endpoint(add_item), methods=["POST"]),
        Route(
            "/lines/{line}/quantity/{n}",
            endpoint(line_up, creates_session=False),
            methods=["POST"],
        ),
        Route(
            "/lines/{line}/quantity/{n}",
            endpoint(line_down, creates_session=False),
            methods=["DELETE"],
        ),
        Route("/lines/{line}", endpoint(remove_line, creates_session=False), methods=["DELETE"]),
        Route("/countries/{country}", endpoint(put_country), methods=["PUT"]),
        Route("/payment-methods/{method}", endpoint(put_payment_method), methods=["PUT"]),
        Route("/vouchers", endpoint(add_voucher, creates_session=False), methods=["POST"]),
        Route("/vouchers", endpoint(remove_voucher, creates_session=False), methods=["DELETE"]),
        Route(
            "/vouchers/{code}", endpoint(remove_voucher, creates_session=False), methods=["DELETE"]
        ),
        Route("/payment", endpoint(payment, creates_session=False), methods=["POST"]),
        Route("/payment-result", endpoint(payment_result, creates_session=False), methods=["POST"]),
        Route("/receipt", endpoint(receipt, creates_session=False, write=False), methods=["GET"]),
        Route("/newsletter-subscription", endpoint(newsletter), methods=["POST"]),
        Route("/{rest:path}", unknown, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]


def _session_now(runtime: Runtime, token: str | None) -> dict[str, Any]:
    """The session as it is after a refused request (for the 410 of items that ran out)."""

    def read(uow):
        return session_body(uow.session, checkout.find_selection(uow, token), runtime)

    return run(runtime, read, write=False)
