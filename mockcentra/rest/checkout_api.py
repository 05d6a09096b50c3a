"""Checkout API subset under /api/checkout: selection, items, location, payment, receipt.

The session token travels in `API-Token` (or `Accept: */*; api-token=<token>` on GET) and comes
back in every body. A server secret in `Authorization: Bearer` is optional; a wrong one is 401.
Every endpoint is one row of `checkout_endpoints.ENDPOINTS`, whose body and path are read into
its models (rest/checkout_models.py); its handler runs one domain action and leaves the answer
to `checkout_serializers`. The OpenAPI document is served at
/api/checkout/openapi.json (see checkout_openapi.py).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mockcentra.domain.checkout import actions as checkout
from mockcentra.domain.checkout import payment
from mockcentra.domain.errors import DomainError
from mockcentra.rest import errors
from mockcentra.rest.body import read_json_object
from mockcentra.rest.checkout_endpoints import ENDPOINTS, Call, Endpoint
from mockcentra.rest.checkout_openapi import checkout_api_openapi
from mockcentra.rest.checkout_serializers import session_body
from mockcentra.rest.models import read
from mockcentra.rest.transaction import run, run_request
from mockcentra.state.runtime import Runtime
from mockcentra.storage.uow import UnitOfWork


def _token(request: Request) -> str | None:
    token = request.headers.get("api-token")
    if token:
        return token.strip()
    accept = request.headers.get("accept", "")
    for part in accept.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "api-token" and value:
            return value.strip()
    return None


def _handle(runtime: Runtime, spec: Endpoint) -> Callable[[Request], Awaitable[JSONResponse]]:
    """The endpoint as a Starlette handler: check the secret, read the body, run the handler in
    one unit of work, answer the session (or the handler's body), convert refusals."""

    async def handle(request: Request) -> JSONResponse:
        token = _token(request)
        header = request.headers.get("authorization")
        if header is not None and header != f"Bearer {runtime.settings.checkout_secret}":
            return errors.checkout_refusal(token, "authorization", "invalid secret", 401)
        try:
            body = await read_json_object(request)

            def act(uow: UnitOfWork) -> dict[str, Any]:
                sel = (
                    checkout.selection_for(uow, token)
                    if spec.opens_session
                    else checkout.find_selection(uow, token)
                )
                # read after the selection is found: a call to a session that does not
                # exist is a 404 whatever its body holds, as it always was
                call = Call(
                    runtime,
                    sel,
                    body=read(spec.body, body),
                    path=read(spec.params, dict(request.path_params)),
                )
                answer = spec.handler(uow, call)
                return answer if answer is not None else session_body(uow.session, sel, runtime)

            result = await run_request(runtime, act, write=spec.write)
        except payment.ItemsUnavailable as error:
            return errors.checkout_error(token, error, _session_now(runtime, token))
        except DomainError as error:
            return errors.checkout_error(token, error)
        return JSONResponse(result)

    return handle


async def unknown_endpoint(request: Request) -> JSONResponse:
    """Paths and methods the Checkout API subset does not have: a JSON 404. Also the answer
    for a path no route can read at all (control/guards.py, `unrouted`)."""
    message = f"no endpoint {request.method} {request.url.path}"
    return errors.checkout_refusal(_token(request), "endpoint", message, 404)


@functools.cache
def _document() -> bytes:
    """The document, built from the models once per process."""
    return bytes(JSONResponse(checkout_api_openapi()).body)


async def _openapi(_: Request) -> Response:
    return Response(_document(), media_type="application/json")


def checkout_routes(runtime: Runtime) -> list[Route]:
    return [
        Route("/openapi.json", _openapi, methods=["GET"]),
        *(Route(e.path, _handle(runtime, e), methods=[e.method]) for e in ENDPOINTS),
        Route("/{rest:path}", unknown_endpoint, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]


def _session_now(runtime: Runtime, token: str | None) -> dict[str, Any]:
    """The session as it is after a refused request (for the 410 of items that ran out)."""

    def read(uow: UnitOfWork) -> dict[str, Any]:
        return session_body(uow.session, checkout.find_selection(uow, token), runtime)

    return run(runtime, read, write=False)
