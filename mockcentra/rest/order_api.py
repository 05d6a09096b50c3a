"""Centra's REST Order API (server to server) under `Settings.order_api_base` (default
/api/order; also /api/order/<pluginId>/...), built on the same domain actions as GraphQL.

Every request needs `API-Authorization: <Settings.order_api_secret>`. Success is
`{"status": "ok", ...}`; a refusal `{"status": "no", "msg": ...}` (see rest/errors.py). Each
request is one transaction: a refused write leaves nothing behind. `xml=1` is not supported.
The OpenAPI document is served at `<base>/openapi.json` (see order_openapi.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import BaseRoute, Mount, Route

from mockcentra.domain.customers.queries import find_customers
from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import given_amount
from mockcentra.domain.orders import external, queries
from mockcentra.domain.returns import queries as returns_queries
from mockcentra.domain.returns.actions import ReturnCost
from mockcentra.domain.shipments.actions import ShipmentInfo
from mockcentra.domain.shipments.status import ShipmentStatus
from mockcentra.domain.vouchers import actions as vouchers
from mockcentra.domain.vouchers import queries as voucher_queries
from mockcentra.rest import errors
from mockcentra.rest.body import read_json_object
from mockcentra.rest.order_openapi import order_api_openapi
from mockcentra.rest.order_serializers import Shapes
from mockcentra.rest.transaction import run
from mockcentra.runtime.clock import RANGE_TEXT, within_range
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import CustomerRow, OrderRow
from mockcentra.storage.uow import UnitOfWork

DEFAULT_ORDER_LIMIT = 20
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


# ---------------------------------------------------------------- reading requests


@dataclass
class Call:
    """One request: query parameters, JSON body, path parameters and the store's time zone."""

    query: Any
    body: dict[str, Any]
    path: dict[str, Any]
    runtime: Runtime

    def text(self, name: str) -> str | None:
        value = self.query.get(name)
        return value if value not in (None, "") else None

    def int(self, name: str, default: int | None = None) -> int | None:
        value = self.text(name)
        if value is None:
            return default
        try:
            return _in_range(int(value), name)
        except ValueError:
            raise invalid(f"{name} must be an integer", [name]) from None

    def date(self, name: str) -> datetime | None:
        value = self.text(name)
        return None if value is None else parse_date(value, name, self.runtime)


def parse_date(value: Any, name: str, runtime: Runtime) -> datetime:
    """`YYYY-mm-dd` or `YYYY-mm-dd HH:MM:SS` in the store's time zone (a `+` in a URL is a
    space once decoded)."""
    text = str(value).strip().replace("+", " ").replace("T", " ")
    for fmt in DATE_FORMATS:
        try:
            moment = datetime.strptime(text, fmt).replace(tzinfo=runtime.clock.zone)
        except ValueError:
            continue
        if not within_range(moment):
            raise invalid(f"{name} is out of range: dates must be {RANGE_TEXT}", [name])
        return moment
    raise invalid(f"{name} must be YYYY-mm-dd or YYYY-mm-dd HH:MM:SS", [name])


def body_int(body: dict[str, Any], name: str, *, required: bool = False) -> int | None:
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise DomainError(ErrorCode.REQUIRED, f"{name} is required", [name])
        return None
    if isinstance(value, bool):
        raise invalid(f"{name} must be an integer", [name])
    try:
        return _in_range(int(str(value).strip()), name)
    except ValueError:
        raise invalid(f"{name} must be an integer", [name]) from None


def _in_range(value: int, name: str) -> int:
    """Integers beyond SQLite's 64 bits are refused here rather than failing in the database."""
    if not -(2**63) <= value < 2**63:
        raise invalid(f"{name} is out of range", [name])
    return value


def body_bool(body: dict[str, Any], name: str, default: bool | None = None) -> bool | None:
    """Centra accepts true/false, 1/0 and their strings."""
    value = body.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "0", "true", "false"):
        return value.strip().lower() in ("1", "true")
    raise invalid(f"{name} must be true or false", [name])


