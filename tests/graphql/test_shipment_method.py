"""createShipment(shipmentMethod: {pluginId}): booking a shipment with a store's plugin."""

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import stock_of

CREATE = """mutation($n: Int!, $lines: [ShipmentLineInput!]!, $method: ShipmentMethodInput) {
  createShipment(input: {order: {number: $n}, lines: $lines, isGoodToGo: true,
                         shipmentMethod: $method}) {
    userErrors { message path }
    shipment { number shipmentPlugin { id name status } }
  }
}"""

ORDER = """query($n:[Int!]){ orders(where:{number:$n}) {
  status lines { id quantity allocatedQuantity productSize { id } }
  shipments { number shipmentPlugin { id name } } } }"""


def order(centra: CentraClient, number: int) -> dict[str, Any]:
    return centra.graphql(ORDER, {"n": [number]}).payload("orders")[0]


def every_line(found: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"orderLine": {"id": ln["id"]}, "quantity": ln["quantity"]} for ln in found["lines"]]


@pytest.mark.centra_scenario("wholesale")
def test_a_wholesale_shipment_is_booked_with_the_stores_freight_plugin(
    centra: CentraClient,
) -> None:
    # Given the wholesale scenario's confirmed order 1
    found = order(centra, 1)

    # When a shipment of all its lines is created with the wholesale store's plugin 3
    result = centra.graphql(
        CREATE, {"n": 1, "lines": every_line(found), "method": {"pluginId": 3}}
    ).payload("createShipment")

    # Then the shipment names that plugin, and the order shows it
    assert result == {
        "userErrors": [],
        "shipment": {
            "number": "1-1",
            "shipmentPlugin": {"id": 3, "name": "Freight booking", "status": "ACTIVE"},
        },
    }
    assert order(centra, 1)["shipments"] == [
        {"number": "1-1", "shipmentPlugin": {"id": 3, "name": "Freight booking"}}
    ]


def test_without_a_shipment_method_a_shipment_has_no_plugin(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)

    result = centra.graphql(
        CREATE, {"n": placed.number, "lines": every_line(order(centra, placed.number))}
    ).payload("createShipment")

    assert result == {
        "userErrors": [],
        "shipment": {"number": f"{placed.number}-1", "shipmentPlugin": None},
    }


@pytest.mark.parametrize(
    ("plugin", "message"),
    [
        (47, "Could not find StorePlugin with ID 47."),
        (3, "Shipment plugin 3 belongs to another store than order {n}."),
        (2, "Shipment plugin 2 is inactive."),
    ],
)
def test_a_plugin_that_cannot_book_the_shipment_is_refused_and_nothing_changes(
    centra: CentraClient, centra_factories: Factories, plugin: int, message: str
) -> None:
    # Given a confirmed direct to consumer order of 2 units, allocated
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    centra_factories.confirm(placed.number)
    before = order(centra, placed.number)
    stock = stock_of(centra, item.product_size_id)

    # When a shipment is asked with a missing, foreign or inactive plugin
    result = centra.graphql(
        CREATE, {"n": placed.number, "lines": every_line(before), "method": {"pluginId": plugin}}
    ).payload("createShipment")

    # Then it is refused; no shipment exists and the units stay allocated to the order
    assert result == {
        "userErrors": [
            {
                "message": message.format(n=placed.number),
                "path": ["input", "shipmentMethod", "pluginId"],
            }
        ],
        "shipment": None,
    }
    assert order(centra, placed.number) == before
    assert before["shipments"] == [] and before["status"] == "CONFIRMED"
    assert stock_of(centra, item.product_size_id) == stock
