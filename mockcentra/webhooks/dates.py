"""How webhook payloads write moments: local time in the configured zone, without a zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def webhook_date(moment: datetime, zone: ZoneInfo) -> str:
    """An event's moment as payloads write it: local time with microseconds, no zone."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S.%f")


def local_date(moment: datetime | None, zone: ZoneInfo) -> str | None:
    """A moment in a lifecycle field: local time to the second (None stays None)."""
    return None if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
