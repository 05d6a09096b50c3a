"""The order lifecycle over the Integration API, with the rules the platform enforces."""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import order_of, stock_of

CONFIRM = "mutation($n:Int!){confirmOrder(input:{order:{number:$n}}){order{number status} userErrors{message path}}}"
CREATE_SHIPMENT = """mutation($n:Int!,$line:Int!,$q:Int!,$gtg:Boolean,$paid:Boolean,$capture:Boolean){
  createShipment(input:{order:{number:$n}, lines:[{orderLine:{id:$line}, quantity:$q}],
    isGoodToGo:$gtg, isPaid:$paid, capture:$capture}) {
    shipment { id number isGoodToGo isPaid isCaptured isShipped lines { id quantity } }
    userErrors { message path } userWarnings { message path } } }"""
COMPLETE = """mutation($id:Int!,$at:DateTimeTz){ completeShipment(id:$id, input:{shippedAt:$at,
  shipmentInfo:{carrier:"DHL", service:"Express", trackingNumber:"T1", packagesNumber:1}}) {
  shipment { isShipped shippedAt trackingNumber carrierInformation { carrierName serviceName } }
  userErrors { message path } } }"""
CAPTURE_SHIPMENT = """mutation($id:Int!){ captureShipment(id:$id) {
  paymentHistoryEntry { entryType status value { value } }
  shipment { isCaptured } userErrors { message path } } }"""
CANCEL = """mutation($id:String!){ cancelDirectToConsumerOrder(id:$id, input:{comment:"x"}) {
  order { status } userErrors { message path } } }"""


def placed_and_confirmed(centra_factories: Factories, quantity: int = 2):
    item = centra_factories.sellable_item(min_free=quantity + 1)
    placed = centra_factories.place_order([(item, quantity)])
    centra_factories.confirm(placed.number)
    return item, placed


def ship(centra: CentraClient, number: int, line: int, quantity: int, **flags):
    variables = {
        "n": number,
        "line": line,
        "q": quantity,
        "gtg": True,
        "paid": False,
        "capture": False,
        **flags,
    }
    return centra.graphql(CREATE_SHIPMENT, variables).payload("createShipment")


