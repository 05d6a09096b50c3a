"""Writing the events an action collected; the unit of work's commit hook runs it.

In the same transaction as the change, each event is
- written to the event log, its change type refined (an order reaching SHIPPED is COMPLETED)
  and its lifecycle triggers worked out (OrderConfirmed, OrderShipped, ...);
- queued for every integration that listens to its object and change type (`events` query);
- put into the outbox of every webhook subscription that wants it (sent after commit).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.events import lifecycle
from mockcentra.domain.events.audience import Audience, changed_audience
from mockcentra.domain.events.subscriptions import wants
from mockcentra.runtime import trace
from mockcentra.storage.tables import (
    EventListenerRow,
    EventQueueRow,
    EventRow,
    WebhookOutboxRow,
    WebhookSubscriptionRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork, insert_rows


@dataclass(slots=True)
class LoggedEvent:
    """An event row as the commit writes it; `id` is known when it was written with ids."""

    object_type: str
    change_type: str
    object_ref: str
    store_id: int | None
    market_id: int | None
    data: dict[str, Any]
    triggers: list[str]
    created_at: datetime
    request_id: int | None
    id: int | None = None


_COLUMNS = [f.name for f in fields(LoggedEvent) if f.name != "id"]


def _insert(session: Session, rows: list[LoggedEvent], *, with_ids: bool) -> None:
    """Write the event rows: one multi-row INSERT when nobody needs their ids (no listener, no
    webhook subscription), else one INSERT each to give each row its id."""
    values = [{c: getattr(row, c) for c in _COLUMNS} for row in rows]
    ids = insert_rows(session, EventRow, values, with_ids=with_ids)
    for row, new_id in zip(rows, ids, strict=with_ids):
        row.id = new_id


def _listened(session: Session, audience: Audience | None) -> tuple[bool, bool]:
    """(any event listener, any active webhook subscription): the kept answer, unless this
    unit of work changed those rows (then the database's, dropped again after commit)."""
    changed = changed_audience(session)
    if audience is not None and not changed:
        known = audience.known()
        if known is not None:
            return known
    any_listener, any_subscription = (
        session.connection()
        .exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM event_listener),"
            " EXISTS (SELECT 1 FROM webhook_subscription WHERE active)"
        )
        .one()
    )
    answer = (bool(any_listener), bool(any_subscription))
    if audience is not None and not changed:
        audience.remember(answer)
    return answer


def record_events(uow: UnitOfWork, audience: Audience | None = None) -> bool:
    """Log, queue and outbox the commit's events with a handful of statements, however many.

    The unit of work's commit hook (see mockcentra/domain/work.py); True when it put webhooks
    into the outbox, so the opener can wake the sender once the transaction has committed.
    `audience` keeps whether anyone listens between commits (see audience.py)."""
    if not uow.events:
        return False
    pending = list(uow.events)
    uow.events.clear()
    now = uow.clock.now()
    rows = _event_rows(uow.session, pending, now)
    any_listener, any_subscription = _listened(uow.session, audience)
    _insert(uow.session, rows, with_ids=any_listener or any_subscription)
    if not (any_listener or any_subscription):
        return False
    return _route(uow.session, rows, now, any_listener, any_subscription)


def _event_rows(session: Session, pending: list[PendingEvent], now: datetime) -> list[LoggedEvent]:
    """The log rows of one commit's events, each with the moments it marks."""
    request_id = trace.request_id()
    history = lifecycle.History(session)
    history.load(pending)
    rows: list[LoggedEvent] = []
    for ev in pending:
        data = {**ev.data, **lifecycle.snapshot(session, ev.object_type, ev.object_ref)}
        previous = history.previous(ev.object_type, ev.object_ref)
        change = lifecycle.refine_change(ev.object_type, ev.change_type, previous, data)
        rows.append(
            LoggedEvent(
                object_type=ev.object_type,
                change_type=change,
                object_ref=ev.object_ref,
                store_id=ev.store_id,
                market_id=ev.market_id,
                data=data,
                triggers=lifecycle.triggers(ev.object_type, change, previous, data),
                created_at=now,
                request_id=request_id,
            )
        )
        history.remember(ev.object_type, ev.object_ref, data)
    return rows


def _route(
    session: Session,
    rows: list[LoggedEvent],
    now: datetime,
    any_listener: bool,
    any_subscription: bool,
) -> bool:
    """Queue the logged rows for the listeners and outbox them for the subscriptions that want
    them; True when a webhook went into the outbox."""
    listeners: dict[str, list[EventListenerRow]] = defaultdict(list)
    if any_listener:
        for listener in session.exec(select(EventListenerRow)):
            listeners[listener.object_type].append(listener)
    subscriptions = (
        list(
            session.exec(
                select(WebhookSubscriptionRow)
                .where(WebhookSubscriptionRow.active)
                .order_by(WebhookSubscriptionRow.id)
            )
        )
        if any_subscription
        else []
    )
    queued_webhooks = False
    for row in rows:
        event_id = row.id
        assert event_id is not None, "events are written with their ids when anyone listens"
        for listener in listeners.get(row.object_type, ()):
            if row.change_type in listener.change_types:
                session.add(
                    EventQueueRow(
                        event_id=event_id,
                        integration_name=listener.integration_name,
                        object_type=row.object_type,
                        change_type=row.change_type,
                    )
                )
        for sub in subscriptions:
            if wants(sub, row.object_type, row.store_id, row.triggers):
                session.add(
                    WebhookOutboxRow(subscription_id=key(sub), event_id=event_id, created_at=now)
                )
                queued_webhooks = True
    session.flush()
    return queued_webhooks
