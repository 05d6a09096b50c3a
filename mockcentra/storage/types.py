"""Column types that keep money exact and times timezone-aware in SQLite."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")


class Money(TypeDecorator):
    """A Decimal amount stored as integer hundredths (SQLite would store NUMERIC as REAL)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 100).quantize(Decimal(1)))

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / 100).quantize(CENT)


MILLI = Decimal("0.001")


class Thousandths(TypeDecorator):
    """A Decimal with three places (a weight) stored as integer thousandths, never as REAL."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 1000).quantize(Decimal(1)))

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / 1000).quantize(MILLI)


class AwareDateTime(TypeDecorator):
    """An aware datetime stored as fixed-width UTC ISO text, so text order is time order."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("AwareDateTime needs a timezone-aware datetime")
        return value.astimezone(UTC).isoformat(timespec="microseconds")  # ...+00:00

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class IsoDate(TypeDecorator):
    """A calendar date stored as YYYY-MM-DD text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Any) -> date | None:
        return None if value is None else date.fromisoformat(value)


class JsonList(TypeDecorator):
    """A short JSON list (labels, tags, permissions) stored as text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else json.dumps(list(value))

    def process_result_value(self, value: Any, dialect: Any) -> list[Any] | None:
        return None if value is None else json.loads(value)


class JsonDict(TypeDecorator):
    """A small JSON object stored as text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else json.dumps(value, default=str)

    def process_result_value(self, value: Any, dialect: Any) -> dict[str, Any] | None:
        return None if value is None else json.loads(value)
