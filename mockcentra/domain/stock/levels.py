"""Reading and adjusting stock levels. Physical = free to allocate + allocated (GraphQL ignores
thresholds). Demand and unshipped units are not stored: they are counted from the orders.

Every write goes through `adjust_level`: one conditional UPDATE that refuses to leave physical or
allocated negative or allocated above physical, so no read-then-write race can oversell.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, inspect, text, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm.util import identity_key
from sqlmodel import select

from mockcentra.domain.stock.rules import free_to_allocate
from mockcentra.storage.tables import StockRow
from mockcentra.storage.uow import forget_table


@dataclass(frozen=True)
class StockTotals:
    """Stock of one product size summed over warehouses, named as Centra's `stockTotals`."""

    physical: int
    allocated: int
    demand: int = 0
    unshipped: int = 0

    @property
    def free_to_allocate(self) -> int:
        return self.physical - self.allocated

    @property
    def available(self) -> int:
        """Available now: free to allocate minus demand (no incoming stock is modelled)."""
        return self.free_to_allocate - self.demand


@dataclass(frozen=True)
class StockLevel:
    """Stock of one product size in one warehouse (a row that may not exist yet reads as 0)."""

    warehouse_id: int
    product_size_id: int
    physical: int = 0
    allocated: int = 0

    @property
    def free_to_allocate(self) -> int:
        return free_to_allocate(self.physical, self.allocated)


def _session(session_or_uow: Any) -> Any:
    return getattr(session_or_uow, "session", session_or_uow)


@dataclass(frozen=True)
class OrderedUnits:
    """What open orders ask of one product size (Centra's stock page): `demand` is ordered and
    neither allocated nor in a shipment (forced past free stock, preorders, backorders);
    `unshipped` is every ordered unit not yet shipped: demand, allocated units and units in
    shipments that are not completed."""

    demand: int = 0
    unshipped: int = 0


# One row per line of an order that is not cancelled and has units not yet shipped: its units
# outside any shipment (quantity - shipped_quantity: shipped_quantity counts every unit in a
# shipment), its allocations object, and its units in shipments that have not shipped yet.
# The allocations are summed here rather than with SQLite's json_each: a table-valued function
# in a statement pysqlite keeps prepared does not survive an in-memory database's restore
# (`deserialize`), which would crash the process.
_ORDERED_LINES = text(
    """
    SELECT ol.product_size_id, ol.quantity - ol.shipped_quantity, ol.allocations,
           (SELECT COALESCE(SUM(sl.quantity), 0) FROM shipment_line AS sl
            JOIN shipment AS s ON s.id = sl.shipment_id
            WHERE sl.order_line_id = ol.id AND s.shipped_at IS NULL)
    FROM order_line AS ol JOIN orders AS o ON o.id = ol.order_id
    WHERE ol.product_size_id IN :ids AND o.status != 'CANCELLED'
    """
).bindparams(bindparam("ids", expanding=True))


def ordered_units(session, product_size_ids: Iterable[int]) -> dict[int, OrderedUnits]:
    """Demand and unshipped units per size, counted from the orders in one query."""
    ids = list(dict.fromkeys(product_size_ids))
    demand = dict.fromkeys(ids, 0)
    unshipped = dict.fromkeys(ids, 0)
    if ids:
        rows = _session(session).connection().execute(_ORDERED_LINES, {"ids": ids})
        for size_id, outside, allocations, in_open_shipments in rows:
            held = sum(json.loads(allocations).values()) if allocations else 0
            demand[size_id] += max(0, outside - held)
            unshipped[size_id] += outside + in_open_shipments
    return {i: OrderedUnits(demand[i], unshipped[i]) for i in ids}


def totals_for_size(session, product_size_id: int) -> StockTotals:
    return totals_for_sizes(session, [product_size_id])[product_size_id]


