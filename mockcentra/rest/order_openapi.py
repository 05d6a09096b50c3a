"""The OpenAPI 3.1 document of the REST Order API, built from Python so it cannot drift.

`order_api_openapi(base)` is what `<base>/openapi.json` serves; `order_api_openapi_text()` is
the committed schema/order-api.openapi.json (default base), written by
`mockcentra export-schema`. Response schemas list every field as required and allow no
others, so tests that validate real responses against them catch any change of shape.
"""

from __future__ import annotations

import json
from typing import Any

DEFAULT_BASE = "/api/order"

STR: dict[str, Any] = {"type": "string"}
NSTR: dict[str, Any] = {"type": ["string", "null"]}
INT: dict[str, Any] = {"type": "integer"}
NINT: dict[str, Any] = {"type": ["integer", "null"]}
NUM: dict[str, Any] = {"type": "number"}
BOOL: dict[str, Any] = {"type": "boolean"}
FLAG: dict[str, Any] = {"type": "integer", "enum": [0, 1], "description": "0 or 1"}
DATE: dict[str, Any] = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$",
    "description": "YYYY-MM-DD HH:MM:SS in the store's time zone; 0000-00-00 00:00:00 when unset",
}


def d(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def arr(items: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": items}
    if description:
        out["description"] = description
    return out


def obj(
    props: dict[str, Any],
    *,
    optional: tuple[str, ...] = (),
    description: str | None = None,
    closed: bool = True,
) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props}
    required = [k for k in props if k not in optional]
    if required:
        out["required"] = required
    if closed:
        out["additionalProperties"] = False
    if description:
        out["description"] = description
    return out


def ok(**props: Any) -> dict[str, Any]:
    return obj({"status": {"type": "string", "enum": ["ok"]}, **props})


def address(prefix: str, *, cell: bool) -> dict[str, Any]:
    fields = ["Name", "Company", "Email"] + (["Cell"] if cell else [])
    fields += ["Tele", "Address", "Coaddress", "Zipcode", "City", "State", "Country"]
    return {f"{prefix}{f}": STR for f in fields}


# ---------------------------------------------------------------- components

LINE_BASE = {
    "lineId": d(STR, "Order line id; the key to use in shipment and return `products`."),
    "sku": d(STR, "Product SKU (product number)."),
    "variantSku": STR,
    "sizeSku": STR,
    "ean": STR,
    "upc": STR,
    "name": STR,
    "variant": STR,
    "brand": STR,
    "size": STR,
}

ORDER_HEAD = {
    "selectionId": d(STR, "32-hex id of the order (its Integration API `id`)."),
    "orderDate": DATE,
    "cancelDate": DATE,
    "preferredDeliveryDate": DATE,
    "estimatedDeliveryDate": DATE,
    "orderStore": STR,
    "orderCurrency": STR,
    "customerId": d(STR, "Customer id as a string."),
    "accountId": STR,
    **address("delivery", cell=True),
    **address("billing", cell=False),
    "billingVAT": STR,
    "poNumber": STR,
    "shippingList": STR,
}

SCHEMAS: dict[str, Any] = {
    "Error": obj(
        {
            "status": {"type": "string", "enum": ["no"]},
            "msg": {
                "oneOf": [STR, {"type": "object", "additionalProperties": STR}],
                "description": "Why; an object of field -> reason for voucher calls.",
            },
            "order": {"description": "The order id of the request, echoed."},
            "shipment": d(STR, "The shipment id of the request, echoed."),
            "voucher": d(STR, "The voucher id of the request, echoed."),
        },
        optional=("order", "shipment", "voucher"),
    ),
    "OrderShipment": obj(
        {
            "shipmentId": d(STR, "`<orderId>-<n>`"),
            "shippedDate": DATE,
            "carrier": STR,
            "service": STR,
            "trackingId": STR,
            "trackingUrl": STR,
            "returnSlipTracking": STR,
        }
    ),
    "Warehouse": obj({"name": STR, "itemQty": INT}),
    "OrderLine": obj(
        {
            **LINE_BASE,
            "qty": INT,
            "originalPrice": NUM,
            "price": d(NUM, "Unit price, tax included."),
            "weight": NUM,
            "weightUnit": {"type": "string", "enum": ["kg", "lb"]},
            "countryOfOrigin": STR,
            "harmCode": STR,
            "comment": STR,
            "otherComment": STR,
            "taxPercent": NUM,
            "priceDiscount": NUM,
            "priceDiscountAsPercent": NUM,
            "taxValue": NUM,
            "totalPrice": NUM,
            "anyDiscount": BOOL,
            "priceEachWithoutTax": NUM,
            "priceEachReduction": NUM,
            "warehouses": arr(ref("Warehouse")),
            "isBundle": BOOL,
        }
    ),
    "TaxBreakdown": obj({"description": STR, "taxPercent": NUM, "value": NUM}),
    "OrderVoucher": obj(
        {
            "voucher": d(STR, "The voucher code."),
            "name": STR,
            "priceOff": d(STR, 'e.g. "-150.00 SEK"'),
            "priceOffAsANumber": NUM,
            "description": STR,
            "isCredit": BOOL,
            "originalPriceOff": STR,
            "originalPriceOffAsNumber": NUM,
        }
    ),
    "AutomaticDiscount": obj(
        {"automaticDiscount": STR, "name": STR, "priceOff": STR, "priceOffAsANumber": NUM}
    ),
    "Discounts": obj(
        {
            "anyDiscount": BOOL,
            "discount": STR,
            "discountAsNumber": NUM,
            "vouchers": arr(ref("OrderVoucher")),
            "automaticDiscounts": arr(ref("AutomaticDiscount")),
        }
    ),
    "Order": obj(
        {
            "orderId": d(STR, "The order number, as a string."),
            "orderStatus": d(
                {"type": "string", "enum": ["0", "1", "2", "3", "4", "5", "6"]},
                "0 Incomplete, 1 Pending, 2 Confirmed, 3 Processing, 4 Completed, "
                "5 Archived, 6 Cancelled.",
            ),
            "orderStatusDescription": d(
                {
                    "type": "string",
                    "enum": [
                        "Incomplete",
                        "Pending",
                        "Confirmed",
                        "Processing",
                        "Completed",
                        "Archived",
                        "Cancelled",
                    ],
                },
                "mockcentra addition: the word for `orderStatus`.",
            ),
            **ORDER_HEAD,
            "suspect": FLAG,
            "internalOrder": FLAG,
            "hold": FLAG,
            "waitingForPayment": FLAG,
            "shippingValue": NUM,
            "voucherValue": NUM,
            "grandTotalValue": NUM,
            "grandTotalTaxValue": NUM,
            "taxAdded": NUM,
            "taxDeducted": NUM,
            "internalComment": STR,
            "otherComment": STR,
            "marketId": NINT,
            "pricelistId": NINT,
            "ipAddress": STR,
            "paymentPlugin": STR,
            "paymentType": {"type": "string", "enum": ["cc", "inv", "3rd", "free", "prepaid"]},
            "paymentDescription": STR,
            "paymentReference": NSTR,
            "paymentMethod": NSTR,
            "defaultCarrier": STR,
            "shipments": arr(ref("OrderShipment")),
            "totalItemsPriceTax": d(NUM, "Tax in the items, negative (as Centra shows it)."),
            "totalItemsPrice": NUM,
            "totalItemsWithoutTax": NUM,
            "taxBreakdown": arr(ref("TaxBreakdown")),
            "products": arr(ref("OrderLine")),
            "totalItemsDiscount": NUM,
            "discounts": ref("Discounts"),
        }
    ),
    "ShipmentWarehouse": obj({"name": STR, "itemQty": d(STR, "A number as text.")}),
    "ShipmentLine": obj(
        {
            **LINE_BASE,
            "qty": d(INT, "Units of the order line in this shipment."),
            "originalPrice": NUM,
            "price": NUM,
            "weight": NUM,
            "weightUnit": {"type": "string", "enum": ["kg", "lb"]},
            "countryOfOrigin": STR,
            "harmCode": STR,
            "comment": STR,
            "warehouses": arr(ref("ShipmentWarehouse")),
            "isBundle": BOOL,
        }
    ),
    "Shipment": obj(
        {
            "orderId": STR,
            **{k: ORDER_HEAD[k] for k in list(ORDER_HEAD)[:7]},
            "shipmentId": STR,
            **{k: v for k, v in ORDER_HEAD.items() if k not in list(ORDER_HEAD)[:7]},
            "defaultCarrier": d(STR, "Carrier of this shipment."),
            "deliveryService": STR,
            "shipmentDate": d(DATE, "When the shipment was created."),
            "shippedDate": d(DATE, "mockcentra addition: when it was shipped."),
            "trackingNumber": STR,
            "trackingUrl": STR,
            "returnSlipTracking": STR,
            "suspect": FLAG,
            "hold": FLAG,
            "paid": FLAG,
            "shouldCapture": FLAG,
            "goodToGo": d(FLAG, "mockcentra addition: the shipment is good to go."),
            "shippingValue": NUM,
            "voucherValue": NUM,
            "grandTotalValue": NUM,
            "grandTotalTaxValue": NUM,
            "taxAdded": NUM,
            "taxDeducted": NUM,
            "internalComment": STR,
            "otherComment": STR,
            "taxBreakdown": arr(ref("TaxBreakdown")),
            "products": arr(ref("ShipmentLine")),
        }
    ),
    "ReturnLine": obj(
        {
            "returnLineId": INT,
            "shipmentLineId": INT,
            "orderLineId": INT,
            "productId": INT,
            "variantId": INT,
            "productName": STR,
            "productBrand": STR,
            "variantName": STR,
            "size": STR,
            "sku": STR,
            "variantSku": STR,
            "sizeSku": STR,
            "ean": STR,
            "quantity": INT,
            "price": NUM,
        }
    ),
    "Return": obj(
        {
            "returnId": INT,
            "completed": d(BOOL, "Completed (a successful refund completes it)."),
            "shipment": d(STR, "Shipment id `<orderId>-<n>`."),
            "shipmentId": INT,
            "orderId": d(INT, "The order number, as an integer (unlike GET orders)."),
            "selectionId": STR,
            "customerId": NINT,
            "date": DATE,
            "returnCost": NUM,
            "shippingCost": NUM,
            "handlingCost": NUM,
            "voucherValue": NUM,
            "taxValue": NUM,
            "taxDeduction": NUM,
            "currency": STR,
            "baseCurrency": STR,
            "baseCurrencyRate": NUM,
            "returnToStock": BOOL,
            "comment": NSTR,
            "createdFrom": STR,
            "products": arr(ref("ReturnLine")),
        }
    ),
    "Customer": obj(
        {
            "customerId": STR,
            "email": STR,
            "firstName": STR,
            "lastName": STR,
            "address1": STR,
            "address2": STR,
            "zipCode": STR,
            "city": STR,
            "state": STR,
            "country": STR,
            "phoneNumber": STR,
            "newsletter": BOOL,
            "gender": STR,
            "registered": BOOL,
            "consents": arr({"type": "object"}),
            "created": DATE,
            "modified": DATE,
        }
    ),
    "StockItem": obj(
        {
            "sku": d(STR, "Product SKU."),
            "productId": INT,
            "variantSku": STR,
            "variantId": INT,
            "sizeSku": STR,
            "brand": STR,
            "collection": STR,
            "product": STR,
            "variant": STR,
            "size": STR,
            "stockItemId": d(INT, "The product size id."),
            "ean": STR,
            "weight": NUM,
            "weightUnit": {"type": "string", "enum": ["kg", "lb"]},
            "countryOfOrigin": STR,
            "harmCode": STR,
            "harmDescription": STR,
            "active": FLAG,
            "physicalStock": d(
                INT, "allocatedStock + availableStock; left out with exclude=physicalStock."
            ),
            "allocatedStock": INT,
            "availableStock": INT,
        },
        optional=("physicalStock",),
    ),
    "ProductPrice": obj(
        {
            "id": d(STR, "Pricelist id."),
            "price": d(STR, 'e.g. "329.00"'),
            "pricelist": STR,
            "currency": STR,
            "campaigns": arr({"type": "object"}),
        }
    ),
}

_STOCK_FIELDS = {
    k: v
    for k, v in SCHEMAS["StockItem"]["properties"].items()
    if k not in ("physicalStock", "allocatedStock", "availableStock")
}
SCHEMAS["Product"] = obj(
    {
        **_STOCK_FIELDS,
        "folder": d(STR, 'Folder path, e.g. "Shop / Clothing".'),
        "name": STR,
        "description": STR,
        "shortDescription": STR,
        "comment": STR,
        "store": STR,
        "categories": arr(STR),
        "images": arr(STR),
        "prices": arr(ref("ProductPrice")),
    }
)

ADDRESS_IN = obj(
    {
        "email": STR,
        "firstName": STR,
        "lastName": STR,
        "company": STR,
        "tele": STR,
        "cell": STR,
        "attn": STR,
        "address": STR,
        "coaddress": STR,
        "city": STR,
        "zipcode": STR,
        "state": STR,
        "country": d(STR, "ISO-2, required (on the delivery address)."),
    },
    optional=(
        "email",
        "firstName",
        "lastName",
        "company",
        "tele",
        "cell",
        "attn",
        "address",
        "coaddress",
        "city",
        "zipcode",
        "state",
        "country",
    ),
    closed=False,
)
PAYMENT_RECORD = obj(
    {
        "status": d({"type": "integer", "enum": [0, 1, 2]}, "0 pending, 1 success, 2 failed"),
        "amount": NUM,
        "transaction": STR,
        "method": STR,
        "response": STR,
        "external_url": STR,
    },
    optional=("transaction", "method", "response", "external_url"),
    closed=False,
)
PAYMENT = obj(
    {"id": d(INT, "Payment plugin id."), "auth": PAYMENT_RECORD, "capture": PAYMENT_RECORD},
    optional=("id", "auth", "capture"),
    closed=False,
)
QUANTITIES = {
    "type": "object",
    "additionalProperties": {"type": ["integer", "string"]},
    "description": '{"<lineId>": quantity}',
}


def _all_optional(props: dict[str, Any], *, required: tuple[str, ...] = ()) -> dict[str, Any]:
    return obj(props, optional=tuple(k for k in props if k not in required), closed=False)


REQUESTS: dict[str, Any] = {
    "UpdateOrderRequest": _all_optional(
        {"order": INT, "internalComment": d(STR, "Appended to the internal comment.")},
        required=("order",),
    ),
    "CreateOrderRequest": _all_optional(
        {
            "address": ADDRESS_IN,
            "invoiceAddress": ADDRESS_IN,
            "deliveryAddress": ADDRESS_IN,
            "pricelistId": INT,
            "pricelist": STR,
            "marketId": INT,
            "market": STR,
            "customerRegister": BOOL,
            "customerId": INT,
            "products": arr(
                _all_optional(
                    {
                        "qty": INT,
                        "id": d(INT, "Product size id (stock item id)."),
                        "ean": STR,
                        "sku": d(STR, "Size SKU, or product + variant + size SKU."),
                        "unitPrice": NUM,
                        "originalPrice": NUM,
                        "comment": STR,
                        "itemText": _all_optional(
                            {"sku": STR, "brand": STR, "product": STR, "variant": STR, "size": STR}
                        ),
                    },
                    required=("qty",),
                )
            ),
            "shippingValue": NUM,
            "voucherValue": d(
                NUM,
                "Order-level voucher amount, positive: taken off the items (pro rata, whole "
                "cents per unit) and then off shipping. More than items plus shipping is "
                "refused.",
            ),
            "orderNumber": INT,
            "sendEmail": BOOL,
            "applyVouchers": BOOL,
            "adjustStock": BOOL,
            "forceCreate": BOOL,
            "comment": STR,
            "internalComment": STR,
            "orderDate": STR,
            "createOnly": BOOL,
            "internalOrder": BOOL,
            "payment": PAYMENT,
        },
        required=("products",),
    ),
    "CompleteOrderRequest": _all_optional(
        {"payment": PAYMENT, "internalComment": STR, "orderDate": STR, "poNumber": STR}
    ),
    "CreateShipmentRequest": _all_optional(
        {
            "order": INT,
            "products": QUANTITIES,
            "gtg": BOOL,
            "capture": d(BOOL, "Default true; no shipment is created when the capture fails."),
            "shipped": BOOL,
            "carrier": STR,
            "service": STR,
            "packages": INT,
            "tracking": STR,
            "returnSlipTracking": STR,
            "sendEmail": BOOL,
        },
        required=("order", "products"),
    ),
    "CompleteShipmentRequest": _all_optional(
        {
            "order": INT,
            "shipment": d(STR, "`<orderId>-<n>`"),
            "capture": BOOL,
            "gtg": BOOL,
            "shipped": d(BOOL, "false only updates the tracking information."),
            "carrier": STR,
            "service": STR,
            "packages": INT,
            "tracking": STR,
            "returnSlipTracking": STR,
            "sendEmail": BOOL,
            "internalComment": STR,
        },
        required=("shipment",),
    ),
    "CaptureShipmentRequest": _all_optional({"shipment": STR}, required=("shipment",)),
    "UpdateShipmentRequest": _all_optional(
        {"gtg": BOOL, "products": d(QUANTITIES, "Not supported: answered with an error.")}
    ),
    "CreateReturnRequest": _all_optional(
        {
            "shipment": STR,
            "products": d(QUANTITIES, "All that is left on the shipment when left out."),
            "returnStock": BOOL,
            "handlingCost": NUM,
            "handlingCostFromShipment": BOOL,
            "shippingCost": NUM,
            "shippingCostFromShipment": BOOL,
            "returnCost": NUM,
            "voucherValue": NUM,
            "voucherValueFromShipment": BOOL,
            "comment": STR,
            "createdAt": STR,
            "refund": _all_optional({"refundPayment": BOOL, "sendEmail": BOOL}),
        },
        required=("shipment",),
    ),
    "UpdateReturnRequest": _all_optional({"completed": BOOL}),
    "CloneVoucherRequest": _all_optional(
        {"name": STR, "code": STR, "stopDate": STR, "conversionHtml": STR},
        required=("stopDate",),
    ),
}

RESPONSES: dict[str, Any] = {
    "OrdersResponse": ok(orders=arr(ref("Order"))),
    "OrderNumberResponse": ok(order=INT),
    "CreateOrderResponse": {
        "oneOf": [ok(orders=arr(INT)), ok(order=d(INT, "With createOnly."))],
    },
    "CompleteOrderResponse": ok(orders=arr(STR)),
    "ShipmentsResponse": ok(shipments=arr(ref("Shipment"))),
    "ShipmentResponse": ok(shipment=ref("Shipment")),
    "ShipmentDoneResponse": ok(order=INT, shipment=STR),
    "ShipmentRemovedResponse": ok(msg=STR, order=INT, shipment=STR),
    "CreateReturnResponse": obj(
        {
            "status": {"type": "string", "enum": ["ok"]},
            "return": INT,
            "returnCompleted": BOOL,
            "returnedItems": arr(STR, "Order line ids that were returned."),
            "refund": obj(
                {"status": {"type": "string", "enum": ["ok", "no"]}, "msg": STR},
                optional=("msg",),
            ),
        },
        optional=("refund",),
    ),
    "ReturnsResponse": ok(returns=arr(ref("Return"))),
    "ReturnResponse": ok(**{"return": ref("Return")}),
    "CustomersResponse": ok(customers=arr(ref("Customer"))),
    "CustomerResponse": ok(customer=ref("Customer")),
    "VoucherResponse": ok(
        voucher=obj(
            {
                "id": INT,
                "name": STR,
                "code": STR,
                "conversionHtml": STR,
                "startDate": d(STR, "Y-m-d"),
                "stopDate": d(STR, "Y-m-d"),
                "type": {"type": "string", "enum": ["priceoff", "percentoff"]},
                "value": NSTR,
                "valueByPricelist": {"type": "object", "additionalProperties": NUM},
                "store": INT,
                "markets": arr(INT),
                "limit": INT,
                "status": {"type": "string", "enum": ["active", "inactive"]},
                "priority": INT,
                "createdAt": STR,
            },
            optional=("valueByPricelist",),
        )
    ),
    "CloneVoucherResponse": ok(voucher=d(INT, "Id of the new voucher."), code=STR),
    "StockResponse": obj(
        {
            "status": {"type": "string", "enum": ["ok"]},
            "products": arr(ref("StockItem")),
            "previous": STR,
            "next": STR,
        },
        optional=("previous", "next"),
    ),
    "ProductsResponse": obj(
        {
            "status": {"type": "string", "enum": ["ok"]},
            "products": arr(ref("Product")),
            "previous": STR,
            "next": STR,
        },
        optional=("previous", "next"),
    ),
}


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
                "200; a missing or wrong key is HTTP 401. The same paths also answer under "
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
