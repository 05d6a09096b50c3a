"""Date scalars shaped like Centra's: output in the store's time zone with its offset."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import NewType
from zoneinfo import ZoneInfo

import strawberry
from strawberry.types.scalar import ScalarDefinition

from mockcentra.runtime.phpdate import php_date

#: The zone dates are printed in for the current request (the instance's time zone).
OUTPUT_ZONE: ContextVar[ZoneInfo] = ContextVar("OUTPUT_ZONE", default=ZoneInfo("UTC"))


def _serialize_datetime(value: datetime | str) -> str:
    if isinstance(value, str):  # already printed with a `format:` pattern
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(OUTPUT_ZONE.get()).isoformat(timespec="seconds")


def _serialize_date(value: date | datetime | str) -> str:
    if isinstance(value, str):  # already printed with a `format:` pattern
        return value
    if isinstance(value, datetime):
        value = value.astimezone(OUTPUT_ZONE.get()).date()
    return value.isoformat()


def format_moment(value: date | datetime | str | None, pattern: str) -> str | None:
    """A date field's value printed with a PHP pattern, in the instance's zone."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(OUTPUT_ZONE.get())
    return php_date(value, pattern)


DateTimeTz = NewType("DateTimeTz", str)
Date = NewType("Date", str)

SCALARS: dict[object, ScalarDefinition] = {
    DateTimeTz: strawberry.scalar(
        name="DateTimeTz",
        serialize=_serialize_datetime,
        parse_value=str,
        description="A point in time. Output: ISO 8601 with the instance's offset. Input: "
        "ISO 8601, 'YYYY-MM-DD HH:MM[:SS]' (read in the instance's zone) or relative text "
        "such as 'now' or '-1 hour'.",
    ),
    Date: strawberry.scalar(
        name="Date",
        serialize=_serialize_date,
        parse_value=str,
        description="A calendar date, YYYY-MM-DD. Input also accepts a date-time.",
    ),
}
