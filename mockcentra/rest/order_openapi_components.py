"""The Order API document's response objects (orders, shipments, returns, customers, vouchers,
stock and products): every field required, no others allowed, so a test that validates real
responses against them catches any change of shape."""

from __future__ import annotations

from typing import Any

from mockcentra.rest.openapi_blocks import (
    BOOL,
    DATE,
    FLAG,
    INT,
    NINT,
    NSTR,
    NUM,
    STR,
    arr,
    d,
    obj,
    ref,
)


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
