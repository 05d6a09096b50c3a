"""Stock movements of the order lifecycle: allocate, release, consume, restock, remove.

Called by orders, shipments and returns inside their unit of work. Every movement goes through
`adjust_level`, a conditional UPDATE that can never leave physical or allocated negative nor
allocated above physical, so two transactions can never oversell (writers also hold SQLite's
write lock from BEGIN IMMEDIATE). Each movement is recorded as a stock change line.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.stock.changes import add_line, announce_size, new_change
from mockcentra.domain.stock.levels import adjust_level, level_of
from mockcentra.domain.stock.status import StockChangeType
from mockcentra.storage.tables import (
    AllocationRuleWarehouseRow,
    MarketRow,
    ProductSizeRow,
    StockChangeRow,
    WarehouseRow,
)
from mockcentra.storage.uow import UnitOfWork

__all__ = [
    "allocate",
    "release",
    "consume",
    "consume_free",
    "restock",
    "remove_allocated",
    "warehouses_for_market",
]


def warehouses_for_market(session: Any, market_id: int) -> list[int]:
    """The ACTIVE warehouses of the market's allocation rule, in warehouse priority order (an
    inactive warehouse keeps its stock and allocations but takes no new ones)."""
    session = getattr(session, "session", session)
    market = session.get(MarketRow, market_id)
    if market is None:
        raise not_found("Market", market_id)
    if market.allocation_rule_id is None:
        return []
    rows = session.exec(
        select(WarehouseRow.id)
        .join(
            AllocationRuleWarehouseRow,
            AllocationRuleWarehouseRow.warehouse_id == WarehouseRow.id,
        )
        .where(
            AllocationRuleWarehouseRow.allocation_rule_id == market.allocation_rule_id,
            WarehouseRow.status == "ACTIVE",
        )
        .order_by(WarehouseRow.priority, WarehouseRow.id)
    )
    return list(rows)


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
        free = level_of(uow, warehouse_id, product_size_id).free_to_allocate
        take = min(free, remaining)
        if take <= 0 or adjust_level(uow, warehouse_id, product_size_id, allocated=take) is None:
            continue
        change = change or new_change(uow, StockChangeType.ORDER, description)
        add_line(uow, change, warehouse_id, product_size_id, allocated=take)
        taken.append((warehouse_id, take))
        remaining -= take
    if taken:
        announce_size(uow, product_size_id)
        uow.session.flush()
    return taken


def release(
    uow: UnitOfWork,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> StockChangeRow:
    """Give allocated stock back to free-to-allocate (cancel with RELEASE, order changes)."""
    return _move(
        uow,
        StockChangeType.ORDER,
        warehouse_id,
        product_size_id,
        quantity,
        physical=0,
        allocated=-quantity,
        verb="release",
        change=change,
        description=description,
    )


def consume(
    uow: UnitOfWork,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> StockChangeRow:
    """Shipping: allocated units leave the shelf (physical and allocated both drop)."""
    return _move(
        uow,
        StockChangeType.SHIPMENT,
        warehouse_id,
        product_size_id,
        quantity,
        physical=-quantity,
        allocated=-quantity,
        verb="ship",
        change=change,
        description=description,
    )


def remove_allocated(
    uow: UnitOfWork,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> StockChangeRow:
    """Cancel with REMOVE: the allocated units are written off (physical and allocated drop)."""
    return _move(
        uow,
        StockChangeType.ORDER,
        warehouse_id,
        product_size_id,
        quantity,
        physical=-quantity,
        allocated=-quantity,
        verb="remove",
        change=change,
        description=description,
    )


def restock(
    uow: UnitOfWork,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> StockChangeRow:
    """Returns: units come back to the shelf as free-to-allocate stock."""
    return _move(
        uow,
        StockChangeType.RETURN,
        warehouse_id,
        product_size_id,
        quantity,
        physical=quantity,
        allocated=0,
        verb="restock",
        change=change,
        description=description,
    )


def consume_free(
    uow: UnitOfWork,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    change: StockChangeRow | None = None,
    description: str | None = None,
) -> StockChangeRow:
    """Take restocked units off the shelf again (undoing a return): only free stock can go."""
    return _move(
        uow,
        StockChangeType.RETURN,
        warehouse_id,
        product_size_id,
        quantity,
        physical=-quantity,
        allocated=0,
        verb="take back",
        change=change,
        description=description,
    )


def _check(uow: UnitOfWork, product_size_id: int, quantity: int) -> None:
    if quantity <= 0:
        raise invalid(f"Stock quantity must be greater than 0, got {quantity}.")
    if uow.session.get(ProductSizeRow, product_size_id) is None:
        raise not_found("ProductSize", product_size_id)


def _move(
    uow: UnitOfWork,
    kind: StockChangeType,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    *,
    physical: int,
    allocated: int,
    verb: str,
    change: StockChangeRow | None,
    description: str | None,
) -> StockChangeRow:
    _check(uow, product_size_id, quantity)
    if uow.session.get(WarehouseRow, warehouse_id) is None:
        raise not_found("Warehouse", warehouse_id)
    if (
        adjust_level(uow, warehouse_id, product_size_id, physical=physical, allocated=allocated)
        is None
    ):
        level = level_of(uow, warehouse_id, product_size_id)
        raise DomainError(
            ErrorCode.INSUFFICIENT_STOCK,
            f"Cannot {verb} {quantity} of product size {product_size_id} in warehouse "
            f"{warehouse_id}: physical {level.physical}, allocated {level.allocated}.",
        )
    change = change or new_change(uow, kind, description)
    add_line(uow, change, warehouse_id, product_size_id, physical=physical, allocated=allocated)
    announce_size(uow, product_size_id)
    uow.session.flush()
    return change
