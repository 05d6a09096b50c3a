"""Seed 003 (customer-service AI integration guide): the order data points a CS platform reads,
found by order number and by email, over the REST Order API only.

`find_order` is the "Find Order" sub-flow of the guide: API calls, then the business-friendly
fields (order status, tracking per shipment and per line, return and refund state, ...).
"""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import OrderApi

UNSET = "0000-00-00 00:00:00"


def freeze(centra: CentraClient, at: str) -> None:
    assert centra.post("/_mock/clock", json={"freeze": at}).status_code == 200


def line_statuses(api: OrderApi, order_id: str) -> dict[str, dict[str, Any]]:
    """Per order line: where its units are (shipped / ready to ship / being packed) and the
    tracking number of the shipment that carries them."""
    out: dict[str, dict[str, Any]] = {}
    words = {"completed": "Shipped", "goodtogo": "Ready to ship", "inprogress": "Being packed"}
    for status, word in words.items():
        for shipment in api.ok("GET", "shipments", order=order_id, status=status)["shipments"]:
            for p in shipment["products"]:
                out.setdefault(p["lineId"], {"status": word, "shipments": []})
                out[p["lineId"]]["shipments"].append(
                    {
                        "shipment": shipment["shipmentId"],
                        "qty": p["qty"],
                        "tracking": shipment["trackingNumber"] or None,
                    }
                )
    return out


def business_fields(api: OrderApi, o: dict[str, Any]) -> dict[str, Any]:
    """The guide's data points for one order of GET orders."""
    returns = api.ok("GET", "returns", order=o["orderId"])["returns"]
    lines = line_statuses(api, o["orderId"])
    return {
        "order_number": o["orderId"],
        "customer_email": o["billingEmail"],
        "customer_name": o["billingName"],
        "shipping_address": ", ".join(
            p
            for p in (
                o["deliveryAddress"],
                o["deliveryZipcode"],
                o["deliveryCity"],
                o["deliveryCountry"],
            )
            if p
        ),
        "order_date": o["orderDate"],
        "order_amount": f"{o['grandTotalValue']:.2f} {o['orderCurrency']}",
        "order_status": o["orderStatusDescription"],
        "order_type": "internal" if o["internalOrder"] else o["orderStore"],
        "shipments": [
            {
                "shipment": s["shipmentId"],
                "carrier": s["carrier"] or None,
                "tracking": s["trackingId"] or None,
                "return_tracking": s["returnSlipTracking"] or None,
                "shipped_date": None if s["shippedDate"] == UNSET else s["shippedDate"],
            }
            for s in o["shipments"]
        ],
        "expected_delivery_date": (
            None if o["estimatedDeliveryDate"] == UNSET else o["estimatedDeliveryDate"]
        ),
        "items": [
            {
                "name": p["name"],
                "sku": p["sku"] + p["variantSku"] + p["sizeSku"],
                "quantity": p["qty"],
                "status": lines.get(p["lineId"], {}).get("status", "Not yet shipped"),
                "tracking": [
                    s["tracking"] for s in lines.get(p["lineId"], {}).get("shipments", [])
                ],
            }
            for p in o["products"]
        ],
        "returns": [
            {
                "return": r["returnId"],
                "status": "Completed" if r["completed"] else "Pending",
                "items": [(p["productName"], p["quantity"]) for p in r["products"]],
            }
            for r in returns
        ],
    }


def find_order(api: OrderApi, *, number: str | None = None, email: str | None = None) -> list:
    """Search by order number, or by email (customer id first, as Centra requires)."""
    if number is not None:
        orders = api.ok("GET", "orders", order=number)["orders"]
    else:
        customers = api.ok("GET", "customers", email=email)["customers"]
        orders = [
            o
            for c in customers
            for o in api.ok("GET", "orders", customer_id=c["customerId"])["orders"]
        ]
    return [business_fields(api, o) for o in orders]


