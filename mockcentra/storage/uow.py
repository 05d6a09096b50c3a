"""One request, one transaction: the unit of work every domain action runs in.

Storage knows nothing of the domain: what has to happen when a unit of work commits (the
domain writing the events its actions collected, the webhook sender being woken) is handed in
as commit hooks by whoever opens it (see mockcentra/domain/work.py and mockcentra/state/).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session

from mockcentra.runtime import trace
from mockcentra.runtime.clock import Clock, PinnedClock
from mockcentra.storage.engine import Database
from mockcentra.storage.inserts import insert_of
from mockcentra.storage.loads import loader_of
from mockcentra.storage.updates import write_updates

log = logging.getLogger("mockcentra.storage")


@dataclass
class PendingEvent:
    """A change recorded by an action; written with the transaction that made it."""

    object_type: str
    change_type: str
    object_ref: str
    store_id: int | None = None
    market_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


class UnitOfWorkSession(Session):
    """A session that keeps every row it loaded or wrote until it closes.

    SQLAlchemy's identity map holds unchanged rows weakly, so a row nobody references any
    more is read again by the next `get` of the same key; within one request the same order,
    size or price list would be selected many times over.

    A flush of changed rows alone (the usual one) writes them with prebuilt UPDATEs
    (mockcentra/storage/updates.py); anything else goes through the ORM's flush.
    """

    def flush(self, objects: Sequence[Any] | None = None) -> None:
        if objects is None and not self._flushing and write_updates(self):
            return
        super().flush(objects)


def memo(session: OrmSession, key: tuple[Any, ...], load: Callable[[], Any]) -> Any:
    """A lookup done once per unit of work, dropped on any rollback. `key[0]` is either the
    row class the result lists (the entry is dropped when rows of that class are added or
    deleted; the listed rows show their own updates), or a tuple of the row classes the result
    is computed from (dropped when rows of any of them are added, deleted or updated).
    Rows of the watched classes the session has not written yet are flushed first, as an ORM
    query would, so a load that reads past the session (plain records, with a tuple key)
    sees them too. Other sessions (seeding, scripts) have no such bookkeeping and always load."""
    if not isinstance(session, UnitOfWorkSession):
        return load()
    cache = session.info.setdefault("memo", {})
    if session.autoflush and _pending(session, key[0]):
        session.flush()  # rows changed since may change the answer
    if key not in cache:
        cache[key] = load()
    return cache[key]


def _pending(session: OrmSession, watched: Any) -> bool:
    if isinstance(watched, tuple):
        changed = chain(session.new, session.deleted, session.dirty)
        return any(type(row) in watched for row in changed)
    return any(type(row) is watched for row in chain(session.new, session.deleted))


def rows_of(session: Session, parent: Any, parent_id: int) -> list[Any]:
    """The rows whose `parent` column (e.g. `OrderLineRow.order_id`) holds `parent_id`, in id
    order: read once per unit of work until rows of that table are added or removed (`memo`,
    keyed by the row class and `parent_id`, so one parent column per table)."""
    model = parent.class_

    def load() -> list[Any]:
        return loader_of(model).where_in(session, parent.key, (parent_id,))

    return list(memo(session, (model, parent_id), load))


def remember(session: OrmSession, key: tuple[Any, ...], value: Any) -> None:
    """Record what `memo(session, key, ...)` would load, for a caller that has just written and
    flushed all of it (a new order's lines): the next lookup reads nothing."""
    if isinstance(session, UnitOfWorkSession):
        session.info.setdefault("memo", {})[key] = value


@event.listens_for(UnitOfWorkSession, "after_flush")
def _forget_changed(session: Session, _flush_context: Any) -> None:
    cache = session.info.get("memo")
    if not cache:
        return
    changed = {type(obj) for obj in session.new} | {type(obj) for obj in session.deleted}
    if any(isinstance(k[0], tuple) for k in cache):  # entries that also watch updates
        _forget_kinds(cache, changed, {type(obj) for obj in session.dirty})
    elif changed:
        _forget_kinds(cache, changed, set())


def _forget_kinds(cache: dict[Any, Any], changed: set[type], updated: set[type]) -> None:
    """Drop the `memo` entries that rows of `changed` classes (added or deleted) or, for the
    entries watching updates, of `updated` classes make stale."""
    touched = changed | updated
    for key in list(cache):
        kinds = key[0]
        if isinstance(kinds, tuple):
            stale = not touched.isdisjoint(kinds)
        else:
            stale = kinds in changed
        if stale:
            del cache[key]


@event.listens_for(UnitOfWorkSession, "after_flush")
def _note_written(session: Session, _flush_context: Any) -> None:
    """Inside an API request, note which rows (and columns) it writes: the order timeline
    names the request behind each change from these notes."""
    current = trace.current()
    if current is None:
        return
    for obj in session.new:
        row_id = getattr(obj, "id", None)
        if isinstance(row_id, int):
            current.note_write(obj.__tablename__, row_id, {"*"})
    for obj in session.dirty:
        row_id = getattr(obj, "id", None)
        if not isinstance(row_id, int):
            continue
        state = inspect(obj)  # only the attributes set since the load can have changed
        changed = {k for k in state.committed_state if state.attrs[k].history.has_changes()}
        if changed:
            current.note_write(obj.__tablename__, row_id, changed)


@event.listens_for(UnitOfWorkSession, "do_orm_execute")
def _forget_on_bulk_change(state: Any) -> None:
    """An INSERT, UPDATE or DELETE statement (not a flush) may change the rows of its table
    that memo entries list (no foreign key cascades to another table); a statement that names
    no table may change any."""
    if state.is_select:
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table is None:
        state.session.info.pop("memo", None)
        return
    forget_table(state.session, table)


def forget_table(session: OrmSession, table: str) -> None:
    """Drop the `memo` entries that list or read rows of `table`: for a statement that changes
    its rows run past the ORM (whose statements drop them themselves)."""
    cache = session.info.get("memo")
    if not cache:
        return
    for key in list(cache):
        kinds = key[0] if isinstance(key[0], tuple) else (key[0],)
        if any(getattr(kind, "__tablename__", table) == table for kind in kinds):
            del cache[key]


def insert_new(session: Session, row: Any) -> None:
    """Write a new row with its table's prebuilt INSERT instead of a flush (a fraction of the
    ORM's cost, for rows a request writes often and reads back rarely). The row then is in the
    session as a flushed one: it has its id, lookups of its table are forgotten and the
    request's journal notes the write. New rows it may point at are flushed first."""
    if session.new:
        session.flush()
    table = row.__table__
    connection = session.connection()
    row.id = insert_of(table, connection.dialect).row(connection, row)
    make_transient_to_detached(row)
    session.add(row)
    cache = session.info.get("memo")
    if cache:  # as a flush of the new row would (see _forget_changed)
        _forget_kinds(cache, {type(row)}, set())
    current = trace.current()
    if current is not None:
        current.note_write(table.name, row.id, {"*"})


def insert_rows(
    session: Session, row_class: Any, values: list[dict[str, Any]], *, with_ids: bool = False
) -> list[int]:
    """Write many new rows of a table the request does not read back (the event log) with its
    prebuilt INSERT, one multi-row statement; lookups of its table are forgotten as after a
    flush.
    Each dict holds every column but the key. `with_ids`: answer the new ids, in the order
    of `values` (one INSERT each), else nothing."""
    if not values:
        return []
    session.flush()  # as the ORM's INSERT would: the rows written before come first
    connection = session.connection()
    statement = insert_of(row_class.__table__, connection.dialect)
    ids: list[int] = []
    if with_ids:
        ids = statement.each(connection, values)
    else:
        statement.many(connection, values)
    cache = session.info.get("memo")
    if cache:
        _forget_kinds(cache, {row_class}, set())
    return ids


@event.listens_for(UnitOfWorkSession, "after_soft_rollback")
def _forget_all(session: Session, _previous: Any) -> None:
    session.info.pop("memo", None)


@event.listens_for(UnitOfWorkSession, "loaded_as_persistent")
@event.listens_for(UnitOfWorkSession, "pending_to_persistent")
@event.listens_for(UnitOfWorkSession, "detached_to_persistent")
def _keep_row(session: Session, instance: Any) -> None:
    session.info.setdefault("rows", []).append(instance)


#: `Session.info` key of a read unit of work's connection (see `read_connection`)
_READS_ON = "reads_on"


def read_connection(session: OrmSession) -> Connection:
    """The connection to read plain records on, inside the request's transaction.

    A read unit of work begins its transaction on its connection directly: the session's own
    transaction bookkeeping (begin, commit) cost more than a small query's reading, and a read
    that only loads records never needs it. An ORM statement after it joins the transaction."""
    conn: Connection | None = session.info.get(_READS_ON)
    if conn is None:
        return session.connection()
    if not conn.in_transaction():
        conn.begin()
    return conn


def is_read(session: OrmSession) -> bool:
    """Whether `session` is a read unit of work's: it writes nothing, so what it lists may be
    plain records (mockcentra.storage.records) read on `read_connection`."""
    return _READS_ON in session.info


#: Runs inside the transaction, just before COMMIT; may write rows (a failure rolls back).
CommitHook = Callable[["UnitOfWork"], object]


class UnitOfWork:
    """A session on one connection; `savepoint()` lets one mutation fail without the others.

    Used as a context manager it commits when the block ends normally and rolls back on any
    exception; transports that decide themselves call `commit`/`rollback` and `close`.
    """

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        write: bool,
        seed: int = 1,
        before_commit: Sequence[CommitHook] = (),
        integration_name: str = "default",
        faults: dict[str, str] | None = None,
    ) -> None:
        self.db = db
        #: one moment for the whole unit of work (PinnedClock)
        self.clock: Clock = PinnedClock(clock)
        self.seed = seed
        self.write = write
        #: a write transaction waits for its turn before it starts (Database.writing)
        self._turn = db.writing() if write else None
        if self._turn is not None:
            self._turn.__enter__()
        try:
            self._conn = db.engine.connect()
            if write:  # a read's BEGIN is the default deferred one (storage/engine.py)
                self._conn.execution_options(immediate=True)
        except BaseException:
            self._end_turn()
            raise
        self.session = UnitOfWorkSession(bind=self._conn, autoflush=True, expire_on_commit=False)
        if not write:
            self.session.info[_READS_ON] = self._conn
        self.events: list[PendingEvent] = []
        self.integration_name = integration_name
        #: Domain faults injected through the control plane, e.g. {"psp.capture": "decline"}.
        self.faults: dict[str, str] = dict(faults or {})
        self._before_commit = tuple(before_commit)
        self._after_commit: list[Callable[[], None]] = []

    def emit(self, event: PendingEvent) -> None:
        self.events.append(event)

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Call `callback` once this unit of work has committed (never after a rollback)."""
        self._after_commit.append(callback)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Run a block that either wholly applies or leaves no trace (rows and events)."""
        mark = len(self.events)
        nested = self.session.begin_nested()
        try:
            yield
            nested.commit()
        except BaseException:
            nested.rollback()
            del self.events[mark:]
            raise

    def commit(self) -> None:
        for hook in self._before_commit:
            hook(self)
        session = self.session
        if session.in_transaction() or session.new or session.deleted:
            session.commit()
        if self._conn.in_transaction():  # begun by `read_connection`
            self._conn.commit()
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # the transaction is committed: a listener must not undo the reply
                log.exception("after-commit callback failed")

    def rollback(self) -> None:
        self.session.rollback()
        if self._conn.in_transaction():  # begun by `read_connection`
            self._conn.rollback()
        self.events.clear()
        self._after_commit.clear()

    def close(self) -> None:
        """Return the connection even if closing the session fails: an in-memory database has
        one connection, and a lost one would leave every later request waiting for it."""
        try:
            session = self.session
            # a session that began nothing and holds no rows (most reads) has nothing to close;
            # closing it anyway cost more than a small query's SELECT
            if session.in_transaction() or session.identity_map or session.new or session.deleted:
                session.close()
        finally:
            try:
                self._conn.close()
            finally:
                self._end_turn()

    def _end_turn(self) -> None:
        turn, self._turn = self._turn, None
        if turn is not None:
            turn.__exit__(None, None, None)

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                try:
                    self.commit()
                except BaseException:
                    self.rollback()
                    raise
            else:
                self.rollback()
        finally:
            self.close()
