"""Plain records for the read paths: rows read through SQL built once, straight from the driver.

Loading an ORM entity costs far more than reading its row: the ORM builds a statement, looks
it up in its cache, sets up instance state for every row and decodes every JSON column, read
or not. The lists of a read-only request (the Integration API's pages of order lines and
shipments, the currencies) only show rows, so they load records instead:

- one `SELECT` per table and shape, its text built once, run on the unit of work's own
  connection (so it reads inside the request's transaction), with each column type's own
  conversion of the value (money to Decimal, text to aware datetimes, 0/1 to bool); a list
  whose statement is built per request (the orders page) runs it through SQLAlchemy Core
  (`RecordSession`);
- a record has the attributes of its table row (`record.unit_price`, `record.allocations`),
  so the functions that read rows read records too; `is_row(record, OrderLineRow)` is the
  `isinstance` of the row class it stands for;
- a column whose type converts its stored value (JSON, money, times, weights, dates) is
  converted when it is first read, with its column type's own conversion, and kept: a page
  shows a few of a row's columns, and converting all of them cost more than reading them.

Records are snapshots for reading. Nothing flushes before a list of them is read, so lists
are for operations that write nothing (GraphQL queries, the REST APIs' reads); a write path
keeps the ORM for the rows it changes. `rows_where_in` and `all_rows` decide by the unit of
work: records in a read one, ORM entities in a write one. A write path reads the rows it only
reads (the catalogue, the store) by key as records (`record_by_key`: the session's unwritten
rows of that table are flushed first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, ClassVar, TypeVar

from sqlalchemy import Select, Text, select, type_coerce
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from mockcentra.storage.loads import select_text
from mockcentra.storage.types import JsonDict, JsonList
from mockcentra.storage.uow import is_read, memo, read_connection, remember


class Record:
    """A row as plain attributes (a subclass per table, made by `RecordReader`)."""

    row_class: ClassVar[type]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.__dict__.get('id')}>"


class _Converted:
    """A column converted from its stored value on first read, then kept on the record."""

    def __init__(self, name: str, convert: Callable[[Any], Any] | None = None) -> None:
        self.name = name
        self.raw = f"_raw_{name}"
        #: the column type's conversion (a JSON decoder; others once the dialect is known)
        self.convert = convert

    def __get__(self, record: Any, owner: type | None = None) -> Any:
        if record is None:
            return self
        raw = record.__dict__[self.raw]
        value = raw if self.convert is None else self.convert(raw)
        record.__dict__[self.name] = value  # the instance attribute now wins over this
        return value


def is_row(obj: Any, row_class: type) -> bool:
    """Whether `obj` is a row of `row_class`, as an ORM entity or a record."""
    return isinstance(obj, row_class) or getattr(type(obj), "row_class", None) is row_class


class RecordReader:
    """Reads records of one table class."""

    def __init__(self, row_class: type) -> None:
        self.row_class = row_class
        mapper: Any = sa_inspect(row_class)
        self.table = mapper.local_table
        #: the name of the key column (`id`, or e.g. `order_id` of a row that extends an order)
        self.key_name: str = mapper.primary_key[0].name
        #: the session identity map's key of a row by its primary key values
        self.identity: Callable[[tuple[Any, ...]], Any] = mapper.identity_key_from_primary_key
        self.attributes = [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]
        namespace: dict[str, Any] = {"row_class": row_class}
        self.names: list[str] = []
        #: the columns converted on first read, by attribute name
        self._converted: dict[str, _Converted] = {}
        for key, column in self.attributes:
            if isinstance(column.type, JsonDict | JsonList):
                namespace[key] = _Converted(key, self._json_decoder(column.type))
            elif isinstance(column.type, TypeDecorator):
                namespace[key] = _Converted(key)  # its conversion comes with the dialect
            else:
                self.names.append(key)
                continue
            self._converted[key] = namespace[key]
            self.names.append(f"_raw_{key}")
        self.record_class: type[Record] = type(f"{row_class.__name__}Record", (Record,), namespace)
        self._dialect: Dialect | None = None
        self._processors: list[tuple[int, Callable[[Any], Any]]] = []
        self._sql: dict[tuple[str, str, int], str] = {}
        self._columns: list[Any] | None = None
        #: a statement run again (one built once, e.g. a page of orders) is narrowed once, so
        #: SQLAlchemy finds its compiled form without working out its cache key again
        self._narrowed = lru_cache(maxsize=256)(self._narrow)

    @staticmethod
    def _json_decoder(kind: Any) -> Callable[[Any], Any]:
        return lambda raw: kind.process_result_value(raw, None)

    def _prepare(self, dialect: Dialect) -> None:
        """Each column's conversion for `dialect`: at once for plain columns (0/1 to bool),
        on first read for the ones `_Converted` holds."""
        processors = []
        for index, (key, column) in enumerate(self.attributes):
            converted = self._converted.get(key)
            if converted is not None:
                if not isinstance(column.type, JsonDict | JsonList):
                    converted.convert = column.type._cached_result_processor(dialect, None)
                continue
            process = column.type._cached_result_processor(dialect, None)
            if process is not None:
                processors.append((index, process))
        self._processors = processors
        self._dialect = dialect

    def _text(self, dialect: Dialect, column: str, order_by: Sequence[str], count: int) -> str:
        key = (column, ",".join(order_by), count)
        sql = self._sql.get(key)
        if sql is None:
            columns = [c for _, c in self.attributes]
            sql = self._sql[key] = select_text(dialect, self.table, columns, *key)
        return sql

    def where_in(
        self,
        session: Session,
        column: str,
        values: Iterable[Any],
        order_by: Sequence[str] = ("id",),
    ) -> list[Any]:
        """The records whose `column` is one of `values`, in the order of `order_by`."""
        values = list(values)
        if not values:
            return []
        return self._read(session, column, order_by, values)

    def all(self, session: Session, order_by: Sequence[str] = ("id",)) -> list[Any]:
        """Every record of the table, in the order of `order_by`."""
        return self._read(session, "", order_by, [])

    def _read(
        self, session: Session, column: str, order_by: Sequence[str], values: list[Any]
    ) -> list[Any]:
        connection = read_connection(session)
        dialect = connection.dialect
        if self._dialect is not dialect:
            self._prepare(dialect)
        sql = self._text(dialect, column, order_by, len(values))
        rows = connection.connection.driver_connection.execute(sql, values).fetchall()  # type: ignore[union-attr]
        return self._records(rows, self._processors)

    def select(
        self, session: Session, statement: Any, params: dict[str, Any] | None = None
    ) -> list[Any]:
        """The records an ORM `select(<row class>)` finds, with its filters, order and limit
        (SQLAlchemy compiles it, the values come converted); `params` are the values of its
        bound parameters, for a statement built once."""
        connection = read_connection(session)
        if self._dialect is not connection.dialect:
            self._prepare(connection.dialect)
        result = connection.execute(self._narrowed(statement), params)
        return self._records(result.all(), ())

    def _narrow(self, statement: Any) -> Any:
        """`statement` reading this table's columns, the ones converted on first read as stored
        (Text converts nothing)."""
        if self._columns is None:
            self._columns = [
                type_coerce(column, Text) if key in self._converted else column
                for key, column in self.attributes
            ]
        return statement.with_only_columns(*self._columns)

    def _records(
        self, rows: Sequence[Any], processors: Sequence[tuple[int, Callable[[Any], Any]]]
    ) -> list[Any]:
        names, cls = self.names, self.record_class
        make = cls.__new__
        records = []
        for row in rows:
            if processors:
                row = list(row)
                for index, process in processors:
                    row[index] = process(row[index])
            record = make(cls)
            record.__dict__.update(zip(names, row, strict=True))
            records.append(record)
        return records


class RecordSession:
    """A read-only stand-in for a session: `exec(select(<row class>)...)` answers records.

    Read functions written against a session (the order list: mockcentra.domain.orders.listing)
    serve records through it; it offers nothing else."""

    def __init__(self, session: Session, row_class: type) -> None:
        self.session = session
        self.reader = records_of(row_class)

    def exec(self, statement: Any) -> list[Any]:
        return self.reader.select(self.session, statement)


_readers: dict[type, RecordReader] = {}


def records_of(row_class: type) -> RecordReader:
    """The record reader of a table class (made once per process)."""
    reader = _readers.get(row_class)
    if reader is None:
        reader = _readers[row_class] = RecordReader(row_class)
    return reader


def rows_where_in(
    session: Session,
    row_class: type,
    column: str,
    values: Iterable[Any],
    order_by: Sequence[str] = ("id",),
) -> list[Any]:
    """The rows of `row_class` whose `column` is one of `values`, in the order of `order_by`:
    records in a read unit of work, ORM entities (seeing the writes made so far) otherwise."""
    if is_read(session):
        return records_of(row_class).where_in(session, column, values, order_by)
    values = list(values)
    if not values:
        return []
    statement: Select[Any] = select(row_class).where(getattr(row_class, column).in_(values))
    return list(session.scalars(statement.order_by(*(getattr(row_class, n) for n in order_by))))


def all_rows(session: Session, row_class: type, order_by: Sequence[str] = ("id",)) -> list[Any]:
    """Every row of `row_class` in the order of `order_by`, as `rows_where_in` reads them."""
    if is_read(session):
        return records_of(row_class).all(session, order_by)
    statement: Select[Any] = select(row_class).order_by(*(getattr(row_class, n) for n in order_by))
    return list(session.scalars(statement))


def reading(session: Session, row_class: type) -> Any:
    """What a read function written against a session (`exec(select(<row class>)...)`) lists
    `row_class` through: `RecordSession` in a read unit of work, the session otherwise."""
    return RecordSession(session, row_class) if is_read(session) else session


RowT = TypeVar("RowT")


def record_by_key(session: Session, row_type: type[RowT], row_id: int) -> RowT | None:
    """The row of `row_type` with id `row_id` (None when there is none): the session's own
    when it holds it, else a plain record read once per unit of work until rows of its table
    change (`memo`). For rows a request only reads (the catalogue, the store, a market): a
    record costs a fraction of an ORM load and has the row's attributes; it is a snapshot,
    so a path that changes the row loads it."""
    reader = records_of(row_type)
    held = session.identity_map.get(reader.identity((row_id,)))
    if held is not None:
        return held  # type: ignore[no-any-return]

    def load() -> Any:
        found = reader.where_in(session, reader.key_name, (row_id,), (reader.key_name,))
        return found[0] if found else None

    found: RowT | None = memo(session, _key_of(row_type, row_id), load)
    return found


def _key_of(row_type: type, row_id: Any) -> tuple[Any, ...]:
    """The `memo` key of a record by its key (`record_by_key`)."""
    return ((row_type,), "key", row_id)


def record_where(session: Session, row_type: type[RowT], column: str, value: Any) -> RowT | None:
    """The first row (by key) of `row_type` whose `column` holds `value`, as a plain record
    read once per unit of work until rows of its table change (a country by its code)."""
    reader = records_of(row_type)

    def load() -> Any:
        found = reader.where_in(session, column, (value,), (reader.key_name,))
        return found[0] if found else None

    found: RowT | None = memo(session, ((row_type,), column, value), load)
    return found


def memo_records(
    session: Session,
    watched: tuple[type, ...],
    statement: Any,
    params: dict[str, Any],
) -> list[Any]:
    """The plain records an ORM `select(<row class>)` built once finds with the values
    `params` of its bound parameters (its row class is `watched[0]`), read once per unit of
    work until rows of any `watched` class (every table it reads) are added, deleted or
    updated (`memo`). `record_by_key` finds them too, unread."""
    row_type = watched[0]
    reader = records_of(row_type)
    key = (watched, id(statement), *sorted(params.items()))

    def load() -> list[Any]:
        found = reader.select(session, statement, params)
        for record in found:
            remember(session, _key_of(row_type, getattr(record, reader.key_name)), record)
        return found

    found: list[Any] = memo(session, key, load)
    return found


def stored_record(session: Session, row_type: type[RowT], row_id: int) -> RowT:
    """The row a stored foreign key points at, as a plain record (`record_by_key`); the
    database enforces the key, so a missing row is a broken database."""
    found = record_by_key(session, row_type, row_id)
    if found is None:
        raise LookupError(f"{row_type.__name__} {row_id} is not stored")
    return found
