"""Rows a write path changes are loaded on the driver (`storage/loads.py`) as the ORM would
load them, and a new row is built with its columns' defaults (`Row.__init__`)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import inspect
from sqlmodel import select

from mockcentra.domain.events.lifecycle import LOADED
from mockcentra.storage.loads import loader_of
from mockcentra.storage.tables import OrderLineRow, OrderRow
from mockcentra.storage.tables.base import by_key, first_where, highest
from mockcentra.storage.uow import UnitOfWork, rows_of
from mockcentra.testing.client import CentraClient
from mockcentra.testing.factories import Factories, PlacedOrder


@pytest.fixture
def placed(centra: CentraClient, centra_factories: Factories) -> PlacedOrder:
    return centra_factories.place_order()


@pytest.fixture
def order_id(centra: CentraClient, placed: PlacedOrder) -> int:
    """The placed order's key, as the ORM finds it."""
    with centra.runtime.unit_of_work(write=False) as work:
        order = work.session.exec(select(OrderRow).where(OrderRow.number == placed.number)).one()
        assert order.id is not None
        return order.id


@pytest.fixture
def uow(centra: CentraClient) -> Iterator[UnitOfWork]:
    with centra.runtime.unit_of_work() as work:
        yield work
        work.rollback()


def _columns(row: object) -> dict[str, object]:
    return {k: v for k, v in row.__dict__.items() if not k.startswith("_")}


def test_a_row_loaded_on_the_driver_equals_the_orms_load(
    centra: CentraClient, order_id: int
) -> None:
    # given: the order as the ORM loads it, in a unit of work of its own (closed before the
    # next opens: an in-memory database lends its one connection to one unit of work)
    with centra.runtime.unit_of_work(write=False) as other:
        expected = _columns(other.session.exec(select(OrderRow)).one())

    with centra.runtime.unit_of_work() as uow:
        # when: loaded by key on the driver
        order = by_key(uow.session, OrderRow, order_id)

        # then: every column has the ORM's value and type, and the row is persistent and clean
        assert order is not None
        assert _columns(order) == expected
        assert {k: type(v) for k, v in _columns(order).items()} == {
            k: type(v) for k, v in expected.items()
        }
        assert inspect(order).persistent
        assert not uow.session.dirty
        uow.rollback()


def test_the_sessions_own_row_is_answered_and_unwritten_changes_are_read(
    placed: PlacedOrder, order_id: int, uow: UnitOfWork
) -> None:
    # given: the order loaded and changed in this unit of work, not flushed
    order = by_key(uow.session, OrderRow, order_id)
    assert order is not None
    order.internal_comment = "checked"

    # when: found again by another column
    again = first_where(uow.session, OrderRow.number, placed.number)

    # then: the same row, and the change was flushed before the read
    assert again is order
    found = loader_of(OrderRow).where_in(uow.session, "internal_comment", ["checked"])
    assert found == [order]


def test_a_parents_rows_are_the_sessions_rows(order_id: int, uow: UnitOfWork) -> None:
    lines = rows_of(uow.session, OrderLineRow.order_id, order_id)

    assert [line.order_id for line in lines] == [order_id]
    assert rows_of(uow.session, OrderLineRow.order_id, order_id) == lines
    assert all(inspect(line).persistent for line in lines)


def test_a_missing_row_is_none(uow: UnitOfWork) -> None:
    assert by_key(uow.session, OrderRow, 10**9) is None
    assert first_where(uow.session, OrderRow.number, -1) is None


def test_load_listeners_are_told_of_driver_loads(
    placed: PlacedOrder, order_id: int, uow: UnitOfWork
) -> None:
    # given: the event log's listener keeps each order's status as the transaction first read it
    assert LOADED not in uow.session.info

    # when: the order is loaded on the driver
    order = by_key(uow.session, OrderRow, order_id)

    # then: the listener was told
    assert order is not None
    assert uow.session.info[LOADED] == {("Order", placed.id): {"status": order.status}}


def test_a_new_row_has_its_defaults_and_no_shared_values() -> None:
    # when: two rows are built with only a few columns given
    first = OrderRow(store_id=1, number=1, hash="a", status="PENDING")
    second = OrderRow(store_id=1, number=2, hash="b", status="PENDING")

    # then: defaults are set, mutable ones fresh per row; nullable columns and the key are None
    assert first.vouchers == [] and first.vouchers is not second.vouchers
    assert first.is_on_hold is False
    assert first.shipping_value == Decimal(0)
    assert first.locked_by is None
    assert first.id is None
    assert first.status == "PENDING"


def test_a_new_row_refuses_a_column_its_table_has_not() -> None:
    with pytest.raises(TypeError, match="OrderRow has no column colour"):
        OrderRow(store_id=1, colour="red")


def test_the_highest_value_counts_unwritten_changes(
    placed: PlacedOrder, order_id: int, uow: UnitOfWork
) -> None:
    # given: the highest order number, then the order's number raised, not flushed yet
    before = highest(uow.session, OrderRow.number)
    assert before == placed.number
    row = by_key(uow.session, OrderRow, order_id)
    assert row is not None
    row.number = before + 5

    # then: the change is flushed before the read
    assert highest(uow.session, OrderRow.number) == before + 5
    (line,) = rows_of(uow.session, OrderLineRow.order_id, order_id)
    assert highest(uow.session, OrderLineRow.id) == line.id
