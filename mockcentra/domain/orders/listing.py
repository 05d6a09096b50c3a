"""The order list: its filters, its sorts, and the index plan that reads a page.

One query serves the Integration API's `orders(where, sort, limit, page)` and
`orderConnection(where, sort, first, after, ...)` and the Order API's `GET orders`: the filters
and the choice of index live here once, and the caller picks how a page is cut (an offset page,
a cursor, or the Order API's limit and offset).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, String, false, literal_column, true, union_all
from sqlalchemy.sql.elements import ColumnClause
from sqlmodel import Session
from sqlmodel import select as select_rows
from sqlmodel.sql.expression import SelectOfScalar

from mockcentra.domain.cursors import SortKey, keys_of
from mockcentra.domain.listing import count, paged, sliced
from mockcentra.storage.tables import OrderRow


@dataclass(frozen=True)
class TimeRange:
    """From (inclusive) and to; either may be open. `to` is inclusive in the Integration API's
    `{from, to}` and exclusive in the Order API's `newer_than`/`older_than`."""

    start: datetime | None = None
    end: datetime | None = None
    end_inclusive: bool = True


@dataclass(frozen=True)
class OrderListFilter:
    """Every set field must match. `is_on_hold` False (the Integration API's default) lists no
    held orders; None lists held and not held alike (the Order API)."""

    hashes: Sequence[str] = ()
    numbers: Sequence[int] = ()
    statuses: Sequence[str] = ()
    store_type: str | None = None
    store_ids: Sequence[int] = ()
    customer_ids: Sequence[int] = ()
    created: TimeRange | None = None
    placed: TimeRange | None = None
    updated: TimeRange | None = None
    is_locked: bool | None = None
    is_on_hold: bool | None = False
    is_internal: bool | None = None


#: The columns `OrderSort` names (`orderDate` is the placement time, as `createdAt`).
SORT_COLUMNS = {
    "id": OrderRow.id,
    "number": OrderRow.number,
    "createdAt": OrderRow.created_at,
    "orderDate": OrderRow.created_at,
    "updatedAt": OrderRow.updated_at,
}


def sort_keys(sort: Sequence[str] | None) -> list[SortKey]:
    """`OrderSort` values as keys ending with the id; `id_ASC` when none are given."""
    return keys_of(sort, SORT_COLUMNS, OrderRow.id)


# ---------------------------------------------------------------- the plan


def _unindexed(name: str, type_: Any) -> Any:
    """`+orders.<name>`: the same value, but SQLite will not pick an index on the column."""
    return literal_column(f"+orders.{name}", type_)


def _flag(value: bool) -> Any:
    """A literal 0/1, so SQLite can use the partial index on the few flagged orders."""
    return true() if value else false()


# per-value index walks merged into one id-sorted page; more values are only filtered on
_MERGED_MAX = 20

# the expression ix_orders_status_id is on (see OrderRow)
_LEAD_KEYS = {"status": literal_column("(orders.status || '')", String)}


def _ranged(f: OrderListFilter) -> bool:
    return bool(f.created or f.placed or f.updated)


def _status_lead(f: OrderListFilter, by_id: bool) -> tuple[str, list] | None:
    """Statuses in id order are read from the (status, id) index, one walk per status merged,
    unless a date range, a flag index or a filter on few orders (id, number, customer) narrows
    them better; by time the (status, created_at) index serves instead."""
    if not f.statuses or not by_id:
        return None
    if f.hashes or f.numbers or f.customer_ids or _ranged(f):
        return None
    if f.is_on_hold or f.is_locked or f.is_internal:
        return None
    return "status", sorted(set(f.statuses))


