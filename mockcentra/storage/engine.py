"""The SQLite engine: pragmas, transactions we control, and snapshots.

An in-memory database snapshots as the bytes of its file image (`serialize`) and restores with
`deserialize`: a few tens of microseconds, and SQLite keeps its parsed schema because the
image's schema cookie is the one it already knows. That is only right while the image has
the live database's layout (each table's and index's root page): statements pysqlite keeps
prepared carry root page numbers, and SQLite re-prepares them only when the schema cookie
changes. So a snapshot remembers its layout, and an image of another layout (another
scenario's template) is copied with the backup API, which makes SQLite drop every prepared
statement and re-read the schema. A file database always uses the backup API.

Snapshots of a file database are files in a folder beside it, `<db name>.snapshots-<random>/`
(one per running server, removed when deleted and at shutdown), so memory does not grow with
them. A restore writes every page of a file database through its WAL; the WAL is checkpointed
and truncated after each restore or load and at shutdown, so the `-wal` file does not keep
growing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

import mockcentra.storage.tables  # noqa: F401  (registers every table on the metadata)
from mockcentra.settings import MEMORY
from mockcentra.storage.locks import OneAtATimePool, WriterLock
from mockcentra.storage.tables.base import Row
from mockcentra.storage.upgrade import upgrade_table


def _configure(engine: Engine, *, file_backed: bool) -> None:
    """Take BEGIN away from pysqlite so SAVEPOINT nests and writers can BEGIN IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if file_backed:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        # straight to pysqlite: one statement per request, no SQLAlchemy execution around it
        conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


#: The page cache of the connection doing a bulk load, in MiB (see `Database.bulk_load`).
BULK_CACHE_MIB = 16


def _layout(conn: sqlite3.Connection) -> tuple:
    """What prepared statements depend on: the schema cookie and every object's root page."""
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    pages = conn.execute("SELECT name, rootpage FROM sqlite_master ORDER BY name").fetchall()
    return (version, tuple(pages))


