"""Inputs the Integration API accepts and does nothing with, as docs/compatibility.md lists
them ("Orders and fulfilment"): an order changed with them reads exactly as one changed without
them, and the reply carries no error or warning about them. `sendEmail` of a shipment is the
exception the page names: kept when the shipment is completed, and only then."""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item

UPDATE = """mutation($n:Int!,$input:OrderUpdateInput!){
  updateDirectToConsumerOrder(order:{number:$n}, input:$input) {
    userErrors { message path } userWarnings { message path } } }"""
ORDER = """query($n:[Int!]){ orders(where:{number:$n, isOnHold:true}) { status isOnHold
  grandTotal { value }
  lines { quantity cancelledQuantity taxPercent unitPrice { value } lineValue { value }
          productSize { id } }
  history { description status previousStatus } } }"""
CREATE_SHIPMENT = """mutation($n:Int!,$lines:[ShipmentLineInput!]!,$at:DateTimeTz){
  createShipment(input:{order:{number:$n}, lines:$lines, isGoodToGo:true, capture:true,
                        sendEmail:true, shippedAt:$at}) {
    shipment { id isShipped } userErrors { message path } } }"""
COMPLETE = """mutation($id:Int!){ completeShipment(id:$id, input:{shippedAt:"now"}) {
  userErrors { message path } } }"""
LINES = """query($n:[Int!]){ orders(where:{number:$n}) { lines { id } } }"""
EMAILS = """query($n:[Int!]){ orders(where:{number:$n}) { emailHistory { type } } }"""


def _changed(centra: CentraClient, item: Item, placed: int, **ignored: Any) -> dict[str, Any]:
    """Put the order on hold and add a unit of `item` after cancelling one, with `ignored`
    given besides (on the update and on the added line); the order as read afterwards."""
    [line] = centra.graphql(LINES, {"n": [placed]}).payload("orders")[0]["lines"]
    added = {
        "display": {"id": item.display_id},
        "productSize": {"id": item.product_size_id},
        "quantity": 1,
        "unitPrice": {"value": float(item.price), "currencyIsoCode": "SEK"},
        **({"taxGroup": ignored["taxGroup"]} if "taxGroup" in ignored else {}),
    }
    cancel = {"input": {"cancelLines": [{"line": {"id": line["id"]}, "quantity": 1}]}}
    reason = {k: v for k, v in ignored.items() if k != "taxGroup"}
    replies = [
        centra.graphql(UPDATE, {"n": placed, **cancel}).payload("updateDirectToConsumerOrder"),
        centra.graphql(
            UPDATE, {"n": placed, "input": {"addLines": [added], "isOnHold": True, **reason}}
        ).payload("updateDirectToConsumerOrder"),
    ]
    assert replies == [{"userErrors": [], "userWarnings": []}] * 2
    return centra.graphql(ORDER, {"n": [placed]}).payload("orders")[0]


def test_a_hold_reason_and_an_added_lines_tax_group_change_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=5)
    plain = centra_factories.place_order([(item, 2)]).number
    given = centra_factories.place_order([(item, 2)]).number

    without = _changed(centra, item, plain)
    with_them = _changed(
        centra, item, given, holdStatusChangeReason="fraud check", taxGroup={"id": 999}
    )

    assert with_them == without
    assert with_them["isOnHold"] is True
    assert with_them["history"][-1]["description"] == "Order updated"


def _shippable(centra: CentraClient, centra_factories: Factories) -> tuple[int, list[dict]]:
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    lines = [
        {"orderLine": {"id": ln["id"]}, "quantity": ln["quantity"]}
        for ln in centra_factories.order_lines(placed.number)
    ]
    return placed.number, lines


def _emails(centra: CentraClient, number: int) -> list[str]:
    history = centra.graphql(EMAILS, {"n": [number]}).payload("orders")[0]["emailHistory"]
    return [e["type"] for e in history]


def test_a_shipment_created_with_send_email_is_confirmed_by_email_only_if_created_shipped(
    centra: CentraClient, centra_factories: Factories
) -> None:
    later, lines = _shippable(centra, centra_factories)
    created = centra.graphql(CREATE_SHIPMENT, {"n": later, "lines": lines}).ok("createShipment")
    centra.graphql(COMPLETE, {"id": created["shipment"]["id"]}).ok("completeShipment")

    at_once, lines = _shippable(centra, centra_factories)
    shipped = centra.graphql(CREATE_SHIPMENT, {"n": at_once, "lines": lines, "at": "now"}).ok(
        "createShipment"
    )

    assert shipped["shipment"]["isShipped"] is True
    assert _emails(centra, later) == []  # the completion, without sendEmail, decided
    assert _emails(centra, at_once) == ["SHIPPING_CONFIRMATION"]
