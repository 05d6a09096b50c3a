"""The order, shipment and return moves the Integration API can make, one row per (from, how):
an allowed move ends in its status; a refused one answers its exact userError and changes
nothing (the order, its shipments and returns, and the stock of its sizes read the same).

Pairs no mutation can reach (anything to or from ARCHIVED, back to PENDING, ...) are covered by
the domain's `move` functions in tests/domain/test_state_machines.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import stock_of

ORDER = """query($n:[Int!]){ orders(where:{number:$n}) {
  status
  lines { id quantity shippedQuantity cancelledQuantity productSize { id } }
  paymentHistory { entryType status value { value } }
  shipments { id number isGoodToGo isPaid isCaptured isShipped lines { id quantity } }
  returns { id status }
} }"""


@dataclass
class Arranged:
    """An order in the wanted state; `shipment` and `return_id` when it has them."""

    number: int
    shipment: dict[str, Any] | None = None
    return_id: int | None = None


def read(centra: CentraClient, number: int) -> dict[str, Any]:
    [order] = centra.graphql(ORDER, {"n": [number]}).payload("orders")
    sizes = sorted({line["productSize"]["id"] for line in order["lines"]})
    return {"order": order, "stock": [stock_of(centra, size) for size in sizes]}


def mutate(centra: CentraClient, query: str, variables: dict[str, Any], name: str) -> dict:
    return centra.graphql(query, variables).payload(name)


# ---------------------------------------------------------------- arranging


def _shipment(centra: CentraClient, number: int, **flags: bool) -> dict[str, Any]:
    lines = [
        {"orderLine": {"id": line["id"]}, "quantity": line["quantity"]}
        for line in Factories(centra).order_lines(number)
    ]
    return mutate(
        centra,
        """mutation($n:Int!,$lines:[ShipmentLineInput!]!,$g:Boolean!,$p:Boolean!){
          createShipment(input:{order:{number:$n}, lines:$lines, isGoodToGo:$g, isPaid:$p}){
            shipment { id number lines { id quantity } } userErrors { message } } }""",
        {"n": number, "lines": lines, "g": flags.get("good_to_go", True), "p": flags["paid"]},
        "createShipment",
    )["shipment"]


def _return(centra: CentraClient, shipment: dict[str, Any]) -> int:
    return mutate(
        centra,
        """mutation($s:Int!,$l:Int!){ createReturn(input:{shipment:{id:$s},
          lines:[{shipmentLine:{id:$l}, quantity:1}],
          returnStockActionPolicy:{releaseItemsBackToWarehouse:true}}) {
          return { id } userErrors { message } } }""",
        {"s": shipment["id"], "l": shipment["lines"][0]["id"]},
        "createReturn",
    )["return"]["id"]


def arrange(centra: CentraClient, state: str) -> Arranged:
    """An order (and shipment, return) in `state`, built through the APIs."""
    factories = Factories(centra)
    number = factories.place_order().number
    if state == "PENDING":
        return Arranged(number)
    if state == "CANCELLED":
        mutate(centra, CANCEL, {"n": number}, "cancelOrder")
        return Arranged(number)
    factories.confirm(number)
    if state == "CONFIRMED":
        return Arranged(number)
    kind, _, flags = state.partition(":")
    shipment = _shipment(
        centra, number, good_to_go="in progress" not in flags, paid="unpaid" not in flags
    )
    if "captured" in flags:
        mutate(centra, CAPTURE, {"id": shipment["id"]}, "captureShipment")
    if kind == "PROCESSING":
        return Arranged(number, shipment)
    mutate(centra, COMPLETE, {"id": shipment["id"]}, "completeShipment")
    if kind == "SHIPPED":
        return Arranged(number, shipment)
    return_id = _return(centra, shipment)
    if kind == "RETURN COMPLETED":
        mutate(centra, COMPLETE_RETURN, {"id": return_id}, "completeReturn")
    return Arranged(number, shipment, return_id)


# ---------------------------------------------------------------- the moves

CONFIRM = """mutation($n:Int!){ confirmOrder(input:{order:{number:$n}}){
  order { status } userErrors { message path } } }"""
CANCEL = """mutation($n:Int!){ cancelOrder(order:{number:$n}){
  order { status } userErrors { message path } } }"""
SHIP = """mutation($n:Int!,$lines:[ShipmentLineInput!]!,$at:String){
  createShipment(input:{order:{number:$n}, lines:$lines, isGoodToGo:true, isPaid:true,
                        shippedAt:$at}){
    shipment { id } userErrors { message path } } }"""
CAPTURE = """mutation($id:Int!){ captureShipment(id:$id){ userErrors { message path } } }"""
COMPLETE = """mutation($id:Int!){ completeShipment(id:$id){
  shipment { id } userErrors { message path } } }"""
DELETE_SHIPMENT = """mutation($id:Int!){ deleteShipment(id:$id){
  userErrors { message path } } }"""
GOOD_TO_GO = """mutation($id:Int!,$g:Boolean!){ updateShipment(id:$id, input:{isGoodToGo:$g}){
  shipment { isGoodToGo } userErrors { message path } } }"""
COMPLETE_RETURN = """mutation($id:Int!){ completeReturn(id:$id){
  return { status } userErrors { message path } } }"""
UNCOMPLETE_RETURN = """mutation($id:Int!){ uncompleteReturn(id:$id){
  return { status } userErrors { message path } } }"""

Move = Callable[[CentraClient, Arranged], dict[str, Any]]


def confirm(centra: CentraClient, it: Arranged) -> dict[str, Any]:
    return mutate(centra, CONFIRM, {"n": it.number}, "confirmOrder")


def cancel(centra: CentraClient, it: Arranged) -> dict[str, Any]:
    return mutate(centra, CANCEL, {"n": it.number}, "cancelOrder")


def ship(shipped_at: str | None = None) -> Move:
    def create(centra: CentraClient, it: Arranged) -> dict[str, Any]:
        lines = [
            {"orderLine": {"id": line["id"]}, "quantity": line["quantity"]}
            for line in Factories(centra).order_lines(it.number)
        ]
        variables = {"n": it.number, "lines": lines, "at": shipped_at}
        return mutate(centra, SHIP, variables, "createShipment")

    return create


def complete(centra: CentraClient, it: Arranged) -> dict[str, Any]:
    return mutate(centra, COMPLETE, {"id": it.shipment["id"]}, "completeShipment")


def delete_shipment(centra: CentraClient, it: Arranged) -> dict[str, Any]:
    return mutate(centra, DELETE_SHIPMENT, {"id": it.shipment["id"]}, "deleteShipment")


def good_to_go(value: bool) -> Move:
    def update(centra: CentraClient, it: Arranged) -> dict[str, Any]:
        variables = {"id": it.shipment["id"], "g": value}
        return mutate(centra, GOOD_TO_GO, variables, "updateShipment")

    return update


def complete_return(centra: CentraClient, it: Arranged) -> dict[str, Any]:
    return mutate(centra, COMPLETE_RETURN, {"id": it.return_id}, "completeReturn")


def uncomplete_return(centra: CentraClient, it: Arranged) -> dict[str, Any]:
    return mutate(centra, UNCOMPLETE_RETURN, {"id": it.return_id}, "uncompleteReturn")


#: Accepted, and nothing changed (same status, same stock and payments).
UNCHANGED = "unchanged"


def refused(message: str, path: list[Any] | None) -> dict[str, Any]:
    """The one userError a refused move answers; `{n}` is the order number, `{s}` the
    shipment's number, `{r}` the return's id."""
    return {"message": message, "path": path}


def run_case(centra: CentraClient, state: str, move: Move, expected: Any, status_of) -> None:
    it = arrange(centra, state)
    before = read(centra, it.number)

    answer = move(centra, it)

    if isinstance(expected, dict):
        fill = {
            "n": it.number,
            "s": it.shipment["number"] if it.shipment else None,
            "r": it.return_id,
        }
        assert answer["userErrors"] == [{**expected, "message": expected["message"].format(**fill)}]
        assert read(centra, it.number) == before
    elif expected == UNCHANGED:
        assert answer["userErrors"] == []
        assert read(centra, it.number) == before
    else:
        assert answer["userErrors"] == []
        assert status_of(read(centra, it.number)["order"]) == expected


def case_ids(cases: list[tuple[str, Move, Any]]) -> list[str]:
    """`from-mutation-outcome`, e.g. `PENDING-confirm-CONFIRMED`."""
    return [
        f"{state}-{move.__qualname__.split('.')[0]}-"
        + (expected if isinstance(expected, str) else "refused")
        for state, move, expected in cases
    ]


def order_status(order: dict[str, Any]) -> str:
    return order["status"]


ORDER_CASES = [
    ("PENDING", confirm, "CONFIRMED"),
    ("PENDING", cancel, "CANCELLED"),
    (
        "PENDING",
        ship(),
        refused(
            'Order {n} is "PENDING": confirm it before creating shipments.', ["input", "order"]
        ),
    ),
    ("CONFIRMED", ship(), "PROCESSING"),
    ("CONFIRMED", ship("now"), "SHIPPED"),
    ("CONFIRMED", cancel, "CANCELLED"),
    (
        "CONFIRMED",
        confirm,
        refused('Order {n} cannot be confirmed: its status is "CONFIRMED".', ["input", "order"]),
    ),
    ("PROCESSING", complete, "SHIPPED"),
    ("PROCESSING:unpaid", delete_shipment, "CONFIRMED"),
    ("PROCESSING:unpaid", cancel, "CANCELLED"),
    (
        "PROCESSING",
        confirm,
        refused('Order {n} cannot be confirmed: its status is "PROCESSING".', ["input", "order"]),
    ),
    ("PROCESSING", cancel, "CANCELLED"),
    (
        "PROCESSING:captured",
        cancel,
        refused(
            "Order {n} has captured payments and cannot be cancelled; "
            "create a return and refund it instead.",
            None,
        ),
    ),
    (
        "SHIPPED",
        confirm,
        refused('Order {n} cannot be confirmed: its status is "SHIPPED".', ["input", "order"]),
    ),
    (
        "SHIPPED",
        ship(),
        refused('Order {n} is already fully shipped (status is "SHIPPED").', ["input", "order"]),
    ),
    (
        "SHIPPED",
        delete_shipment,
        refused(
            "Shipment {s} is paid or shipped and cannot be deleted; create a return instead.",
            ["id"],
        ),
    ),
    ("SHIPPED", cancel, refused("Order {n} has shipped shipments and cannot be cancelled.", None)),
    ("CANCELLED", cancel, UNCHANGED),  # accepted: cancelling again releases nothing more
    (
        "CANCELLED",
        confirm,
        refused('Order {n} cannot be confirmed: its status is "CANCELLED".', ["input", "order"]),
    ),
    ("CANCELLED", ship(), refused('Order {n} is "CANCELLED".', ["input", "order"])),
]


@pytest.mark.parametrize(("state", "move", "expected"), ORDER_CASES, ids=case_ids(ORDER_CASES))
def test_order_moves_through_the_api(
    centra: CentraClient, state: str, move: Move, expected: Any
) -> None:
    run_case(centra, state, move, expected, order_status)


def shipment_status(order: dict[str, Any]) -> str:
    [shipment] = order["shipments"]
    if shipment["isShipped"]:
        return "completed"
    return "goodtogo" if shipment["isGoodToGo"] else "inprogress"


SHIPMENT_CASES = [
    ("PROCESSING:in progress", good_to_go(True), "goodtogo"),
    ("PROCESSING:in progress", good_to_go(False), "inprogress"),
    ("PROCESSING:in progress", complete, refused("Shipment {s} is not good to go.", ["id"])),
    ("PROCESSING", good_to_go(False), "inprogress"),
    ("PROCESSING", good_to_go(True), "goodtogo"),
    ("PROCESSING", complete, "completed"),
    # the move is allowed, the payment guard beside it is not
    ("PROCESSING:unpaid", complete, refused("Shipment {s} is not paid.", ["id"])),
    (
        "SHIPPED",
        good_to_go(False),
        refused("Shipment {s} is already shipped.", ["input", "isGoodToGo"]),
    ),
    ("SHIPPED", good_to_go(True), "completed"),
    ("SHIPPED", complete, refused("Shipment {s} is already shipped.", ["id"])),
]


@pytest.mark.parametrize(
    ("state", "move", "expected"), SHIPMENT_CASES, ids=case_ids(SHIPMENT_CASES)
)
def test_shipment_moves_through_the_api(
    centra: CentraClient, state: str, move: Move, expected: Any
) -> None:
    run_case(centra, state, move, expected, shipment_status)


def return_status(order: dict[str, Any]) -> str:
    [ret] = order["returns"]
    return ret["status"]


RETURN_CASES = [
    ("RETURN PENDING", complete_return, "COMPLETED"),
    ("RETURN PENDING", uncomplete_return, refused("Return {r} is already not completed.", None)),
    ("RETURN COMPLETED", uncomplete_return, "PENDING"),
    ("RETURN COMPLETED", complete_return, refused("Return {r} is already completed.", None)),
]


@pytest.mark.parametrize(("state", "move", "expected"), RETURN_CASES, ids=case_ids(RETURN_CASES))
def test_return_moves_through_the_api(
    centra: CentraClient, state: str, move: Move, expected: Any
) -> None:
    run_case(centra, state, move, expected, return_status)
