"""The one place GraphQL errors are built: DomainErrors of mutations become `userErrors`
(warnings `userWarnings`); errors of a request become the `errors` list with a category.

Categories: "authentication" (no or unknown token), "authorization" (a missing permission, as
Centra), "request" (the request's own fault: bad JSON, a bad filter value), "complexity",
"rateLimit", and "internal" for a failure of the server itself (logged; nothing else is).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from graphql import FieldNode, GraphQLError
from strawberry.types import Info

from mockcentra import APP_VERSION
from mockcentra.domain.errors import DomainError, DomainWarning
from mockcentra.graphql.common import UserError, UserWarningType
from mockcentra.runtime import trace

P = TypeVar("P")


def placed(error: DomainError, argument: str) -> DomainError:
    """A domain error (its path relative to what the domain was given) under the mutation's
    `argument`: `["lines", 0]` read from `input` is `["input", "lines", 0]`. An error that
    points at no part of the input keeps no path. The one place GraphQL argument names meet
    domain paths."""
    return error.at(argument) if error.points_in else error


def placed_warning(warning: DomainWarning, argument: str) -> DomainWarning:
    """A domain warning under the mutation's `argument`, as `placed`."""
    return warning.at(argument) if warning.points_in else warning


@contextmanager
def reading(argument: str) -> Iterator[None]:
    """The domain calls in this block read the mutation's `argument`: their errors are placed
    under it. For mutations that hand the domain more than one argument (`id` and `input`);
    one that hands it one says so with `run_mutation(..., reads=)`."""
    try:
        yield
    except DomainError as error:
        raise placed(error, argument) from None


def run_mutation(
    info: Info,
    payload: Callable[..., P],
    action: Callable[[], dict[str, Any]],
    *,
    reads: str | None = None,
) -> P:
    """Run one domain action so that a refusal leaves no trace, and build the payload.

    The action returns the payload's fields (and optionally `warnings`). A DomainError undoes
    the action (no rows, no events) and returns only `userErrors`, as Centra does. When the
    action is the operation's only root field, the request has written nothing else and the
    whole transaction is rolled back; otherwise the action runs in a savepoint, so that the
    other root fields keep what they did (a savepoint costs two statements). `reads` names the
    argument the action hands the domain: its errors and warnings are placed under it
    (`placed`); an action that reads several places them itself (`reading`).
    """
    uow = info.context.uow
    try:
        if _sole_root_field(info):
            try:
                fields = action()
            except DomainError:
                uow.rollback()
                raise
        else:
            with uow.savepoint():
                fields = action()
    except DomainError as error:
        if reads is not None:
            error = placed(error, reads)
        if error.record is not None:
            error.record()
        trace.note_refusal(error.described())
        return payload(user_errors=[UserError.of(error)], user_warnings=[])
    warnings: list[DomainWarning] = fields.pop("warnings", [])
    if reads is not None:
        warnings = [placed_warning(w, reads) for w in warnings]
    return payload(
        user_errors=[], user_warnings=[UserWarningType.of(w) for w in warnings], **fields
    )


def _sole_root_field(info: Info) -> bool:
    """Whether this field is all the operation asks for: one field at its root, not a fragment
    (which may hold more mutations) and no other field or alias."""
    selections = info.operation.selection_set.selections
    return len(selections) == 1 and isinstance(selections[0], FieldNode)


def errors_body(
    errors: list[dict[str, Any]], extensions: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A response with errors and no data."""
    return {"errors": errors, "extensions": {"appVersion": APP_VERSION, **(extensions or {})}}


def error_body(
    message: str,
    category: str,
    *,
    details: dict[str, Any] | None = None,
    extensions: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A response refused before the operation ran: one error, no data."""
    error = {"message": message, "extensions": {"category": category, **(details or {})}}
    return errors_body([error], extensions)


def is_client_error(error: GraphQLError) -> bool:
    """The request's own fault: invalid, refused (a permission) or a DomainError while reading
    (a bad filter value). Only the other errors are logged, as failures of the server."""
    original = error.original_error
    return original is None or isinstance(original, DomainError | GraphQLError)


def formatted(error: GraphQLError) -> dict[str, Any]:
    """An error as sent. A DomainError raised while reading (a bad filter value) is the
    client's: category "request". A failure of the server itself becomes "Internal server
    error." with category "internal", without its internals."""
    out: dict[str, Any] = dict(error.formatted)
    original = error.original_error
    if isinstance(original, DomainError):
        out["extensions"] = {**(out.get("extensions") or {}), "category": "request"}
    elif original is not None and not isinstance(original, GraphQLError):
        out["message"] = "Internal server error."
        out["extensions"] = {**(out.get("extensions") or {}), "category": "internal"}
    return out
