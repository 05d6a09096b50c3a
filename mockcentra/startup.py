"""What `mockcentra.app` imports first: the cyclic garbage collector waits while the modules
below it define the tables, the GraphQL types and the REST models.

Defining them makes a few hundred thousand objects that live as long as the process and leaves
no cyclic garbage (a full collection right after the import frees nothing). With the collector
on, it walked them again and again while they were being made: three full passes and some
forty young ones, about 0.2 s of every process's start. `defined()`, at the end of
`mockcentra.app`, puts them out of the collector's reach (`gc.freeze()`, as `runtime/heap.py`
does after the first app) and turns it back on.
"""

from __future__ import annotations

import gc

_was_enabled = gc.isenabled()
gc.disable()


def defined() -> None:
    """The app's modules are imported: freeze what they made, collect as before from here on."""
    gc.freeze()
    if _was_enabled:
        gc.enable()
