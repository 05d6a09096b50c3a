"""Lines named by a shipment or a return: they must belong, be named once, ask for at least one
unit and no more than is left; a refusal names the entry and changes nothing."""

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import order_of, stock_of

SHIP = """mutation($n:Int!, $lines:[ShipmentLineInput!]!){
  createShipment(input:{order:{number:$n}, lines:$lines, isGoodToGo:true, isPaid:true}) {
    shipment { id lines { id quantity } } userErrors { message path } } }"""
RETURN = """mutation($s:Int!, $lines:[ReturnLineInput!]!){ createReturn(input:{shipment:{id:$s},
  lines:$lines, returnStockActionPolicy:{releaseItemsBackToWarehouse:true}}) {
  return { id } userErrors { message path } } }"""
COMPLETE = """mutation($id:Int!){ completeShipment(id:$id) { userErrors { message } } }"""
RETURNS = "query($n:[Int!]){ orders(where:{number:$n}) { returns { id } } }"


def shipped(centra: CentraClient, factories: Factories) -> tuple[int, int, dict]:
    """An order of 3 units, 2 of them shipped: (order number, order line, shipment)."""
    item = factories.sellable_item(min_free=4)
    placed = factories.place_order([(item, 3)])
    factories.confirm(placed.number)
    line = order_of(centra, placed.number)["lines"][0]["id"]
    lines = [{"orderLine": {"id": line}, "quantity": 2}]
    shipment = centra.graphql(SHIP, {"n": placed.number, "lines": lines}).ok("createShipment")
    centra.graphql(COMPLETE, {"id": shipment["shipment"]["id"]}).ok("completeShipment")
    return placed.number, line, shipment["shipment"]


@pytest.mark.parametrize(
    ("lines", "message", "path"),
    [
        ([("other", 1)], "Order line {other} does not belong to order {n}.", "0/orderLine"),
        ([("line", 1), ("line", 1)], "Order line {line} is listed twice.", "1/orderLine"),
        ([("line", 0)], "Quantity must be at least 1.", "0/quantity"),
        ([("line", 2)], "Cannot ship 2 of order line {line}: only 1 left to ship.", "0/quantity"),
    ],
)
def test_a_shipment_names_order_lines_of_its_order_once_and_within_what_is_left(
    centra: CentraClient, centra_factories: Factories, lines, message, path
) -> None:
    number, line, _ = shipped(centra, centra_factories)
    other = centra_factories.place_order()
    other_line = order_of(centra, other.number)["lines"][0]["id"]
    ids = {"line": line, "other": other_line}
    before = order_of(centra, number)

    result = centra.graphql(
        SHIP,
        {"n": number, "lines": [{"orderLine": {"id": ids[k]}, "quantity": q} for k, q in lines]},
    ).payload("createShipment")

    wanted = message.format(line=line, other=other_line, n=number)
    assert result == {
        "shipment": None,
        "userErrors": [{"message": wanted, "path": ["input", "lines", *path.split("/")]}],
    }
    assert order_of(centra, number) == before


@pytest.mark.parametrize(
    ("lines", "message", "path"),
    [
        (
            [("other", 1)],
            "Shipment line {other} does not belong to shipment {s}.",
            "0/shipmentLine",
        ),
        ([("line", 1), ("line", 1)], "Shipment line {line} is listed twice.", "1/shipmentLine"),
        ([("line", 0)], "Quantity must be at least 1.", "0/quantity"),
        (
            [("line", 3)],
            "Cannot return 3 of shipment line {line}: only 2 shipped and not yet returned.",
            "0/quantity",
        ),
    ],
)
def test_a_return_names_shipment_lines_of_its_shipment_once_and_within_what_is_left(
    centra: CentraClient, centra_factories: Factories, lines, message, path
) -> None:
    number, _, shipment = shipped(centra, centra_factories)
    _, _, elsewhere = shipped(centra, centra_factories)
    line, other = shipment["lines"][0]["id"], elsewhere["lines"][0]["id"]
    ids = {"line": line, "other": other}
    item_stock = stock_of(centra, centra_factories.sellable_item().product_size_id)

    result = centra.graphql(
        RETURN,
        {
            "s": shipment["id"],
            "lines": [{"shipmentLine": {"id": ids[k]}, "quantity": q} for k, q in lines],
        },
    ).payload("createReturn")

    wanted = message.format(line=line, other=other, s=f"{number}-1")
    assert result == {
        "return": None,
        "userErrors": [{"message": wanted, "path": ["input", "lines", *path.split("/")]}],
    }
    assert centra.graphql(RETURNS, {"n": [number]}).payload("orders") == [{"returns": []}]
    assert stock_of(centra, centra_factories.sellable_item().product_size_id) == item_stock
