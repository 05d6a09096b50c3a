"""Cursor paging: one page of a sorted, filtered list, read from a position in its sort.

This is what Relay connections (`orderConnection(first, after, last, before)`) walk. A cursor
is the base64 of a row's position, the values of the sort's keys ending with its unique id
(`[["orderDate", "2024-05-01T10:00:00+00:00"], ["id", 166]]`), so it stays valid while rows are
added or removed around it: the next page starts after that position, not at an offset, and
the query reads it from the same index the sort uses.

A list offers itself as a `Source` (its own filters and index plan, see `StatementSource` for
a plain statement); `cursor_page` does the paging for every list the same way.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import and_, literal, or_, tuple_
from sqlmodel import Session

from mockcentra.domain.errors import invalid
from mockcentra.domain.listing import DEFAULT_LIMIT, MAX_LIMIT
from mockcentra.domain.listing import count as count_rows
from mockcentra.storage.types import AwareDateTime


@dataclass(frozen=True)
class SortKey:
    """One key of a sort: its public name (as in `orderDate_ASC`), its column, its direction."""

    name: str
    column: Any
    descending: bool = False

    def flipped(self) -> SortKey:
        return SortKey(self.name, self.column, not self.descending)

    def ordering(self) -> Any:
        return self.column.desc() if self.descending else self.column.asc()

    def value_of(self, row: Any) -> Any:
        return getattr(row, self.column.key)


def with_tiebreak(keys: Sequence[SortKey], id_column: Any) -> list[SortKey]:
    """`keys` ending with the unique id (in the last key's direction), so positions are unique."""
    keys = list(keys)
    if not keys or keys[-1].column is not id_column:
        keys.append(SortKey("id", id_column, keys[-1].descending if keys else False))
    return keys


def keys_of(sort: Sequence[str] | None, columns: dict[str, Any], id_column: Any) -> list[SortKey]:
    """Centra's `<field>_ASC|DESC` sort values as keys ending with the id; by id ascending when
    no sort is given."""
    keys = []
    for text in sort or ():
        field_name, _, direction = text.rpartition("_")
        column = columns.get(field_name)
        if column is None or direction not in ("ASC", "DESC"):
            raise invalid(f"Unknown sort {text}.", ["sort"])
        keys.append(SortKey(field_name, column, direction == "DESC"))
    return with_tiebreak(keys or [SortKey("id", id_column)], id_column)


@dataclass(frozen=True)
class Window:
    """What a connection asks for: `first` after a cursor, or `last` before one."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None


class Source(Protocol):
    """A filtered list that can read rows in a given order under extra conditions."""

    def rows(self, where: Sequence[Any], keys: Sequence[SortKey], limit: int) -> Sequence[Any]:
        """Up to `limit` rows that also meet `where`, in the order of `keys`."""
        ...

    def count(self) -> int:
        """How many rows the list's filters match."""
        ...


@dataclass
class StatementSource:
    """A list given as one filtered SELECT of a table's rows."""

    session: Session
    statement: Any

    def rows(self, where: Sequence[Any], keys: Sequence[SortKey], limit: int) -> Sequence[Any]:
        stmt = self.statement.where(*where).order_by(None).order_by(*(k.ordering() for k in keys))
        return list(self.session.exec(stmt.limit(limit)))

    def count(self) -> int:
        return count_rows(self.session, self.statement.order_by(None))


@dataclass
class CursorPage:
    """One page: its rows and their cursors, whether more lie on either side, and the total."""

    rows: list[Any]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    count: Callable[[], int] = field(repr=False)


# ---------------------------------------------------------------- cursors


def encode_cursor(keys: Sequence[SortKey], row: Any) -> str:
    pairs = [[key.name, _plain(key.value_of(row))] for key in keys]
    text = json.dumps(pairs, separators=(",", ":"))
    return base64.b64encode(text.encode()).decode()


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def decode_cursor(cursor: str, keys: Sequence[SortKey], argument: str) -> list[Any]:
    """The key values a cursor holds, checked against `keys`; a clear error when it is not one
    of this list's cursors in this sort."""
    try:
        pairs = json.loads(base64.b64decode(cursor.encode(), validate=True).decode())
        names = [name for name, _ in pairs]
    except (ValueError, TypeError, UnicodeError, binascii.Error):
        raise invalid(f"`{argument}` is not a valid cursor.", [argument]) from None
    if names != [key.name for key in keys]:
        raise invalid(
            f"`{argument}` is a cursor of another sort order; page with cursors from the same "
            "sort.",
            [argument],
        )
    try:
        values = [_typed(key, value) for key, (_, value) in zip(keys, pairs, strict=True)]
    except (ValueError, TypeError):
        raise invalid(f"`{argument}` is not a valid cursor.", [argument]) from None
    return values


def _typed(key: SortKey, value: Any) -> Any:
    column_type = key.column.type
    kind = datetime if isinstance(column_type, AwareDateTime) else column_type.python_type
    if kind is datetime:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("a cursor's time has an offset")
        return moment
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError("not an integer")
    if kind is str and not isinstance(value, str):
        raise ValueError("not text")
    return value


def _beyond(keys: Sequence[SortKey], values: Sequence[Any], *, inclusive: bool = False) -> Any:
    """Rows past `values` in the order of `keys` (or at them too, when `inclusive`)."""
    directions = {key.descending for key in keys}
    if len(directions) == 1:  # one row-value comparison: an index range, as SQLite reads it
        left = tuple_(*(key.column for key in keys)) if len(keys) > 1 else keys[0].column
        right = (
            tuple_(*(_bound(k, v) for k, v in zip(keys, values, strict=True)))
            if len(keys) > 1
            else values[0]
        )
        if directions == {True}:
            return left <= right if inclusive else left < right
        return left >= right if inclusive else left > right
    arms = []
    for i, key in enumerate(keys):
        same = [k.column == v for k, v in zip(keys[:i], values[:i], strict=True)]
        past = key.column < values[i] if key.descending else key.column > values[i]
        arms.append(and_(*same, past))
    if inclusive:
        arms.append(and_(*(k.column == v for k, v in zip(keys, values, strict=True))))
    return or_(*arms)


def _bound(key: SortKey, value: Any) -> Any:
    return literal(value, key.column.type)


# ---------------------------------------------------------------- paging


def _size(value: int | None, argument: str) -> int | None:
    if value is not None and not 0 <= value <= MAX_LIMIT:
        raise invalid(f"`{argument}` must be between 0 and {MAX_LIMIT}.", [argument])
    return value


def cursor_page(source: Source, keys: Sequence[SortKey], window: Window) -> CursorPage:
    """The page `window` asks for, as the Relay connection spec slices it.

    Rows after `after` and before `before`; of those the first `first` or the last `last`
    (20 from the start when neither is given). `hasNextPage`/`hasPreviousPage` tell whether any
    row of the list lies past the page's ends, whichever way it was paged. Both `first` and
    `last`, a negative or too large size, or a cursor that is not this list's are refused.
    """
    if window.first is not None and window.last is not None:
        raise invalid("Pass either `first` or `last`, not both.", ["last"])
    first, last = _size(window.first, "first"), _size(window.last, "last")
    after = decode_cursor(window.after, keys, "after") if window.after is not None else None
    before = decode_cursor(window.before, keys, "before") if window.before is not None else None
    backward = last is not None
    size = last if last is not None else (DEFAULT_LIMIT if first is None else first)
    flipped = [key.flipped() for key in keys]
    bounds = []
    if after is not None:
        bounds.append(_beyond(keys, after))
    if before is not None:
        bounds.append(_beyond(flipped, before))
    found = list(source.rows(bounds, flipped if backward else keys, size + 1))
    more = len(found) > size
    found = found[:size]
    if backward:
        found.reverse()

    def exists(where: Any) -> bool:
        return bool(source.rows([where], keys, 1))

    # past the far end of the page: the extra row read, else a row at or past the bound
    far_bound = before if not backward else after
    far_keys = keys if not backward else flipped
    more = more or (far_bound is not None and exists(_beyond(far_keys, far_bound, inclusive=True)))
    # before the near end: a row at or before the near bound
    near_bound = after if not backward else before
    near_keys = flipped if not backward else keys
    behind = near_bound is not None and exists(_beyond(near_keys, near_bound, inclusive=True))
    return CursorPage(
        rows=found,
        cursors=[encode_cursor(keys, row) for row in found],
        has_next_page=behind if backward else more,
        has_previous_page=more if backward else behind,
        count=source.count,
    )
