"""The OpenAPI 3.1 document of the Checkout API subset mockcentra serves under /api/checkout.

`checkout_api_openapi()` is what `/api/checkout/openapi.json` serves and what
`mockcentra export-schema` writes to schema/checkout-api.openapi.json. Session bodies list the
keys mockcentra always sends as required and allow no others at the top level, so tests that
validate real responses catch a change of shape; nested Centra blocks stay open. Paths,
parameters and request bodies are generated from the endpoint table and its request models
(checkout_endpoints.py, checkout_models.py).
"""

from __future__ import annotations

import json
from typing import Any

from mockcentra.rest.checkout_endpoints import ENDPOINTS, Endpoint
from mockcentra.rest.checkout_models import BODIES
from mockcentra.rest.models import component_schemas, is_empty, parameters
from mockcentra.rest.openapi_blocks import BOOL, INT, NSTR, NUM, STR, arr, d, obj, ref

BASE = "/api/checkout"
OBJECT: dict[str, Any] = {"type": "object"}
PRICE_OR_FALSE: dict[str, Any] = {
    "type": ["string", "boolean"],
    "description": "Formatted amount, or false when there is none",
}
NUMBER_OR_FALSE: dict[str, Any] = {"type": ["number", "boolean"]}


def _prices(*names: str) -> dict[str, Any]:
    """`name` (formatted, `1 500.00 SEK`) and `nameAsNumber` for each name."""
    out: dict[str, Any] = {}
    for name in names:
        out[name] = d(STR, "Formatted with non-breaking spaces, e.g. 1\u00a0500.00\u00a0SEK")
        out[f"{name}AsNumber"] = NUM
    return out


