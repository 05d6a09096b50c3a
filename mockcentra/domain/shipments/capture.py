"""Capturing a shipment's total: money captured and not yet assigned to a shipment goes first,
the rest is charged through the payment provider; wholesale (invoiced) orders are refused."""

from __future__ import annotations

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.guards import ensure_not_on_hold
from mockcentra.domain.orders.totals import payment_balance, shipments_of
from mockcentra.domain.payments.actions import capture
from mockcentra.domain.payments.rules import refuse_capture
from mockcentra.domain.shipments.queries import shipment_grand_total
from mockcentra.storage.tables import OrderRow, PaymentEntryRow, ShipmentRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


def capture_shipment_total(
    uow: UnitOfWork, order: OrderRow, shipment: ShipmentRow
) -> PaymentEntryRow | None:
    """Capture the shipment's total, using money captured but not yet assigned first. Every
    refusal comes before the first write (callers rely on it to keep what they did before)."""
    if shipment.is_captured:
        raise DomainError(ErrorCode.NOT_ALLOWED, f"Shipment {shipment.number} is already captured.")
    refuse_capture(order)  # wholesale orders are invoiced: mark paid instead
    ensure_not_on_hold(order, "captured")
    amount = shipment_grand_total(uow.session, shipment)
    balance = payment_balance(uow.session, key(order))
    assigned = sum(
        (
            shipment_grand_total(uow.session, s)
            for s in shipments_of(uow.session, key(order))
            if s.is_captured
        ),
        ZERO,
    )
    entry = None
    if balance.captured - assigned < amount:
        entry = capture(
            uow,
            order,
            amount - max(ZERO, balance.captured - assigned),
            shipment=shipment,
        )
    now = uow.clock.now()
    shipment.is_captured = True
    shipment.captured_at = now
    shipment.is_paid = True
    shipment.paid_at = shipment.paid_at or now
    shipment.updated_at = now
    uow.session.add(shipment)
    return entry
