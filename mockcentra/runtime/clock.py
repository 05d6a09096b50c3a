"""The mock's clock: real time by default, freezable and advanceable like Stripe's test clocks."""

from __future__ import annotations

import math
import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

#: The moments the clock may show. Every time the server stores or computes (due dates, expiry,
#: a year of history in a scenario) must stay inside Python's years 1 to 9999 in every time zone,
#: so the clock keeps well inside them; a move that would leave this range is refused and the
#: clock stays where it was.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


#: The range in words, for refusals.
RANGE_TEXT = f"from {EARLIEST.date()} to {LATEST.date()}"


def within_range(moment: datetime) -> bool:
    """True when the aware `moment` is one the clock could show: every time read from a
    request must be, so that it can be stored and compared (see EARLIEST)."""
    try:
        return EARLIEST <= moment <= LATEST
    except OverflowError:  # a naive-zone year 1 or 9999 has no UTC equivalent
        return False


class ClockOutOfRange(ValueError):
    """A freeze or a move that would take the clock outside EARLIEST..LATEST."""


def _bounded(moment: datetime) -> datetime:
    if not EARLIEST <= moment <= LATEST:
        raise ClockOutOfRange(
            f"the clock must stay between {EARLIEST.date()} and {LATEST.date()} (UTC); "
            f"{moment.isoformat()} is outside"
        )
    return moment


def _moved(moment: datetime, delta: timedelta | float) -> datetime:
    """`moment` moved by `delta` (a timedelta or seconds), or ClockOutOfRange."""
    seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
    span = (LATEST - EARLIEST).total_seconds()
    if not math.isfinite(seconds) or abs(seconds) > span:
        raise ClockOutOfRange(
            f"the clock must stay between {EARLIEST.date()} and {LATEST.date()} (UTC); "
            f"a move of {seconds:g} seconds leaves it"
        )
    return _bounded(moment + timedelta(seconds=seconds))


class Clock:
    """Gives aware UTC datetimes; `freeze` pins time, `advance` moves it (frozen or not)."""

    def __init__(self, timezone: str = "Europe/Stockholm") -> None:
        self.zone = ZoneInfo(timezone)
        self._frozen_at: datetime | None = None
        self._offset = timedelta(0)
        self._lock = threading.Lock()
        #: counts the changes (freeze, advance, set_state), so a pinned moment knows it is stale
        self.version = 0

    def now(self) -> datetime:
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return datetime.now(UTC) + self._offset

    def local_now(self) -> datetime:
        """Now in the store's time zone, which Centra uses for output and for naive input."""
        return self.now().astimezone(self.zone)

    def _aware(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        try:
            return _bounded(moment.astimezone(UTC))
        except OverflowError:  # a naive year 1 or 9999 shifted past Python's range
            raise ClockOutOfRange(
                f"the clock must stay between {EARLIEST.date()} and {LATEST.date()} (UTC); "
                f"{moment.isoformat()} is outside"
            ) from None

    def freeze(self, at: datetime | None = None) -> datetime:
        """Pin the clock (at `at`, else where it is); ClockOutOfRange leaves it unchanged."""
        return self.change(freeze=True, at=at)

    def advance(self, delta: timedelta | float) -> datetime:
        """Move the clock by `delta` (a timedelta or seconds); ClockOutOfRange leaves it
        unchanged."""
        return self.change(advance=delta)

    def change(
        self,
        *,
        freeze: bool = False,
        at: datetime | None = None,
        advance: timedelta | float | None = None,
        unfreeze: bool = False,
    ) -> datetime:
        """Freeze (at `at`, else now), then advance, then unfreeze, as one change: when any
        step would leave EARLIEST..LATEST nothing is changed (ClockOutOfRange)."""
        with self._lock:
            frozen_at, offset = self._frozen_at, self._offset
            real = datetime.now(UTC)
            if freeze:
                frozen_at = self._aware(at) if at is not None else frozen_at or real + offset
            if advance is not None:
                if frozen_at is not None:
                    frozen_at = _moved(frozen_at, advance)
                else:
                    offset = _moved(real + offset, advance) - real
            if unfreeze:
                frozen_at, offset = None, timedelta(0)
            self._frozen_at, self._offset = frozen_at, offset
            self.version += 1
            return frozen_at if frozen_at is not None else real + offset

    def unfreeze(self) -> None:
        self.change(unfreeze=True)

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
            self.version += 1

    @property
    def is_frozen(self) -> bool:
        return self._frozen_at is not None


class PinnedClock(Clock):
    """The clock one unit of work reads: it shows the moment it was first asked for until the
    clock behind it is changed (frozen, advanced), so that every row and event a request
    writes carries one time, and a row touched twice in it is written once."""

    def __init__(self, clock: Clock) -> None:
        self.zone = clock.zone
        self._clock: Clock = clock._clock if isinstance(clock, PinnedClock) else clock
        self._pinned: tuple[int, datetime] | None = None

    def now(self) -> datetime:
        version = self._clock.version
        if self._pinned is None or self._pinned[0] != version:
            self._pinned = (version, self._clock.now())
        return self._pinned[1]

    def change(
        self,
        *,
        freeze: bool = False,
        at: datetime | None = None,
        advance: timedelta | float | None = None,
        unfreeze: bool = False,
    ) -> datetime:
        return self._clock.change(freeze=freeze, at=at, advance=advance, unfreeze=unfreeze)

    def state(self) -> tuple[str | None, float]:
        return self._clock.state()

    def set_state(self, frozen_at: str | None, offset_seconds: float) -> None:
        self._clock.set_state(frozen_at, offset_seconds)

    @property
    def is_frozen(self) -> bool:
        return self._clock.is_frozen
