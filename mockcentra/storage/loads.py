"""ORM rows a write path changes, loaded on the driver with SQL built once.

An ORM `SELECT` of one row by key costs about 200 µs, most of it the ORM's statement handling
and row loading around a read that costs SQLite a few; reading the row on the driver and
building the entity from it costs under half. The rows come out as the ORM would load them:
every column converted by its type, persistent in the session (in its identity map, changes
tracked from here), the session's own row answered when it holds one, unwritten changes
flushed first, and the table's load listeners (`on_load`) told.

A session that is not flushing on its own (`no_autoflush`) and a row the session holds expired
take the ORM's path, which knows what to do with them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, make_transient_to_detached

#: What a load listener is told: the row and the session it was loaded into.
LoadListener = Callable[[Any, Session], None]

_LISTENERS: dict[type, list[LoadListener]] = {}


def on_load(row_class: type) -> Callable[[LoadListener], LoadListener]:
    """Call the decorated function with each row of `row_class` loaded into a session, by the
    ORM (its `load` event) or by `RowLoader`."""

    def register(listener: LoadListener) -> LoadListener:
        _LISTENERS.setdefault(row_class, []).append(listener)
        event.listen(row_class, "load", lambda row, context: listener(row, context.session))
        return listener

    return register


def select_text(
    dialect: Dialect, table: Any, columns: Sequence[Any], where: str, order_by: str, count: int
) -> str:
    """`SELECT <columns> FROM <table> [WHERE <where> IN (?, ...)] [ORDER BY <order_by>]`, the
    text of a read run on the driver (`order_by` is a comma-separated list of column names)."""
    quote = dialect.identifier_preparer.quote
    sql = f"SELECT {', '.join(quote(c.name) for c in columns)} FROM {quote(table.name)}"
    if where:
        sql += f" WHERE {quote(where)} IN ({', '.join('?' * count)})"
    if order_by:
        sql += f" ORDER BY {', '.join(quote(name) for name in order_by.split(','))}"
    return sql


class RowLoader:
    """Loads ORM rows of one table class (one per class: `loader_of`)."""

    def __init__(self, row_class: type) -> None:
        self.row_class = row_class
        mapper: Any = inspect(row_class)
        self.mapper = mapper
        self.table = mapper.local_table
        (self.key_column,) = mapper.primary_key
        column_attrs = list(mapper.column_attrs)
        self.keys = [attr.key for attr in column_attrs]
        self.columns = [attr.columns[0] for attr in column_attrs]
        self._key_index = self.columns.index(self.key_column)
        #: the attribute name of the key (`id`, or e.g. `order_id` of a row extending an order)
        self.key_name = self.keys[self._key_index]
        self._column_names = {
            key: column.name for key, column in zip(self.keys, self.columns, strict=True)
        }
        self._dialect: Dialect | None = None
        self._processors: list[tuple[int, Callable[[Any], Any]]] = []
        self._sql: dict[tuple[str, str, int], str] = {}

    def where_in(
        self, session: Session, column: str, values: Iterable[Any], order_by: str = "id"
    ) -> list[Any]:
        """The rows whose `column` is one of `values`, in the order of `order_by` (attribute
        names; several separated by commas)."""
        values = list(values)
        if not values:
            return []
        if not session.autoflush:
            return self._orm_where_in(session, column, values, order_by)
        session.flush()  # as the ORM's SELECT would
        connection = session.connection()
        dialect = connection.dialect
        if self._dialect is not dialect:
            self._prepare(dialect)
        key = (column, order_by, len(values))
        sql = self._sql.get(key)
        if sql is None:
            names = self._column_names
            sql = self._sql[key] = select_text(
                dialect,
                self.table,
                self.columns,
                names[column],
                ",".join(names[name] for name in order_by.split(",") if name),
                len(values),
            )
        driver: Any = connection.connection.driver_connection
        return [self._entity(session, row) for row in driver.execute(sql, values).fetchall()]

    def highest(self, session: Session, column: str) -> Any:
        """The highest value of `column` (an attribute name) in the table, None when the table
        is empty, read after the session's unwritten rows are flushed."""
        if session.autoflush:
            session.flush()
        connection = session.connection()
        dialect = connection.dialect
        key = (column, "max", 0)
        sql = self._sql.get(key)
        if sql is None:
            quote = dialect.identifier_preparer.quote
            name = quote(self._column_names[column])
            sql = self._sql[key] = f"SELECT max({name}) FROM {quote(self.table.name)}"
        driver: Any = connection.connection.driver_connection
        (value,) = driver.execute(sql).fetchone()
        kind = self.columns[self.keys.index(column)].type
        process = kind._cached_result_processor(dialect, None)
        return value if process is None or value is None else process(value)

    def _prepare(self, dialect: Dialect) -> None:
        processors = []
        for index, column in enumerate(self.columns):
            process = column.type._cached_result_processor(dialect, None)
            if process is not None:
                processors.append((index, process))
        self._processors = processors
        self._dialect = dialect

    def _entity(self, session: Session, row: Sequence[Any]) -> Any:
        identity = self.mapper.identity_key_from_primary_key((row[self._key_index],))
        held = session.identity_map.get(identity)
        if held is not None:
            if inspect(held).expired_attributes:
                return session.get(self.row_class, identity[1])  # refreshed by the ORM
            return held
        values = list(row)
        for index, process in self._processors:
            values[index] = process(values[index])
        entity = self.mapper.class_manager.new_instance()
        entity.__dict__.update(zip(self.keys, values, strict=True))
        make_transient_to_detached(entity)  # stored, nothing changed since
        session.add(entity)
        for listener in _LISTENERS.get(self.row_class, ()):
            listener(entity, session)
        return entity

    def _orm_where_in(
        self, session: Session, column: str, values: list[Any], order_by: str
    ) -> list[Any]:
        model = self.row_class
        statement: Any = select(model).where(getattr(model, column).in_(values))
        order = [getattr(model, name) for name in order_by.split(",") if name]
        return list(session.scalars(statement.order_by(*order)))


@functools.cache
def loader_of(row_class: type) -> RowLoader:
    """The row loader of a table class (made once per process)."""
    return RowLoader(row_class)
