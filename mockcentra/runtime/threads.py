"""The worker threads that run blocking work (GraphQL operations, resets) off the event loop.

One pool per process whose threads live as long as the process. AnyIO's pool (starlette's
`run_in_threadpool`) ties its threads to the task that first needed one; an in-process test
client runs each request as a task of its own, so every request started and stopped a thread
(about 1 ms each). The pool's threads are joined at interpreter exit once idle.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_POOL = ThreadPoolExecutor(thread_name_prefix="mockcentra-worker")
_handed = threading.local()


async def off_loop(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`function(*args, **kwargs)` on a worker thread, with the caller's context variables."""
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()

    def call() -> T:
        _handed.loop = loop
        try:
            return context.run(function, *args, **kwargs)
        finally:
            _handed.loop = None

    return await loop.run_in_executor(_POOL, call)


def on_loop(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`function(*args, **kwargs)` right here, on the event loop's thread, for work a server
    would hand to `off_loop`; commits made in it wake the loop's background tasks as theirs."""
    _handed.loop = asyncio.get_running_loop()
    try:
        return function(*args, **kwargs)
    finally:
        _handed.loop = None


def handing_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop whose work this thread is doing (None off a worker thread): commits made
    for a server's requests wake that server's background tasks, others do not."""
    return getattr(_handed, "loop", None)
