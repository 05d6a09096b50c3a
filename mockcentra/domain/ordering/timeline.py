"""An order's life in clock order: every state change its rows record and every event it caused.

Read by `GET /_mock/orders/{id}/timeline` (which adds the journal request behind each entry) and
shown on the console's order page. Facts come from the rows themselves (the order, its payment
history, shipments, returns, voucher uses) and from the event log (each event stamped with the
request that wrote it), so the timeline is whatever the state says, never a separate log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_
from sqlmodel import Session, or_, select

from mockcentra.domain.shipments.status import status_of
from mockcentra.storage.tables import (
    EventRow,
    OrderRow,
    PaymentEntryRow,
    ReturnRow,
    ShipmentRow,
    VoucherUsageRow,
)


@dataclass
class TimelineEntry:
    at: datetime
    kind: str  # order | payment | shipment | return | voucher | event
    what: str
    data: dict[str, Any] = field(default_factory=dict)
    #: The journal id of the request behind it (events carry theirs; see the control plane).
    request_id: int | None = None
    event_id: int | None = None


def find_order(session: Session, ref: str) -> OrderRow | None:
    """An order by number (digits) or by its 32-hex id."""
    column = OrderRow.number if ref.isdigit() else OrderRow.hash
    value: Any = int(ref) if ref.isdigit() and len(ref) < 19 else ref
    return session.exec(select(OrderRow).where(column == value)).first()


def order_timeline(session: Session, order: OrderRow) -> list[TimelineEntry]:
    """Everything that happened to `order`, oldest first (ties keep the order of the facts)."""
    shipments = list(
        session.exec(
            select(ShipmentRow).where(ShipmentRow.order_id == order.id).order_by(ShipmentRow.id)
        )
    )
    out = [
        TimelineEntry(
            order.created_at,
            "order",
            f"Order {order.number} placed",
            {"orderId": order.id, "number": order.number, "currency": order.currency_code},
        ),
        *_shipment_facts(shipments),
        *_payment_facts(session, order),
    ]
    returns = list(
        session.exec(select(ReturnRow).where(ReturnRow.order_id == order.id).order_by(ReturnRow.id))
    )
    out += _return_facts(returns)
    out += _voucher_facts(session, order)
    out += _events(session, order, shipments, returns)
    out.sort(key=lambda e: e.at)  # stable: same-time facts keep their order (events last)
    return out


def _shipment_facts(shipments: list[ShipmentRow]) -> list[TimelineEntry]:
    """Each shipment created, then paid, captured and shipped as far as it got."""
    out = []
    for sh in shipments:
        base = {"shipment": sh.number, "id": sh.id}
        out.append(TimelineEntry(sh.created_at, "shipment", f"Shipment {sh.number} created", base))
        if sh.paid_at is not None:
            out.append(TimelineEntry(sh.paid_at, "shipment", f"Shipment {sh.number} paid", base))
        if sh.captured_at is not None:
            out.append(
                TimelineEntry(sh.captured_at, "shipment", f"Shipment {sh.number} captured", base)
            )
        if sh.shipped_at is not None:
            out.append(
                TimelineEntry(
                    sh.shipped_at,
                    "shipment",
                    f"Shipment {sh.number} shipped",
                    {**base, "status": status_of(sh).value, "carrier": sh.carrier},
                )
            )
    return out


def _payment_facts(session: Session, order: OrderRow) -> list[TimelineEntry]:
    """Each entry of the order's payment history."""
    return [
        TimelineEntry(
            entry.created_at,
            "payment",
            f"{entry.entry_type} {entry.status}: {entry.value} {order.currency_code}",
            {
                "id": entry.id,
                "type": entry.entry_type,
                "status": entry.status,
                "value": str(entry.value),
                "shipment": entry.shipment_id,
                "return": entry.return_id,
                "reference": entry.external_reference,
            },
        )
        for entry in session.exec(
            select(PaymentEntryRow)
            .where(PaymentEntryRow.order_id == order.id)
            .order_by(PaymentEntryRow.id)
        )
    ]


def _return_facts(returns: list[ReturnRow]) -> list[TimelineEntry]:
    """Each return created, and completed if it was."""
    out = []
    for ret in returns:
        base = {"return": ret.id, "status": ret.status}
        out.append(TimelineEntry(ret.created_at, "return", f"Return {ret.id} created", base))
        if ret.completed_at is not None:
            out.append(
                TimelineEntry(ret.completed_at, "return", f"Return {ret.id} completed", base)
            )
    return out


def _voucher_facts(session: Session, order: OrderRow) -> list[TimelineEntry]:
    """Each use of a voucher by the order."""
    return [
        TimelineEntry(
            use.created_at,
            "voucher",
            f"Voucher {use.voucher_id} used",
            {"id": use.id, "voucher": use.voucher_id},
        )
        for use in session.exec(select(VoucherUsageRow).where(VoucherUsageRow.order_id == order.id))
    ]


def _events(
    session: Session, order: OrderRow, shipments: list[ShipmentRow], returns: list[ReturnRow]
) -> list[TimelineEntry]:
    """The events about the order, its shipments and its returns, with the request behind each."""
    refs = [and_(EventRow.object_type == "Order", EventRow.object_ref == order.hash)]
    if shipments:
        refs.append(
            and_(
                EventRow.object_type == "Shipment",
                EventRow.object_ref.in_([str(s.id) for s in shipments]),
            )
        )
    if returns:
        refs.append(
            and_(
                EventRow.object_type == "Return",
                EventRow.object_ref.in_([str(r.id) for r in returns]),
            )
        )
    out = []
    for ev in session.exec(select(EventRow).where(or_(*refs)).order_by(EventRow.id)):
        triggers = f" ({', '.join(ev.triggers)})" if ev.triggers else ""
        out.append(
            TimelineEntry(
                ev.created_at,
                "event",
                f"{ev.object_type} {ev.change_type}{triggers}",
                {
                    "objectType": ev.object_type,
                    "objectRef": ev.object_ref,
                    "changeType": ev.change_type,
                    "triggers": list(ev.triggers),
                    "status": (ev.data or {}).get("status"),
                },
                request_id=ev.request_id,
                event_id=ev.id,
            )
        )
    return out
