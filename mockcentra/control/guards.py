"""Request guards in front of everything: control-plane access, body size, content type and the
optional rate limit.

Refusals use the envelope of the API that was called, so clients parse them like any other
error: GraphQL `errors`, the Checkout API's `errors` object, the Order API's `status: no`, and
`{"error": ...}` on the control plane.
"""

from __future__ import annotations

import hmac
import json
import math
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from mockcentra.control import http as control_http
from mockcentra.graphql import errors as graphql_errors
from mockcentra.rest import errors as rest_errors
from mockcentra.rest.checkout_api import unknown_endpoint as checkout_unknown_endpoint
from mockcentra.state.runtime import Runtime

CONTROL_PREFIX = "/_mock"
#: Answers in every mode (control plane off, or behind a token) so a container healthcheck and
#: load balancers work; without control access it tells only that the server is up.
HEALTH_PATH = CONTROL_PREFIX + "/health"
CHECKOUT_PREFIX = "/api/checkout"
JSON_TYPES = ("application/json",)


def error_body(area: str, message: str, category: str) -> dict[str, Any]:
    """An error in the shape of the API `area` answers with (each surface builds its own)."""
    if area == "graphql":
        return graphql_errors.error_body(message, category)
    if area == "checkout":
        return rest_errors.checkout_body(None, {category: message})
    if area == "order":
        return rest_errors.order_body(message)
    return control_http.error_body(message)


def area_of(path: str, order_api_base: str) -> str:
    if path == "/graphql" or path.startswith("/graphql/"):
        return "graphql"
    if path == CHECKOUT_PREFIX or path.startswith(CHECKOUT_PREFIX + "/"):
        return "checkout"
    if path == order_api_base or path.startswith(order_api_base.rstrip("/") + "/"):
        return "order"
    if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
        return "control"
    return "other"


async def unrouted(request: Request, exc: HTTPException) -> Response:
    """A request no route takes (404), or whose route lacks its method (405), answered in the
    envelope of the API its path names, as that API's own catch-all answers. Starlette's routes
    cannot read every path (`.*` stops at a newline: `/api/checkout/items/1%0A2` reaches no
    mount), and a plain-text "Not Found" breaks a client parsing the API's JSON errors. Paths
    that name no API (the console, static files) keep Starlette's plain answer."""
    area = area_of(request.url.path, request.app.state.runtime.settings.order_api_base)
    method, path = request.method, request.url.path
    if area == "checkout":
        return await checkout_unknown_endpoint(request)
    if area == "order":
        return rest_errors.not_found_endpoint(method, path)
    what = "Not found" if exc.status_code == 404 else "Method not allowed"
    message = f"{what}: {method} {path}"
    if area == "graphql":
        body = graphql_errors.error_body(message, "request")
    elif area == "control":
        body = control_http.error_body(message)
    else:
        return PlainTextResponse(exc.detail, exc.status_code, headers=exc.headers)
    return JSONResponse(body, exc.status_code, headers=exc.headers)


def _header(scope: Mapping[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _credential(scope: dict[str, Any], area: str) -> str:
    """Whom a request counts against: its token or secret, else the client address."""
    names = {
        "graphql": (b"authorization",),
        "checkout": (b"api-token", b"authorization"),
        "order": (b"api-authorization",),
    }.get(area, ())
    for name in names:
        value = _header(scope, name)
        if value:
            return f"{area}:{value}"
    client = scope.get("client") or ("?", 0)
    return f"{area}:{client[0]}"


def _json_media_type(content_type: str | None) -> bool:
    if content_type is None:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media in JSON_TYPES or media.endswith("+json") or media in ("", "*/*")


class GuardMiddleware:
    """The outermost middleware: refuses before any API code or transaction runs."""

    def __init__(self, app: Any, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = self.runtime.settings
        path: str = scope["path"]
        area = area_of(path, settings.order_api_base)

        if area == "control" and path.rstrip("/") != HEALTH_PATH:
            refusal = control_refusal(scope, settings)
            if refusal is not None:
                await respond(send, *refusal)
                return

        limit = settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if limit and declared is not None and declared.isdigit() and int(declared) > limit:
            await respond(send, 413, error_body(area, _too_large(limit), "request"))
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if limit and len(body) > limit:
                await respond(send, 413, error_body(area, _too_large(limit), "request"))
                return
        payload = bytes(body)

        if area in ("graphql", "checkout", "order"):
            refused = _unsupported_body(scope, area, payload) or self._rate_limited(scope, area)
            if refused is not None:
                await respond(send, *refused)
                return

        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": payload, "more_body": False}

        await self.app(scope, replay, send)

    def _rate_limited(self, scope: dict[str, Any], area: str) -> Refusal | None:
        """429 with `Retry-After` when the caller's credential has used up the window."""
        limiter = self.runtime.request_limiter
        if limiter is None:
            return None
        now = self.runtime.clock.now().timestamp()
        wait = limiter.take(_credential(scope, area), now)
        if wait is None:
            return None
        seconds = max(1, math.ceil(wait))
        message = (
            f"Too many requests: the limit is {limiter.limit} per "
            f"{self.runtime.settings.rate_limit_window} seconds. Retry in {seconds} seconds."
        )
        return (
            429,
            error_body(area, message, "rateLimit"),
            [(b"retry-after", str(seconds).encode())],
        )


#: A refusal sent by `respond`: status, body and extra headers.
Refusal = tuple[int, dict[str, Any], list[tuple[bytes, bytes]]]


def _unsupported_body(scope: Mapping[str, Any], area: str, payload: bytes) -> Refusal | None:
    """415 for a body that writes with a Content-Type that is not JSON."""
    if not payload.strip() or scope["method"] not in ("POST", "PUT", "PATCH", "DELETE"):
        return None
    content_type = _header(scope, b"content-type")
    if _json_media_type(content_type):
        return None
    message = (
        f"Unsupported Content-Type '{content_type}': send the body as JSON with "
        "'Content-Type: application/json'."
    )
    return 415, error_body(area, message, "request"), []


def control_refusal(scope: Mapping[str, Any], settings: Any) -> tuple[int, dict[str, Any]] | None:
    """Why the control plane refuses this request (status and body), or None when allowed."""
    if not settings.control:
        return 404, control_http.error_body(
            "Not found: the control plane is disabled on this server."
        )
    if settings.control_token:
        header = _header(scope, b"authorization") or ""
        given = header[7:].strip() if header.lower().startswith("bearer ") else ""
        if not given or not hmac.compare_digest(given.encode(), settings.control_token.encode()):
            return 401, control_http.error_body(
                "The control plane needs 'Authorization: Bearer <control token>' "
                "(MOCKCENTRA_CONTROL_TOKEN)."
                if not given
                else "The control token is not valid."
            )
    return None


def _too_large(limit: int) -> str:
    return f"Request body too large: the limit is {limit} bytes (MOCKCENTRA_MAX_BODY_BYTES)."


async def respond(
    send: Any,
    status: int,
    body: dict[str, Any],
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Send a whole JSON reply from a middleware (a refusal, or the failsafe's 500)."""
    raw = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(raw)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})
