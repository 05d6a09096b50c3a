"""The `{"status": "ok", ...}` envelopes of the Order API document's responses (its request
parts are generated from the request models, rest/order_models.py)."""

from __future__ import annotations

from typing import Any

from mockcentra.rest.openapi_blocks import (
    BOOL,
    INT,
    NSTR,
    NUM,
    STR,
    arr,
    d,
    obj,
    ref,
)
from mockcentra.rest.order_openapi_components import ok

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
