"""Event listeners per integration: `setEventListeners` adds, `unsetEventListeners` removes.

Only events that happen while an integration listens are queued for it; unsetting deletes the
queued (unconfirmed) events of the removed types, as Centra documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, delete, select

from mockcentra.domain.errors import DomainWarning, invalid
from mockcentra.domain.events.status import CHANGE_ORDER, COMPLETABLE, EventChangeType
from mockcentra.storage.tables import EventListenerRow, EventQueueRow
from mockcentra.storage.uow import UnitOfWork


@dataclass
class ListenerSpec:
    object_type: str
    change_types: list[str] | None = None  # None: every change type


def _ordered(change_types: set[str]) -> list[str]:
    return [c for c in CHANGE_ORDER if c in change_types]


def _merged(specs: Sequence[ListenerSpec]) -> dict[str, set[str] | None]:
    """One entry per object type (inputs may repeat one); None means every change type."""
    merged: dict[str, set[str] | None] = {}
    for i, spec in enumerate(specs):
        if spec.change_types is not None and not spec.change_types:
            raise invalid(
                "Give at least one change type, or leave changeTypes out for all of them.",
                [i, "changeTypes"],
            )
        current = merged.get(spec.object_type, set())
        if spec.change_types is None or current is None:
            merged[spec.object_type] = None
        else:
            merged[spec.object_type] = current | set(spec.change_types)
    return merged


def listeners_of(session: Session, integration: str) -> list[EventListenerRow]:
    return list(
        session.exec(
            select(EventListenerRow)
            .where(EventListenerRow.integration_name == integration)
            .order_by(EventListenerRow.id)
        )
    )


def _existing(uow: UnitOfWork, integration: str) -> dict[str, EventListenerRow]:
    return {row.object_type: row for row in listeners_of(uow.session, integration)}


def set_listeners(
    uow: UnitOfWork, integration: str, specs: Sequence[ListenerSpec]
) -> tuple[list[EventListenerRow], list[DomainWarning]]:
    """Add object and change types; existing change types are kept (calls are additive)."""
    warnings = [
        DomainWarning(
            f"{spec.object_type} events never have change type COMPLETED.",
            [i, "changeTypes"],
        )
        for i, spec in enumerate(specs)
        if spec.change_types
        and EventChangeType.COMPLETED in spec.change_types
        and spec.object_type not in COMPLETABLE
    ]
    existing = _existing(uow, integration)
    now = uow.clock.now()
    result = []
    for object_type, wanted in _merged(specs).items():
        types = set(CHANGE_ORDER) if wanted is None else wanted
        row = existing.get(object_type)
        if row is None:
            row = EventListenerRow(
                integration_name=integration,
                object_type=object_type,
                change_types=_ordered(types),
                created_at=now,
                updated_at=now,
            )
        else:
            combined = _ordered(set(row.change_types) | types)
            if combined != row.change_types:
                row.change_types = combined
                row.updated_at = now
        uow.session.add(row)
        result.append(row)
    uow.session.flush()
    return result, warnings


def unset_listeners(
    uow: UnitOfWork, integration: str, specs: Sequence[ListenerSpec]
) -> list[EventListenerRow]:
    """Remove change types (or whole object types) and purge their queued events.

    Returns the listeners that were changed but still exist, as Centra does.
    """
    existing = _existing(uow, integration)
    now = uow.clock.now()
    kept = []
    for object_type, removed in _merged(specs).items():
        row = existing.get(object_type)
        removed_types = set(CHANGE_ORDER) if removed is None else removed
        uow.session.exec(
            delete(EventQueueRow).where(
                EventQueueRow.integration_name == integration,
                EventQueueRow.object_type == object_type,
                EventQueueRow.change_type.in_(sorted(removed_types)),
                EventQueueRow.confirmed_at.is_(None),
            )
        )
        if row is None:
            continue
        left = _ordered(set(row.change_types) - removed_types)
        if not left:
            uow.session.delete(row)
            continue
        if left != row.change_types:
            row.change_types = left
            row.updated_at = now
            uow.session.add(row)
            kept.append(row)
    uow.session.flush()
    return kept
