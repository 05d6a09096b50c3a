"""Who may use the database when: the one connection of an in-memory database lent to one
thread at a time, and the writers' turn across threads and worker processes.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

try:  # the writers' turn across processes (serve --workers); POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows serves with one worker
    fcntl = None  # type: ignore[assignment]

from sqlalchemy.pool import StaticPool


class OneAtATimePool(StaticPool):
    """The one connection of an in-memory database, lent to one thread at a time.

    The lock is taken before the pool hands the connection out and released when it comes back,
    so two threads never hold it at once (a lock taken in the checkout event comes too late:
    the second checkout has already replaced the first one's bookkeeping, its return is then
    skipped, and the lock is never released). Requests run on worker threads, so this is the
    common case, not a rare one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lending = threading.RLock()
        self._lent = False  # read only by the thread holding `lending`

    def _do_get(self) -> Any:
        self.lending.acquire()
        if self._lent:  # this thread has the connection out already
            self.lending.release()
            raise NestedCheckoutError(NESTED_CHECKOUT)
        try:
            record = super()._do_get()
        except BaseException:
            self.lending.release()
            raise
        self._lent = True
        return record

    def _do_return_conn(self, record: Any) -> None:
        try:
            super()._do_return_conn(record)
        finally:
            self._lent = False
            self.lending.release()


NESTED_CHECKOUT = (
    "the in-memory database's one connection is already in use on this thread: close the open "
    "unit of work or session before opening another"
)


class NestedCheckoutError(RuntimeError):
    """A second session or unit of work opened on an in-memory database while the thread's
    first one still holds its one connection. Handing the same connection out twice lost the
    pool's count of it, and the connection stayed lent to the thread: every other thread
    (a live server's requests) then waited for it forever. Failing here names the mistake."""


class WriterLock:
    """A reentrant lock across this process's threads and, with a lock file, across the
    processes that open the same file (`fcntl.flock`, where the platform has it)."""

    def __init__(self, path: Path | None) -> None:
        self._threads = threading.RLock()
        self._path = path
        self._depth = 0
        self._fd: int | None = None

    def __enter__(self) -> None:
        self._threads.acquire()
        self._depth += 1
        if self._depth == 1 and self._path is not None and fcntl is not None:
            try:
                if self._fd is None:
                    self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            except BaseException:
                self._depth -= 1
                self._threads.release()
                raise

    def __exit__(self, *exc: object) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None and fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()
