"""Shipment statuses and the moves between them.

Centra's Integration API shows a shipment's status as flags (`isGoodToGo`, `isShipped`); its REST
API lists shipments by these three words. Payment (`isPaid`, `isCaptured`) is a separate matter:
shipping needs a paid shipment, and `actions` checks that beside the move.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from mockcentra.domain.errors import DomainError, ErrorCode, Explain


class ShipmentStatus(StrEnum):
    IN_PROGRESS = "inprogress"  # created: its units are set aside, not yet cleared to leave
    GOOD_TO_GO = "goodtogo"  # cleared: the warehouse may pick, pack and ship it
    COMPLETED = "completed"  # shipped: its units have left stock; undone only by a return


TRANSITIONS: dict[ShipmentStatus, frozenset[ShipmentStatus]] = {
    ShipmentStatus.IN_PROGRESS: frozenset({ShipmentStatus.GOOD_TO_GO}),
    ShipmentStatus.GOOD_TO_GO: frozenset({ShipmentStatus.IN_PROGRESS, ShipmentStatus.COMPLETED}),
    ShipmentStatus.COMPLETED: frozenset(),
}


class HasShipmentStatus(Protocol):
    number: str
    is_good_to_go: bool
    shipped_at: datetime | None


def status_of(shipment: HasShipmentStatus) -> ShipmentStatus:
    if shipment.shipped_at is not None:
        return ShipmentStatus.COMPLETED
    return ShipmentStatus.GOOD_TO_GO if shipment.is_good_to_go else ShipmentStatus.IN_PROGRESS


def check_move(
    shipment: HasShipmentStatus, to: ShipmentStatus, path: list[Any] | None = None
) -> bool:
    """Whether the move changes anything; raises when the table does not allow it. Moving to the
    status a shipment already has changes nothing, except shipping it again, which is refused."""
    current = status_of(shipment)
    if current == to and to != ShipmentStatus.COMPLETED:
        return False
    if to in TRANSITIONS[current]:
        return True
    if current == ShipmentStatus.COMPLETED:
        message = f"Shipment {shipment.number} is already shipped."
    else:  # the only other refusal: shipping what is not cleared to leave
        message = f"Shipment {shipment.number} is not good to go."
    explain = Explain(
        "shipment.status_transitions",
        {
            "shipment": shipment.number,
            "from": current.value,
            "to": to.value,
            "allowed": sorted(s.value for s in TRANSITIONS[current]),
        },
    )
    raise DomainError(ErrorCode.NOT_ALLOWED, message, path, explain=explain)


def move(
    shipment: HasShipmentStatus,
    to: ShipmentStatus,
    *,
    at: datetime | None = None,
    path: list[Any] | None = None,
) -> None:
    """The one place a shipment's status changes; `at` is when it shipped (for COMPLETED)."""
    if not check_move(shipment, to, path):
        return
    if to == ShipmentStatus.COMPLETED:
        if at is None:
            raise ValueError("a shipment ships at a time")
        shipment.shipped_at = at
    else:
        shipment.is_good_to_go = to == ShipmentStatus.GOOD_TO_GO
