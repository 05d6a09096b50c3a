"""Lowering a direct to consumer order's shipping cost, and the quantities in its totals."""

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, PlacedOrder

UPDATE = """mutation($n: Int!, $cost: MonetaryValueInput!) {
  updateDirectToConsumerOrder(order: {number: $n}, input: {shippingCost: $cost}) {
    userErrors { message path }
    order { number totals { quantity shipping { value currency { code } } } grandTotal { value } }
  }
}"""

TOTALS = """query($n:[Int!]){ orders(where:{number:$n}) { status
  totals { quantity originalQuantity cancelledQuantity unexpeditedQuantity
           lineValues { value } shipping { value } }
  grandTotal { value } } }"""


def totals(centra: CentraClient, number: int) -> dict[str, Any]:
    return centra.graphql(TOTALS, {"n": [number]}).payload("orders")[0]


def sek(value: float) -> dict[str, Any]:
    return {"value": value, "currencyIsoCode": "SEK"}


@pytest.fixture
def confirmed(centra_factories: Factories) -> PlacedOrder:
    """A confirmed order of 2 x 790.00 SEK with 49.00 SEK shipping (1 629.00 SEK)."""
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    centra_factories.confirm(placed.number)
    return placed


def test_a_confirmed_order_gets_a_lower_shipping_cost(
    centra: CentraClient, confirmed: PlacedOrder
) -> None:
    # Given a confirmed order with 49.00 SEK shipping and a grand total of 1 629.00 SEK
    assert totals(centra, confirmed.number)["grandTotal"] == {"value": 1629.0}

    # When the integration lowers the shipping cost to 30.00 SEK
    result = centra.graphql(UPDATE, {"n": confirmed.number, "cost": sek(30.0)}).payload(
        "updateDirectToConsumerOrder"
    )

    # Then the totals show it and the grand total drops by 19.00 SEK
    assert result == {
        "userErrors": [],
        "order": {
            "number": confirmed.number,
            "totals": {"quantity": 2, "shipping": {"value": 30.0, "currency": {"code": "SEK"}}},
            "grandTotal": {"value": 1610.0},
        },
    }


def test_shipping_can_be_made_free(centra: CentraClient, confirmed: PlacedOrder) -> None:
    centra.graphql(UPDATE, {"n": confirmed.number, "cost": sek(0)}).ok(
        "updateDirectToConsumerOrder"
    )

    assert totals(centra, confirmed.number)["totals"]["shipping"] == {"value": 0.0}
    assert totals(centra, confirmed.number)["grandTotal"] == {"value": 1580.0}


@pytest.mark.parametrize(
    ("cost", "message", "path"),
    [
        (
            sek(50.0),
            "The shipping cost can only be lowered: it is 49.00 SEK, 50.00 SEK was asked.",
            ["input", "shippingCost", "value"],
        ),
        (
            sek(-1.0),
            "The shipping cost cannot be negative.",
            ["input", "shippingCost", "value"],
        ),
        (
            {"value": 3.0, "currencyIsoCode": "EUR"},
            "Shipping cost currency EUR does not match the order currency SEK.",
            ["input", "shippingCost", "currencyIsoCode"],
        ),
    ],
)
def test_a_refused_shipping_cost_changes_nothing(
    centra: CentraClient,
    confirmed: PlacedOrder,
    cost: dict[str, Any],
    message: str,
    path: list[str],
) -> None:
    before = totals(centra, confirmed.number)

    result = centra.graphql(UPDATE, {"n": confirmed.number, "cost": cost}).payload(
        "updateDirectToConsumerOrder"
    )

    assert result == {"userErrors": [{"message": message, "path": path}], "order": None}
    assert totals(centra, confirmed.number) == before


def test_only_a_confirmed_order_changes_its_shipping_cost(
    centra: CentraClient, centra_factories: Factories
) -> None:
    pending = centra_factories.place_order()
    before = totals(centra, pending.number)

    result = centra.graphql(UPDATE, {"n": pending.number, "cost": sek(10.0)}).payload(
        "updateDirectToConsumerOrder"
    )

    assert result["userErrors"] == [
        {
            "message": f'Order {pending.number} is "PENDING": its shipping cost can only change '
            'while it is "CONFIRMED".',
            "path": ["input", "shippingCost"],
        }
    ]
    assert totals(centra, pending.number) == before


def test_totals_count_ordered_cancelled_and_unexpedited_units(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given an order of 3 units: 1 cancelled, then 1 put in a shipment
    item = centra_factories.sellable_item(min_free=4)
    placed = centra_factories.place_order([(item, 3)])
    centra_factories.confirm(placed.number)
    line = centra_factories.order_lines(placed.number)[0]["id"]
    centra.graphql(
        """mutation($n:Int!,$l:Int!){ updateDirectToConsumerOrder(order:{number:$n},
          input:{cancelLines:[{line:{id:$l}, quantity:1}]}) { userErrors { message } } }""",
        {"n": placed.number, "l": line},
    ).ok("updateDirectToConsumerOrder")
    centra.graphql(
        """mutation($n:Int!,$l:Int!){ createShipment(input:{order:{number:$n},
          lines:[{orderLine:{id:$l}, quantity:1}]}) { userErrors { message } } }""",
        {"n": placed.number, "l": line},
    ).ok("createShipment")

    # When its totals are read
    found = totals(centra, placed.number)

    # Then 2 units remain ordered of 3, 1 is cancelled and 1 is not yet in a shipment
    assert found["totals"] == {
        "quantity": 2,
        "originalQuantity": 3,
        "cancelledQuantity": 1,
        "unexpeditedQuantity": 1,
        "lineValues": {"value": 1580.0},
        "shipping": {"value": 49.0},
    }
