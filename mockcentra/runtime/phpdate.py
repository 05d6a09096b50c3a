"""PHP's `date()` format patterns, as Centra's date fields take them (`format: "Y-m-d"`).

One formatter for every date field. Each pattern letter is PHP's; a backslash prints the next
character as it is (`"Y-m-d\\TH:i:sO"` gives `2022-01-03T11:44:02+0100`). Letters PHP does not
define are printed as they are, as PHP does.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _offset(moment: datetime, colon: bool) -> str:
    delta = moment.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{mins:02d}"


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _hour12(moment: datetime) -> int:
    return moment.hour % 12 or 12


def _swatch(moment: datetime) -> str:
    """Swatch Internet time: beats of the day at UTC+1."""
    offset = moment.utcoffset() or timedelta(0)
    seconds = (moment.hour * 3600 + moment.minute * 60 + moment.second) - offset.total_seconds()
    return f"{int(((seconds + 3600) % 86400) / 86.4):03d}"


_LETTERS: dict[str, Callable[[datetime], str]] = {
    # day
    "d": lambda m: f"{m.day:02d}",
    "D": lambda m: _DAYS[m.weekday()][:3],
    "j": lambda m: str(m.day),
    "l": lambda m: _DAYS[m.weekday()],
    "N": lambda m: str(m.isoweekday()),
    "S": lambda m: _suffix(m.day),
    "w": lambda m: str(m.isoweekday() % 7),
    "z": lambda m: str(m.timetuple().tm_yday - 1),
    # week, month, year
    "W": lambda m: f"{m.isocalendar()[1]:02d}",
    "F": lambda m: _MONTHS[m.month - 1],
    "m": lambda m: f"{m.month:02d}",
    "M": lambda m: _MONTHS[m.month - 1][:3],
    "n": lambda m: str(m.month),
    "t": lambda m: str(calendar.monthrange(m.year, m.month)[1]),
    "L": lambda m: "1" if calendar.isleap(m.year) else "0",
    "o": lambda m: str(m.isocalendar()[0]),
    "Y": lambda m: str(m.year),
    "y": lambda m: f"{m.year % 100:02d}",
    # time
    "a": lambda m: "am" if m.hour < 12 else "pm",
    "A": lambda m: "AM" if m.hour < 12 else "PM",
    "B": _swatch,
    "g": lambda m: str(_hour12(m)),
    "G": lambda m: str(m.hour),
    "h": lambda m: f"{_hour12(m):02d}",
    "H": lambda m: f"{m.hour:02d}",
    "i": lambda m: f"{m.minute:02d}",
    "s": lambda m: f"{m.second:02d}",
    "u": lambda m: f"{m.microsecond:06d}",
    "v": lambda m: f"{m.microsecond // 1000:03d}",
    # zone
    "e": lambda m: str(getattr(m.tzinfo, "key", None) or m.tzname() or "UTC"),
    "I": lambda m: "1" if (m.dst() or timedelta(0)) != timedelta(0) else "0",
    "O": lambda m: _offset(m, colon=False),
    "P": lambda m: _offset(m, colon=True),
    "p": lambda m: "Z" if (m.utcoffset() or timedelta(0)) == timedelta(0) else _offset(m, True),
    "T": lambda m: m.tzname() or "UTC",
    "Z": lambda m: str(int((m.utcoffset() or timedelta(0)).total_seconds())),
    # full forms
    "c": lambda m: m.isoformat(timespec="seconds"),
    "r": lambda m: php_date(m, "D, d M Y H:i:s O"),
    "U": lambda m: str(int(m.timestamp())),
}


def php_date(moment: datetime | date, pattern: str) -> str:
    """`moment` printed with a PHP `date()` pattern (a date alone is read as its midnight)."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    out: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            letter = _LETTERS.get(char)
            out.append(letter(moment) if letter else char)
    return "".join(out)
