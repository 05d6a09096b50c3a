"""The outermost middleware: whatever escapes a handler is the server's failure, logged with its
traceback once and answered 500 in the error shape of the API that was called.

Starlette's own error middleware answers a bare "Internal Server Error" and then re-raises, and
the HTTP server closes a connection whose application raised, so the client's next request on
that keep-alive connection would be reset. Here the exception stops: the reply is complete and
the connection stays usable. Each surface answers its clients' mistakes itself (`errors`,
`userErrors`, `status: no`, `{"error": ...}`); only what none of them expected reaches here.
"""

from __future__ import annotations

import logging
from typing import Any

from mockcentra.control.guards import area_of, error_body, respond
from mockcentra.control.middleware import DroppedConnection
from mockcentra.state.runtime import Runtime

log = logging.getLogger("mockcentra.server")

#: What the client is told; the traceback goes to the log, never into a reply.
MESSAGE = "Internal error: the server failed to answer this request (see its log)."


class FailsafeMiddleware:
    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except DroppedConnection:  # an injected fault: the connection is meant to go
            raise
        except Exception:
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:  # half a reply is out: closing is all that is left (the server does)
                raise
            area = area_of(scope["path"], self.runtime.settings.order_api_base)
            await respond(send, 500, error_body(area, MESSAGE, "internal"))
