"""Bulk-seeded orders (the `large` scenario) read back like orders placed through the APIs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from mockcentra.app import create_app
from mockcentra.runtime.clock import Clock
from mockcentra.seeding.scenarios import SCENARIOS, seed_scenario
from mockcentra.settings import Settings
from mockcentra.storage.engine import Database
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import stock_of

ORDERS = 600

FULL = """query($n:[Int!]){ orders(where:{number:$n}) {
  id number status isOnHold isLocked isInternal createdAt updatedAt orderDate currencyCode
  store { id } market { id }
  lines { id quantity cancelledQuantity shippedQuantity SKU size productName productVariantName
          taxPercent unitPrice { value } unitOriginalPrice { value } lineValue { value }
          product { id } productVariant { id } productSize { id } }
  shippingAddress { firstName lastName address1 city zipCode email country { code } }
  billingAddress { firstName lastName email country { code } }
  grandTotal { value currency { code } }
  totals { itemsSubtotal { value } shipping { value } taxIncluded { value }
           grandTotal { value } discounts { value } }
  paymentHistory { entryType status value { value } externalReference }
  shipments { id number isGoodToGo isPaid isCaptured isShipped
              lines { quantity orderLine { id } } grandTotal { value } }
  ... on DirectToConsumerOrder { customer { id email } customerInfo { email firstName } }
} }"""


def _shape(value: Any) -> Any:
    """Which fields are present and which are null, not their values."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return None if value is None else type(value).__name__


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentraClient]:
    path = Path(tmp_path_factory.mktemp("large")) / "large.db"
    db = Database(str(path))
    db.create_all()
    seed_scenario(db, Clock(), "large", 1, orders=ORDERS, products=400)
    db.dispose()
    client = CentraClient(create_app(Settings(db=str(path), scenario="large")))
    yield client
    client.close()
    client.runtime.db.dispose()


def _numbers_by_status(centra: CentraClient, on_hold: bool = False) -> dict[str, list[int]]:
    """Order numbers by status, of the orders on hold or (by default) of the others."""
    with centra.runtime.db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT status, number FROM orders WHERE is_on_hold = :held ORDER BY number"),
            {"held": on_hold},
        ).all()
    found: dict[str, list[int]] = {}
    for status, number in rows:
        found.setdefault(status, []).append(number)
    return found


def _order(centra: CentraClient, number: int) -> dict[str, Any]:
    return centra.graphql(FULL, {"n": [number]}).payload("orders")[0]


def _money(entry: dict[str, Any]) -> Decimal:
    return Decimal(str(entry["value"]))


def test_large_is_listed_and_seeds_the_asked_number_of_orders(large: CentraClient) -> None:
    counts = Counter(
        status
        for on_hold in (False, True)
        for status, numbers in _numbers_by_status(large, on_hold).items()
        for _ in numbers
    )

    assert "large" in SCENARIOS
    assert sum(counts.values()) == ORDERS
    assert set(counts) == {"PENDING", "CONFIRMED", "PROCESSING", "SHIPPED", "CANCELLED"}


def test_every_seeded_reference_points_at_a_row(large: CentraClient) -> None:
    """Seeding checks no foreign keys while it writes (Database.bulk_load); this does."""
    with large.runtime.db.raw() as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_bulk_orders_have_the_fields_of_orders_placed_through_the_apis(
    large: CentraClient,
) -> None:
    factories = Factories(large)
    bulk = _numbers_by_status(large)
    made = {}
    item = factories.sellable_item(min_free=8)
    for status in ("PENDING", "CONFIRMED", "PROCESSING", "SHIPPED"):
        placed = factories.place_order([(item, 1)])
        if status == "CONFIRMED":
            factories.confirm(placed.number)
        if status == "PROCESSING":
            factories.ship(placed.number, capture=False, complete=False)
        if status == "SHIPPED":
            factories.ship(placed.number)
        made[status] = _order(large, placed.number)

    for status, domain_order in made.items():
        bulk_order = _order(large, bulk[status][0])
        assert bulk_order["status"] == domain_order["status"] == status
        assert _shape(bulk_order) == _shape(domain_order), status


@pytest.mark.parametrize("status", ["PENDING", "CONFIRMED", "PROCESSING", "SHIPPED", "CANCELLED"])
def test_bulk_order_totals_add_up(large: CentraClient, status: str) -> None:
    for number in _numbers_by_status(large)[status][:5]:
        order = _order(large, number)
        lines = sum((_money(ln["lineValue"]) for ln in order["lines"]), Decimal(0))
        priced = sum(
            (_money(ln["unitPrice"]) * ln["quantity"] for ln in order["lines"]), Decimal(0)
        )
        totals = order["totals"]
        payments = {
            (p["entryType"], p["status"]): _money(p["value"]) for p in order["paymentHistory"]
        }

        assert lines == priced == _money(totals["itemsSubtotal"])
        assert _money(order["grandTotal"]) == lines + _money(totals["shipping"])
        assert payments[("AUTHORIZATION", "SUCCESS")] == _money(order["grandTotal"])
        if status == "SHIPPED":
            assert payments[("CAPTURE", "SUCCESS")] == _money(order["grandTotal"])
            assert _money(order["shipments"][0]["grandTotal"]) == _money(order["grandTotal"])
        else:
            assert ("CAPTURE", "SUCCESS") not in payments


