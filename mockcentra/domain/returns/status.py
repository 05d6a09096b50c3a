"""Return statuses as Centra's Integration API names them, the moves between them, and what
happens to the returned units' stock."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from mockcentra.domain.errors import DomainError, ErrorCode, Explain


class ReturnStatus(StrEnum):
    PENDING = "PENDING"  # created, goods not yet accepted back
    COMPLETED = "COMPLETED"  # accepted; may be refunded


TRANSITIONS: dict[ReturnStatus, frozenset[ReturnStatus]] = {
    ReturnStatus.PENDING: frozenset({ReturnStatus.COMPLETED}),
    ReturnStatus.COMPLETED: frozenset({ReturnStatus.PENDING}),  # reopened (unless refunded)
}


class HasReturnStatus(Protocol):
    id: int
    status: str


def move(ret: HasReturnStatus, to: ReturnStatus) -> None:
    """The one place a return's status changes; a return already there is refused too, since
    completing (or reopening) twice is a mistake the caller should hear about."""
    current = ReturnStatus(ret.status)
    if current == to:
        word = "completed" if to == ReturnStatus.COMPLETED else "not completed"
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Return {ret.id} is already {word}.",
            explain=_explain(current, to, ret.id),
        )
    if to not in TRANSITIONS[current]:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Return {ret.id} cannot become {to.value}.",
            explain=_explain(current, to, ret.id),
        )
    ret.status = to.value


def _explain(current: ReturnStatus, to: ReturnStatus, ref: int | str | None) -> Explain:
    """The return state machine's verdict: where it is, where it was asked to go, where it may."""
    return Explain(
        "return.status_transitions",
        {
            "return": ref,
            "from": current.value,
            "to": to.value,
            "allowed": sorted(s.value for s in TRANSITIONS[current]),
        },
    )


class ReturnStockPolicy(StrEnum):
    RELEASE_BACK_TO_WAREHOUSE = "RELEASE_BACK_TO_WAREHOUSE"  # back where the units shipped from
    SEND_TO_DIFFERENT_WAREHOUSE = "SEND_TO_DIFFERENT_WAREHOUSE"  # into a warehouse the user names
    REMOVE_FROM_STOCK = "REMOVE_FROM_STOCK"  # the units do not come back to stock
