"""Reading an integration's event queue and confirming what it processed."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_
from sqlmodel import Session, select

from mockcentra.domain.errors import DomainWarning, invalid
from mockcentra.storage.tables import EventQueueRow, EventRow
from mockcentra.storage.uow import UnitOfWork

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def pending_events(
    session: Session,
    integration: str,
    *,
    object_types: Sequence[str] | None = None,
    change_types: Sequence[str] | None = None,
    store_ids: Sequence[int] | None = None,
    market_ids: Sequence[int] | None = None,
    token_store_id: int | None = None,
    limit: int | None = None,
) -> list[EventRow]:
    """The oldest unconfirmed events queued for the integration (the same until confirmed).

    Centra documents no default or maximum `limit`; mockcentra uses 100 and 1000.
    """
    limit = DEFAULT_LIMIT if limit is None else limit
    if limit < 1 or limit > MAX_LIMIT:
        raise invalid(f"limit must be between 1 and {MAX_LIMIT}.", ["limit"])
    stmt = (
        select(EventRow)
        .join(EventQueueRow, EventQueueRow.event_id == EventRow.id)
        .where(EventQueueRow.integration_name == integration, EventQueueRow.confirmed_at.is_(None))
    )
    if object_types:
        stmt = stmt.where(EventRow.object_type.in_(list(object_types)))
    if change_types:
        stmt = stmt.where(EventRow.change_type.in_(list(change_types)))
    if store_ids:
        stmt = stmt.where(EventRow.store_id.in_(list(store_ids)))
    if market_ids:
        stmt = stmt.where(EventRow.market_id.in_(list(market_ids)))
    if token_store_id is not None:
        stmt = stmt.where(or_(EventRow.store_id.is_(None), EventRow.store_id == token_store_id))
    return list(session.exec(stmt.order_by(EventRow.id).limit(limit)))


def confirm_events(
    uow: UnitOfWork, integration: str, event_ids: Sequence[int]
) -> list[DomainWarning]:
    """Take events off the integration's queue; confirming twice is harmless.

    An id that was never queued for this integration gets a userWarning (Centra's reply to
    unknown ids is not documented); the others are still confirmed.
    """
    wanted = list(dict.fromkeys(event_ids))
    rows = list(
        uow.session.exec(
            select(EventQueueRow).where(
                EventQueueRow.integration_name == integration,
                EventQueueRow.event_id.in_(wanted),
            )
        )
    )
    now = uow.clock.now()
    for row in rows:
        if row.confirmed_at is None:
            row.confirmed_at = now
            uow.session.add(row)
    uow.session.flush()
    known = {row.event_id for row in rows}
    return [
        DomainWarning(f"Could not find event with ID {event_id}.", ["eventsIds", i])
        for i, event_id in enumerate(event_ids)
        if event_id not in known
    ]
