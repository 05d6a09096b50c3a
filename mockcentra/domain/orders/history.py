"""An order's history and e-mail history, read from what was recorded when things happened.

The history is the order's own event log (every change of the order is an `Order` event
with the status it left). The e-mail history lists the e-mails Centra sends that mockcentra
records: a shipment completed with `sendEmail` is the shipping confirmation. Nothing is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from mockcentra.storage.statements import rows
from mockcentra.storage.tables import EventRow, OrderRow, ShipmentRow
from mockcentra.storage.tables.base import key


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of an order."""

    id: int  # the event's id
    order_id: int
    store_type: str
    created_at: datetime
    status: str | None  # the status the change left
    previous_status: str | None

    @property
    def description(self) -> str:
        if self.previous_status is None:
            return "Order placed"
        if self.status != self.previous_status:
            return f"Status changed from {self.previous_status} to {self.status}"
        return "Order updated"


@dataclass(frozen=True)
class EmailEntry:
    """An e-mail the platform sent about an order."""

    id: int  # the shipment's id: one shipping confirmation per shipment
    order_id: int
    store_type: str
    sent_at: datetime
    kind: str
    subject: str
    recipient: str | None
    shipment_id: int | None


def order_history(session: Session, order: OrderRow) -> list[HistoryEntry]:
    """The order's changes, oldest first (each `Order` event in the log)."""
    entries: list[HistoryEntry] = []
    previous: str | None = None
    events = rows(
        session,
        select(EventRow.id, EventRow.created_at, EventRow.data)
        .where(EventRow.object_type == "Order", EventRow.object_ref == order.hash)
        .order_by(EventRow.id),
    )
    for event_id, logged_at, data in events:
        status = (data or {}).get("status")
        # the placing entry is dated when the order was placed (an import may backdate it)
        at = order.created_at if not entries else logged_at
        entries.append(HistoryEntry(event_id, key(order), order.store_type, at, status, previous))
        previous = status
    return entries


def email_history(session: Session, order: OrderRow) -> list[EmailEntry]:
    """The shipping confirmations of the order's shipments completed with `sendEmail`."""
    recipient = (order.customer_info or {}).get("email") or (order.billing_address or {}).get(
        "email"
    )
    shipped = session.exec(
        select(ShipmentRow)
        .where(ShipmentRow.order_id == order.id, ShipmentRow.shipped_at.is_not(None))
        .where(ShipmentRow.send_email)
        .order_by(ShipmentRow.shipped_at, ShipmentRow.id)
    )
    return [
        EmailEntry(
            id=key(s),
            order_id=key(order),
            store_type=order.store_type,
            sent_at=s.shipped_at,
            kind="SHIPPING_CONFIRMATION",
            subject=f"Your order {order.number} has been shipped",
            recipient=recipient,
            shipment_id=s.id,
        )
        for s in shipped
        if s.shipped_at is not None  # as the query asks
    ]
