"""REST Order API `POST order` with `voucherValue`: an order-level voucher amount that an
importing system (an ERP, a marketplace) already granted.

The amount comes off the lines pro rata in whole cents per unit, then off shipping, and is
kept as the order's voucher entry, so REST, GraphQL, captures and refunds agree on it.
"""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item
from tests.rest.order_api_client import ADDRESS, OrderApi
from tests.support import order_of, stock_of

TOTALS = """query($n:[Int!]){ orders(where:{number:$n}) {
  lines { quantity unitPrice { value } unitOriginalPrice { value } lineValue { value } }
  totals { itemsSubtotal { value } shipping { value } discounts { value }
           taxIncluded { value } grandTotal { value } }
  grandTotal { value }
  discountsApplied { value { value } voucherName voucherMethod code voucher { id } }
  voucherCodes
} }"""


def graphql_order(centra: CentraClient, number: int) -> dict[str, Any]:
    [order] = centra.graphql(TOTALS, {"n": [number]}).payload("orders")
    return order


def line(item: Item, qty: int, price: str) -> dict[str, Any]:
    """A product at a fixed price, with no sale price, so every discount is the voucher's."""
    return {"id": item.product_size_id, "qty": qty, "unitPrice": price, "originalPrice": price}


def events(centra: CentraClient) -> list[dict[str, Any]]:
    response = centra.get("/_mock/events", params={"limit": 1000})
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_voucher_value_comes_off_the_lines_pro_rata_and_every_total_shows_it(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given two products: 1 x 100.00 and 2 x 50.00, shipping 49.00, and a 30.00 voucher
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=2)[:2]

    # when the order is imported
    [number] = api.ok(
        "POST",
        "order",
        {
            "address": ADDRESS,
            "products": [line(first, 1, "100.00"), line(second, 2, "50.00")],
            "shippingValue": 49,
            "voucherValue": 30,
        },
    )["orders"]

    # then each unit carries its share (15.00 of 100.00, 7.50 of each 50.00) ...
    order = api.order(number)
    assert [(p["qty"], p["originalPrice"], p["price"]) for p in order["products"]] == [
        (1, 100.0, 85.0),
        (2, 50.0, 42.5),
    ]
    # ... and the order's totals are 200.00 - 30.00 + 49.00
    assert {
        k: order[k]
        for k in (
            "shippingValue",
            "voucherValue",
            "grandTotalValue",
            "grandTotalTaxValue",
            "totalItemsPrice",
            "totalItemsPriceTax",
            "totalItemsWithoutTax",
            "totalItemsDiscount",
        )
    } == {
        "shippingValue": 49.0,
        "voucherValue": 30.0,
        "grandTotalValue": 219.0,
        "grandTotalTaxValue": 43.8,  # 17.00 + 8.50 x 2 on the items, 9.80 on shipping
        "totalItemsPrice": 170.0,
        "totalItemsPriceTax": -34.0,
        "totalItemsWithoutTax": 136.0,
        "totalItemsDiscount": 30.0,
    }
    assert order["discounts"] == {
        "anyDiscount": True,
        "discount": "-30.00 SEK",
        "discountAsNumber": -30.0,
        "vouchers": [
            {
                "voucher": "voucherValue",
                "name": "Voucher value",
                "priceOff": "-30.00 SEK",
                "priceOffAsANumber": -30.0,
                "description": "",
                "isCredit": False,
                "originalPriceOff": "-30.00 SEK",
                "originalPriceOffAsNumber": -30.0,
            }
        ],
        "automaticDiscounts": [],
    }
    # and the Integration API shows the same amounts
    assert graphql_order(centra, number) == {
        "lines": [
            {
                "quantity": 1,
                "unitPrice": {"value": 85.0},
                "unitOriginalPrice": {"value": 100.0},
                "lineValue": {"value": 85.0},
            },
            {
                "quantity": 2,
                "unitPrice": {"value": 42.5},
                "unitOriginalPrice": {"value": 50.0},
                "lineValue": {"value": 85.0},
            },
        ],
        "totals": {
            "itemsSubtotal": {"value": 170.0},
            "shipping": {"value": 49.0},
            "discounts": {"value": 30.0},
            "taxIncluded": {"value": 43.8},
            "grandTotal": {"value": 219.0},
        },
        "grandTotal": {"value": 219.0},
        "discountsApplied": [
            {
                "value": {"value": 30.0},
                "voucherName": "Voucher value",
                "voucherMethod": None,
                "code": None,
                "voucher": None,
            }
        ],
        "voucherCodes": [],
    }