def _store_lead(f: OrderListFilter, first_key: str) -> tuple[str, list] | None:
    """The store column (and its values) whose (store, id) or (store, created_at) index is to
    find the orders, or None. Only when no other filter or the sort has an index that serves
    better: without statistics SQLite takes `store_id = ?` for a handful of orders, so it
    would read and sort every order of a big store instead."""
    if f.hashes or f.numbers or f.statuses or f.customer_ids or f.updated:
        return None
    if f.is_on_hold or f.is_locked or f.is_internal:  # the partial indexes serve these
        return None
    by_id = first_key == "id"
    if not by_id and first_key not in ("createdAt", "orderDate"):
        return None
    if f.store_ids:
        store_ids = sorted(set(f.store_ids))
        # several stores by time would be read through an IN list, which sorts every match
        if len(store_ids) > (_MERGED_MAX if by_id else 1):
            return None
        return "store_id", store_ids
    if f.store_type:
        return "store_type", [f.store_type]
    return None


def _within(stmt: Any, column: Any, span: TimeRange | None) -> Any:
    if span is not None and span.start is not None:
        stmt = stmt.where(column >= span.start)
    if span is not None and span.end is not None:
        stmt = stmt.where(column <= span.end if span.end_inclusive else column < span.end)
    return stmt


def _filtered(f: OrderListFilter, lead: tuple[str, list] | None) -> Any:
    """The orders `f` matches, except the `lead` column's values (its index walks apply them).

    Store filters that do not lead only check the rows found (`+orders.store_...`), as SQLite
    would otherwise prefer their index.
    """
    stmt = select_rows(OrderRow)
    if f.hashes:
        stmt = stmt.where(OrderRow.hash.in_(list(f.hashes)))
    if f.numbers:
        stmt = stmt.where(OrderRow.number.in_(list(f.numbers)))
    led = lead[0] if lead else None
    if f.statuses and led != "status":
        stmt = stmt.where(OrderRow.status.in_(list(f.statuses)))
    if f.store_type and led != "store_type":
        stmt = stmt.where(_unindexed("store_type", String) == f.store_type)
    if f.store_ids and led != "store_id":
        stmt = stmt.where(_unindexed("store_id", Integer).in_(list(f.store_ids)))
    if f.customer_ids:
        stmt = stmt.where(OrderRow.customer_id.in_(list(f.customer_ids)))
    if f.is_locked is not None:
        stmt = stmt.where(OrderRow.is_locked == _flag(f.is_locked))
    if f.is_on_hold is not None:
        stmt = stmt.where(OrderRow.is_on_hold == _flag(f.is_on_hold))
    if f.is_internal is not None:
        stmt = stmt.where(OrderRow.is_internal == _flag(f.is_internal))
    stmt = _within(stmt, OrderRow.created_at, f.created)
    stmt = _within(stmt, OrderRow.created_at, f.placed)
    return _within(stmt, OrderRow.updated_at, f.updated)


def _rows_of_page(ids: Any, descending: bool, cut: Cut) -> Any:
    """The orders of one page of an id-sorted id query, read by primary key."""
    key = OrderRow.id.desc() if descending else OrderRow.id.asc()
    return select_rows(OrderRow).where(OrderRow.id.in_(cut(ids))).order_by(key)


def _id_page_from_index(stmt: Any, descending: bool, cut: Cut) -> Any:
    """An id-sorted page of a status or date range: its ids come from that index (which holds
    `is_on_hold` too), so only the page's rows are read, not every order that matches.

    `+orders.id` keeps SQLite from walking the whole table in id order instead: a range of
    recent orders would then be found only after every older order had been read.
    """
    id_key = _unindexed("id", Integer)
    ids = stmt.with_only_columns(OrderRow.id).order_by(id_key.desc() if descending else id_key)
    return _rows_of_page(ids, descending, cut)


def _id_page_merged(stmt: Any, lead: tuple[str, list], descending: bool, cut: Cut) -> Any:
    """An id-sorted page of the orders with one of a few values in the lead column: SQLite
    merges the walks of the (column, id) index for each value, so only the page's rows are
    read however many orders match (an IN list would sort every match instead)."""
    name, values = lead
    column = _LEAD_KEYS[name] if name in _LEAD_KEYS else getattr(OrderRow, name)
    arms = [stmt.with_only_columns(OrderRow.id).where(column == value) for value in values]
    if len(arms) == 1:
        id_key = OrderRow.id
        ids = arms[0].order_by(id_key.desc() if descending else id_key.asc())
    else:
        union_key: ColumnClause[int] = literal_column("id")
        ids = union_all(*arms).order_by(union_key.desc() if descending else union_key.asc())
    return _rows_of_page(ids, descending, cut)


