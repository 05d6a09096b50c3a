"""Reading and adjusting stock levels. Physical = free to allocate + allocated (GraphQL ignores
thresholds).

Every write goes through `adjust_level`: one conditional UPDATE that refuses to leave physical or
allocated negative or allocated above physical, so no read-then-write race can oversell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm.util import identity_key
from sqlmodel import select

from mockcentra.domain.stock.rules import free_to_allocate
from mockcentra.storage.tables import StockRow


@dataclass(frozen=True)
class StockTotals:
    """Stock of one product size summed over warehouses, named as Centra's `stockTotals`."""

    physical: int
    allocated: int
    demand: int = 0

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


def totals_for_size(session, product_size_id: int, demand: int = 0) -> StockTotals:
    physical, allocated = (
        _session(session)
        .exec(
            select(
                func.coalesce(func.sum(StockRow.physical), 0),
                func.coalesce(func.sum(StockRow.allocated), 0),
            ).where(StockRow.product_size_id == product_size_id)
        )
        .one()
    )
    return StockTotals(physical=int(physical), allocated=int(allocated), demand=demand)


def totals_for_sizes(session, product_size_ids: Iterable[int]) -> dict[int, StockTotals]:
    """Totals for many sizes in one query (sizes without stock read as zero)."""
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
    session, warehouse_id: int, product_size_id: int, *, physical: int = 0, allocated: int = 0
) -> StockLevel | None:
    """Move physical and allocated by the given deltas, or change nothing and return None when
    the result would break physical >= allocated >= 0.

    One UPDATE ... RETURNING when the stock row exists (the usual case); a missing row is
    created at zero first."""
    s = _session(session)
    level = _conditional_update(s, warehouse_id, product_size_id, physical, allocated)
    if level is None and not _row_exists(s, warehouse_id, product_size_id):
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
    new_physical = StockRow.physical + physical
    new_allocated = StockRow.allocated + allocated
    row = s.exec(
        update(StockRow)
        .where(
            StockRow.warehouse_id == warehouse_id,
            StockRow.product_size_id == product_size_id,
            new_physical >= 0,
            new_allocated >= 0,
            new_allocated <= new_physical,
        )
        .values(physical=new_physical, allocated=new_allocated)
        .returning(StockRow.physical, StockRow.allocated)
        .execution_options(synchronize_session=False)
    ).first()
    if row is None:
        return None
    return StockLevel(warehouse_id, product_size_id, int(row[0]), int(row[1]))


def _row_exists(s: Any, warehouse_id: int, product_size_id: int) -> bool:
    found = s.exec(
        select(StockRow.physical).where(
            StockRow.warehouse_id == warehouse_id,
            StockRow.product_size_id == product_size_id,
        )
    ).first()
    return found is not None
