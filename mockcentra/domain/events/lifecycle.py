"""From changes to lifecycle moments: an order confirmed, shipped, completed, cancelled...

Actions emit plain CREATED/UPDATED events with the state they left (an order's `status`).
Comparing that state with the state the object had before tells which moment happened, e.g.
PENDING -> CONFIRMED is `OrderConfirmed`, and an order update that reaches SHIPPED is Centra's
`Order COMPLETED`. "Before" is the state the transaction first read (kept as an order or
shipment is loaded: no query), else the state its latest logged event recorded; every change
of an order's status or a shipment's flags logs an event, so the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, or_
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from mockcentra.domain.events.status import EventChangeType as C
from mockcentra.domain.events.status import Trigger as T
from mockcentra.storage.loads import on_load
from mockcentra.storage.tables import EventRow, OrderRow, ReturnRow, ShipmentRow
from mockcentra.storage.uow import PendingEvent

#: Order statuses that count as "completed" (Centra's admin calls SHIPPED "Completed").
DONE = frozenset({"SHIPPED", "ARCHIVED"})
#: Object types whose moments compare with the previous event's state.
STATEFUL = frozenset({"Order", "Shipment"})
#: session.info key: the state of each order and shipment when the transaction first read it.
LOADED = "lifecycle.loaded"


@on_load(OrderRow)
def _order_loaded(order: OrderRow, session: OrmSession) -> None:
    ref, status = order.__dict__.get("hash"), order.__dict__.get("status")
    if ref is not None and status is not None:  # both are loaded unless a query deferred them
        _first_read(session, ("Order", ref), {"status": status})


@on_load(ShipmentRow)
def _shipment_loaded(shipment: ShipmentRow, session: OrmSession) -> None:
    gtg = shipment.__dict__.get("is_good_to_go")
    if gtg is not None:
        _first_read(session, ("Shipment", str(shipment.id)), {"isGoodToGo": gtg})


def _first_read(session: OrmSession, key: tuple[str, str], state: dict[str, Any]) -> None:
    """A row read again later in the transaction (after a rollback to a savepoint, say)
    keeps the state of its first read, which is the state before the transaction."""
    session.info.setdefault(LOADED, {}).setdefault(key, state)


def snapshot(session: Session, object_type: str, object_ref: str) -> dict[str, Any]:
    """State facts the action did not put into the event, read at commit time."""
    if object_type == "Shipment" and object_ref.isdigit():
        shipment = session.get(ShipmentRow, int(object_ref))
        if shipment is not None:
            return {
                "isGoodToGo": shipment.is_good_to_go,
                "isPaid": shipment.is_paid,
                "isShipped": shipment.shipped_at is not None,
            }
    if object_type == "Return" and object_ref.isdigit():
        row = session.get(ReturnRow, int(object_ref))
        if row is not None:
            return {"status": row.status}
    return {}


class History:
    """The state each object's latest event recorded: this commit's events first, then the log."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._latest: dict[tuple[str, str], dict[str, Any] | None] = {}

    def load(self, events: Iterable[PendingEvent]) -> None:
        """Read the latest logged state of one commit's objects in one query. An object whose
        first event in the commit is its creation has none (no query for a placed order)."""
        keys: dict[tuple[str, str], bool] = {}
        for ev in events:
            keys.setdefault((ev.object_type, ev.object_ref), ev.change_type == C.CREATED)
        loaded = self.session.info.get(LOADED, {})
        for key, created in keys.items():
            if key in self._latest:
                continue
            if created:
                self._latest[key] = None
            elif key in loaded:
                self._latest[key] = loaded[key]
        self._query([k for k in keys if k[0] in STATEFUL and k not in self._latest])

    def _query(self, wanted: list[tuple[str, str]]) -> None:
        if not wanted:
            return
        latest = (
            select(func.max(EventRow.id))
            .where(
                or_(
                    *(
                        and_(EventRow.object_type == kind, EventRow.object_ref == ref)
                        for kind, ref in wanted
                    )
                )
            )
            .group_by(EventRow.object_type, EventRow.object_ref)
        )
        found: dict[tuple[str, str], dict[str, Any]] = {
            (kind, ref): dict(data)
            for kind, ref, data in self.session.exec(
                select(EventRow.object_type, EventRow.object_ref, EventRow.data).where(
                    EventRow.id.in_(latest)
                )
            )
        }
        for key in wanted:
            self._latest[key] = found.get(key)

    def previous(self, object_type: str, object_ref: str) -> dict[str, Any] | None:
        """None for types whose moments do not depend on what came before (no query)."""
        if object_type not in STATEFUL:
            return None
        key = (object_type, object_ref)
        if key not in self._latest:
            self._query([key])
        return self._latest[key]

    def remember(self, object_type: str, object_ref: str, data: dict[str, Any]) -> None:
        self._latest[(object_type, object_ref)] = data


def refine_change(
    object_type: str, change: str, previous: dict[str, Any] | None, data: dict[str, Any]
) -> str:
    """An order update that reaches SHIPPED is reported as COMPLETED, as Centra does."""
    if (
        object_type == "Order"
        and change == C.UPDATED
        and data.get("status") in DONE
        and (previous or {}).get("status") not in DONE
    ):
        return C.COMPLETED.value
    return change


def triggers(
    object_type: str, change: str, previous: dict[str, Any] | None, data: dict[str, Any]
) -> list[str]:
    """The lifecycle moments one (refined) event marks, in the order they happened."""
    found: list[T] = []
    if object_type == "Order":
        status = data.get("status")
        before = (previous or {}).get("status")
        if change == C.CREATED:
            found.append(T.OrderPlaced)
            if status == "CONFIRMED":
                found.append(T.OrderConfirmed)
        elif before is not None and status != before:
            if status == "CONFIRMED" and before == "PENDING":
                found.append(T.OrderConfirmed)
            elif status in DONE and before not in DONE:
                found.append(T.OrderCompleted)
            elif status == "CANCELLED":
                found.append(T.OrderCancelled)
    elif object_type == "Shipment":
        was_gtg = bool((previous or {}).get("isGoodToGo"))
        if change != C.DELETED and data.get("isGoodToGo") and not was_gtg:
            found.append(T.ShipmentGoodToGo)
        if change == C.COMPLETED:
            found.append(T.OrderShipped)
    elif object_type == "Return" and change == C.COMPLETED:
        found.append(T.ReturnCompleted)
    elif object_type == "Refund" and change == C.COMPLETED:
        found.append(T.RefundCompleted)
    elif object_type == "Promotion" and change == C.COMPLETED:
        found.append(T.PromotionRedeemed)
    elif object_type == "Newsletter" and change == C.CREATED:
        found.append(T.Newsletter)
    elif object_type == "Customer" and change == C.CREATED:
        found.append(T.CustomerCreated)
    return [t.value for t in found]