def totals_for_sizes(
    session, product_size_ids: Iterable[int], *, with_orders: bool = True
) -> dict[int, StockTotals]:
    """Totals for many sizes in two queries (sizes without stock read as zero); demand and
    unshipped units are left at zero with `with_orders=False`, for readers that never show them."""
    ids = list(dict.fromkeys(product_size_ids))
    totals = {i: StockTotals(physical=0, allocated=0) for i in ids}
    if not ids:
        return totals
    rows = _session(session).exec(
        select(
            StockRow.product_size_id,
            func.sum(StockRow.physical),
            func.sum(StockRow.allocated),
        )
        .where(StockRow.product_size_id.in_(ids))
        .group_by(StockRow.product_size_id)
    )
    for size_id, physical, allocated in rows:
        totals[size_id] = StockTotals(physical=int(physical), allocated=int(allocated))
    if with_orders:
        for size_id, units in ordered_units(session, ids).items():
            t = totals[size_id]
            totals[size_id] = StockTotals(t.physical, t.allocated, units.demand, units.unshipped)
    return totals


def level_of(session, warehouse_id: int, product_size_id: int) -> StockLevel:
    """Read straight from the database (never a cached ORM object)."""
    row = (
        _session(session)
        .exec(
            select(StockRow.physical, StockRow.allocated).where(
                StockRow.warehouse_id == warehouse_id,
                StockRow.product_size_id == product_size_id,
            )
        )
        .first()
    )
    physical, allocated = row if row else (0, 0)
    return StockLevel(warehouse_id, product_size_id, int(physical), int(allocated))


def adjust_level(
    session,
    warehouse_id: int,
    product_size_id: int,
    *,
    physical: int = 0,
    allocated: int = 0,
    create: bool = True,
) -> StockLevel | None:
    """Move physical and allocated by the given deltas, or change nothing and return None when
    the result would break physical >= allocated >= 0.

    One UPDATE ... RETURNING when the stock row exists (the usual case); a missing row is
    created at zero first, unless `create` is False (then a missing row is a None)."""
    s = _session(session)
    level = _conditional_update(s, warehouse_id, product_size_id, physical, allocated)
    if level is None and create and not _row_exists(s, warehouse_id, product_size_id):
        s.exec(
            insert(StockRow)
            .values(
                warehouse_id=warehouse_id, product_size_id=product_size_id, physical=0, allocated=0
            )
            .on_conflict_do_nothing()
        )
        level = _conditional_update(s, warehouse_id, product_size_id, physical, allocated)
    cached = s.identity_map.get(identity_key(StockRow, (warehouse_id, product_size_id)))
    if cached is not None:
        s.expire(cached)
    return level


def _conditional_update(
    s: Any, warehouse_id: int, product_size_id: int, physical: int, allocated: int
) -> StockLevel | None:
    """Run on the session's connection, not through the ORM (a third of the cost): the
    session's unwritten rows are flushed first and its lookups of stock forgotten after, as
    the ORM would; no ORM listener watches the stock table."""
    if s.autoflush:
        s.flush()
    row = (
        s.connection()
        .execute(
            _CONDITIONAL_UPDATE,
            {
                "warehouse": warehouse_id,
                "size": product_size_id,
                "physical_delta": physical,
                "allocated_delta": allocated,
            },
        )
        .first()
    )
    forget_table(s, _STOCK.name)
    if row is None:
        return None
    return StockLevel(warehouse_id, product_size_id, int(row[0]), int(row[1]))


_STOCK: Any = inspect(StockRow).local_table


def _conditional_update_statement() -> Any:
    """Built once: building it cost about as much as running it."""
    stock = _STOCK.c
    new_physical = stock.physical + bindparam("physical_delta")
    new_allocated = stock.allocated + bindparam("allocated_delta")
    return (
        update(_STOCK)
        .where(
            stock.warehouse_id == bindparam("warehouse"),
            stock.product_size_id == bindparam("size"),
            new_physical >= 0,
            new_allocated >= 0,
            new_allocated <= new_physical,
        )
        .values(physical=new_physical, allocated=new_allocated)
        .returning(stock.physical, stock.allocated)
    )


_CONDITIONAL_UPDATE = _conditional_update_statement()


def _row_exists(s: Any, warehouse_id: int, product_size_id: int) -> bool:
    found = s.exec(
        select(StockRow.physical).where(
            StockRow.warehouse_id == warehouse_id,
            StockRow.product_size_id == product_size_id,
        )
    ).first()
    return found is not None
