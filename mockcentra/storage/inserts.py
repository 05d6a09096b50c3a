"""A table's INSERT built once and run straight on the driver, the write side of records.py.

Running SQLAlchemy Core's INSERT costs more than SQLite's work for a small row: Core looks
the statement up in its cache by a key built from the statement, sets up an execution context
and a result for every call. A request writes a few dozen rows that it reads back rarely
(an order's lines, stock changes, the event log), so each table's INSERT text is built once
(every column but the key) with each column type's own conversion of the value (JSON to text,
money to integer, times to text, booleans to 0/1), and run on the unit of work's own
connection, inside its transaction. See `insert_new` and `insert_rows` in uow.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect


class TableInsert:
    """The INSERT of every column but the key of one table, for one dialect."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        columns = [c for c in table.columns if not c.primary_key]
        #: the attribute names of the columns, in the order of the statement's parameters
        self.names = [c.key for c in columns]
        quote = dialect.identifier_preparer.quote
        #: one row's placeholders, `(?, ?, ...)`
        self._row = f"({', '.join('?' * len(columns))})"
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)})"
            f" VALUES {self._row}"
        )
        #: rows per multi-row INSERT: within 999 parameters, the limit of older SQLite builds
        self.rows_per_statement = max(1, 999 // len(columns))
        self._multi: dict[int, str] = {}
        self._processors: list[tuple[int, Callable[[Any], Any]]] = []
        for index, column in enumerate(columns):
            process = column.type._cached_bind_processor(dialect)
            if process is not None:
                self._processors.append((index, process))

    def parameters(self, values: Mapping[str, Any]) -> list[Any]:
        """The statement's parameters for one row's values (by attribute name)."""
        return self._converted([values[name] for name in self.names])

    def _converted(self, params: list[Any]) -> list[Any]:
        for index, process in self._processors:
            params[index] = process(params[index])
        return params

    def row(self, connection: Connection, row: object) -> int:
        """Write one row from a row object's attributes; its new key."""
        params = self._converted([getattr(row, name) for name in self.names])
        new_id = _driver(connection).execute(self.sql, params).lastrowid
        assert new_id is not None
        return new_id

    def each(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Write the rows (each its values by attribute name) one by one; their new keys."""
        driver = _driver(connection)
        return [driver.execute(self.sql, self.parameters(row)).lastrowid or 0 for row in rows]

    def many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Write the rows (each its values by attribute name) with one multi-row INSERT per
        `rows_per_statement` of them: SQLite runs one statement where an executemany runs
        the statement once for each row."""
        driver = _driver(connection)
        step = self.rows_per_statement
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            driver.execute(
                self._rows_sql(len(chunk)), [p for r in chunk for p in self.parameters(r)]
            )

    def _rows_sql(self, count: int) -> str:
        found = self._multi.get(count)
        if found is None:
            found = self._multi[count] = self.sql + f", {self._row}" * (count - 1)
        return found


def _driver(connection: Connection) -> sqlite3.Connection:
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


_inserts: dict[tuple[str, str], TableInsert] = {}


def insert_of(table: Table, dialect: Dialect) -> TableInsert:
    """The table's prebuilt INSERT (made once per process and dialect)."""
    found = _inserts.get((table.name, dialect.name))
    if found is None:
        found = _inserts[(table.name, dialect.name)] = TableInsert(table, dialect)
    return found