Cut = Callable[[Any], Any]


def _statement(
    f: OrderListFilter, keys: Sequence[SortKey], where: Sequence[Any], cut: Cut
) -> SelectOfScalar[OrderRow]:
    """The one SELECT that reads a page of the orders `f` matches, by the index plan."""
    by_id = keys[0].name == "id"
    lead = _status_lead(f, by_id) or _store_lead(f, keys[0].name)
    stmt = _filtered(f, lead).where(*where)
    descending = keys[0].descending
    if by_id and lead and not _ranged(f):
        return _id_page_merged(stmt, lead, descending, cut)
    if lead:
        stmt = stmt.where(getattr(OrderRow, lead[0]).in_(lead[1]))
    if by_id and (f.statuses or _ranged(f)):
        return _id_page_from_index(stmt, descending, cut)
    return cut(stmt.order_by(*(key.ordering() for key in keys)))


#: How a page is cut from the sorted list: `limit`/`page` or the Order API's limit/offset.
_CUTS = {"page": paged, "slice": sliced}


@lru_cache(maxsize=256)
def _page_statement(
    f: OrderListFilter, keys: tuple[SortKey, ...], cut: str, first: int | None, second: int | None
) -> SelectOfScalar[OrderRow]:
    """A page's statement, built once for the same filter, sort and cut: a list asked for
    again (a poll, the next request for the same order) skips building it and SQLAlchemy's
    cache key, which cost several times SQLite's reading of the page."""
    return _statement(f, keys, (), lambda stmt: _CUTS[cut](stmt, first, second))


def _kept(f: OrderListFilter) -> OrderListFilter:
    """`f` with its lists as tuples, so it can be a cache key."""
    return replace(
        f,
        hashes=tuple(f.hashes),
        numbers=tuple(f.numbers),
        statuses=tuple(f.statuses),
        store_ids=tuple(f.store_ids),
        customer_ids=tuple(f.customer_ids),
    )


def list_orders(
    session: Session,
    f: OrderListFilter,
    keys: Sequence[SortKey],
    *,
    limit: int | None = None,
    page_number: int | None = None,
) -> list[OrderRow]:
    """One `limit`/`page` page of the orders `f` matches, in the order of `keys`."""
    return list(session.exec(_page_statement(_kept(f), tuple(keys), "page", limit, page_number)))


def slice_orders(
    session: Session,
    f: OrderListFilter,
    keys: Sequence[SortKey],
    *,
    limit: int | None = None,
    offset: int | None = None,
) -> list[OrderRow]:
    """Up to `limit` of the orders `f` matches after the first `offset`, in the order of
    `keys` (the Order API's paging: no limit reads all)."""
    return list(session.exec(_page_statement(_kept(f), tuple(keys), "slice", limit, offset)))


def count_orders(session: Session, f: OrderListFilter) -> int:
    """How many orders `f` matches, counted on the index that would lead the list."""
    lead = _status_lead(f, True) or _store_lead(f, "id")
    stmt = _filtered(f, lead)
    if lead:
        stmt = stmt.where(getattr(OrderRow, lead[0]).in_(lead[1]))
    return count(session, stmt.with_only_columns(OrderRow.id))


@dataclass
class OrderSource:
    """The order list as a cursor-paging source (same filters and plan as `list_orders`)."""

    session: Session
    filter: OrderListFilter

    def rows(self, where: Sequence[Any], keys: Sequence[SortKey], limit: int) -> list[OrderRow]:
        statement = _statement(self.filter, keys, where, lambda stmt: stmt.limit(limit))
        return list(self.session.exec(statement))

    def count(self) -> int:
        return count_orders(self.session, self.filter)