def test_an_odd_cent_goes_to_a_line_it_divides_and_the_rest_comes_off_shipping(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given 1 x 100.00 and 2 x 50.00 with shipping 49.00
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=2)[:2]
    products = [line(first, 1, "100.00"), line(second, 2, "50.00")]

    # when one order takes 25.01 and another takes 230.00 (more than the items)
    odd = api.create_order([], products=products, shippingValue=49, voucherValue="25.01")
    over = api.create_order([], products=products, shippingValue=49, voucherValue=230)

    # then 12.50 + 6.25 x 2 per unit leaves one cent, which the single unit takes
    order = api.order(odd)
    assert [p["price"] for p in order["products"]] == [87.49, 43.75]
    assert (order["voucherValue"], order["shippingValue"], order["grandTotalValue"]) == (
        25.01,
        49.0,
        223.99,
    )
    # and 200.00 off the items, the other 30.00 off shipping
    order = api.order(over)
    assert [p["price"] for p in order["products"]] == [0.0, 0.0]
    assert (
        order["voucherValue"],
        order["totalItemsDiscount"],
        order["shippingValue"],
        order["grandTotalValue"],
        order["grandTotalTaxValue"],
    ) == (230.0, 200.0, 19.0, 19.0, 3.8)
    assert graphql_order(centra, over)["totals"] == {
        "itemsSubtotal": {"value": 0.0},
        "shipping": {"value": 19.0},
        "discounts": {"value": 200.0},
        "taxIncluded": {"value": 3.8},
        "grandTotal": {"value": 19.0},
    }


def test_zero_voucher_value_leaves_the_order_as_priced(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given one product at 100.00
    api = OrderApi(centra)
    item = centra_factories.sellable_item()

    # when it is imported with a zero voucher, as a number and as text
    numbers = [
        api.ok(
            "POST",
            "order",
            {"address": ADDRESS, "products": [line(item, 1, "100.00")], "voucherValue": zero},
        )["orders"][0]
        for zero in (0, "0.00")
    ]

    # then neither order has a voucher or a discount
    for number in numbers:
        order = api.order(number)
        assert (order["voucherValue"], order["totalItemsPrice"], order["products"][0]["price"]) == (
            0.0,
            100.0,
            100.0,
        )
        assert order["discounts"]["vouchers"] == []
        assert graphql_order(centra, number)["discountsApplied"] == [
            {
                "value": {"value": 0.0},
                "voucherName": None,
                "voucherMethod": None,
                "code": None,
                "voucher": None,
            }
        ]


def test_captures_and_refunds_use_the_discounted_amounts(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given an imported order of 1 x 100.00 and 2 x 50.00, shipping 49.00, voucher 30.00,
    # with 219.00 authorized by the marketplace's PSP
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=2)[:2]
    number = api.create_order(
        [],
        products=[line(first, 1, "100.00"), line(second, 2, "50.00")],
        shippingValue=49,
        voucherValue=30,
        payment={"auth": {"status": 1, "amount": 219, "method": "marketplace"}},
    )
    centra_factories.confirm(number)

    # when all of it is shipped, and then returned with what is left of shipping and voucher
    shipment = api.ship_all(number)
    returned = api.ok(
        "POST",
        "return",
        {
            "shipment": shipment,
            "shippingCostFromShipment": True,
            "voucherValueFromShipment": True,
            "refund": {"refundPayment": True},
        },
    )

    # then the capture and the refund are both the discounted 219.00
    assert returned["returnCompleted"] is True
    [ret] = api.ok("GET", "returns", order=number)["returns"]
    assert (ret["shippingCost"], ret["voucherValue"]) == (49.0, 0)
    history = order_of(centra, number)["paymentHistory"]
    assert [(e["entryType"], e["status"], e["value"]["value"]) for e in history] == [
        ("AUTHORIZATION", "SUCCESS", 219.0),
        ("CAPTURE", "SUCCESS", 219.0),
        ("REFUND", "SUCCESS", 219.0),
    ]


def test_refused_voucher_values_change_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given a product in stock and the state before any import
    api = OrderApi(centra)
    item = centra_factories.sellable_item(min_free=2)
    stock_before = stock_of(centra, item.product_size_id)
    events_before = events(centra)
    two = [line(item, 2, "10.00")]
    cases = [
        ({"voucherValue": -5}, "voucherValue cannot be negative."),
        ({"voucherValue": "-0.01"}, "voucherValue cannot be negative."),
        ({"voucherValue": "ten"}, "voucherValue must be a number"),
        ({"voucherValue": True}, "voucherValue must be a number"),
        (
            {"voucherValue": "69.01", "shippingValue": 49},
            "voucherValue 69.01 SEK is more than the order's items and shipping (69.00 SEK).",
        ),
        (
            {"voucherValue": "0.01", "shippingValue": 0},
            "voucherValue 0.01 SEK cannot be split over the ordered units in whole cents, "
            "and shipping (0.00 SEK) cannot take the 0.01 SEK left over.",
        ),
    ]

    # when each is imported, then it is refused with the Order API's envelope
    for extra, msg in cases:
        body = {"address": ADDRESS, "products": two, **extra}
        assert api.refused("POST", "order", body) == {"status": "no", "msg": msg}, extra

    # and no order, customer, allocation or event was written
    assert api.ok("GET", "orders")["orders"] == []
    assert api.ok("GET", "customers")["customers"] == []
    assert stock_of(centra, item.product_size_id) == stock_before
    assert events(centra) == events_before