def test_confirm_moves_pending_to_confirmed_once(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()

    first = centra.graphql(CONFIRM, {"n": placed.number}).payload("confirmOrder")
    second = centra.graphql(CONFIRM, {"n": placed.number}).payload("confirmOrder")

    assert first == {"order": {"number": placed.number, "status": "CONFIRMED"}, "userErrors": []}
    assert second["userErrors"] == [
        {
            "message": f'Order {placed.number} cannot be confirmed: its status is "CONFIRMED".',
            "path": ["input", "order"],
        }
    ]


def test_unknown_order_number(centra: CentraClient) -> None:
    result = centra.graphql(CONFIRM, {"n": 999}).payload("confirmOrder")

    assert result["userErrors"] == [
        {"message": "Could not find order with number 999.", "path": ["input", "order"]}
    ]


def test_pending_order_cannot_be_shipped(centra: CentraClient, centra_factories: Factories) -> None:
    placed = centra_factories.place_order()
    line = order_of(centra, placed.number)["lines"][0]

    result = ship(centra, placed.number, line["id"], 1)

    assert result["userErrors"] == [
        {
            "message": f'Order {placed.number} is "PENDING": confirm it before creating shipments.',
            "path": ["input", "order"],
        }
    ]
    assert order_of(centra, placed.number)["shipments"] == []


def test_full_lifecycle_keeps_stock_figures_right(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item, placed = placed_and_confirmed(centra_factories, 2)
    physical, allocated, free = stock_of(centra, item.product_size_id)
    line = order_of(centra, placed.number)["lines"][0]

    shipment = ship(centra, placed.number, line["id"], 2)["shipment"]
    assert shipment["number"] == f"{placed.number}-1"
    assert order_of(centra, placed.number)["status"] == "PROCESSING"
    assert stock_of(centra, item.product_size_id) == (physical, allocated, free)

    captured = centra.graphql(CAPTURE_SHIPMENT, {"id": shipment["id"]}).payload("captureShipment")
    total = order_of(centra, placed.number)["grandTotal"]["value"]
    assert captured["paymentHistoryEntry"] == {
        "entryType": "CAPTURE",
        "status": "SUCCESS",
        "value": {"value": total},
    }
    assert captured["shipment"] == {"isCaptured": True}

    done = centra.graphql(COMPLETE, {"id": shipment["id"], "at": "now"}).payload("completeShipment")
    assert done["userErrors"] == []
    assert done["shipment"]["isShipped"] is True
    assert done["shipment"]["carrierInformation"] == {
        "carrierName": "DHL",
        "serviceName": "Express",
    }
    assert order_of(centra, placed.number)["status"] == "SHIPPED"
    assert stock_of(centra, item.product_size_id) == (physical - 2, allocated - 2, free)


def test_shipping_more_than_ordered_is_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    _, placed = placed_and_confirmed(centra_factories, 2)
    line = order_of(centra, placed.number)["lines"][0]

    result = ship(centra, placed.number, line["id"], 3)

    assert result["userErrors"] == [
        {
            "message": f"Cannot ship 3 of order line {line['id']}: only 2 left to ship.",
            "path": ["input", "lines", "0", "quantity"],
        }
    ]
    assert order_of(centra, placed.number)["status"] == "CONFIRMED"


def test_completing_needs_paid_and_good_to_go(
    centra: CentraClient, centra_factories: Factories
) -> None:
    _, placed = placed_and_confirmed(centra_factories, 1)
    line = order_of(centra, placed.number)["lines"][0]
    shipment = ship(centra, placed.number, line["id"], 1, gtg=False)["shipment"]

    not_gtg = centra.graphql(COMPLETE, {"id": shipment["id"]}).payload("completeShipment")
    assert not_gtg["userErrors"] == [
        {"message": f"Shipment {shipment['number']} is not good to go.", "path": ["id"]}
    ]

    centra.graphql(
        "mutation($id:Int!){updateShipment(id:$id,input:{isGoodToGo:true}){userErrors{message}}}",
        {"id": shipment["id"]},
    ).ok("updateShipment")
    unpaid = centra.graphql(COMPLETE, {"id": shipment["id"]}).payload("completeShipment")
    assert unpaid["userErrors"] == [
        {"message": f"Shipment {shipment['number']} is not paid.", "path": ["id"]}
    ]


def test_shipped_at_cannot_be_in_the_future(
    centra: CentraClient, centra_factories: Factories
) -> None:
    _, placed = placed_and_confirmed(centra_factories, 1)
    line = order_of(centra, placed.number)["lines"][0]
    shipment = ship(centra, placed.number, line["id"], 1, paid=True)["shipment"]

    result = centra.graphql(COMPLETE, {"id": shipment["id"], "at": "+1 hour"}).payload(
        "completeShipment"
    )

    assert result["userErrors"] == [
        {"message": "shippedAt cannot be in the future.", "path": ["input", "shippedAt"]}
    ]
    assert order_of(centra, placed.number)["shipments"][0]["isShipped"] is False


def test_capture_twice_fails_hard(centra: CentraClient, centra_factories: Factories) -> None:
    _, placed = placed_and_confirmed(centra_factories, 1)
    line = order_of(centra, placed.number)["lines"][0]
    shipment = ship(centra, placed.number, line["id"], 1, capture=True)["shipment"]
    assert shipment["isCaptured"] is True

    again = centra.graphql(CAPTURE_SHIPMENT, {"id": shipment["id"]}).payload("captureShipment")

    assert again["userErrors"] == [
        {"message": f"Shipment {shipment['number']} is already captured.", "path": None}
    ]
    captures = [
        e for e in order_of(centra, placed.number)["paymentHistory"] if e["entryType"] == "CAPTURE"
    ]
    assert len(captures) == 1


def test_declined_capture_on_create_still_creates_the_shipment(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=2)
    placed = centra_factories.place_order([(item, 1)], outcome={"capture": "decline"})
    centra_factories.confirm(placed.number)
    line = order_of(centra, placed.number)["lines"][0]

    created = ship(centra, placed.number, line["id"], 1, capture=True)

    assert created["userErrors"] == []
    assert created["shipment"]["isCaptured"] is False
    assert created["userWarnings"] == [
        {
            "message": "Capture failed: the payment provider declined it.",
            "path": ["input", "capture"],
        }
    ]
    history = order_of(centra, placed.number)["paymentHistory"]
    assert [(e["entryType"], e["status"]) for e in history] == [
        ("AUTHORIZATION", "SUCCESS"),
        ("CAPTURE", "FAILED"),
    ]

    hard = centra.graphql(CAPTURE_SHIPMENT, {"id": created["shipment"]["id"]}).payload(
        "captureShipment"
    )
    assert hard["userErrors"] == [
        {"message": "Capture failed: the payment provider declined it.", "path": None}
    ]
    history = order_of(centra, placed.number)["paymentHistory"]
    assert [(e["entryType"], e["status"]) for e in history][-1] == ("CAPTURE", "FAILED")
    assert len(history) == 3


def test_cancel_releases_stock_but_not_after_capture(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    before = stock_of(centra, item.product_size_id)
    placed = centra_factories.place_order([(item, 2)])

    cancelled = centra.graphql(CANCEL, {"id": placed.id}).payload("cancelDirectToConsumerOrder")

    assert cancelled == {"order": {"status": "CANCELLED"}, "userErrors": []}
    assert stock_of(centra, item.product_size_id) == before

    captured = centra_factories.place_order([(item, 1)])
    centra.graphql(
        "mutation($id:String!){captureOrder(order:{id:$id}){userErrors{message}}}",
        {"id": captured.id},
    ).ok("captureOrder")
    refused = centra.graphql(CANCEL, {"id": captured.id}).payload("cancelDirectToConsumerOrder")
    assert refused["userErrors"][0]["message"] == (
        f"Order {captured.number} has captured payments and cannot be cancelled; "
        "create a return and refund it instead."
    )
    assert order_of(centra, captured.number)["status"] == "PENDING"


def test_cancelled_order_cannot_be_confirmed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra.graphql(CANCEL, {"id": placed.id}).ok("cancelDirectToConsumerOrder")

    result = centra.graphql(CONFIRM, {"n": placed.number}).payload("confirmOrder")

    assert result["userErrors"][0]["message"] == (
        f'Order {placed.number} cannot be confirmed: its status is "CANCELLED".'
    )


def test_held_orders_cannot_ship_and_are_hidden_by_default(
    centra: CentraClient, centra_factories: Factories
) -> None:
    _, placed = placed_and_confirmed(centra_factories, 1)
    centra.graphql(
        "mutation($n:Int!){updateDirectToConsumerOrder(order:{number:$n}, input:{isOnHold:true}){userErrors{message}}}",
        {"n": placed.number},
    ).ok("updateDirectToConsumerOrder")

    assert centra.graphql("{ orders { number } }").payload("orders") == []
    held = centra.graphql("{ orders(where:{isOnHold:true}) { number isOnHold } }").payload("orders")
    assert held == [{"number": placed.number, "isOnHold": True}]
    line = centra_factories.order_lines(placed.number) if False else None
    result = centra.graphql(
        """mutation($n:Int!){createShipment(input:{order:{number:$n}, lines:[]}){userErrors{message}}}""",
        {"n": placed.number},
    ).payload("createShipment")
    assert result["userErrors"] == [
        {"message": f"Order {placed.number} is on hold and cannot be shipped."}
    ]
    assert line is None


def test_locked_order_refuses_another_integration(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra.post(
        "/_mock/tokens", json={"token": "erp2", "permissions": ["*"], "integrationName": "erp2"}
    )
    locked = centra.graphql(
        """mutation($n:Int!){setOrdersLock(input:{orders:[{number:$n}], isLocked:true}){
        orders{number isLocked} userErrors{message}}}""",
        {"n": placed.number},
    ).ok("setOrdersLock")
    assert locked["orders"] == [{"number": placed.number, "isLocked": True}]

    other = centra.graphql(CONFIRM, {"n": placed.number}, token="erp2").payload("confirmOrder")

    assert (
        other["userErrors"][0]["message"]
        == f"Order {placed.number} is locked by another integration."
    )
    assert order_of(centra, placed.number)["status"] == "PENDING"


def test_cancel_lines_shrinks_the_line_and_releases_stock(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=4)
    placed = centra_factories.place_order([(item, 3)])
    before = stock_of(centra, item.product_size_id)
    line = order_of(centra, placed.number)["lines"][0]
    mutation = """mutation($n:Int!,$line:Int!,$q:Int!){ updateDirectToConsumerOrder(order:{number:$n},
      input:{cancelLines:[{line:{id:$line}, quantity:$q, stockAction:RELEASE_BACK_TO_WAREHOUSE}],
      cancellationComment:"Some good reason"}) { order { lines { quantity lineValue { value } } }
      userErrors { message path } } }"""

    result = centra.graphql(mutation, {"n": placed.number, "line": line["id"], "q": 1}).ok(
        "updateDirectToConsumerOrder"
    )

    assert result["order"]["lines"] == [
        {"quantity": 2, "lineValue": {"value": float(item.price * 2)}}
    ]
    assert stock_of(centra, item.product_size_id) == (before[0], before[1] - 1, before[2] + 1)
    too_many = centra.graphql(mutation, {"n": placed.number, "line": line["id"], "q": 5}).payload(
        "updateDirectToConsumerOrder"
    )
    assert too_many["userErrors"] == [
        {
            "message": f"Cannot cancel 5 of order line {line['id']}: only 2 unshipped.",
            "path": ["input", "cancelLines", "0", "quantity"],
        }
    ]


def test_add_lines_cannot_exceed_the_authorization(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    line = order_of(centra, placed.number)["lines"][0]
    cancel = """mutation($n:Int!,$line:Int!){ updateDirectToConsumerOrder(order:{number:$n},
      input:{cancelLines:[{line:{id:$line}, quantity:1}]}) { userErrors { message } } }"""
    add = """mutation($n:Int!,$d:Int!,$s:Int!,$q:Int!,$p:Float!){ updateDirectToConsumerOrder(
      order:{number:$n}, input:{addLines:[{display:{id:$d}, productSize:{id:$s}, quantity:$q,
      unitPrice:{value:$p, currencyIsoCode:"SEK"}}]}) {
      order { lines { id quantity } } userErrors { message path } } }"""
    centra.graphql(cancel, {"n": placed.number, "line": line["id"]}).ok(
        "updateDirectToConsumerOrder"
    )
    variables = {
        "n": placed.number,
        "d": item.display_id,
        "s": item.product_size_id,
        "p": float(item.price),
    }

    merged = centra.graphql(add, {**variables, "q": 1}).ok("updateDirectToConsumerOrder")
    too_much = centra.graphql(add, {**variables, "q": 1}).payload("updateDirectToConsumerOrder")

    assert merged["order"]["lines"] == [{"id": line["id"], "quantity": 2}]
    assert too_much["userErrors"][0]["message"].startswith("The order total ")
    assert too_much["userErrors"][0]["path"] == ["input", "addLines"]
    assert order_of(centra, placed.number)["lines"][0]["quantity"] == 2
