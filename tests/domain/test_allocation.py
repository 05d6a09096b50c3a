"""The stock API the order lifecycle calls: allocate, release, consume, restock, remove.

Catalogue and stock are arranged through GraphQL; the domain functions run in a unit of work on
the test app's database, as an order action would run them.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.stock import allocation
from mockcentra.domain.stock.levels import adjust_level, level_of
from mockcentra.domain.stock.warehouses import WarehouseSettings, create_warehouse
from mockcentra.storage.tables import EventRow, StockChangeLineRow, StockChangeRow
from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import Variant, create_variant

#: These tests move stock with the domain's functions alone: allocated units no order holds.
pytestmark = pytest.mark.centra_no_invariants

ADD = """mutation($w: Int!, $v: Int!, $size: String!, $q: Int!) {
  changeStock(input: {intoWarehouse: {id: $w}, description: "arrange", productVariants: [
    {productVariant: {id: $v}, sizeChanges: [{size: {name: $size}, deliveredQuantity: $q}]}]}) {
    userErrors { message } } }"""

NEW_WAREHOUSE = """mutation($name: String!) { createWarehouse(input: {name: $name,
  beforeWarehouse: {id: 1}}) { warehouse { id } userErrors { message } } }"""


def uow_of(centra: CentraClient):
    return centra.runtime.unit_of_work()


def add(centra: CentraClient, variant: Variant, size: str, quantity: int, warehouse: int = 1):
    centra.graphql(ADD, {"w": warehouse, "v": variant.id, "size": size, "q": quantity}).ok(
        "changeStock"
    )


def stock(centra: CentraClient, warehouse: int, product_size: int) -> tuple[int, int]:
    with uow_of(centra) as uow:
        lv = level_of(uow, warehouse, product_size)
    assert lv.physical == lv.free_to_allocate + lv.allocated
    return lv.physical, lv.allocated


@pytest.fixture
def tee(centra: CentraClient) -> Variant:
    return create_variant(centra, sizes=("S", "M"))


def test_allocates_in_warehouse_priority_order(centra: CentraClient, tee: Variant) -> None:
    first = centra.graphql(NEW_WAREHOUSE, {"name": "Store"}).ok("createWarehouse")
    store = first["warehouse"]["id"]
    ps = tee.product_size_ids["S"]
    add(centra, tee, "S", 2, warehouse=store)
    add(centra, tee, "S", 5)

    with uow_of(centra) as uow:
        order = allocation.warehouses_for_market(uow.session, 1)
        got = allocation.allocate(uow, ps, 4, order)

    assert order == [store, 1]
    assert got == [(store, 2), (1, 2)]
    assert stock(centra, store, ps) == (2, 2)
    assert stock(centra, 1, ps) == (5, 2)


def test_allocates_what_there_is_and_leaves_the_rest(centra: CentraClient, tee: Variant) -> None:
    ps = tee.product_size_ids["S"]
    add(centra, tee, "S", 3)

    with uow_of(centra) as uow:
        got = allocation.allocate(uow, ps, 5, [1])
        nothing = allocation.allocate(uow, tee.product_size_ids["M"], 1, [1])

    assert got == [(1, 3)]
    assert nothing == []
    assert stock(centra, 1, ps) == (3, 3)
    with uow_of(centra) as uow:
        kinds = uow.session.exec(select(StockChangeRow.kind).order_by(StockChangeRow.id)).all()
    assert kinds == ["CHANGE", "ORDER"]  # no change row for the allocation that found nothing


def test_lifecycle_moves_keep_physical_at_least_allocated(
    centra: CentraClient, tee: Variant
) -> None:
    ps = tee.product_size_ids["S"]
    add(centra, tee, "S", 10)

    with uow_of(centra) as uow:
        allocation.allocate(uow, ps, 6, [1])
    assert stock(centra, 1, ps) == (10, 6)
    with uow_of(centra) as uow:
        allocation.move(uow, allocation.RELEASE, 1, ps, 1)
    assert stock(centra, 1, ps) == (10, 5)
    with uow_of(centra) as uow:
        allocation.move(uow, allocation.CONSUME, 1, ps, 2)
    assert stock(centra, 1, ps) == (8, 3)
    with uow_of(centra) as uow:
        allocation.move(uow, allocation.REMOVE_ALLOCATED, 1, ps, 1)
    assert stock(centra, 1, ps) == (7, 2)
    with uow_of(centra) as uow:
        allocation.move(uow, allocation.RESTOCK, 1, ps, 2)
    assert stock(centra, 1, ps) == (9, 2)
    with uow_of(centra) as uow:
        allocation.move(uow, allocation.CONSUME_FREE, 1, ps, 7)
    assert stock(centra, 1, ps) == (2, 2)

    with uow_of(centra) as uow:
        rows = uow.session.exec(
            select(
                StockChangeRow.kind,
                StockChangeLineRow.physical_delta,
                StockChangeLineRow.allocated_delta,
            )
            .join(StockChangeLineRow, StockChangeLineRow.stock_change_id == StockChangeRow.id)
            .order_by(StockChangeLineRow.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("CHANGE", 10, 0),
        ("ORDER", 0, 6),
        ("ORDER", 0, -1),
        ("SHIPMENT", -2, -2),
        ("ORDER", -1, -1),
        ("RETURN", 2, 0),
        ("RETURN", -7, 0),
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda u, ps: allocation.move(u, allocation.RELEASE, 1, ps, 3),
            "Cannot release 3 of product size {ps} in warehouse 1: physical 5, allocated 2.",
        ),
        (
            lambda u, ps: allocation.move(u, allocation.CONSUME, 1, ps, 3),
            "Cannot ship 3 of product size {ps} in warehouse 1: physical 5, allocated 2.",
        ),
        (
            lambda u, ps: allocation.move(u, allocation.REMOVE_ALLOCATED, 1, ps, 3),
            "Cannot remove 3 of product size {ps} in warehouse 1: physical 5, allocated 2.",
        ),
        (
            lambda u, ps: allocation.move(u, allocation.CONSUME_FREE, 1, ps, 4),
            "Cannot take back 4 of product size {ps} in warehouse 1: physical 5, allocated 2.",
        ),
    ],
)
def test_moves_that_would_break_the_levels_are_refused(
    centra: CentraClient, tee: Variant, call, message: str
) -> None:
    ps = tee.product_size_ids["S"]
    add(centra, tee, "S", 5)
    with uow_of(centra) as uow:
        allocation.allocate(uow, ps, 2, [1])

    with pytest.raises(DomainError) as refused, uow_of(centra) as uow:
        call(uow, ps)

    assert refused.value.code == ErrorCode.INSUFFICIENT_STOCK
    assert refused.value.message == message.format(ps=ps)
    assert stock(centra, 1, ps) == (5, 2)


def test_bad_quantities_and_unknown_objects(centra: CentraClient, tee: Variant) -> None:
    ps = tee.product_size_ids["S"]
    with uow_of(centra) as uow:
        with pytest.raises(DomainError, match="Stock quantity must be greater than 0, got 0."):
            allocation.allocate(uow, ps, 0, [1])
        with pytest.raises(DomainError, match="Could not find ProductSize with ID 999999."):
            allocation.move(uow, allocation.RESTOCK, 1, 999999, 1)
        with pytest.raises(DomainError, match="Could not find Warehouse with ID 999."):
            allocation.move(uow, allocation.RESTOCK, 999, ps, 1)
        with pytest.raises(DomainError, match="Could not find Market with ID 999."):
            allocation.warehouses_for_market(uow.session, 999)


def test_adjust_level_never_oversells(centra: CentraClient, tee: Variant) -> None:
    ps = tee.product_size_ids["S"]
    add(centra, tee, "S", 2)

    with uow_of(centra) as uow:
        assert adjust_level(uow, 1, ps, allocated=3) is None
        assert adjust_level(uow, 1, ps, physical=-3) is None
        assert adjust_level(uow, 1, ps, allocated=-1) is None
        assert adjust_level(uow, 1, ps, allocated=2).free_to_allocate == 0
        assert adjust_level(uow, 1, ps, allocated=1) is None

    assert stock(centra, 1, ps) == (2, 2)


def test_stock_moves_announce_the_variant_once(centra: CentraClient, tee: Variant) -> None:
    add(centra, tee, "S", 4)
    add(centra, tee, "M", 4)

    with uow_of(centra) as uow:
        allocation.allocate(uow, tee.product_size_ids["S"], 1, [1])
        allocation.allocate(uow, tee.product_size_ids["M"], 1, [1])
        pending = [(e.object_type, e.change_type, e.object_ref) for e in uow.events]

    assert pending == [("ProductVariant", "DEPENDENT_DATA_CHANGED", str(tee.id))]
    with uow_of(centra) as uow:
        recorded = uow.session.exec(
            select(EventRow.object_type, EventRow.change_type, EventRow.object_ref).where(
                EventRow.object_type == "ProductVariant",
                EventRow.change_type == "DEPENDENT_DATA_CHANGED",
            )
        ).all()
    assert [tuple(r) for r in recorded] == [
        ("ProductVariant", "DEPENDENT_DATA_CHANGED", str(tee.id))
    ] * 3  # two deliveries through changeStock, one allocation transaction


def test_new_warehouse_is_announced(centra: CentraClient) -> None:
    with uow_of(centra) as uow:
        row = create_warehouse(uow, WarehouseSettings(name="Outlet"))
        pending = [(e.object_type, e.change_type, e.object_ref) for e in uow.events]

    assert pending == [("Warehouse", "CREATED", str(row.id))]
