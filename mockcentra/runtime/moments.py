"""Reading times the way Centra's API accepts them: ISO 8601, plain dates, or PHP-like text."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from mockcentra.runtime.clock import RANGE_TEXT, Clock, within_range

_RELATIVE = re.compile(
    r"^([+-]?\d+)\s*(second|sec|minute|min|hour|day|week)s?(\s+ago)?$", re.IGNORECASE
)
_UNITS = {
    "second": 1,
    "sec": 1,
    "minute": 60,
    "min": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
}
_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")


def parse_moment(text: str, clock: Clock) -> datetime:
    """An aware datetime from input text (see `read_moment`), refused with ValueError when it
    is outside the clock's range (runtime/clock.py), which no stored time can leave."""
    try:
        moment = read_moment(text, clock)
    except OverflowError:
        moment = None
    if moment is None or not within_range(moment):
        raise ValueError(f"'{text}' is out of range: times must be {RANGE_TEXT}.")
    return moment


def read_moment(text: str, clock: Clock) -> datetime:
    """An aware datetime from input text; naive values are read in the store's time zone.

    Accepts "now", "today", "yesterday", "tomorrow", "-1 hour", "2 days ago", ISO 8601 with or
    without offset (also "+0000"), "YYYY-MM-DD HH:MM[:SS]", "DD/MM/YYYY". Raises ValueError.
    """
    value = text.strip()
    lowered = value.lower()
    now = clock.local_now()
    if lowered == "now":
        return now
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    named = {
        "today": midnight,
        "yesterday": midnight - timedelta(days=1),
        "tomorrow": midnight + timedelta(days=1),
    }
    if lowered in named:
        return named[lowered]
    match = _RELATIVE.match(lowered)
    if match:
        amount = int(match.group(1)) * _UNITS[match.group(2).lower()]
        if match.group(3):
            amount = -amount
        return now + timedelta(seconds=amount)
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError(f"Cannot read '{text}' as a date and time.")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=clock.zone)
    return parsed