def _open(props: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with these keys (required unless optional) that may carry more."""
    return obj(props, optional=optional, closed=False)


ITEM_PRICES = (
    "priceEach",
    "priceEachBeforeDiscount",
    "priceEachReduction",
    "totalPrice",
    "totalPriceBeforeDiscount",
)

#: What selection and receipt lines share.
ITEM: dict[str, Any] = {
    "item": d(STR, "Item id: <display id>-<product size id>."),
    "productName": STR,
    "variantName": STR,
    "size": STR,
    "sku": STR,
    "ean": NSTR,
    "quantity": INT,
    **_prices(*ITEM_PRICES),
    "anyDiscount": BOOL,
    "discounts": ref("ItemDiscounts"),
    "taxPercent": NUM,
}

SCHEMAS: dict[str, Any] = {
    "ItemDiscounts": _open({"vouchers": arr(OBJECT), "automaticDiscounts": arr(OBJECT)}),
    "Discounts": _open(
        {
            "anyDiscount": BOOL,
            "discount": STR,
            "discountAsNumber": NUM,
            "vouchers": arr(OBJECT, "Codes and URL vouchers on the selection or order."),
            "automaticDiscounts": arr(OBJECT),
        }
    ),
    "SelectionItem": _open(
        {
            **ITEM,
            "product": STR,
            "line": d(STR, "Selection line id (for /lines/{line})."),
            "comment": NSTR,
            **_prices("priceEachWithoutTax"),
        }
    ),
    "ReceiptItem": _open(ITEM),
    "Selection": obj(
        {
            "currency": STR,
            "language": NSTR,
            "paymentMethod": NSTR,
            "paymentMethodName": NSTR,
            "shippingMethod": NSTR,
            "shippingMethodName": NSTR,
            "items": arr(ref("SelectionItem")),
            "discounts": ref("Discounts"),
            "totals": _open(
                {
                    **_prices("itemsTotalPrice", "shippingPrice", "grandTotalPrice"),
                    "totalDiscountPrice": PRICE_OR_FALSE,
                    "totalDiscountPriceAsNumber": NUMBER_OR_FALSE,
                    "totalQuantity": INT,
                    "grandTotalPriceTaxAsNumber": NUM,
                }
            ),
            "vatExempt": BOOL,
            "address": OBJECT,
            "shippingAddress": OBJECT,
            "currencyFormat": OBJECT,
        }
    ),
    "Location": obj(
        {
            "country": STR,
            "countryName": STR,
            "state": NSTR,
            "market": STR,
            "pricelist": STR,
            "eu": BOOL,
        }
    ),
    "Receipt": _open(
        {
            "order": d(STR, "Order number."),
            "orderId": d(STR, "The order's 32-hex id."),
            "status": STR,
            "statusCode": d(INT, "1 pending ... 4 completed, 5 archived, 6 cancelled"),
            "statusDescription": STR,
            "date": d(STR, "YYYY-MM-DD HH:MM:SS in the store's time zone"),
            "currency": STR,
            "items": arr(ref("ReceiptItem")),
            "discounts": ref("Discounts"),
            "totals": _open(
                {
                    **_prices("itemsTotalPrice", "shippingPrice", "grandTotalPrice"),
                    "grandTotalPriceTaxAsNumber": NUM,
                }
            ),
            "address": OBJECT,
            "shippingAddress": OBJECT,
            "shipments": arr(OBJECT),
        }
    ),
}

RESPONSES: dict[str, Any] = {
    "Session": obj(
        {
            "token": d(STR, "The session token; send it back in `API-Token`."),
            "selection": ref("Selection"),
            "location": ref("Location"),
            "paymentMethods": arr(
                obj(
                    {
                        "paymentMethod": STR,
                        "name": STR,
                        "paymentMethodType": STR,
                        "supportsInitiateOnly": BOOL,
                    }
                )
            ),
            "shippingMethods": arr(
                obj({"shippingMethod": STR, "name": STR, "price": STR, "priceAsNumber": NUM})
            ),
            "countries": arr(obj({"country": STR, "name": STR, "eu": BOOL})),
        }
    ),
    "Error": _open(
        {
            "token": NSTR,
            "errors": {
                "type": "object",
                "additionalProperties": STR,
                "description": "Field (or `selection`, `token`, `items`) -> message.",
            },
        }
    ),
    "Unavailable": _open(
        {
            "token": NSTR,
            "errors": {"type": "object", "additionalProperties": STR},
            "unavailable": arr(
                obj(
                    {
                        "item": STR,
                        "product": STR,
                        "originalQuantity": INT,
                        "unavailable": INT,
                        "available": INT,
                    }
                )
            ),
        }
    ),
    "PaymentResponse": {
        "oneOf": [
            obj(
                {
                    "token": STR,
                    "action": {"type": "string", "enum": ["redirect"]},
                    "url": d(STR, "Where the shopper goes to pay; then POST payment-result."),
                }
            ),
            {
                "allOf": [
                    ref("Receipt"),
                    _open({"token": STR, "action": {"type": "string", "enum": ["success"]}}),
                ]
            },
        ]
    },
    "ReceiptResponse": {"allOf": [ref("Receipt"), _open({"token": STR})]},
    "NewsletterResponse": obj({"token": STR, "subscribed": BOOL}),
}

_ERRORS = {
    "400": "Refused: bad input (the `errors` say which field)",
    "401": "A wrong server secret in `Authorization`",
    "402": "The payment was declined",
    "404": (
        "No such selection, line or receipt; or no such endpoint (an unknown path or method, "
        "or a path parameter with a line break, which no route reads)"
    ),
    "409": "Not allowed in the selection's state",
}


def _json(schema: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


def _op(spec: Endpoint) -> dict[str, Any]:
    """One endpoint's operation: path parameters and request body from its models, responses
    declared by name."""
    op: dict[str, Any] = {
        "summary": spec.summary,
        "parameters": parameters(spec.params, "path"),
        "responses": {"200": _json(spec.response, "OK")}
        | {code: _json("Error", _ERRORS[code]) for code in spec.errors},
    }
    if spec.unavailable:
        op["responses"]["410"] = _json("Unavailable", "Items out of stock were removed")
    if not is_empty(spec.body):
        op["requestBody"] = {
            "required": False,
            "content": {"application/json": {"schema": ref(spec.body.__name__)}},
        }
    return op


def paths() -> dict[str, Any]:
    """The endpoint table as the document's `paths`."""
    out: dict[str, Any] = {}
    for spec in ENDPOINTS:
        out.setdefault(spec.path, {})[spec.method.lower()] = _op(spec)
    return out


def checkout_api_openapi() -> dict[str, Any]:
    """The whole document (servers: /api/checkout)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "mockcentra Checkout API",
            "version": "1",
            "description": (
                "The subset of Centra's Checkout API a storefront needs to place orders. The "
                "session token travels in the `API-Token` header and comes back in every body. "
                "A shared secret in `Authorization: Bearer` is optional; a wrong one is 401."
            ),
        },
        "servers": [{"url": BASE}],
        "paths": paths(),
        "components": {
            "securitySchemes": {
                "SessionToken": {"type": "apiKey", "in": "header", "name": "API-Token"}
            },
            "schemas": {**SCHEMAS, **RESPONSES, **component_schemas(BODIES)},
        },
        "security": [{"SessionToken": []}, {}],
    }


def checkout_api_openapi_text() -> str:
    """The committed file's text: indented JSON with a final newline."""
    return json.dumps(checkout_api_openapi(), indent=2, ensure_ascii=False) + "\n"
