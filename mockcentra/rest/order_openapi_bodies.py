"""The Order API document's request bodies and the `{"status": "ok", ...}` envelopes of its
responses."""

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
