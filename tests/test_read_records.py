"""What the read paths' speed rests on: a read unit of work lists plain records (a write one ORM
rows that see its own writes), and a page of orders asked for again reuses its statement."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from mockcentra.domain.ordering.queries import payment_entries
from mockcentra.domain.orders import listing
from mockcentra.storage.records import Record, RecordSession, all_rows, is_row, rows_where_in
from mockcentra.storage.tables import OrderRow, PaymentEntryRow, StoreRow
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories


def _order_id(centra: CentraClient, number: int) -> int:
    with centra.runtime.unit_of_work(write=False) as uow:
        found = listing.list_orders(
            uow.session, listing.OrderListFilter(numbers=[number]), listing.sort_keys([])
        )
        return found[0].id


def test_a_read_lists_records_and_a_write_lists_rows_with_its_own_changes(
    centra: CentraClient, centra_factories: Factories
) -> None:
    order_id = _order_id(centra, centra_factories.place_order().number)
    with centra.runtime.unit_of_work(write=False) as uow:
        read = payment_entries(uow.session, [order_id])[order_id]
        stores = all_rows(uow.session, StoreRow)
    assert read and all(isinstance(e, Record) and is_row(e, PaymentEntryRow) for e in read)
    assert stores and all(isinstance(s, Record) for s in stores)

    with centra.runtime.unit_of_work() as uow:
        added = PaymentEntryRow(
            order_id=order_id,
            entry_type="AUTHORIZATION",
            status="SUCCESS",
            value=Decimal("1.00"),
            created_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        uow.session.add(added)  # not flushed: the list flushes it first
        written = payment_entries(uow.session, [order_id])[order_id]
        assert all(isinstance(e, PaymentEntryRow) for e in written)
        assert [e.id for e in written] == [e.id for e in read] + [added.id]
        uow.rollback()


def test_a_page_of_orders_asked_for_again_reuses_its_statement(
    centra: CentraClient, centra_factories: Factories
) -> None:
    numbers = [centra_factories.place_order().number for _ in range(2)]
    keys = listing.sort_keys(["createdAt_DESC"])
    with centra.runtime.unit_of_work(write=False) as uow:
        records = RecordSession(uow.session, OrderRow)
        first = listing.list_orders(records, listing.OrderListFilter(numbers=list(numbers)), keys)
        before = listing._page_statement.cache_info()
        again = listing.list_orders(records, listing.OrderListFilter(numbers=list(numbers)), keys)
        after = listing._page_statement.cache_info()
        other = listing.list_orders(records, listing.OrderListFilter(numbers=numbers[:1]), keys)
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
    assert [o.number for o in first] == [o.number for o in again] == numbers[::-1]
    assert [o.number for o in other] == numbers[:1]


def test_rows_where_in_reads_nothing_for_no_values(centra: CentraClient) -> None:
    with centra.runtime.unit_of_work(write=False) as uow:
        assert rows_where_in(uow.session, OrderRow, "id", []) == []
    with centra.runtime.unit_of_work() as uow:
        assert rows_where_in(uow.session, OrderRow, "id", []) == []