def body_decimal(body: dict[str, Any], name: str) -> Decimal | None:
    value = body.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise invalid(f"{name} must be a number", [name])
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise invalid(f"{name} must be a number", [name]) from None
    if not amount.is_finite():
        raise invalid(f"{name} must be a number", [name])
    return given_amount(amount, name)


def body_text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    return None if value is None else str(value)


def quantities(raw: Any, name: str = "products") -> dict[int, int]:
    """`{"<lineId>": qty}`, as Centra's shipment and return calls take them."""
    if not isinstance(raw, dict) or not raw:
        raise DomainError(
            ErrorCode.REQUIRED, f'{name} must be an object of {{"<lineId>": quantity}}', [name]
        )
    out: dict[int, int] = {}
    for key, value in raw.items():
        line = body_int({"lineId": key}, "lineId")
        qty = body_int({"quantity": value}, "quantity")
        if line is None or qty is None:
            raise invalid(f'{name} must be an object of {{"<lineId>": quantity}}', [name])
        out[line] = qty
    return out


# ---------------------------------------------------------------- endpoints


Handler = Callable[[UnitOfWork, Call, Shapes], dict[str, Any]]


@dataclass(frozen=True)
class Endpoint:
    """One documented endpoint; `echo` names the request ids repeated in error bodies."""

    method: str
    path: str
    operation: str
    handler: Handler
    write: bool = False
    echo: Callable[[Call], dict[str, Any]] | None = None


def _context(call: Call) -> dict[str, Any]:
    return {"return": call.path.get("returnId")}


# -- orders