class Database:
    """Owns the engine and the named snapshots; reset restores the state seeded at start."""

    def __init__(self, path: str = MEMORY, shared_dir: Path | None = None) -> None:
        """`shared_dir`: a folder of the processes serving the same file (`serve --workers`):
        their snapshots (`snapshots/`) and their writers' lock (`writer.lock`) are there; it is
        theirs, so `dispose` leaves it."""
        self.path = path
        self.file_backed = path != MEMORY
        if self.file_backed:
            self.engine = create_engine(
                f"sqlite:///{path}",
                connect_args={"check_same_thread": False, "timeout": 5},
            )
        else:
            self.engine = create_engine(
                "sqlite://",
                connect_args={"check_same_thread": False},
                poolclass=OneAtATimePool,
            )
        _configure(self.engine, file_backed=self.file_backed)
        #: in-memory: the serialized image and its layout; file: a backup file on disk
        self._snapshots: dict[str, tuple[bytes, tuple] | Path] = {}
        self._snapshot_dir: Path | None = None if shared_dir is None else shared_dir / "snapshots"
        self._disposed = False
        self._shared_dir = shared_dir is not None
        #: one write transaction at a time (see `writing`)
        self._writers = WriterLock(shared_dir / "writer.lock" if shared_dir else None)
        #: the in-memory database's layout since the last load or snapshot (see the docstring)
        self._layout: tuple | None = None
        # an in-memory database is one connection, lent to one thread at a time: snapshots
        # and restores hold the same lock around their own use of it
        pool = self.engine.pool
        self._lock = pool.lending if isinstance(pool, OneAtATimePool) else threading.RLock()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the database's writer turn for a write transaction (a file database only).

        SQLite lets one writer in at a time and makes the others poll with growing sleeps (up
        to 100 ms each) until the busy timeout, so under load a waiting write could start long
        after the lock was free. Threads here queue on a lock instead, and the worker
        processes of `serve --workers` on an `flock` of their shared folder's lock file: the
        next writer starts as soon as the previous one ends, and BEGIN IMMEDIATE finds the
        database free."""
        if not self.file_backed:
            yield
            return
        with self._writers:
            yield

    def create_all(self) -> None:
        Row.metadata.create_all(self.engine)
        with self.engine.begin() as conn:  # an existing file gets the columns and indexes
            for table in Row.metadata.sorted_tables:  # the models declare
                upgrade_table(conn, table)

    @contextmanager
    def bulk_load(self) -> Iterator[Connection]:
        """A connection for a block that fills an empty database in bulk (seeding) and commits.

        The data is what it would be on any connection; only the work to get it there is less:
        - a rollback journal instead of the write-ahead log, so each page is written once
          rather than to the log and then again into the file, then WAL again (needs the
          database to itself; when other connections hold it open, the log stays and only the
          speed-up is lost);
        - no fsync (`synchronous=OFF`): a process that dies still rolls back through the
          journal; only a power cut mid-seed could damage the file, new anyway (`seed --force`);
        - no foreign key checks, a lookup per reference of every row (the seeders write their
          own ids; `tests/seeding` runs `PRAGMA foreign_key_check` on what they leave);
        - a page cache of `BULK_CACHE_MIB` (SQLite's default is 2 MiB), so the tables' and
          indexes' upper pages stay in memory while hundreds of thousands of rows go in.
        The connection's own settings come back afterwards: it returns to the pool and serves
        requests."""
        with self.engine.connect() as conn:
            driver = conn.connection.dbapi_connection
            assert driver is not None
            cache = driver.execute("PRAGMA cache_size").fetchone()[0]
            bulk = [f"cache_size=-{BULK_CACHE_MIB * 1024}", "foreign_keys=OFF"]
            own = [f"cache_size={cache}", "foreign_keys=ON"]
            if self.file_backed:
                bulk += ["journal_mode=DELETE", "synchronous=OFF"]
                own += ["journal_mode=WAL", "synchronous=NORMAL"]
            for pragma in bulk:  # outside a transaction: foreign_keys is ignored inside one
                driver.execute(f"PRAGMA {pragma}").fetchall()
            try:
                yield conn
            finally:
                if conn.in_transaction():
                    conn.rollback()
                for pragma in own:
                    driver.execute(f"PRAGMA {pragma}").fetchall()

    def is_empty(self) -> bool:
        with self.raw() as conn:
            row = conn.execute("SELECT count(*) FROM sqlite_master WHERE name='store'").fetchone()
            if not row[0]:
                return True
            return conn.execute("SELECT count(*) FROM store").fetchone()[0] == 0

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The pysqlite connection under the pool, for backup and bulk work."""
        with self.engine.connect() as conn:
            yield conn.connection.dbapi_connection  # type: ignore[misc]

    def snapshot(self, name: str) -> None:
        """Copy the whole database into a named snapshot (replacing one of that name)."""
        with self._lock, self.raw() as conn:
            target: tuple[bytes, tuple] | Path
            if self.file_backed:
                target = self._snapshot_path(name)
                copy = sqlite3.connect(target)
                try:
                    conn.backup(copy)
                    # a copy of a WAL database is one too: back to one self-contained file
                    copy.execute("PRAGMA journal_mode=DELETE")
                finally:
                    copy.close()
            else:
                self._layout = _layout(conn)
                target = (conn.serialize(), self._layout)
            self._snapshots[name] = target

    def restore(self, name: str) -> None:
        """Copy a named snapshot back over the live database (microseconds, not a re-seed)."""
        with self._lock:
            source = self._snapshots.get(name)
            if source is None:
                raise KeyError(name)
            if isinstance(source, Path):
                with self.raw() as conn:
                    stored = sqlite3.connect(source)
                    try:
                        stored.backup(conn)
                    finally:
                        stored.close()
                    self._checkpoint(conn)
                return
            image, layout = source
            if layout != self._layout:
                self.load(image)
                return
            with self.raw() as conn:
                conn.deserialize(image)

    def load(self, image: bytes) -> None:
        """Replace the whole database with a serialized image (a seeded template, a snapshot).

        Through the backup API: SQLite then drops its prepared statements and parsed schema,
        which an image of another layout needs (see the module docstring)."""
        with self._lock, self.raw() as conn:
            source = sqlite3.connect(":memory:")
            try:
                source.deserialize(image)
                source.backup(conn)
            finally:
                source.close()
            if not self.file_backed:
                self._layout = _layout(conn)
            self._checkpoint(conn)

    def image(self) -> bytes:
        """The whole database as bytes (what `load` takes)."""
        with self._lock, self.raw() as conn:
            return conn.serialize()

    @contextmanager
    def snapshot_reader(self, name: str) -> Iterator[sqlite3.Connection]:
        """A connection to read a named snapshot as it was taken (KeyError when unknown);
        used to compare it with the live database. Callers only read through it."""
        with self._lock:
            source = self._snapshots.get(name)
            if source is None:
                raise KeyError(name)
            if isinstance(source, Path):
                stored = sqlite3.connect(source)
                try:
                    yield stored
                finally:
                    stored.close()
                return
            reader = sqlite3.connect(":memory:")
            try:
                reader.deserialize(source[0])
                yield reader
            finally:
                reader.close()

    def total_changes(self) -> int:
        """Rows inserted, updated or deleted through the live connection since it opened (a
        restore does not count): unchanged means nothing was written in between."""
        with self.raw() as conn:
            return conn.total_changes

    @contextmanager
    def private_copy(self) -> Iterator[sqlite3.Connection]:
        """A private in-memory copy of the live database, to read at leisure: the checks and
        comparisons of the control plane run there, so no statement they prepare stays cached
        on the live connection across a `deserialize` restore (see the module docstring)."""
        with self._lock, self.raw() as conn:
            image = conn.serialize()
        copy = sqlite3.connect(":memory:")
        try:
            copy.deserialize(image)
            yield copy
        finally:
            copy.close()

    def delete_snapshot(self, name: str) -> None:
        """Forget a named snapshot and free what it holds (KeyError when unknown)."""
        with self._lock:
            source = self._snapshots.pop(name)
            if isinstance(source, Path):
                source.unlink(missing_ok=True)

    def snapshot_names(self) -> list[str]:
        return sorted(self._snapshots)

    def know_snapshots(self, names: list[str]) -> None:
        """The snapshots of a shared snapshot folder, as another process named them."""
        assert self._shared_dir, "only a shared snapshot folder has others' snapshots"
        with self._lock:
            self._snapshots = {name: self._snapshot_path(name) for name in names}

    def checkpoint(self) -> None:
        """Move the WAL into the database file and truncate it (a file database only)."""
        if self.file_backed:
            with self._lock, self.raw() as conn:
                self._checkpoint(conn)

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        if self.file_backed:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _snapshot_path(self, name: str) -> Path:
        """A file per name; hashed, since a snapshot name may be any text."""
        if self._snapshot_dir is None:
            db = Path(self.path).resolve()
            self._snapshot_dir = Path(
                tempfile.mkdtemp(prefix=f"{db.name}.snapshots-", dir=db.parent)
            )
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self._snapshot_dir / f"{digest}.sqlite"

    def dispose(self) -> None:
        """Close the database: checkpoint the WAL and drop every snapshot (once; a server's
        shutdown and the command that started it may both close it)."""
        if self._disposed:
            return
        self._disposed = True
        try:
            self.checkpoint()
        except sqlite3.Error:  # a database that is busy or gone: nothing left to keep small
            pass
        self._snapshots.clear()
        if self._snapshot_dir is not None and not self._shared_dir:
            shutil.rmtree(self._snapshot_dir, ignore_errors=True)
            self._snapshot_dir = None
        self.engine.dispose()