def test_stock_allocated_is_what_open_orders_hold(large: CentraClient) -> None:
    sql = text(
        """
        SELECT s.product_size_id, s.allocated,
          coalesce((SELECT sum(json_extract(l.allocations, '$."1"')) FROM order_line l
                    WHERE l.product_size_id = s.product_size_id), 0)
        + coalesce((SELECT sum(json_extract(sl.allocations, '$."1"')) FROM shipment_line sl
                    JOIN shipment sh ON sh.id = sl.shipment_id AND sh.shipped_at IS NULL
                    JOIN order_line l ON l.id = sl.order_line_id
                    WHERE l.product_size_id = s.product_size_id), 0)
        FROM stock s WHERE s.warehouse_id = 1
        """
    )
    with large.runtime.db.engine.connect() as conn:
        rows = conn.execute(sql).all()

    assert sum(r[1] for r in rows) > 0
    assert [(r[0], r[1]) for r in rows if r[1] != r[2]] == []


def test_cancelling_a_bulk_order_releases_exactly_its_units(large: CentraClient) -> None:
    number = _numbers_by_status(large)["CONFIRMED"][1]
    line = _order(large, number)["lines"][0]
    size = line["productSize"]["id"]
    physical, allocated, free = stock_of(large, size)

    result = large.graphql(
        "mutation($n:Int!){ cancelOrder(order:{number:$n}){ order{ status } userErrors{ message } } }",
        {"n": number},
    ).ok("cancelOrder")

    held = sum(
        ln["quantity"] for ln in _order(large, number)["lines"] if ln["productSize"]["id"] == size
    )
    assert result["order"]["status"] == "CANCELLED"
    assert stock_of(large, size) == (physical, allocated - held, free + held)


def test_a_bulk_order_ships_through_the_apis(large: CentraClient) -> None:
    number = _numbers_by_status(large)["CONFIRMED"][2]

    Factories(large).ship(number)

    order = _order(large, number)
    assert order["status"] == "SHIPPED"
    assert [p["entryType"] for p in order["paymentHistory"]] == ["AUTHORIZATION", "CAPTURE"]


def test_rest_order_api_shows_bulk_and_placed_orders_alike(large: CentraClient) -> None:
    factories = Factories(large)
    placed = factories.place_order([(factories.sellable_item(min_free=2), 1)])
    bulk = _numbers_by_status(large)["PENDING"][0]
    headers = {"API-Authorization": large.runtime.settings.order_api_secret}

    bodies = [
        large.get("/api/order/orders", params={"order": n}, headers=headers).json()
        for n in (bulk, placed.number)
    ]

    assert [b["status"] for b in bodies] == ["ok", "ok"]
    assert [len(b["orders"]) for b in bodies] == [1, 1]
    assert bodies[0]["orders"][0]["orderId"] == str(bulk)
    assert _shape(bodies[0]["orders"][0]) == _shape(bodies[1]["orders"][0])


@pytest.mark.slow  # seeds two databases from scratch
def test_same_seed_and_count_give_identical_orders(tmp_path: Path) -> None:
    dumps = []
    for name in ("a.db", "b.db"):
        db = Database(str(tmp_path / name))
        db.create_all()
        seed_scenario(db, Clock(), "large", 3, orders=50)
        with db.engine.connect() as conn:
            dumps.append(
                conn.execute(
                    text("SELECT * FROM orders JOIN order_line ON order_id = orders.id")
                ).all()
            )
        db.dispose()

    assert dumps[0] == dumps[1]
    assert len(dumps[0]) > 50


def test_some_open_bulk_orders_are_on_hold_and_ship_only_when_released(
    large: CentraClient,
) -> None:
    # given: the bulk orders on hold, as the database has them
    held = _numbers_by_status(large, on_hold=True)
    numbers = sorted(n for ns in held.values() for n in ns)
    listed = large.graphql(
        "{ orders(where: {isOnHold: true}, limit: 100) { number status isOnHold } }"
    ).payload("orders")
    assert numbers and set(held) <= {"PENDING", "CONFIRMED"}
    assert [o["number"] for o in listed] == numbers
    assert {o["isOnHold"] for o in listed} == {True}
    number = numbers[0]
    ship = """mutation($n:Int!,$l:[ShipmentLineInput!]!){createShipment(input:{order:{number:$n},
      lines:$l, isGoodToGo:true, capture:true}){shipment{id} userErrors{message}}}"""
    if number in held.get("PENDING", []):
        Factories(large).confirm(number)
    held_lines = large.graphql(  # `orders` leaves held orders out unless asked for them
        "query($n:[Int!]){orders(where:{number:$n, isOnHold:true}){lines{id quantity}}}",
        {"n": [number]},
    ).payload("orders")[0]["lines"]
    lines = [{"orderLine": {"id": ln["id"]}, "quantity": ln["quantity"]} for ln in held_lines]

    # when: shipping it on hold, then after releasing the hold
    refused = large.graphql(ship, {"n": number, "l": lines}).payload("createShipment")
    released = large.graphql(
        "mutation($n:Int!){updateDirectToConsumerOrder(order:{number:$n},"
        " input:{isOnHold:false}){order{isOnHold} userErrors{message}}}",
        {"n": number},
    ).ok("updateDirectToConsumerOrder")
    shipped = large.graphql(ship, {"n": number, "l": lines}).ok("createShipment")

    # then: refused while held, shipped once released
    assert refused == {
        "shipment": None,
        "userErrors": [{"message": f"Order {number} is on hold and cannot be shipped."}],
    }
    assert released["order"] == {"isOnHold": False}
    after = large.graphql(
        "query($n:[Int!]){orders(where:{number:$n}){status isOnHold"
        " shipments{id isCaptured lines{quantity}}}}",
        {"n": [number]},
    ).payload("orders")
    assert after == [
        {
            "status": "PROCESSING",
            "isOnHold": False,
            "shipments": [
                {
                    "id": shipped["shipment"]["id"],
                    "isCaptured": True,
                    "lines": [{"quantity": ln["quantity"]} for ln in held_lines],
                }
            ],
        }
    ]
