"""A webhook receiver on loopback: records what mockcentra sends, checks signatures, and
answers as scripted (status codes, slow answers). Used by `mockcentra webhooks listen` and
by tests:

    with WebhookReceiver(secret="s3cret") as hook:
        hook.script(500, 200)                 # first call fails, the retry succeeds
        ...create a subscription with url=hook.url...
        [first] = hook.wait_for(1)
        assert first.signature_ok and first.payload["events"][0]["type"] == "order"
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from mockcentra.webhooks import signing


@dataclass(frozen=True)
class Slow:
    """A scripted answer that takes `seconds` before answering `status`."""

    seconds: float
    status: int = 200


@dataclass
class ReceivedWebhook:
    path: str
    headers: dict[str, str]
    body: str
    payload: Any
    signature_ok: bool | None  # None when the receiver has no secret
    answered: int = 0
    at: float = field(default_factory=time.monotonic)

    @property
    def timestamp(self) -> int | None:
        """The `t` of the signature header."""
        t = signing.parse_header(self.headers.get(signing.HEADER.lower(), "")).get("t")
        return int(t) if t and t.isdigit() else None


Responder = Callable[[ReceivedWebhook], int]

#: How often the serve loop checks for `stop()`: the longest a stop waits.
POLL_SECONDS = 0.01


class WebhookReceiver:
    """A threaded HTTP server on `host:port` (0: a free port) collecting webhook calls."""

    def __init__(
        self,
        secret: str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        respond: Responder | None = None,
    ) -> None:
        self.secret = secret
        self.respond = respond
        self._script: list[int | Slow] = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.received: list[ReceivedWebhook] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                receiver._handle(self, body)

            def log_message(self, *_: Any) -> None:
                pass

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        host = self._server.server_address[0]
        if isinstance(host, bytes):
            host = host.decode()
        return f"http://{host}:{self.port}/webhook"

    def script(self, *answers: int | Slow) -> None:
        """Answers for the next calls, in order; afterwards every call gets 200."""
        with self._lock:
            self._script.extend(answers)

    def _next_answer(self) -> int | Slow:
        with self._lock:
            return self._script.pop(0) if self._script else 200

    def _handle(self, handler: BaseHTTPRequestHandler, body: str) -> None:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        try:
            payload = signing.decode_body(body)
        except ValueError:
            payload = None
        ok = None
        if self.secret is not None:
            ok = signing.verify(self.secret, headers.get(signing.HEADER.lower()), body)
        hook = ReceivedWebhook(handler.path, headers, body, payload, ok)
        answer = self._next_answer()
        if isinstance(answer, Slow):
            time.sleep(answer.seconds)
            status = answer.status
        else:
            status = answer
        if self.respond is not None:
            status = self.respond(hook)
        hook.answered = status
        with self._arrived:
            self.received.append(hook)
            self._arrived.notify_all()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "text/plain")
            handler.send_header("Content-Length", "2")
            handler.end_headers()
            handler.wfile.write(b"ok")
        except OSError:
            pass  # the sender gave up (timeout) before we answered

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedWebhook]:
        """Block until `count` calls arrived (all of them are returned)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self.received)} of {count} webhooks arrived")
                self._arrived.wait(left)
            return list(self.received)

    @property
    def payloads(self) -> list[Any]:
        with self._lock:
            return [hook.payload for hook in self.received]

    def start(self) -> WebhookReceiver:
        # `shutdown()` waits for the serve loop to look at its flag, once per poll interval:
        # the default half second would be the teardown time of every test that uses one.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()
