"""DomainError: the one exception business rules raise; each transport turns it into its shape."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"  # a referenced object does not exist
    INVALID = "INVALID"  # a value is malformed or out of range
    REQUIRED = "REQUIRED"  # a needed value is missing
    DUPLICATE = "DUPLICATE"  # a unique value is already taken
    CONFLICT = "CONFLICT"  # the objects referenced do not belong together
    NOT_ALLOWED = "NOT_ALLOWED"  # the object's state forbids the operation
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"  # not enough free-to-allocate stock
    PAYMENT_FAILED = "PAYMENT_FAILED"  # the payment provider refused
    LOCKED = "LOCKED"  # the object is locked by another integration


class DomainError(Exception):
    """A refused operation: a code, a message in Centra's words, and the input path at fault.

    The path is relative to what the raising domain function was given: `["lines", 0,
    "quantity"]` for a field of its input, `[]` for the whole of it, and no path (None) for a
    refusal that points at no part of the input (an order's state, say). Each transport places
    it under its own names: the Integration API under the mutation's argument
    (`graphql/errors.py`), the REST APIs under their fields (`rest/errors.py`).
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        path: Sequence[str | int] | None = None,
        *,
        record: Callable[[], None] | None = None,
        explain: Explain | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = list(path) if path else []
        #: Whether the error points into the input (a path, `[]` for all of it); one that does
        #: not keeps no path when a transport places it under an argument.
        self.points_in = path is not None
        #: Written after the rollback: the trace a refusal leaves (e.g. a FAILED capture entry).
        self.record = record
        #: The rule that fired and the values it compared (kept in the request journal).
        self.explain = explain

    def at(self, *prefix: str | int) -> DomainError:
        """The same error placed under an outer input path (also one that had no path)."""
        return DomainError(
            self.code,
            self.message,
            [*prefix, *self.path],
            record=self.record,
            explain=self.explain,
        )

    def described(self) -> dict[str, Any]:
        """The refusal as the request journal keeps it (JSON-ready)."""
        out: dict[str, Any] = {"code": self.code.value, "message": self.message, "path": self.path}
        if self.explain is not None:
            out["explain"] = self.explain.described()
        return out


class Explain:
    """Why a rule refused: its name (e.g. `payments.capture_within_authorization`), the values
    it compared (money as exact text, counts as integers) and the rows involved."""

    __slots__ = ("rule", "values", "rows")

    def __init__(
        self,
        rule: str,
        values: dict[str, Any],
        rows: Sequence[dict[str, Any]] | None = None,
    ) -> None:
        self.rule = rule
        self.values = values
        self.rows = list(rows or [])

    def described(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "values": _plain(self.values)}
        if self.rows:
            out["rows"] = [_plain(r) for r in self.rows]
        return out


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Decimals as exact text, the rest as it is (ints, strings, lists of them)."""
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()}


class DomainWarning:
    """A non-fatal note about a mutation that still succeeded (Centra's `userWarnings`)."""

    __slots__ = ("message", "path", "points_in")

    def __init__(self, message: str, path: Sequence[str | int] | None = None) -> None:
        self.message = message
        self.path = list(path) if path else []
        #: As DomainError's: whether the warning points into the input at all.
        self.points_in = path is not None

    def at(self, *prefix: str | int) -> DomainWarning:
        """The same warning placed under an outer input path."""
        return DomainWarning(self.message, [*prefix, *self.path])


def not_found(kind: str, value: object, path: Sequence[str | int] | None = None, by: str = "ID"):
    return DomainError(ErrorCode.NOT_FOUND, f"Could not find {kind} with {by} {value}.", path)


def invalid(message: str, path: Sequence[str | int] | None = None) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, path)
