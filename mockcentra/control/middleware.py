"""ASGI middleware in front of the APIs: applies route faults and writes the request journal.

The control plane itself (/_mock) is neither journaled nor faulted.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from mockcentra.runtime import trace
from mockcentra.state.journal import graphql_names
from mockcentra.state.runtime import Runtime


class DroppedConnection(ConnectionAbortedError):
    """Raised where the server cannot close the socket itself (in-process transports)."""


def _source(scope: dict[str, Any]) -> str | None:
    """ "console read" / "console action" for the console's own requests (it says so in a
    header), so the journal can tell them from an integration's."""
    for name, value in scope.get("headers", ()):
        if name == b"x-mockcentra-console":
            return "console action" if value == b"action" else "console read"
    return None


def _journaled(scope: dict[str, Any]) -> bool:
    """An API request: the console, its assets and the control plane pass through untouched."""
    return scope["type"] == "http" and not (
        scope["path"] == "/" or scope["path"].startswith(("/_mock", "/static", "/ui"))
    )


class ControlMiddleware:
    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] == "http":
            self.runtime.sync()  # what other worker processes changed (serve --workers)
        if not _journaled(scope):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        body = bytearray()
        more = True
        while more:
            message = await receive()
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
        payload = bytes(body)
        method, path = scope["method"], scope["path"]
        operation, root_field = (
            graphql_names(payload)
            if path.endswith("/graphql") and method == "POST"
            else (None, None)
        )
        status_holder = {"status": 0}

        async def replay():
            return {"type": "http.request", "body": payload, "more_body": False}

        async def capture(message):
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
            await send(message)

        rt = self.runtime
        fault = rt.faults.match(method, path, operation, root_field)
        entry_id = rt.journal.reserve()
        started_at = rt.clock.now().isoformat()
        request_trace, token = trace.begin(entry_id)
        try:
            if fault is not None and await _inject(fault, send, capture, status_holder):
                return
            await self.app(scope, replay, capture)
        except Exception as failure:
            if not isinstance(failure, DroppedConnection) and not status_holder["status"]:
                status_holder["status"] = 500  # what the failsafe answers (control/failsafe.py)
            raise
        finally:
            trace.end(token)
            _record(
                rt,
                scope,
                status_holder["status"],
                started,
                payload,
                entry_id,
                started_at,
                request_trace,
                operation,
                root_field,
            )


async def _inject(fault: Any, send: Any, capture: Any, status_holder: dict[str, int]) -> bool:
    """Apply a route fault: its latency, then a dropped connection or a canned reply. True when
    the fault answered in place of the API."""
    if fault.latency_ms:
        await asyncio.sleep(fault.latency_ms / 1000)
    if fault.drop:
        status_holder["status"] = 0
        transport = getattr(getattr(send, "__self__", None), "transport", None)
        if transport is not None:
            transport.close()
            return True
        raise DroppedConnection("connection dropped by an injected fault")
    if fault.status is not None:
        data = fault.body if fault.body is not None else {"error": "injected fault"}
        raw = json.dumps(data).encode()
        await capture(
            {
                "type": "http.response.start",
                "status": fault.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(raw)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": raw})
        return True
    return False


def _record(
    rt: Runtime,
    scope: Any,
    status: int,
    started: float,
    payload: bytes,
    entry_id: int,
    started_at: str,
    request_trace: trace.RequestTrace,
    operation: str | None,
    root_field: str | None,
) -> None:
    """Write the request's journal entry with what its trace saw (refusals, writes)."""
    rt.journal.record(
        rt.clock.now().isoformat(),
        scope["method"],
        scope["path"],
        scope.get("query_string", b"").decode("latin-1"),
        status,
        started,
        payload,
        entry_id=entry_id,
        started_at=started_at,
        refusals=request_trace.refusals,
        wrote=request_trace.written(),
        source=_source(scope),
        names=(operation, root_field),
    )
