"""The control-plane state that the worker processes of one server share (`serve --workers N`).

Each worker is a process with its own `Runtime`; the data is the one file database they all
open. What the control plane changes outside that database is kept here, in a small SQLite
file of its own in a folder beside the database (`<db name>.workers-<random>/`), with the
named snapshots next to it:

- the clock (frozen moment, or offset from the wall clock),
- the scenario the data came from,
- the names of the snapshots (their files are in the shared folder),
- how many resets and restores there have been, so every worker drops its caches and, after a
  reset, its journal and faults.

A worker publishes a change after making it and every worker looks for changes at the start of
each request: `changed()` asks SQLite's `PRAGMA data_version`, which moves only when another
connection committed, so a request pays a few microseconds when nothing changed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any

#: The environment variable that hands the shared folder to the worker processes.
SHARED_ENV = "MOCKCENTRA_WORKER_STATE"


class SharedState:
    """Key/JSON-value pairs in `<folder>/control.sqlite`; counters grow atomically."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.snapshot_dir = self.folder / "snapshots"
        self.snapshot_dir.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            self.folder / "control.sqlite",
            check_same_thread=False,
            isolation_level=None,
            timeout=10,
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        self._lock = threading.Lock()
        self._seen: int | None = None

    @classmethod
    def create(cls, db_path: str) -> SharedState:
        """A new shared folder beside the database (the serving process makes it once)."""
        db = Path(db_path).resolve()
        return cls(tempfile.mkdtemp(prefix=f"{db.name}.workers-", dir=db.parent))

    def read(self) -> dict[str, Any]:
        with self._lock:
            return self._read()

    def _read(self) -> dict[str, Any]:
        rows = self._conn.execute("SELECT key, value FROM state").fetchall()
        return {key: json.loads(value) for key, value in rows}

    def publish(self, values: dict[str, Any] | None = None, count: tuple[str, ...] = ()) -> dict:
        """Set `values` and add one to each counter in `count`, in one transaction; returns the
        whole state as it is after the change."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for key, value in (values or {}).items():
                    self._conn.execute(
                        "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                        (key, json.dumps(value)),
                    )
                for key in count:
                    self._conn.execute(
                        "INSERT INTO state (key, value) VALUES (?, '1') "
                        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                        (key,),
                    )
                state = self._read()
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            return state

    def changed(self) -> dict[str, Any] | None:
        """The whole state when another process changed it since the last look, else None."""
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version == self._seen:
                return None
            self._seen = version
            return self._read()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def remove(self) -> None:
        """Close and delete the shared folder (the serving process, when it stops)."""
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)