def test_wismo_data_points_by_number_and_by_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=2)[:2]
    a = api.ok("GET", "stock", stockItemId=first.product_size_id)["products"][0]
    b = api.ok("GET", "stock", stockItemId=second.product_size_id)["products"][0]
    freeze(centra, "2031-06-01T07:00:00+00:00")
    number = api.confirmed_order(centra_factories, [(first, 1), (second, 2)])
    lines = {p["name"]: p["lineId"] for p in api.order(number)["products"]}
    line_a, line_b = lines[a["product"]], lines[b["product"]]
    freeze(centra, "2031-06-02T09:00:00+00:00")
    api.ok(
        "POST",
        "shipments",
        {
            "order": number,
            "products": {line_a: 1},
            "gtg": True,
            "shipped": True,
            "carrier": "DHL",
            "service": "Express",
            "tracking": "DHL-111",
            "returnSlipTracking": "DHL-R-111",
        },
    )
    api.ok("POST", "shipments", {"order": number, "products": {line_b: 2}, "gtg": True})
    freeze(centra, "2031-06-04T09:00:00+00:00")
    api.ok(
        "POST",
        "return",
        {"shipment": f"{number}-1", "products": {line_a: 1}, "refund": {"refundPayment": True}},
    )
    total = float(first.price + second.price * 2) + api.order(number)["shippingValue"]

    by_number = find_order(api, number=str(number))
    by_email = find_order(api, email="Jon.Snow@example.com")

    assert (
        by_number
        == by_email
        == [
            {
                "order_number": str(number),
                "customer_email": "jon.snow@example.com",
                "customer_name": "Jon Snow",
                "shipping_address": "Teststr. 1, 12345, Stockholm, SE",
                "order_date": "2031-06-01 09:00:00",
                "order_amount": f"{total:.2f} SEK",
                "order_status": "Processing",
                "order_type": "retail",
                "shipments": [
                    {
                        "shipment": f"{number}-1",
                        "carrier": "DHL",
                        "tracking": "DHL-111",
                        "return_tracking": "DHL-R-111",
                        "shipped_date": "2031-06-02 11:00:00",
                    },
                    {
                        "shipment": f"{number}-2",
                        "carrier": None,
                        "tracking": None,
                        "return_tracking": None,
                        "shipped_date": None,
                    },
                ],
                "expected_delivery_date": None,
                "items": [
                    {
                        "name": a["product"],
                        "sku": a["sku"] + a["variantSku"] + a["sizeSku"],
                        "quantity": 1,
                        "status": "Shipped",
                        "tracking": ["DHL-111"],
                    },
                    {
                        "name": b["product"],
                        "sku": b["sku"] + b["variantSku"] + b["sizeSku"],
                        "quantity": 2,
                        "status": "Ready to ship",
                        "tracking": [None],
                    },
                ],
                "returns": [
                    {
                        "return": by_number[0]["returns"][0]["return"],
                        "status": "Completed",
                        "items": [(a["product"], 1)],
                    },
                ],
            }
        ]
    )


def test_search_finds_nothing_for_unknown_number_or_email(centra: CentraClient) -> None:
    api = OrderApi(centra)

    assert find_order(api, number="999999") == []
    assert find_order(api, email="nobody@example.com") == []


def test_refund_state_is_visible_on_the_return(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    number = api.confirmed_order(centra_factories, [(item, 2)])
    shipment = api.ship_all(number)
    line = api.order(number)["products"][0]["lineId"]

    pending = api.ok("POST", "return", {"shipment": shipment, "products": {line: 1}})
    refunded = api.ok(
        "POST",
        "return",
        {"shipment": shipment, "products": {line: 1}, "refund": {"refundPayment": True}},
    )

    returns = {r["returnId"]: r for r in api.ok("GET", "returns", order=number)["returns"]}
    assert returns[pending["return"]]["completed"] is False
    assert returns[refunded["return"]]["completed"] is True
    assert refunded["refund"] == {"status": "ok"}
    [entry] = api.order(number)["shipments"]
    assert entry["returnSlipTracking"] == "PN987654321SE" and entry["trackingId"] == "PN123456789SE"
