"""Loading many rows at once: driver-level inserts and indexes built after the load.

`insert_rows` writes row dicts with one `executemany` of the SQLite driver, each value through
its column's own type (the same conversion `insert(table)` would apply: cents, UTC text, JSON),
without SQLAlchemy's per-row parameter processing. `indexes_built_after` drops the secondary
indexes of tables about to receive a bulk load and creates them again afterwards: building an
index once from sorted data is much cheaper than updating it on every insert.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection


def insert_rows(conn: Connection, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts naming the same columns) into the table of `model`.

    A column none of the rows names gets its declared default, as `insert(table)` gives it."""
    if not rows:
        return
    table = model.__table__
    named = list(rows[0])
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in named or column.default is None:
            continue
        default = column.default
        if not default.is_scalar:
            raise ValueError(f"{table.name}.{column.name}: give its value (no scalar default)")
        defaults[column.name] = default.arg
    columns = [*named, *defaults]
    quoted = ", ".join(f'"{name}"' for name in columns)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in columns)})'
    # column by column: each column's converter runs over its values in one loop
    values: list[list[Any]] = [[row[name] for row in rows] for name in named]
    values += [[default] * len(rows) for default in defaults.values()]
    for i, name in enumerate(columns):
        process = table.c[name].type.bind_processor(conn.dialect)
        if process is not None:
            values[i] = [process(value) for value in values[i]]
    conn.exec_driver_sql(sql, list(zip(*values, strict=True)))


@contextmanager
def indexes_built_after(conn: Connection, models: Sequence[Any]) -> Iterator[None]:
    """Drop the declared indexes of `models`' tables for the block, then create them again
    (the same definitions; the primary keys and UNIQUE constraints stay throughout). When the
    block raises, the transaction is expected to roll back, which brings the indexes back."""
    indexes = [index for model in models for index in model.__table__.indexes]
    for index in indexes:
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index.name}"')
    yield
    for index in indexes:
        index.create(conn)
