"""An order line's hold on stock: the units each warehouse holds for it and its demand; allocate
units from the order's warehouses, give them back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.orders.status import StockAction
from mockcentra.domain.stock import allocation
from mockcentra.storage.tables import OrderLineRow, OrderRow, StockChangeLineRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

#: Allocation ids are derived, one per line and warehouse: line id x 1000 + warehouse id.
_ID_FACTOR = 1000


@dataclass(frozen=True)
class LineAllocation:
    """Units of one order line held in one warehouse."""

    id: int
    order_line_id: int
    warehouse_id: int
    product_size_id: int
    quantity: int


def allocated_units(line: OrderLineRow) -> int:
    return sum((line.allocations or {}).values())


def demand_of(line: OrderLineRow) -> int:
    """Unshipped units of the line that no warehouse holds for it."""
    # shipped_quantity counts every unit in a shipment, shipped or not
    return max(0, line.quantity - line.shipped_quantity - allocated_units(line))


def allocations_of(line: OrderLineRow) -> list[LineAllocation]:
    """The line's allocations, one per warehouse, by warehouse id."""
    return [
        LineAllocation(
            id=key(line) * _ID_FACTOR + int(warehouse),
            order_line_id=key(line),
            warehouse_id=int(warehouse),
            product_size_id=line.product_size_id,
            quantity=quantity,
        )
        for warehouse, quantity in sorted(
            (line.allocations or {}).items(), key=lambda kv: int(kv[0])
        )
        if quantity
    ]


def delivery_line(session: Session, warehouse_id: int, product_size_id: int) -> Any:
    """The latest stock change line that brought the size into the warehouse (None when its
    stock was never delivered through a stock change, e.g. seeded stock)."""
    return session.exec(
        select(StockChangeLineRow)
        .where(
            StockChangeLineRow.warehouse_id == warehouse_id,
            StockChangeLineRow.product_size_id == product_size_id,
            StockChangeLineRow.physical_delta > 0,
        )
        .order_by(StockChangeLineRow.id.desc())
    ).first()


def allocate_line(uow: UnitOfWork, order: OrderRow, line: OrderLineRow, quantity: int) -> int:
    """Allocate up to `quantity` units for a line from the order's warehouses; the rest is demand."""
    warehouses = allocation.warehouses_for_market(uow.session, order.market_id)
    got = allocation.allocate(uow, line.product_size_id, quantity, warehouses)
    allocs = dict(line.allocations or {})
    for warehouse_id, qty in got:
        allocs[str(warehouse_id)] = allocs.get(str(warehouse_id), 0) + qty
    line.allocations = allocs
    return sum(q for _, q in got)


def release_line(uow: UnitOfWork, line: OrderLineRow, quantity: int, action: StockAction) -> None:
    """Give back up to `quantity` allocated units of a line (demand goes first)."""
    allocated = sum((line.allocations or {}).values())
    demand = line.quantity - line.shipped_quantity - allocated
    to_free = max(0, quantity - max(0, demand))
    allocs = dict(line.allocations or {})
    for warehouse_key in sorted(allocs, key=int, reverse=True):
        if to_free <= 0:
            break
        take = min(allocs[warehouse_key], to_free)
        if action == StockAction.REMOVE_FROM_STOCK:
            allocation.move(
                uow, allocation.REMOVE_ALLOCATED, int(warehouse_key), line.product_size_id, take
            )
        else:
            allocation.move(uow, allocation.RELEASE, int(warehouse_key), line.product_size_id, take)
        allocs[warehouse_key] -= take
        if not allocs[warehouse_key]:
            del allocs[warehouse_key]
        to_free -= take
    line.allocations = allocs
