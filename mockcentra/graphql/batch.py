"""Loading a list's children once per page instead of once per parent (no N+1 in queries).

A list resolver registers the ids of the rows it returned (`register`); a child resolver then
asks `children` for one parent's rows and gets them from one query made for the whole page.
Only read operations batch: in a mutation document a later mutation may change what an
earlier field already read, so mutations keep loading per parent. A query writes nothing, so
its pages of order lines, shipments and shipment lines are plain records
(mockcentra.storage.records) rather than ORM entities.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from graphql import OperationType
from sqlmodel import select

from mockcentra.domain.ordering.queries import payment_entries
from mockcentra.storage.records import records_of
from mockcentra.storage.tables import (
    OrderLineRow,
    OrderRow,
    PaymentEntryRow,
    ShipmentLineRow,
    ShipmentRow,
)
from mockcentra.storage.tables.base import stored


def is_query(info: Any) -> bool:
    """Whether the request is a query: it writes nothing, so its lists may be records."""
    return info.operation.operation == OperationType.QUERY


_is_query = is_query


def register(info: Any, kind: str, ids: Iterable[int]) -> None:
    """Remember the ids of a page of `kind` rows so their children can load together."""
    if _is_query(info):
        info.context.cache[("page", kind)] = list(dict.fromkeys(ids))


def children(
    info: Any,
    name: str,
    kind: str,
    parent_id: int,
    load: Callable[[Sequence[int]], Iterable[Any]],
    parent_of: Callable[[Any], int],
) -> list[Any] | None:
    """The rows of `parent_id` from one query over its page, or None (load it alone)."""
    cache = info.context.cache
    loaded = cache.get(("children", name))
    if loaded is not None and parent_id in loaded:
        return loaded[parent_id]
    page = cache.get(("page", kind))
    if not page or parent_id not in page or not _is_query(info):
        return None
    loaded = {i: [] for i in page}
    for row in load(page):
        loaded.setdefault(parent_of(row), []).append(row)
    cache[("children", name)] = loaded
    return loaded[parent_id]


def order_lines(info: Any, order_id: int) -> list[OrderLineRow] | None:
    def load(ids: Sequence[int]) -> list[Any]:
        rows = records_of(OrderLineRow).where_in(info.context.session, "order_id", ids)
        cache = info.context.cache
        for row in rows:
            cache[("order-line", row.id)] = row
        return rows

    return children(info, "order_lines", "Order", order_id, load, lambda row: row.order_id)


def order_line(info: Any, line_id: int) -> OrderLineRow:
    """The order line a stored row points at, from the page of lines this query loaded when it
    is there."""
    found = info.context.cache.get(("order-line", line_id))
    return found if found is not None else stored(info.context.session, OrderLineRow, line_id)


def order_payments(info: Any, order_id: int) -> list[PaymentEntryRow]:
    """The order's payment history, oldest first (one query for a page of orders)."""
    batched = children(
        info,
        "order_payments",
        "Order",
        order_id,
        lambda ids: [
            e for entries in payment_entries(info.context.session, ids).values() for e in entries
        ],
        lambda row: row.order_id,
    )
    if batched is not None:
        return batched
    return payment_entries(info.context.session, [order_id])[order_id]


def order_shipments(info: Any, order_id: int) -> list[ShipmentRow] | None:
    def load(ids: Sequence[int]) -> list[ShipmentRow]:
        rows = records_of(ShipmentRow).where_in(
            info.context.session, "order_id", ids, ("order_id", "sequence")
        )
        register(info, "Shipment", (row.id for row in rows))
        return rows

    return children(info, "order_shipments", "Order", order_id, load, lambda row: row.order_id)


def shipment_lines(info: Any, shipment_id: int) -> list[ShipmentLineRow] | None:
    return children(
        info,
        "shipment_lines",
        "Shipment",
        shipment_id,
        lambda ids: records_of(ShipmentLineRow).where_in(info.context.session, "shipment_id", ids),
        lambda row: row.shipment_id,
    )


# --- announced parents (lists that know their rows before their children are asked for) -------

Loader = Callable[[Any, Sequence[int]], dict[int, list[Any]]]


def announce(info: Any, kind: str, ids: Iterable[int | None]) -> None:
    """A list query tells which parents it returned, so their children load in one query."""
    batch = info.context.cache.setdefault(("children", kind), {"seen": set(), "loaded": {}})
    batch["seen"].update(i for i in ids if i is not None)


def batched(
    info: Any, kind: str, parent_id: int, load: Loader, then: Sequence[str] = ()
) -> list[Any]:
    """One parent's children; in a query, those of every announced parent come along.

    `then` announces every child loaded in the batch for the next levels (e.g. the sizes of
    all the variants just loaded). Mutations read fresh each time: an earlier mutation in the
    same request may have changed the children.
    """
    session = info.context.session
    if not _is_query(info):
        return list(load(session, [parent_id]).get(parent_id, []))
    batch = info.context.cache.setdefault(("children", kind), {"seen": set(), "loaded": {}})
    loaded = batch["loaded"]
    if parent_id not in loaded:
        wanted = (batch["seen"] - loaded.keys()) | {parent_id}
        result = load(session, sorted(wanted))
        for pid in wanted:
            loaded[pid] = list(result.get(pid, []))
            for next_kind in then:
                announce(info, next_kind, (child.id for child in loaded[pid]))
    return loaded[parent_id]


def keep_orders(info: Any, rows: Iterable[Any]) -> None:
    """Remember a page of orders, so that their lines and shipments find them (`order_row`)."""
    cache = info.context.cache
    for row in rows:
        cache[("order-row", row.id)] = row


def order_row(info: Any, order_id: int) -> OrderRow:
    """The order a shipment, return or invoice belongs to, read once per request."""
    key = ("order-row", order_id)
    cache = info.context.cache
    if key not in cache:
        cache[key] = info.context.session.get(OrderRow, order_id)
    return cache[key]


def load_orders(info: Any, order_ids: Iterable[int]) -> None:
    """Read the orders of a page of shipments, returns or invoices in one query."""
    cache = info.context.cache
    wanted = [i for i in dict.fromkeys(order_ids) if ("order-row", i) not in cache]
    if wanted:
        for row in info.context.session.exec(select(OrderRow).where(OrderRow.id.in_(wanted))):
            cache[("order-row", row.id)] = row


def is_store_type(info: Any, order_id: int, store_type: str) -> bool:
    """Whether the order behind a shipment, return or invoice is of this store type."""
    return order_row(info, order_id).store_type == store_type
