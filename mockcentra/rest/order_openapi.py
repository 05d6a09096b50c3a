"""The OpenAPI 3.1 document of the REST Order API, built from Python so it cannot drift.

`order_api_openapi(base)` is what `<base>/openapi.json` serves; `order_api_openapi_text()` is
the committed schema/order-api.openapi.json (default base), written by
`mockcentra export-schema`. Response schemas list every field as required and allow no
others, so tests that validate real responses against them catch any change of shape.
"""

from __future__ import annotations

import json
from typing import Any

from mockcentra.rest.openapi_blocks import (
    INT,
    STR,
    ref,
)
from mockcentra.rest.order_openapi_bodies import REQUESTS, RESPONSES
from mockcentra.rest.order_openapi_components import SCHEMAS

DEFAULT_BASE = "/api/order"


# ---------------------------------------------------------------- paths


def q(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def p(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "description": description,
    }


DATE_IN = {"type": "string", "description": "YYYY-mm-dd or YYYY-mm-dd HH:MM:SS (store time)"}
LIMIT = q("limit", INT, "How many to return.")
OFFSET = q("offset", INT, "How many to skip.")
ITEM_FILTERS = [
    q("sku", STR, "Product SKU, or the full product + variant + size SKU."),
    q("ean", STR, "EAN of a size."),
    q("productId", INT, "Product id."),
    q("variantId", INT, "Variant id."),
    q("stockItemId", INT, "Product size id."),
    q("created", DATE_IN, "Products created at or after."),
    q("modified", DATE_IN, "Products modified at or after."),
    q("limit", INT, "Page size; `next`/`previous` links are given when set."),
    q("page", INT, "Page number from 1 (with limit)."),
]


def op(
    summary: str,
    response: str,
    *,
    parameters: list[dict[str, Any]] | None = None,
    body: str | None = None,
    description: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"summary": summary}
    if description:
        out["description"] = description
    if parameters:
        out["parameters"] = parameters
    if body:
        out["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(body)}},
        }
    out["responses"] = {
        "200": {
            "description": '`status: "ok"`, or `status: "no"` with `msg` when refused.',
            "content": {"application/json": {"schema": {"oneOf": [ref(response), ref("Error")]}}},
        },
        "401": {
            "description": "API-Authorization missing or wrong.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "404": {
            "description": (
                "No such endpoint: the path or method is unknown, or a path parameter makes "
                "the path one no route reads (a line break in it)."
            ),
            "content": {"application/json": {"schema": ref("Error")}},
        },
    }
    return out


PATHS: dict[str, Any] = {
    "/orders": {
        "get": op(
            "Get orders",
            "OrdersResponse",
            description="Oldest first. `order` fetches one order by its number.",
            parameters=[
                LIMIT | {"description": "How many to return (default 20)."},
                OFFSET,
                q("order", INT, "One order, by number."),
                q("customer_id", INT, "Orders of one customer."),
                q("newer_than", DATE_IN, "Placed at or after."),
                q("older_than", DATE_IN, "Placed before."),
            ],
        ),
        "put": op(
            "Update order (append to the internal comment)",
            "OrderNumberResponse",
            body="UpdateOrderRequest",
        ),
    },
    "/order": {
        "post": op(
            "Create order",
            "CreateOrderResponse",
            body="CreateOrderRequest",
            description="Insert an order paid outside Centra; payment auth/capture are "
            "recorded as payment history.",
        )
    },
    "/order/{orderId}": {
        "post": op(
            "Complete order",
            "CompleteOrderResponse",
            parameters=[p("orderId", INT, "Order number.")],
            body="CompleteOrderRequest",
            description="Record payment auth/capture later; may be called again.",
        )
    },
    "/shipments": {
        "get": op(
            "Get shipments",
            "ShipmentsResponse",
            description="Oldest first.",
            parameters=[
                LIMIT,
                OFFSET,
                q("order", INT, "Shipments of one order."),
                q(
                    "status",
                    {"type": "string", "enum": ["goodtogo", "inprogress", "completed"]},
                    "goodtogo (default): good to go, not shipped; inprogress: not good to go, "
                    "not shipped; completed: shipped.",
                ),
                q("newer_than", DATE_IN, "Created at or after."),
                q("older_than", DATE_IN, "Created before."),
            ],
        ),
        "post": op(
            "Create shipment",
            "ShipmentDoneResponse",
            body="CreateShipmentRequest",
            description="Captures the shipment's value unless `capture` is false.",
        ),
    },
    "/shipments/{shipmentId}": {
        "put": op(
            "Update shipment (good to go)",
            "ShipmentResponse",
            parameters=[p("shipmentId", STR, "`<orderId>-<n>`")],
            body="UpdateShipmentRequest",
        ),
        "delete": op(
            "Delete shipment",
            "ShipmentRemovedResponse",
            parameters=[p("shipmentId", STR, "`<orderId>-<n>`")],
        ),
    },
    "/shipment": {
        "post": op("Complete shipment", "ShipmentDoneResponse", body="CompleteShipmentRequest"),
        "put": op("Complete shipment", "ShipmentDoneResponse", body="CompleteShipmentRequest"),
    },
    "/capture": {
        "put": op("Capture shipment", "ShipmentDoneResponse", body="CaptureShipmentRequest")
    },
    "/return": {
        "post": op(
            "Create return",
            "CreateReturnResponse",
            body="CreateReturnRequest",
            description="`refund.refundPayment` refunds through the PSP; a successful refund "
            "completes the return.",
        )
    },
    "/returns": {
        "get": op(
            "Get returns",
            "ReturnsResponse",
            description="Newest first.",
            parameters=[
                LIMIT,
                q("page", INT, "Page from 1."),
                q("return", INT, "One return."),
                q("shipment", STR, "Returns of one shipment (`<orderId>-<n>`)."),
                q("order", INT, "Returns of one order."),
                q("selection", STR, "Returns of the order with this 32-hex selection id."),
                q("customer_id", INT, "Returns of one customer."),
                q("newer_than", DATE_IN, "Created at or after (inclusive)."),
                q("older_than", DATE_IN, "Created before (exclusive)."),
            ],
        )
    },
    "/returns/{returnId}": {
        "put": op(
            "Update return (completed or pending)",
            "ReturnResponse",
            parameters=[p("returnId", INT, "Return id.")],
            body="UpdateReturnRequest",
        )
    },
    "/customers": {
        "get": op(
            "List customers",
            "CustomersResponse",
            parameters=[
                LIMIT,
                OFFSET,
                q(
                    "email",
                    STR,
                    "Customers with this email (a guest and a registered one may share it).",
                ),
                q("created", DATE_IN, "Created at or after."),
                q("modified", DATE_IN, "Modified at or after."),
            ],
        )
    },
    "/customers/{customerId}": {
        "get": op(
            "Get customer",
            "CustomerResponse",
            parameters=[p("customerId", INT, "Customer id.")],
        )
    },
    "/vouchers/{id}": {
        "get": op(
            "Get voucher",
            "VoucherResponse",
            parameters=[p("id", INT, "Voucher id.")],
            description="An active or inactive voucher. Centra documents no usage counter; "
            "a voucher that only gives free shipping shows type priceoff with no value.",
        )
    },
    "/voucher/{id}/clone": {
        "put": op(
            "Clone voucher",
            "CloneVoucherResponse",
            parameters=[p("id", INT, "Voucher id.")],
            body="CloneVoucherRequest",
            description="A copy with its markets and actions, a new code (drawn when none is "
            "given) and the given stopDate. Refusals: stopDate required, Voucher not found, "
            "Auto vouchers not supported, a code already in use.",
        )
    },
    "/stock": {
        "get": op(
            "Get stock",
            "StockResponse",
            parameters=[
                *ITEM_FILTERS,
                q("stock_modified", DATE_IN, "Sizes with stock changes at or after."),
                q(
                    "exclude",
                    {"type": "string", "enum": ["physicalStock"]},
                    "Leave out physicalStock.",
                ),
            ],
        )
    },
    "/products": {"get": op("Get products", "ProductsResponse", parameters=ITEM_FILTERS)},
}


def order_api_openapi(base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The whole OpenAPI document, with `base` as the server path."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "mockcentra Order API",
            "version": "1",
            "description": (
                "Centra's REST Order API as mockcentra serves it. Every call needs the header "
                "`API-Authorization: <secret>` (default `dev-order-api-secret`). Success is "
                '`{"status": "ok", ...}`; a refusal is `{"status": "no", "msg": ...}` with HTTP '
                "200; a missing or wrong key is HTTP 401, an unknown path or method HTTP 404. The same "
                "paths also answer under "
                "`<base>/<pluginId>/`."
            ),
        },
        "servers": [{"url": base}],
        "security": [{"ApiKey": []}],
        "paths": PATHS,
        "components": {
            "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "API-Authorization"}
            },
            "schemas": {**SCHEMAS, **REQUESTS, **RESPONSES},
        },
    }


def order_api_openapi_text(base: str = DEFAULT_BASE) -> str:
    """The committed file's text: sorted-free, indented JSON with a final newline."""
    return json.dumps(order_api_openapi(base), indent=2, ensure_ascii=False) + "\n"
