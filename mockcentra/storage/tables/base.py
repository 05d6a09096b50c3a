"""The base class of every table row."""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import bindparam, func, inspect
from sqlmodel import Session, SQLModel, select

RowT = TypeVar("RowT", bound=SQLModel)


class Row(SQLModel):
    """A table row. Table models are not validated on construction, so pydantic builds a row's
    schema on first use (`model_dump`) instead of at import; start-up is shorter by that much."""

    model_config = {"defer_build": True}


def empty_dict() -> dict[str, Any]:
    """A new `{}`, the default of a JSON object column. Not `dict` itself: SQLModel's
    constructor has pydantic ask each default factory for its signature on every row it builds,
    and a builtin's has to be parsed from text and then fails (about 0.1 ms per column per row,
    most of what building an order row cost); a plain function's is read at once."""
    return {}


def empty_list() -> list[Any]:
    """A new `[]`, the default of a JSON list column (not `list`: see `empty_dict`)."""
    return []


def key(row: SQLModel) -> int:
    """The id of a row that is stored (flushed or read); its column is `int | None` only
    because a row gets its id from the database."""
    value = getattr(row, "id", None)
    if not isinstance(value, int):
        raise ValueError(f"{type(row).__name__} is not stored yet")
    return value


def stored(session: Session, row_type: type[RowT], row_id: int) -> RowT:
    """The row a stored foreign key points at. The database enforces the key, so the row is
    there; a missing one is a broken database, not a case to answer."""
    row = by_key(session, row_type, row_id)
    if row is None:
        raise LookupError(f"{row_type.__name__} {row_id} is not stored")
    return row


def by_key(session: Session, row_type: type[RowT], row_id: int) -> RowT | None:
    """`session.get(row_type, row_id)`, with the SELECT built once per table: the session's
    row when it holds it, else the row loaded (None when there is none). Building the ORM's
    statement cost about as much as running it."""
    mapper: Any = inspect(row_type)
    held = session.identity_map.get(mapper.identity_key_from_primary_key((row_id,)))
    if held is not None:  # an expired row is refreshed (or found deleted) by `get`
        return held if not inspect(held).expired else session.get(row_type, row_id)
    (key_column,) = mapper.primary_key
    statement = built_once(
        ("by key", row_type), lambda: select(row_type).where(key_column == bindparam("key"))
    )
    return session.exec(statement, params={"key": row_id}).first()


def first_where(session: Session, column: Any, value: Any) -> Any:
    """The first row whose `column` (e.g. `OrderRow.number`) holds `value`, or None: an ORM
    row, found with a SELECT built once per column."""
    statement = built_once(
        ("where", column.class_, column.key),
        lambda: select(column.class_).where(column == bindparam("value")),
    )
    return session.exec(statement, params={"value": value}).first()


def highest(session: Session, column: Any) -> Any:
    """The highest value of a column (e.g. `OrderRow.number`) in its table, None when the
    table is empty, read with a SELECT built once per column (through the session, so its
    unwritten rows are flushed first)."""
    statement = built_once(("highest", column.class_, column.key), lambda: select(func.max(column)))
    return session.exec(statement).one()


def built_once(name: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """The statement `build` makes, built on first use under `name` and kept for the process:
    building an ORM statement (and its cache key) cost about as much as running it."""
    statement = _BUILT.get(name)
    if statement is None:
        statement = _BUILT[name] = build()
    return statement


_BUILT: dict[tuple[Any, ...], Any] = {}