def get_orders(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Oldest first (Centra's plugin setting "Get orders starting with: Oldest"); set
    `Settings.extra["order_api_newest_first"]` for newest first."""
    rows = queries.find_orders(
        uow.session,
        number=call.int("order"),
        customer_id=call.int("customer_id"),
        newer_than=call.date("newer_than"),
        older_than=call.date("older_than"),
        newest_first=bool(call.runtime.settings.extra.get("order_api_newest_first")),
        limit=call.int("limit", DEFAULT_ORDER_LIMIT),
        offset=call.int("offset"),
    )
    return {"orders": shapes.orders(rows)}


def put_orders(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    number = body_int(call.body, "order", required=True)
    order = external.append_internal_comment(uow, number, body_text(call.body, "internalComment"))
    return {"order": order.number}


def _address(raw: Any, name: str) -> dict[str, Any]:
    """An Order API address (`address`, `coaddress`, `zipcode`, `tele`, ...) in the stored
    shape the checkout and the Integration API use."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise invalid(f"{name} must be an object", [name])
    names = {
        "firstName": "firstName",
        "lastName": "lastName",
        "company": "companyName",
        "attn": "attention",
        "address": "address1",
        "coaddress": "address2",
        "city": "city",
        "zipcode": "zipCode",
        "state": "stateOrProvince",
        "email": "email",
        "tele": "phoneNumber",
        "cell": "cellPhoneNumber",
        "vatNumber": "vatNumber",
    }
    out: dict[str, Any] = {}
    for key, stored in names.items():
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise invalid(f"{name}.{key} must be text", [name, key])
        out[stored] = str(value)
    if raw.get("country"):
        out["country"] = str(raw["country"]).upper()
    return out


def _payment_record(raw: Any, path: str) -> external.PaymentRecord | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise invalid(f"{path} must be an object", [path])
    status = body_int(raw, "status", required=True)
    amount = body_decimal(raw, "amount")
    if amount is None:
        raise DomainError(ErrorCode.REQUIRED, f"{path}.amount is required", [path, "amount"])
    return external.PaymentRecord(
        status=status,
        amount=amount,
        transaction=body_text(raw, "transaction"),
        method=body_text(raw, "method"),
        response=body_text(raw, "response"),
        external_url=body_text(raw, "external_url"),
    )


def _payment(raw: Any) -> external.ExternalPayment | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise invalid("payment must be an object", ["payment"])
    return external.ExternalPayment(
        plugin_id=body_int(raw, "id"),
        auth=_payment_record(raw.get("auth"), "payment.auth"),
        capture=_payment_record(raw.get("capture"), "payment.capture"),
    )


def _line(raw: Any, i: int) -> external.ExternalLine:
    if not isinstance(raw, dict):
        raise invalid(f"products[{i}] must be an object", ["products", i])
    qty = body_int(raw, "qty", required=True)
    text = raw.get("itemText")
    return external.ExternalLine(
        quantity=qty,
        product_size_id=body_int(raw, "id"),
        ean=body_text(raw, "ean"),
        sku=body_text(raw, "sku"),
        unit_price=body_decimal(raw, "unitPrice"),
        original_price=body_decimal(raw, "originalPrice"),
        comment=body_text(raw, "comment"),
        item_text={k: str(v) for k, v in text.items() if v} if isinstance(text, dict) else None,
    )


def post_order(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Insert an order from an external checkout. The order is placed at once (Pending, or
    Confirmed in an autoconfirm store); `createOnly` answers with `order` instead of `orders`
    but does not hold the order back as Centra does."""
    body = call.body
    both = _address(body.get("address"), "address")
    billing = _address(body.get("invoiceAddress"), "invoiceAddress") or both
    shipping = _address(body.get("deliveryAddress"), "deliveryAddress") or both or billing
    products = body.get("products")
    if products is not None and not isinstance(products, list):
        raise invalid("products must be an array", ["products"])
    order = external.create_external_order(
        uow,
        external.ExternalOrder(
            billing_address=billing or shipping,
            shipping_address=shipping,
            lines=[_line(p, i) for i, p in enumerate(products or [])],
            market_id=body_int(body, "marketId"),
            market_name=body_text(body, "market"),
            pricelist_id=body_int(body, "pricelistId"),
            pricelist_name=body_text(body, "pricelist"),
            customer_id=body_int(body, "customerId"),
            customer_register=bool(body_bool(body, "customerRegister", False)),
            shipping_value=body_decimal(body, "shippingValue"),
            voucher_value=body_decimal(body, "voucherValue"),
            number=body_int(body, "orderNumber"),
            adjust_stock=bool(body_bool(body, "adjustStock", True)),
            force_create=bool(body_bool(body, "forceCreate", False)),
            internal_order=bool(body_bool(body, "internalOrder", False)),
            comment=body_text(body, "comment"),
            internal_comment=body_text(body, "internalComment"),
            placed_at=(
                parse_date(body["orderDate"], "orderDate", call.runtime)
                if body.get("orderDate")
                else None
            ),
            payment=_payment(body.get("payment")),
        ),
    )
    if body_bool(body, "createOnly", False):
        return {"order": order.number}
    return {"orders": [order.number]}


def post_order_complete(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body = call.body
    number = body_int({"order": call.path["orderId"]}, "order", required=True)
    order = external.complete_external_order(
        uow,
        number,
        payment=_payment(body.get("payment")),
        internal_comment=body_text(body, "internalComment"),
        placed_at=(
            parse_date(body["orderDate"], "orderDate", call.runtime)
            if body.get("orderDate")
            else None
        ),
    )
    return {"orders": [str(order.number)]}


# -- shipments


def get_shipments(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    raw = call.text("status") or ShipmentStatus.GOOD_TO_GO.value
    try:
        state = ShipmentStatus(raw)
    except ValueError:
        raise invalid("status must be one of inprogress, goodtogo, completed", ["status"]) from None
    limit = call.int("limit")
    if limit is not None and state != ShipmentStatus.GOOD_TO_GO and not 1 <= limit <= 100:
        raise invalid("limit must be between 1 and 100", ["limit"])
    rows = queries.find_shipments(
        uow.session,
        state=state,
        order_number=call.int("order"),
        newer_than=call.date("newer_than"),
        older_than=call.date("older_than"),
        limit=limit,
        offset=call.int("offset"),
    )
    return {"shipments": shapes.shipments(rows)}


def _info(body: dict[str, Any]) -> ShipmentInfo | None:
    info = ShipmentInfo(
        carrier=body_text(body, "carrier"),
        service=body_text(body, "service"),
        packages=body_int(body, "packages"),
        tracking_number=body_text(body, "tracking"),
        return_tracking_number=body_text(body, "returnSlipTracking"),
    )
    return info if any(v is not None for v in vars(info).values()) else None


def post_shipments(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body = call.body
    number = body_int(body, "order", required=True)
    shipment = external.ship_lines(
        uow,
        number,
        quantities(body.get("products")),
        good_to_go=bool(body_bool(body, "gtg", False)),
        capture=bool(body_bool(body, "capture", True)),
        shipped=bool(body_bool(body, "shipped", False)),
        send_email=bool(body_bool(body, "sendEmail", False)),
        info=_info(body),
    )
    return {"order": number, "shipment": shipment.number}


def complete_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body = call.body
    shipment_number = body_text(body, "shipment")
    if not shipment_number:
        raise DomainError(ErrorCode.REQUIRED, "shipment is required", ["shipment"])
    shipment = external.complete_shipment(
        uow,
        shipment_number,
        order_number=body_int(body, "order"),
        capture=bool(body_bool(body, "capture", True)),
        good_to_go=body_bool(body, "gtg"),
        shipped=body_bool(body, "shipped"),
        send_email=bool(body_bool(body, "sendEmail", False)),
        info=_info(body),
        internal_comment=body_text(body, "internalComment"),
    )
    order = uow.session.get(OrderRow, shipment.order_id)
    return {"order": order.number, "shipment": shipment.number}


def put_capture(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    shipment_number = body_text(call.body, "shipment")
    if not shipment_number:
        raise DomainError(ErrorCode.REQUIRED, "shipment is required", ["shipment"])
    shipment = external.capture_shipment(uow, shipment_number)
    order = uow.session.get(OrderRow, shipment.order_id)
    return {"order": order.number, "shipment": shipment.number}


def put_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Only `gtg` can be changed: changing a shipment's products is not modelled."""
    if call.body.get("products") is not None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            "changing the products of a shipment is not supported by mockcentra; "
            "delete the shipment and create a new one",
            ["products"],
        )
    gtg = body_bool(call.body, "gtg", False)
    shipment = external.set_good_to_go(uow, call.path["shipmentId"], bool(gtg))
    return {"shipment": shapes.shipments([shipment])[0]}


def delete_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    number, order_number = external.delete_shipment(uow, call.path["shipmentId"])
    return {"msg": "shipment removed", "order": order_number, "shipment": number}


# -- returns


def _cost(body: dict[str, Any], name: str) -> ReturnCost | None:
    value = body_decimal(body, name)
    from_shipment = bool(body_bool(body, f"{name}FromShipment", False))
    if value is not None and from_shipment:
        raise invalid(f"{name} and {name}FromShipment cannot be used together", [name])
    if from_shipment:
        return ReturnCost(from_shipment=True)
    return ReturnCost(value=value) if value is not None else None


def post_return(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body = call.body
    shipment_number = body_text(body, "shipment")
    if not shipment_number:
        raise DomainError(ErrorCode.REQUIRED, "shipment is required", ["shipment"])
    refund = body.get("refund") if isinstance(body.get("refund"), dict) else {}
    outcome = external.return_items(
        uow,
        shipment_number,
        quantities(body["products"]) if body.get("products") is not None else None,
        return_stock=bool(body_bool(body, "returnStock", True)),
        shipping_cost=_cost(body, "shippingCost"),
        handling_cost=_cost(body, "handlingCost"),
        voucher_value=_cost(body, "voucherValue"),
        return_cost=body_decimal(body, "returnCost"),
        comment=body_text(body, "comment"),
        created_at=(
            parse_date(body["createdAt"], "createdAt", call.runtime)
            if body.get("createdAt")
            else None
        ),
        refund=bool(body_bool(refund, "refundPayment", False)),
    )
    result: dict[str, Any] = {
        "return": outcome.ret.id,
        "returnCompleted": outcome.refunded,
        "returnedItems": [str(i) for i in outcome.returned_lines],
    }
    if outcome.refunded:
        result["refund"] = {"status": "ok"}
    elif outcome.refund_error is not None:
        result["refund"] = {"status": "no", "msg": outcome.refund_error}
    return result


def get_returns(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    limit = call.int("limit")
    page = call.int("page")
    if page is not None and page < 1:
        raise invalid("page must be 1 or more", ["page"])
    if page is not None and limit is None:
        limit = DEFAULT_ORDER_LIMIT
    if page and limit:
        _in_range((page - 1) * limit, "page")
    rows = returns_queries.find_returns(
        uow.session,
        return_id=call.int("return"),
        shipment_number=call.text("shipment"),
        order_number=call.int("order"),
        order_hash=call.text("selection"),
        customer_id=call.int("customer_id"),
        newer_than=call.date("newer_than"),
        older_than=call.date("older_than"),
        limit=limit,
        offset=(page - 1) * limit if page and limit else None,
    )
    return {"returns": shapes.returns(rows)}


def put_return(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    return_id = body_int({"return": call.path["returnId"]}, "return", required=True)
    completed = body_bool(call.body, "completed")
    if completed is not None:
        ret = external.set_return_completed(uow, return_id, completed)
    else:
        rows = returns_queries.find_returns(uow.session, return_id=return_id)
        if not rows:
            raise DomainError(
                ErrorCode.NOT_FOUND, f"Could not find return with ID {return_id}.", ["id"]
            )
        ret = rows[0]
    return {"return": shapes.returns([ret])[0]}


# -- customers


def get_customers(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    rows = find_customers(
        uow.session,
        email=call.text("email"),
        created_after=call.date("created"),
        modified_after=call.date("modified"),
        limit=call.int("limit"),
        offset=call.int("offset"),
    )
    return {"customers": shapes.customers(rows)}


def get_customer(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    customer_id = body_int({"customerId": call.path["customerId"]}, "customerId", required=True)
    row = uow.session.get(CustomerRow, customer_id)
    if row is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, f"Customer with id={customer_id} does not exist", ["customer"]
        )
    return {"customer": shapes.customers([row])[0]}


# -- vouchers


def _voucher_id(call: Call) -> int:
    try:
        value = int(call.path["id"])
    except ValueError:
        value = -1
    if not 0 < value < 2**63:  # beyond SQLite's integers no voucher can exist
        raise DomainError(ErrorCode.NOT_FOUND, "Voucher not found", ["voucher"])
    return value


def get_voucher(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """`GET vouchers/<id>`: Centra documents no usage counter, so none is shown here either."""
    row = voucher_queries.find_voucher(uow.session, _voucher_id(call))
    if row is None:
        raise DomainError(ErrorCode.NOT_FOUND, "Voucher not found", ["voucher"])
    return {"voucher": shapes.voucher(voucher_queries.voucher_facts(uow.session, row))}


def clone_voucher(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """`PUT voucher/<id>/clone`: `stopDate` is checked before the voucher is looked up."""
    body = call.body
    if not (str(body.get("stopDate") or "")).strip():
        raise DomainError(ErrorCode.REQUIRED, "required", ["stopDate"])
    clone = vouchers.clone_voucher(
        uow,
        _voucher_id(call),
        stop_date=str(body["stopDate"]),
        name=_optional_text(body, "name"),
        code=_optional_text(body, "code"),
        conversion_html=_optional_text(body, "conversionHtml"),
    )
    return {"voucher": clone.id, "code": clone.code or ""}


def _optional_text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(f"{name} must be a string", [name])
    return value


# -- stock and products


def _items(uow: UnitOfWork, call: Call, *, stock: bool) -> tuple[list[Any], dict[str, str]]:
    limit = call.int("limit")
    page = call.int("page", 1)
    if limit is not None and limit < 1:
        raise invalid("limit must be 1 or more", ["limit"])
    if page < 1:
        raise invalid("page must be 1 or more", ["page"])
    if limit is not None:  # the row after the page, and the rows before it, must be countable
        _in_range(limit + 1, "limit")
        _in_range((page - 1) * limit, "page")
    rows = queries.find_product_items(
        uow.session,
        sku=call.text("sku"),
        ean=call.text("ean"),
        product_id=call.int("productId"),
        variant_id=call.int("variantId"),
        size_id=call.int("stockItemId") or call.int("stockItemID"),
        created_after=call.date("created"),
        modified_after=call.date("modified"),
        stock_modified_after=call.date("stock_modified") if stock else None,
        limit=None if limit is None else limit + 1,
        offset=None if limit is None else (page - 1) * limit,
    )
    links: dict[str, str] = {}
    if limit is not None:
        if page > 1:
            links["previous"] = f"?limit={limit}&page={page - 1}"
        if len(rows) > limit:
            links["next"] = f"?limit={limit}&page={page + 1}"
            rows = rows[:limit]
    return rows, links


def get_stock(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    rows, links = _items(uow, call, stock=True)
    physical = call.text("exclude") != "physicalStock"
    return {"products": shapes.stock_items(rows, with_physical=physical), **links}


def get_products(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    rows, links = _items(uow, call, stock=False)
    return {"products": shapes.products(rows), **links}


# ---------------------------------------------------------------- the route table


def _echo_order(call: Call) -> dict[str, Any]:
    return {"order": call.body.get("order")} if call.body.get("order") is not None else {}


def _echo_order_text(call: Call) -> dict[str, Any]:
    value = call.body.get("order")
    return {"order": str(value)} if value is not None else {}


def _echo_shipment(call: Call) -> dict[str, Any]:
    out = _echo_order(call)
    value = call.body.get("shipment")
    if isinstance(value, str | int) and not isinstance(value, bool):
        out["shipment"] = str(value)  # only ids are repeated, always as text
    return out


def _echo_path_shipment(call: Call) -> dict[str, Any]:
    return {"shipment": call.path["shipmentId"]}


def _echo_voucher(call: Call) -> dict[str, Any]:
    return {"voucher": str(call.path["id"])}


ENDPOINTS: list[Endpoint] = [
    Endpoint("GET", "/orders", "get_orders", get_orders),
    Endpoint("PUT", "/orders", "update_order", put_orders, True, _echo_order),
    Endpoint("POST", "/order", "create_order", post_order, True),
    Endpoint("POST", "/order/{orderId}", "complete_order", post_order_complete, True),
    Endpoint("GET", "/shipments", "get_shipments", get_shipments),
    Endpoint("POST", "/shipments", "create_shipment", post_shipments, True, _echo_order_text),
    Endpoint(
        "PUT", "/shipments/{shipmentId}", "update_shipment", put_shipment, True, _echo_path_shipment
    ),
    Endpoint(
        "DELETE",
        "/shipments/{shipmentId}",
        "delete_shipment",
        delete_shipment,
        True,
        _echo_path_shipment,
    ),
    Endpoint("POST", "/shipment", "complete_shipment", complete_shipment, True, _echo_shipment),
    Endpoint("PUT", "/shipment", "complete_shipment", complete_shipment, True, _echo_shipment),
    Endpoint("PUT", "/capture", "capture_shipment", put_capture, True, _echo_shipment),
    Endpoint("POST", "/return", "create_return", post_return, True),
    Endpoint("GET", "/returns", "get_returns", get_returns),
    Endpoint("PUT", "/returns/{returnId}", "update_return", put_return, True),
    Endpoint("GET", "/customers", "get_customers", get_customers),
    Endpoint("GET", "/customers/{customerId}", "get_customer", get_customer),
    Endpoint("GET", "/vouchers/{id}", "get_voucher", get_voucher, False, _echo_voucher),
    Endpoint("PUT", "/voucher/{id}/clone", "clone_voucher", clone_voucher, True, _echo_voucher),
    Endpoint("GET", "/stock", "get_stock", get_stock),
    Endpoint("GET", "/products", "get_products", get_products),
]


def _order_of_shipment(runtime: Runtime, number: Any) -> int | None:
    def read(uow: UnitOfWork) -> int | None:
        shipment = queries.shipment_by_number(uow.session, str(number))
        order = uow.session.get(OrderRow, shipment.order_id) if shipment else None
        return order.number if order else None

    return run(runtime, read, write=False)


def _handle(runtime: Runtime, spec: Endpoint):
    async def handle(request: Request) -> JSONResponse:
        status = int(runtime.settings.extra.get("order_api_error_status", 200))
        header = request.headers.get("api-authorization")
        if header is None or header.strip() != runtime.settings.order_api_secret:
            return errors.unauthorized(header)
        if request.query_params.get("xml") in ("1", "true"):
            return errors.bad_request(
                "xml=1 is not supported by mockcentra: responses are JSON", status
            )
        try:
            body = await read_json_object(request) if spec.method in ("POST", "PUT") else {}
        except DomainError as error:
            return errors.order_api_error(error, spec.operation, {}, status)
        call = Call(request.query_params, body, dict(request.path_params), runtime)
        echo = spec.echo(call) if spec.echo else {}
        try:
            result = run(
                runtime,
                lambda uow: spec.handler(uow, call, Shapes(uow.session, runtime.clock.zone)),
                write=spec.write,
            )
        except DomainError as error:
            if (
                spec.operation in ("complete_shipment", "capture_shipment")
                and "order" not in echo
                and echo.get("shipment") is not None
            ):
                found = _order_of_shipment(runtime, echo["shipment"])
                if found is not None:
                    echo = {"order": found, **echo}
            return errors.order_api_error(error, spec.operation, echo, status, _context(call))
        return JSONResponse({"status": "ok", **result})

    return handle


def order_api_routes(runtime: Runtime) -> list[BaseRoute]:
    """The Order API's routes, for a Mount at `Settings.order_api_base`; the same routes also
    answer under `/<pluginId>/` (Centra's plugin permalink form)."""
    routes: list[BaseRoute] = []
    for spec in ENDPOINTS:
        handler = _handle(runtime, spec)
        routes.append(Route(spec.path, handler, methods=[spec.method]))
        routes.append(Route(spec.path + "/", handler, methods=[spec.method]))

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(order_api_openapi(runtime.settings.order_api_base))

    async def unknown(request: Request) -> JSONResponse:
        return errors.not_found_endpoint(request.method, request.url.path)

    tail: list[BaseRoute] = [
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/{rest:path}", unknown, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]
    return [Mount("/{pluginId:int}", routes=routes + tail[-1:]), *routes, *tail]


DOCS_PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>mockcentra · Order API</title>
    <link rel="stylesheet" href="/static/swagger/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/static/swagger/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({
        url: __SPEC__,
        dom_id: "#swagger-ui",
        deepLinking: true,
        persistAuthorization: true,
        validatorUrl: null,
      });
      const key = __KEY__;
      if (key) { window.ui.preauthorizeApiKey("ApiKey", key); }
    </script>
  </body>
</html>
"""


def order_api_docs_route(runtime: Runtime) -> Route:
    """GET /docs: Swagger UI for the Order API, from files shipped in the package (offline).

    The default development secret is filled in; a configured secret never is.
    """
    default_secret = type(runtime.settings)().order_api_secret
    secret = runtime.settings.order_api_secret
    page = DOCS_PAGE.replace(
        "__SPEC__", json.dumps(f"{runtime.settings.order_api_base}/openapi.json")
    ).replace("__KEY__", json.dumps(secret if secret == default_secret else None))

    async def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(page)

    return Route("/docs", docs, methods=["GET"])


__all__ = ["ENDPOINTS", "Endpoint", "order_api_docs_route", "order_api_routes"]
