"""Demand and unshipped units in `stockTotals`, counted from the orders as Centra's stock page
defines them: demand is ordered and not allocated, unshipped is ordered and not yet shipped."""

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item
from tests.rest.order_api_client import OrderApi
from tests.support import exactly_free

TOTALS = """query($id:Int!){ productSize(id:$id){ stockTotals {
  physicalQuantity allocatedQuantity freeToAllocateQuantity demandQuantity unshippedQuantity
  availableNowQuantity availableQuantity } } }"""

LINES = """query($n:[Int!]){ orders(where:{number:$n}) { lines { id quantity } } }"""

SHIP = """mutation($n:Int!, $line:Int!, $q:Int!) { createShipment(input: {
  order: {number: $n}, lines: [{orderLine: {id: $line}, quantity: $q}], isGoodToGo: true,
  isPaid: true}) { shipment { id } userErrors { message } } }"""

COMPLETE = """mutation($id:Int!) { completeShipment(id: $id) { userErrors { message } } }"""

ALLOCATE = """mutation($n:Int!) { allocateOrder(input: {order: {number: $n}}) {
  userErrors { message } } }"""

CANCEL = """mutation($n:Int!) { cancelOrder(order: {number: $n}) { userErrors { message } } }"""


def totals(centra: CentraClient, item: Item) -> dict[str, int]:
    return centra.graphql(TOTALS, {"id": item.product_size_id}).payload("productSize")[
        "stockTotals"
    ]


def expected(physical: int, allocated: int, demand: int, unshipped: int) -> dict[str, Any]:
    """stockTotals as Centra defines them from the four counted figures."""
    free = physical - allocated
    return {
        "physicalQuantity": physical,
        "allocatedQuantity": allocated,
        "freeToAllocateQuantity": free,
        "demandQuantity": demand,
        "unshippedQuantity": unshipped,
        "availableNowQuantity": free - demand,
        "availableQuantity": free - demand,
    }


def test_an_order_forced_past_free_stock_shows_its_missing_units_as_demand(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given: a size with 2 free units and what other orders already ask of it
    item = centra_factories.sellable_item(min_free=1)
    exactly_free(centra, item, 2)
    before = totals(centra, item)
    physical, allocated = before["physicalQuantity"], before["allocatedQuantity"]
    demand, unshipped = before["demandQuantity"], before["unshippedQuantity"]
    api = OrderApi(centra)

    # when: an order for 5 units is forced through the Order API
    number = api.create_order([(item, 5)], forceCreate=True)

    # then: 2 units are allocated, the other 3 are demand, all 5 are unshipped
    assert totals(centra, item) == expected(physical, allocated + 2, demand + 3, unshipped + 5)

    # when: the order is confirmed and its 2 allocated units go into a shipment not shipped yet
    centra_factories.confirm(number)
    [line] = centra.graphql(LINES, {"n": [number]}).payload("orders")[0]["lines"]
    shipment = centra.graphql(SHIP, {"n": number, "line": line["id"], "q": 2}).ok("createShipment")[
        "shipment"
    ]

    # then: nothing has left; they are still allocated and unshipped
    assert totals(centra, item) == expected(physical, allocated + 2, demand + 3, unshipped + 5)

    # when: the shipment is completed
    centra.graphql(COMPLETE, {"id": shipment["id"]}).ok("completeShipment")

    # then: 2 units left the warehouse; 3 are still unshipped, all of them demand
    assert totals(centra, item) == expected(physical - 2, allocated, demand + 3, unshipped + 3)

    # when: stock arrives and the order is allocated
    exactly_free(centra, item, 10)
    after_delivery = totals(centra, item)
    centra.graphql(ALLOCATE, {"n": number}).ok("allocateOrder")

    # then: the demand became allocation; the units are still unshipped
    assert totals(centra, item) == expected(
        after_delivery["physicalQuantity"],
        after_delivery["allocatedQuantity"] + 3,
        demand,
        unshipped + 3,
    )


def test_a_cancelled_order_asks_for_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # given: an order forced 4 units past 1 free unit
    item = centra_factories.sellable_item(min_free=1)
    exactly_free(centra, item, 1)
    before = totals(centra, item)
    number = OrderApi(centra).create_order([(item, 5)], forceCreate=True)
    assert totals(centra, item)["demandQuantity"] == before["demandQuantity"] + 4

    # when: it is cancelled
    centra.graphql(CANCEL, {"n": number}).ok("cancelOrder")

    # then: its allocation is released and it counts neither as demand nor as unshipped
    assert totals(centra, item) == before
