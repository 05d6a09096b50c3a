"""The base class of every table row."""

from typing import Any, TypeVar

from sqlmodel import Session, SQLModel

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
    row = session.get(row_type, row_id)
    if row is None:
        raise LookupError(f"{row_type.__name__} {row_id} is not stored")
    return row
