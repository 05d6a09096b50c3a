"""How an order follows its shipments: the status it settles on and dropping an unshipped
shipment. Used by the order actions (cancel, line changes) and the shipment actions alike."""

from __future__ import annotations

from sqlmodel import select

from mockcentra.domain.orders.status import OrderStatus, move
from mockcentra.domain.orders.totals import lines_of, shipments_of
from mockcentra.domain.shipments.queries import shipment_lines
from mockcentra.domain.vouchers.usage import promotions_redeemed
from mockcentra.storage.tables import OrderLineRow, OrderRow, PaymentEntryRow, ShipmentRow
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


def settle_order_status(uow: UnitOfWork, order: OrderRow) -> None:
    """The order follows its shipments: SHIPPED when every unit is in completed shipments."""
    status = OrderStatus(order.status)
    if status not in (OrderStatus.CONFIRMED, OrderStatus.PROCESSING):
        return
    shipments = shipments_of(uow.session, key(order))
    lines = lines_of(uow.session, key(order))
    everything_in_shipments = all(line.quantity == line.shipped_quantity for line in lines)
    all_shipped = bool(shipments) and all(s.shipped_at is not None for s in shipments)
    if everything_in_shipments and all_shipped and any(line.quantity for line in lines):
        move(order, OrderStatus.SHIPPED)
        promotions_redeemed(uow, order)  # external promotions (seed 002) once shipped and paid
    elif shipments:
        move(order, OrderStatus.PROCESSING)
    else:
        move(order, OrderStatus.CONFIRMED)


def drop_shipment(uow: UnitOfWork, order: OrderRow, shipment: ShipmentRow) -> None:
    """Remove an unshipped shipment, handing its allocated units back to the order lines."""
    for sl in shipment_lines(uow.session, key(shipment)):
        line = stored(uow.session, OrderLineRow, sl.order_line_id)
        allocs = dict(line.allocations or {})
        for warehouse, qty in sl.allocations.items():
            allocs[warehouse] = allocs.get(warehouse, 0) + qty
        line.allocations = allocs
        line.shipped_quantity -= sl.quantity
        uow.session.add(line)
        uow.session.delete(sl)
    uow.session.flush()
    for entry in uow.session.exec(
        select(PaymentEntryRow).where(PaymentEntryRow.shipment_id == shipment.id)
    ):
        entry.shipment_id = None
        uow.session.add(entry)
    uow.session.delete(shipment)
    uow.session.flush()
