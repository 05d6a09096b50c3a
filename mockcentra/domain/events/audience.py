"""Whether anyone listens: an event listener, an active webhook subscription.

Every commit that has events needs the answer, and it changes only when those rows do, so a
running server keeps it (`Audience`) instead of asking the database at each commit. A unit of
work that writes either table is marked (`changed_audience`): its own commit asks the database,
and the kept answer is dropped once it has committed. Reset, restore and scenario load drop it
too (`Runtime.reset_transient_state`). With several worker processes (`serve --workers`) another
process may change the rows, so nothing is kept (`Audience(keep=False)`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from mockcentra.storage.tables import EventListenerRow, WebhookSubscriptionRow
from mockcentra.storage.uow import UnitOfWorkSession

_ROWS = (EventListenerRow, WebhookSubscriptionRow)
_TABLES = frozenset(row.__tablename__ for row in _ROWS)
_CHANGED = "audience_changed"


class Audience:
    """The kept answer to "is there any event listener, any active webhook subscription"."""

    def __init__(self, *, keep: bool = True) -> None:
        self._keep = keep
        self._known: tuple[bool, bool] | None = None

    def known(self) -> tuple[bool, bool] | None:
        return self._known

    def remember(self, answer: tuple[bool, bool]) -> None:
        if self._keep:
            self._known = answer

    def forget(self) -> None:
        self._known = None


def changed_audience(session: Session) -> bool:
    """Whether this session wrote event listeners or webhook subscriptions."""
    return bool(session.info.get(_CHANGED))


@event.listens_for(UnitOfWorkSession, "after_flush")
def _note_rows(session: Session, _flush_context: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, _ROWS):
            session.info[_CHANGED] = True
            return


@event.listens_for(UnitOfWorkSession, "do_orm_execute")
def _note_statements(state: Any) -> None:
    if state.is_select:
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _TABLES:
        state.session.info[_CHANGED] = True
