"""What a server process builds once (imported modules, table mappings, the GraphQL schema) kept
out of the cyclic garbage collector's full passes.

A full collection walks every container object the process holds. Start-up leaves a few hundred
thousand of them (mostly the schema and SQLAlchemy's mappings), none of which ever become
garbage, and the objects each request leaves alive for a moment keep triggering full passes over
them: about 0.4 ms a request of a page of orders. `settle()` collects once and then moves what
is left into the permanent generation (`gc.freeze()`), where full passes no longer look; objects
made later are collected as before.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_settled = False


def settle() -> None:
    """Once per process, after the first app is built: collect, then freeze what survives."""
    global _settled
    with _lock:
        if _settled:
            return
        _settled = True
        gc.collect()
        gc.freeze()
