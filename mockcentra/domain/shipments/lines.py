"""Moving an order line's units into a shipment: the units must be allocated (demand is
allocated first when asked), and the shipment line keeps which warehouses gave them."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.orders.line_checks import at_most_left
from mockcentra.domain.orders.line_stock import allocate_line
from mockcentra.domain.stock.explain import explain_stock
from mockcentra.storage.tables import OrderLineRow, OrderRow, ShipmentLineRow, ShipmentRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork, insert_new


def ship_line(
    uow: UnitOfWork,
    order: OrderRow,
    shipment: ShipmentRow,
    line: OrderLineRow,
    quantity: int,
    allocate_demand: bool,
    path: list[Any],
) -> ShipmentLineRow:
    """Move `quantity` of the line's allocated units (lowest warehouse id first) into the
    shipment; `allocate_demand` first allocates free stock for what is missing."""
    at_most_left(
        quantity,
        line.quantity - line.shipped_quantity,
        action="ship",
        noun="order line",
        line_id=line.id,
        left_as="left to ship",
        path=path,
    )
    _ensure_allocated(uow, order, line, quantity, allocate_demand, path)
    taken = _take_allocations(line, quantity)
    line.shipped_quantity += quantity
    uow.session.add(line)
    shipment_line = ShipmentLineRow(
        shipment_id=key(shipment),
        order_line_id=key(line),
        quantity=quantity,
        allocations=taken,
    )
    insert_new(uow.session, shipment_line)
    return shipment_line


def _ensure_allocated(
    uow: UnitOfWork,
    order: OrderRow,
    line: OrderLineRow,
    quantity: int,
    allocate_demand: bool,
    path: list[Any],
) -> None:
    """The line holds `quantity` allocated units, after allocating demand if asked to."""
    allocated = sum((line.allocations or {}).values())
    if allocated < quantity and allocate_demand:
        allocate_line(uow, order, line, quantity - allocated)
        allocated = sum((line.allocations or {}).values())
    if allocated < quantity:
        raise DomainError(
            ErrorCode.INSUFFICIENT_STOCK,
            f"Order line {line.id} has {allocated} allocated units; {quantity} cannot "
            "be shipped (use allocateDemand to allocate free stock).",
            [*path, "quantity"],
            explain=explain_stock(
                uow.session,
                "shipments.ship_allocated_units",
                line.product_size_id,
                order=order.number,
                orderLine=line.id,
                allocated=allocated,
                quantity=quantity,
                allocateDemand=allocate_demand,
            ),
        )


def _take_allocations(line: OrderLineRow, quantity: int) -> dict[str, int]:
    """Take `quantity` of the line's allocated units, lowest warehouse id first; what each
    warehouse gave."""
    taken: dict[str, int] = {}
    allocs = dict(line.allocations)
    need = quantity
    for warehouse in sorted(allocs, key=int):
        take = min(allocs[warehouse], need)
        if take:
            taken[warehouse] = take
            allocs[warehouse] -= take
            need -= take
    line.allocations = {k: v for k, v in allocs.items() if v}
    return taken
