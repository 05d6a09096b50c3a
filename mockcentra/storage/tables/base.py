"""The base class of every table row."""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import DeclarativeBase
from sqlmodel import Session

from mockcentra.storage.loads import loader_of

RowT = TypeVar("RowT", bound="Row")


class Row(DeclarativeBase):
    """A table row: a SQLAlchemy declarative class. Not a SQLModel table model: SQLModel builds
    a pydantic model beside each mapped class, which doubled the cost of declaring the 85
    tables at import (10 ms against 4 ms a table) for validation that table rows never get."""

    def __init__(self, **values: Any) -> None:
        """A new row: the defaults of the columns not given, then the given values, straight
        into the row's attributes. A row not yet in a session has no changes to track, and
        its INSERT reads the same attributes; setting each through SQLAlchemy's attribute
        machinery cost several times as much."""
        columns = _columns_of(type(self))
        unknown = values.keys() - columns.names
        if unknown:
            raise TypeError(f"{type(self).__name__} has no column {', '.join(sorted(unknown))}")
        attributes = self.__dict__
        for name, make_default in columns.defaults:
            if name not in values:
                attributes[name] = make_default()
        attributes.update(values)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={self.__dict__.get(name)!r}" for name in column_names(type(self))
        )
        return f"{type(self).__name__}({shown})"


class _Columns:
    """A row class's column names and how to make the starting value of each column that has
    one: its default, or None for a nullable column and for the key the database assigns."""

    def __init__(self, row_class: type[Row]) -> None:
        self.names = frozenset(column_names(row_class))
        self.defaults: list[tuple[str, Callable[[], Any]]] = []
        for column in row_class.__table__.columns:
            default = column.default
            if default is not None and default.is_callable:
                self.defaults.append((column.key, _no_context(default.arg)))
            elif default is not None and default.is_scalar:
                self.defaults.append((column.key, _constant(default.arg)))
            elif column.nullable or (column.primary_key and column.autoincrement is not False):
                self.defaults.append((column.key, _constant(None)))


def _no_context(make: Callable[[Any], Any]) -> Callable[[], Any]:
    """SQLAlchemy keeps a callable default as a function of the statement's context; the
    defaults here (`empty_dict`, ...) ignore it."""
    return lambda: make(None)


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _columns_of(row_class: type[Row]) -> _Columns:
    found = _COLUMNS.get(row_class)
    if found is None:
        found = _COLUMNS[row_class] = _Columns(row_class)
    return found


_COLUMNS: dict[type, _Columns] = {}


def column_names(row_class: type[Row]) -> list[str]:
    """The attribute names of a row class's columns, in the table's order."""
    return [column.key for column in row_class.__table__.columns]


def column_values(row: Row) -> dict[str, Any]:
    """A row's column values by attribute name (a stored row's unloaded ones are read)."""
    return {name: getattr(row, name) for name in column_names(type(row))}


def empty_dict() -> dict[str, Any]:
    """A new `{}`, the default of a JSON object column."""
    return {}


def empty_list() -> list[Any]:
    """A new `[]`, the default of a JSON list column."""
    return []


def key(row: Row) -> int:
    """The id of a row that is stored (flushed or read): a new row gets its id from the
    database, and until then it is None."""
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
    """`session.get(row_type, row_id)` at a fraction of its cost: the session's row when it
    holds it, else the row loaded on the driver (`RowLoader`; None when there is none)."""
    mapper: Any = inspect(row_type)
    held = session.identity_map.get(mapper.identity_key_from_primary_key((row_id,)))
    if held is not None:  # an expired row is refreshed (or found deleted) by `get`
        return held if not inspect(held).expired else session.get(row_type, row_id)
    loader = loader_of(row_type)
    found = loader.where_in(session, loader.key_name, (row_id,))
    return found[0] if found else None


def first_where(session: Session, column: Any, value: Any) -> Any:
    """The first row (by key) whose `column` (e.g. `OrderRow.number`) holds `value`, or None:
    an ORM row, loaded on the driver (`RowLoader`)."""
    found = loader_of(column.class_).where_in(session, column.key, (value,))
    return found[0] if found else None


def highest(session: Session, column: Any) -> Any:
    """The highest value of a column (e.g. `OrderRow.number`) in its table, None when the
    table is empty, read on the driver once the session's unwritten rows are flushed."""
    return loader_of(column.class_).highest(session, column.key)


def built_once(name: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """The statement `build` makes, built on first use under `name` and kept for the process:
    building an ORM statement (and its cache key) cost about as much as running it."""
    statement = _BUILT.get(name)
    if statement is None:
        statement = _BUILT[name] = build()
    return statement


_BUILT: dict[tuple[Any, ...], Any] = {}
