"""Reading lists the way Centra's API pages them: `limit` per page, `page` from 1."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, func, select
from sqlmodel import Session
from sqlmodel.sql.expression import SelectOfScalar

from mockcentra.domain.errors import invalid
from mockcentra.storage.statements import rows

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000

#: A SELECT, kept as the kind it is (a row class's or Core columns') through paging and sorting.
AnySelect = TypeVar("AnySelect", bound=Select)
#: The row class a `select(<row class>)` reads.
RowT = TypeVar("RowT")


def page(
    session: Session, stmt: SelectOfScalar[RowT], limit: int | None, page_number: int | None
) -> Sequence[RowT]:
    """Apply limit/page. Default limit 20, at most 1000; a page past the end is empty."""
    return session.exec(paged(stmt, limit, page_number)).all()


def count(session: Session, stmt: Select) -> int:
    """How many rows `stmt` selects (Centra's `counters`), without loading them."""
    return int(rows(session, select(func.count()).select_from(stmt.subquery()))[0][0])


def paged(stmt: AnySelect, limit: int | None, page_number: int | None) -> AnySelect:
    """`stmt` limited to one page, for use as a subquery (see `page`)."""
    limit = DEFAULT_LIMIT if limit is None else limit
    page_number = 1 if page_number is None else page_number
    if limit < 1 or limit > MAX_LIMIT:
        raise invalid(f"limit must be between 1 and {MAX_LIMIT}.", ["limit"])
    if page_number < 1:
        raise invalid("page must be 1 or more.", ["page"])
    return stmt.limit(limit).offset((page_number - 1) * limit)


def sliced(stmt: AnySelect, limit: int | None, offset: int | None) -> AnySelect:
    """`stmt` from row `offset` on, at most `limit` rows (the Order API's paging; either may
    be left out)."""
    if limit is not None:
        if limit < 0:
            raise invalid("limit must be 0 or more.", ["limit"])
        stmt = stmt.limit(limit)
    if offset:
        if offset < 0:
            raise invalid("offset must be 0 or more.", ["offset"])
        stmt = stmt.offset(offset)
    return stmt


def sorted_by(
    stmt: AnySelect, sort: Sequence[Any] | None, columns: dict[str, Any], tiebreak: Any
) -> AnySelect:
    """Order by Centra's `<field>_ASC|DESC` sort values (the first given sorts first); the
    `tiebreak` column (ascending) keeps equal keys in a stable order. No sort: tiebreak only."""
    orders = []
    for item in sort or ():
        field_name, _, direction = str(item).rpartition("_")
        column = columns.get(field_name)
        if column is None or direction not in ("ASC", "DESC"):
            raise invalid(f"Unknown sort {item}.", ["sort"])
        orders.append(column.asc() if direction == "ASC" else column.desc())
    return stmt.order_by(*orders, tiebreak.asc())


def ids_filter(value: int | Sequence[int] | None) -> list[int] | None:
    """Centra's id filters take one id or a list (GraphQL list coercion)."""
    if value is None:
        return None
    return [value] if isinstance(value, int) else list(value)


def as_list(value: Any) -> list[Any]:
    """A filter value as a list: a single value passed by a variable arrives unwrapped."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def grouped_by(
    session: Session, key: Any, ids: Sequence[int], *, order_by: Any, where: Sequence[Any] = ()
) -> dict[Any, list[Any]]:
    """Rows of `key`'s table whose `key` is in `ids`, grouped by it, in one query (a parent
    without rows reads as an empty list)."""
    if not ids:
        return defaultdict(list)
    table = key.class_
    stmt = select(key, table).where(key.in_(list(ids)), *where).order_by(order_by)
    return grouped_pairs(session, stmt)


def grouped_pairs(session: Session, stmt: Any) -> dict[Any, list[Any]]:
    """The rows of a `(parent key, row)` statement grouped by parent, in the statement's order
    (a parent without rows reads as an empty list): how each list of children of a page of
    parents is read in one query."""
    out: dict[Any, list[Any]] = defaultdict(list)
    for parent, row in rows(session, stmt):
        out[parent].append(row)
    return out


class TextMatch(Protocol):
    """A text filter: the value `equals` one text and/or `contains` another (the APIs'
    `StringMatch` inputs have this shape)."""

    equals: str | None
    contains: str | None


def _normal(text: str, normalize: Callable[[str], str] | None) -> str:
    return normalize(text) if normalize else text


def text_filtered(
    stmt: Any,
    column: Any,
    match: TextMatch | None,
    normalize: Callable[[str], str] | None = None,
) -> Any:
    """`stmt` narrowed to rows whose `column` satisfies `match`; `normalize` is applied to
    the given texts first (e.g. emails are stored lower-cased)."""
    if match is None:
        return stmt
    if match.equals is not None:
        stmt = stmt.where(column == _normal(match.equals, normalize))
    if match.contains is not None:
        stmt = stmt.where(column.contains(_normal(match.contains, normalize)))
    return stmt


def text_matches(value: str, match: TextMatch | None) -> bool:
    """Whether one text satisfies `match` (for lists filtered in memory)."""
    if match is None:
        return True
    if match.equals is not None and value != match.equals:
        return False
    return match.contains is None or match.contains in value
