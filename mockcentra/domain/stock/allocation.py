"""Stock movements of the order lifecycle: allocate, and the moves of the `Move` table.

Called by orders, shipments and returns inside their unit of work. Every movement goes through
`adjust_level`, a conditional UPDATE that can never leave physical or allocated negative nor
allocated above physical, so two transactions can never oversell (writers also hold SQLite's
write lock from BEGIN IMMEDIATE). Each movement is recorded as a stock change line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.stock.changes import add_line, announce_size, new_change
from mockcentra.domain.stock.explain import explain_stock
from mockcentra.domain.stock.levels import adjust_level, level_of
from mockcentra.domain.stock.status import StockChangeType
from mockcentra.storage.records import record_by_key
from mockcentra.storage.tables import (
    AllocationRuleWarehouseRow,
    MarketRow,
    ProductSizeRow,
    StockChangeRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import built_once
from mockcentra.storage.uow import UnitOfWork, memo

__all__ = [
    "CONSUME",
    "CONSUME_FREE",
    "RELEASE",
    "REMOVE_ALLOCATED",
    "RESTOCK",
    "Move",
    "allocate",
    "move",
    "warehouses_for_market",
]


def warehouses_for_market(session: Session, market_id: int | None) -> list[int]:
    """The ACTIVE warehouses of the market's allocation rule, in warehouse priority order (an
    inactive warehouse keeps its stock and allocations but takes no new ones)."""
    session = getattr(session, "session", session)
    market = record_by_key(session, MarketRow, market_id) if market_id is not None else None
    if market is None:
        raise not_found("Market", market_id)
    rule_id = market.allocation_rule_id
    if rule_id is None:
        return []

    def load() -> list[int]:
        return list(session.exec(_active_warehouses_of_rule(), params={"rule": rule_id}))

    # read once per unit of work (once per order, not per line), until warehouses change
    return list(memo(session, ((WarehouseRow, AllocationRuleWarehouseRow), rule_id), load))


def _active_warehouses_of_rule() -> Any:
    """The ids of an allocation rule's (`rule`) ACTIVE warehouses in priority order, built once."""
    return built_once(
        ("active warehouses of a rule",),
        lambda: (
            select(WarehouseRow.id)
            .join(
                AllocationRuleWarehouseRow,
                AllocationRuleWarehouseRow.warehouse_id == WarehouseRow.id,
            )
            .where(
                AllocationRuleWarehouseRow.allocation_rule_id == bindparam("rule"),
                WarehouseRow.status == "ACTIVE",
            )
            .order_by(WarehouseRow.priority, WarehouseRow.id)
        ),
    )


def allocate(
    uow: UnitOfWork,
    product_size_id: int,
    quantity: int,
    warehouse_ids_in_priority: list[int],
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> list[tuple[int, int]]:
    """Take up to `quantity` free stock, warehouse by warehouse; returns (warehouse, taken).

    Less than asked (even nothing) is not an error: the caller keeps the rest as demand.
    """
    _check(uow, product_size_id, quantity)
    taken: list[tuple[int, int]] = []
    remaining = quantity
    for warehouse_id in warehouse_ids_in_priority:
        if remaining <= 0:
            break
        take = _take(uow, warehouse_id, product_size_id, remaining)
        if take == 0:
            continue
        change = change or new_change(uow, StockChangeType.ORDER, description)
        add_line(uow, change, warehouse_id, product_size_id, allocated=take)
        taken.append((warehouse_id, take))
        remaining -= take
    if taken:
        announce_size(uow, product_size_id)
        uow.session.flush()
    return taken


def _take(uow: UnitOfWork, warehouse_id: int, product_size_id: int, wanted: int) -> int:
    """Allocate up to `wanted` units in one warehouse; how many it took. The whole of it is
    tried first (one conditional UPDATE, the usual case); only when the warehouse has less is
    its level read and what is free taken."""
    if adjust_level(uow, warehouse_id, product_size_id, allocated=wanted, create=False) is not None:
        return wanted
    take = min(level_of(uow, warehouse_id, product_size_id).free_to_allocate, wanted)
    if take <= 0 or adjust_level(uow, warehouse_id, product_size_id, allocated=take) is None:
        return 0
    return take


@dataclass(frozen=True)
class Move:
    """One kind of stock movement: which stock change it is recorded in, what each unit does to
    physical and allocated stock, and the verb its refusal uses."""

    kind: StockChangeType
    physical: int
    allocated: int
    verb: str


#: Cancel with RELEASE, order changes: allocated units become free to allocate again.
RELEASE = Move(StockChangeType.ORDER, physical=0, allocated=-1, verb="release")
#: Shipping: allocated units leave the shelf (physical and allocated both drop).
CONSUME = Move(StockChangeType.SHIPMENT, physical=-1, allocated=-1, verb="ship")
#: Cancel with REMOVE: the allocated units are written off (physical and allocated drop).
REMOVE_ALLOCATED = Move(StockChangeType.ORDER, physical=-1, allocated=-1, verb="remove")
#: Returns: units come back to the shelf as free-to-allocate stock.
RESTOCK = Move(StockChangeType.RETURN, physical=1, allocated=0, verb="restock")
#: Undoing a return: restocked units leave the shelf again; only free stock can go.
CONSUME_FREE = Move(StockChangeType.RETURN, physical=-1, allocated=0, verb="take back")


def _check(uow: UnitOfWork, product_size_id: int, quantity: int) -> None:
    if quantity <= 0:
        raise invalid(f"Stock quantity must be greater than 0, got {quantity}.")
    if record_by_key(uow.session, ProductSizeRow, product_size_id) is None:
        raise not_found("ProductSize", product_size_id)


def move(
    uow: UnitOfWork,
    how: Move,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> StockChangeRow:
    """Move `quantity` units of one size in one warehouse as `how` says, recorded in `change`
    (a new stock change of the move's kind when None); refused when the level cannot take it.

    A stock row that takes the move proves its warehouse exists (a foreign key), so the
    warehouse is looked up only when the first UPDATE changes nothing."""
    _check(uow, product_size_id, quantity)
    physical, allocated = how.physical * quantity, how.allocated * quantity
    level = adjust_level(
        uow, warehouse_id, product_size_id, physical=physical, allocated=allocated, create=False
    )
    if level is None:
        if uow.session.get(WarehouseRow, warehouse_id) is None:
            raise not_found("Warehouse", warehouse_id)
        level = adjust_level(
            uow, warehouse_id, product_size_id, physical=physical, allocated=allocated
        )
    if level is None:
        level = level_of(uow, warehouse_id, product_size_id)
        raise DomainError(
            ErrorCode.INSUFFICIENT_STOCK,
            f"Cannot {how.verb} {quantity} of product size {product_size_id} in warehouse "
            f"{warehouse_id}: physical {level.physical}, allocated {level.allocated}.",
            explain=explain_stock(
                uow.session,
                "stock.levels_never_negative",
                product_size_id,
                [warehouse_id],
                move=how.verb,
                quantity=quantity,
                physicalDelta=physical,
                allocatedDelta=allocated,
            ),
        )
    change = change or new_change(uow, how.kind, description)
    add_line(uow, change, warehouse_id, product_size_id, physical=physical, allocated=allocated)
    announce_size(uow, product_size_id)
    uow.session.flush()
    return change
