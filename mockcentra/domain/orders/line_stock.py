"""An order line's hold on stock: allocate units from the order's warehouses, give them back."""

from __future__ import annotations

from mockcentra.domain.orders.status import StockAction
from mockcentra.domain.stock import allocation
from mockcentra.storage.tables import OrderLineRow, OrderRow
from mockcentra.storage.uow import UnitOfWork


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
