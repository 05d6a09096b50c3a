"""The one place DomainErrors become GraphQL `userErrors` (and warnings `userWarnings`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.types import Info

from mockcentra.domain.errors import DomainError, DomainWarning
from mockcentra.graphql.common import UserError, UserWarningType

P = TypeVar("P")


def run_mutation(info: Info, payload: Callable[..., P], action: Callable[[], dict[str, Any]]) -> P:
    """Run one domain action in a savepoint and build the payload.

    The action returns the payload's fields (and optionally `warnings`). A DomainError rolls
    the savepoint back (no rows, no events) and returns only `userErrors`, as Centra does.
    """
    uow = info.context.uow
    try:
        with uow.savepoint():
            fields = action()
    except DomainError as error:
        if error.record is not None:
            error.record()
        return payload(user_errors=[UserError.of(error)], user_warnings=[])
    warnings: list[DomainWarning] = fields.pop("warnings", [])
    return payload(
        user_errors=[], user_warnings=[UserWarningType.of(w) for w in warnings], **fields
    )
