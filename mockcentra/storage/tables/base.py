"""The base class of every table row."""

import copy
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlmodel import Session, SQLModel

from mockcentra.storage.loads import loader_of

RowT = TypeVar("RowT", bound=SQLModel)


class Row(SQLModel):
    """A table row. Table models are not validated on construction, so pydantic builds a row's
    schema on first use (`model_dump`) instead of at import; start-up is shorter by that much."""

    model_config = {"defer_build": True}

    def __init__(self, **values: Any) -> None:
        """A new row: the defaults of the columns not given, then the given values, straight
        into the row's attributes. SQLModel sets each through both SQLAlchemy's and pydantic's
        attribute machinery (about 0.1 ms per row); a row not yet in a session has no changes
        to track, and its INSERT reads the same attributes."""
        fields = _fields_of(type(self))
        unknown = values.keys() - fields.names
        if unknown:
            raise TypeError(f"{type(self).__name__} has no column {', '.join(sorted(unknown))}")
        attributes = self.__dict__
        for name, make_default in fields.defaults:
            if name not in values:
                attributes[name] = make_default()
        attributes.update(values)
        object.__setattr__(self, "__pydantic_fields_set__", set(values))


class _Fields:
    """A row class's field names and how to make the default of each field that has one
    (read once per class: pydantic's `get_default` inspects a factory's signature per call)."""

    def __init__(self, row_class: type[SQLModel]) -> None:
        fields = row_class.model_fields
        self.names = frozenset(fields)
        self.defaults: list[tuple[str, Callable[[], Any]]] = [
            (name, _default_maker(field))
            for name, field in fields.items()
            if not field.is_required()
        ]


def _default_maker(field: Any) -> Callable[[], Any]:
    if field.default_factory is not None:
        if field.default_factory_takes_validated_data:
            raise TypeError("a row's default factory takes no arguments")
        return field.default_factory  # type: ignore[no-any-return]
    value = field.default
    if isinstance(value, _IMMUTABLE):
        return lambda: value
    return lambda: copy.deepcopy(value)


#: default values a row can share with every other row
_IMMUTABLE = (type(None), bool, int, float, str, bytes, Decimal, date, time, Enum, tuple, frozenset)


def _fields_of(row_class: type[SQLModel]) -> _Fields:
    found = _FIELDS.get(row_class)
    if found is None:
        found = _FIELDS[row_class] = _Fields(row_class)
    return found


_FIELDS: dict[type, _Fields] = {}


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
