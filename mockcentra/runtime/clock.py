"""The mock's clock: real time by default, freezable and advanceable like Stripe's test clocks."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


class Clock:
    """Gives aware UTC datetimes; `freeze` pins time, `advance` moves it (frozen or not)."""

    def __init__(self, timezone: str = "Europe/Stockholm") -> None:
        self.zone = ZoneInfo(timezone)
        self._frozen_at: datetime | None = None
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return datetime.now(UTC) + self._offset

    def local_now(self) -> datetime:
        """Now in the store's time zone, which Centra uses for output and for naive input."""
        return self.now().astimezone(self.zone)

    def freeze(self, at: datetime | None = None) -> datetime:
        with self._lock:
            moment = at or (self._frozen_at or datetime.now(UTC) + self._offset)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=self.zone)
            self._frozen_at = moment.astimezone(UTC)
            return self._frozen_at

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                self._frozen_at += delta
                return self._frozen_at
            self._offset += delta
            return datetime.now(UTC) + self._offset

    def unfreeze(self) -> None:
        with self._lock:
            self._frozen_at = None
            self._offset = timedelta(0)

    def state(self) -> tuple[str | None, float]:
        """The frozen moment (ISO text) or None, and the offset from the wall clock in seconds:
        what another process needs to tell the same time (`set_state`)."""
        with self._lock:
            frozen = None if self._frozen_at is None else self._frozen_at.isoformat()
            return frozen, self._offset.total_seconds()

    def set_state(self, frozen_at: str | None, offset_seconds: float) -> None:
        with self._lock:
            self._frozen_at = None if frozen_at is None else datetime.fromisoformat(frozen_at)
            self._offset = timedelta(seconds=offset_seconds)

    @property
    def is_frozen(self) -> bool:
        return self._frozen_at is not None
