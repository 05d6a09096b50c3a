"""Writing the events an action collected; called by the unit of work before commit."""

from __future__ import annotations

from mockcentra.storage.tables import EventRow
from mockcentra.storage.uow import UnitOfWork


def record_events(uow: UnitOfWork) -> None:
    now = uow.clock.now()
    for ev in uow.events:
        uow.session.add(
            EventRow(
                object_type=ev.object_type,
                change_type=ev.change_type,
                object_ref=ev.object_ref,
                store_id=ev.store_id,
                market_id=ev.market_id,
                data=ev.data,
                created_at=now,
            )
        )
    uow.events.clear()
    uow.session.flush()
