"""The control plane's answers: an order's timeline, the diff since a snapshot, the invariants,
and why a request was refused (the journal's `refusals` with their `explain`)."""

import pytest
from sqlalchemy import text

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from tests.support import exactly_free, order_of

FROZEN = "2030-03-01T09:00:00+00:00"
CAPTURE = "mutation($n:Int!){captureOrder(order:{number:$n}){userErrors{message path}}}"
SHIP = """mutation($n:Int!,$line:Int!){createShipment(input:{order:{number:$n},
  lines:[{orderLine:{id:$line}, quantity:1}]}){userErrors{message path}}}"""
UNALLOCATE = """mutation($n:Int!){unallocateOrder(input:{order:{number:$n},
  stockActionPolicy:{releaseItemsBackToWarehouse:true}}){userErrors{message}}}"""


def _sql(centra: CentraClient, *statements: str) -> None:
    with centra.runtime.db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


# ---------------------------------------------------------------- timeline


def test_timeline_lists_each_change_of_an_order_with_the_request_that_caused_it(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.control.freeze(FROZEN)
    order = centra_factories.place_order()
    total = order_of(centra, order.number)["grandTotal"]["value"]
    centra_factories.ship(order.number)

    timeline = centra.control.timeline(order.number)

    n = order.number
    assert [(e["kind"], e["what"]) for e in timeline] == [
        ("order", f"Order {n} placed"),
        ("payment", f"AUTHORIZATION SUCCESS: {total:.2f} SEK"),
        ("event", "Order CREATED (OrderPlaced)"),
        ("event", "Order UPDATED (OrderConfirmed)"),
        ("shipment", f"Shipment {n}-1 created"),
        ("shipment", f"Shipment {n}-1 paid"),
        ("shipment", f"Shipment {n}-1 captured"),
        ("payment", f"CAPTURE SUCCESS: {total:.2f} SEK"),
        ("event", "Shipment CREATED (ShipmentGoodToGo)"),
        ("event", "Order UPDATED"),
        ("shipment", f"Shipment {n}-1 shipped"),
        ("event", "Shipment COMPLETED (OrderShipped)"),
        ("event", "Order COMPLETED (OrderCompleted)"),
    ]
    assert [(e["request"]["path"], e["request"]["rootField"]) for e in timeline] == [
        *[("/api/checkout/payment", None)] * 3,
        ("/graphql", "confirmOrder"),
        *[("/graphql", "createShipment")] * 6,
        *[("/graphql", "completeShipment")] * 3,
    ]
    assert {e["at"] for e in timeline} == {"2030-03-01T10:00:00+01:00"}
    assert centra.get(f"/_mock/orders/{order.id}/timeline").json()["timeline"] == timeline


def test_timeline_of_an_unknown_order_is_404(centra: CentraClient) -> None:
    response = centra.get("/_mock/orders/999999/timeline")

    assert response.status_code == 404
    assert response.json() == {"error": "No order with number or id '999999'."}


# ---------------------------------------------------------------- diff


def test_diff_since_a_snapshot_names_each_changed_field(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra.control.snapshot("placed")
    centra_factories.confirm(order.number)

    tables = centra.control.diff("placed")

    assert set(tables) == {"orders", "event"}
    orders = tables["orders"]
    assert (orders["entity"], orders["inserted"], orders["updated"], orders["deleted"]) == (
        "Order",
        0,
        1,
        0,
    )
    [change] = orders["rows"]["updated"]
    assert change["fields"]["status"] == {"before": "PENDING", "after": "CONFIRMED"}
    assert set(change["fields"]) == {"status", "updated_at"}
    [event] = tables["event"]["rows"]["inserted"]
    assert (event["row"]["object_type"], event["row"]["change_type"]) == ("Order", "UPDATED")


def test_diff_without_a_snapshot_compares_with_the_last_reset(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra.post("/_mock/tokens", json={"token": "secret-value-1", "permissions": ["*"]})

    body = centra.get("/_mock/diff").json()

    assert body["since"] == "reset"
    tables = body["tables"]
    [placed] = tables["orders"]["rows"]["inserted"]
    assert (placed["row"]["number"], placed["row"]["status"]) == (order.number, "PENDING")
    [entry] = tables["payment_entry"]["rows"]["inserted"]
    assert entry["row"]["value"] == f"{order_of(centra, order.number)['grandTotal']['value']:.2f}"
    [token] = tables["api_token"]["rows"]["inserted"]
    assert token["row"]["token"] == "<redacted>"
    assert "secret-value-1" not in centra.get("/_mock/diff").text


def test_diff_of_an_unknown_snapshot_is_404_and_a_bad_limit_400(centra: CentraClient) -> None:
    unknown = centra.get("/_mock/diff", params={"since": "nope"})
    bad = centra.get("/_mock/diff", params={"limit": "0"})

    assert (unknown.status_code, unknown.json()) == (404, {"error": "No snapshot named 'nope'."})
    assert (bad.status_code, bad.json()) == (
        400,
        {"error": "'limit' must be a whole number from 1 to 10000."},
    )


def test_diff_right_after_a_reset_is_empty(centra: CentraClient) -> None:
    assert centra.get("/_mock/diff").json()["changed"] == 0


# ---------------------------------------------------------------- invariants


def test_invariants_hold_after_a_whole_order_lifecycle(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra_factories.ship(order.number)

    body = centra.get("/_mock/invariants").json()

    assert body == {
        "ok": True,
        "rules": [
            "stock.free_never_negative",
            "stock.allocated_equals_open_order_lines",
            "payments.captured_within_authorized",
            "payments.refunded_within_captured",
            "returns.returned_within_shipped",
            "events.sequence_gap_free",
            "vouchers.uses_within_limit",
        ],
        "violations": [],
    }


@pytest.mark.centra_no_invariants
def test_invariants_list_each_violation_with_its_rows(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra_factories.ship(order.number)
    item = centra_factories.sellable_item()
    _sql(
        centra,
        f"UPDATE stock SET allocated = physical + 2 WHERE product_size_id = {item.product_size_id}"
        " AND warehouse_id = (SELECT min(warehouse_id) FROM stock"
        f" WHERE product_size_id = {item.product_size_id})",
        "UPDATE payment_entry SET value = value + 100 WHERE entry_type = 'CAPTURE'",
        "UPDATE order_line SET returned_quantity = shipped_quantity + 1",
        "DELETE FROM event WHERE id = 2",
    )

    violations = centra.control.invariants()

    by_rule = {v["rule"]: v for v in violations}
    assert sorted(by_rule) == [
        "events.sequence_gap_free",
        "payments.captured_within_authorized",
        "returns.returned_within_shipped",
        "stock.allocated_equals_open_order_lines",
        "stock.free_never_negative",
    ]
    [negative] = by_rule["stock.free_never_negative"]["rows"]
    assert negative["productSize"] == item.product_size_id
    assert negative["freeToAllocate"] == -2
    payment = by_rule["payments.captured_within_authorized"]["rows"][0]
    assert payment["order"] == order.number
    assert payment["authorized"] != payment["captured"]
    assert by_rule["events.sequence_gap_free"]["rows"] == [{"missingFrom": 2}]


@pytest.mark.centra_no_invariants
@pytest.mark.centra_scenario("vouchers")
def test_a_voucher_used_beyond_its_limit_is_a_violation(centra: CentraClient) -> None:
    assert centra.control.invariants() == []
    _sql(
        centra,
        "INSERT INTO voucher_usage (voucher_id, order_id, email, created_at)"
        " SELECT v.id, (SELECT max(id) FROM orders), 'again@example.com', v.created_at"
        " FROM voucher v WHERE v.code = 'ONCE50'",
    )

    [violation] = centra.control.invariants()

    assert violation["rule"] == "vouchers.uses_within_limit"
    assert violation["message"].endswith("is used 2 times, its limit is 1.")
    assert [(r["name"], r["maxUsages"], r["uses"]) for r in violation["rows"]] == [
        ("Half price for the first shopper", 1, 2)
    ]


# ---------------------------------------------------------------- explain


def test_a_refused_capture_explains_the_balance_it_compared(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    total = order_of(centra, order.number)["grandTotal"]["value"]
    centra.graphql(CAPTURE, {"n": order.number}).ok("captureOrder")

    refused = centra.graphql(CAPTURE, {"n": order.number}).payload("captureOrder")

    assert refused["userErrors"] == [
        {"message": f"Order {order.number} is already captured.", "path": ["order"]}
    ]
    [entry] = centra.control.journal(operationName="captureOrder", status=200)[-1:]
    assert entry["refusals"] == [
        {
            "code": "NOT_ALLOWED",
            "message": f"Order {order.number} is already captured.",
            "path": ["order"],
            "explain": {
                "rule": "payments.capture_within_authorization",
                "values": {
                    "order": order.number,
                    "currency": "SEK",
                    "authorized": f"{total:.2f}",
                    "captured": f"{total:.2f}",
                    "capturable": "0.00",
                },
            },
        }
    ]


def test_a_declined_capture_explains_where_the_outcome_came_from(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra.control.domain_fault("psp.capture", "decline")

    centra.graphql(CAPTURE, {"n": order.number})

    [entry] = centra.control.journal(operationName="captureOrder")
    [refusal] = entry["refusals"]
    assert refusal["code"] == "PAYMENT_FAILED"
    assert refusal["explain"]["rule"] == "payments.psp_outcome"
    assert refusal["explain"]["values"]["outcome"] == "decline"
    assert refusal["explain"]["values"]["source"] == "fault psp.capture"


def test_out_of_stock_checkout_explains_which_orders_hold_the_units(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    exactly_free(centra, item, 2)
    first = centra_factories.place_order([(item, 2)])
    token = centra.checkout(f"items/{item.item}", json={"quantity": 1}).json()["token"]
    body = {"address": JON, "paymentMethod": "dummy", "termsAndConditions": True}

    refused = centra.checkout("payment", headers={"API-Token": token}, json=body)

    assert refused.status_code == 410
    [entry] = centra.control.journal(path="/api/checkout/payment", status=410)
    [refusal] = entry["refusals"]
    explain = refusal["explain"]
    assert explain["rule"] == "stock.free_to_allocate"
    assert explain["values"] == {"items": [{"item": item.item, "ordered": 1, "available": 0}]}
    held = [row for row in explain["rows"] if row["allocatedTo"]]
    assert [(r["freeToAllocate"], r["allocatedTo"]) for r in held] == [
        (0, [{"order": first.number, "units": 2}])
    ]


def test_shipping_more_than_is_allocated_explains_the_stock_levels(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra_factories.confirm(order.number)
    [line] = centra_factories.order_lines(order.number)
    centra.graphql(UNALLOCATE, {"n": order.number}).ok("unallocateOrder")

    refused = centra.graphql(SHIP, {"n": order.number, "line": line["id"]})

    assert refused.payload("createShipment")["userErrors"][0]["message"].startswith(
        f"Order line {line['id']} has 0 allocated units"
    )
    [entry] = centra.control.journal(operationName="createShipment")
    explain = entry["refusals"][0]["explain"]
    assert explain["rule"] == "shipments.ship_allocated_units"
    assert {k: explain["values"][k] for k in ("order", "allocated", "quantity")} == {
        "order": order.number,
        "allocated": 0,
        "quantity": 1,
    }
    assert all(row["allocatedTo"] == [] for row in explain["rows"])


def test_an_accepted_request_has_no_refusals(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    centra_factories.confirm(order.number)

    [entry] = centra.control.journal(operationName="confirmOrder")

    assert entry["refusals"] == []
    assert entry["wrote"]["orders"] == {
        str(_order_id(centra, order.number)): ["status", "updated_at"]
    }


def _order_id(centra: CentraClient, number: int) -> int:
    with centra.runtime.db.engine.connect() as conn:
        return conn.execute(text(f"SELECT id FROM orders WHERE number = {number}")).scalar_one()


def test_a_refused_status_move_explains_the_state_machine(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order = centra_factories.place_order()
    shipment = centra_factories.ship(order.number)
    complete = "mutation($id:Int!){completeShipment(id:$id){userErrors{message}}}"

    refused = centra.graphql(complete, {"id": shipment["id"]}).payload("completeShipment")

    assert refused["userErrors"] == [
        {"message": f"Shipment {shipment['number']} is already shipped."}
    ]
    entry = centra.control.journal(operationName="completeShipment")[-1]
    assert entry["refusals"][0]["explain"] == {
        "rule": "shipment.status_transitions",
        "values": {
            "shipment": shipment["number"],
            "from": "completed",
            "to": "completed",
            "allowed": [],
        },
    }
