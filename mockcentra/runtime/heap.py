"""What a server process builds once (imported modules, table mappings, the GraphQL schema) kept
out of the cyclic garbage collector's full passes.

A full collection walks every container object the process holds. Start-up leaves a few hundred
thousand of them (mostly the schema and SQLAlchemy's mappings), none of which ever become
garbage, and the objects each request leaves alive for a moment keep triggering full passes over
them: about 0.4 ms a request of a page of orders. `settle()` moves them into the permanent
generation (`gc.freeze()`), where full passes no longer look; objects made later are collected as
before. It collects only the young generations first (under a millisecond): a full collection
there took about 90 ms of every test process's start and found next to nothing to free, so the
little start-up garbage that may be left is kept instead.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_settled = False


def settle() -> None:
    """Once per process, after the first app is built: freeze what start-up made."""
    global _settled
    with _lock:
        if _settled:
            return
        _settled = True
        gc.collect(1)
        gc.freeze()
