"""Centra's REST Order API (server to server) under `Settings.order_api_base` (default
/api/order; also /api/order/<pluginId>/...), built on the same domain actions as GraphQL.

Every request needs `API-Authorization: <Settings.order_api_secret>`. Success is
`{"status": "ok", ...}`; a refusal `{"status": "no", "msg": ...}` (see rest/errors.py). Each
request is one transaction: a refused write leaves nothing behind. `xml=1` is not supported.
The OpenAPI document is served at `<base>/openapi.json` (see order_openapi.py).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from mockcentra.domain.errors import DomainError
from mockcentra.domain.ordering import queries
from mockcentra.rest import errors
from mockcentra.rest.body import read_json_object
from mockcentra.rest.models import read
from mockcentra.rest.order_endpoints import ENDPOINTS
from mockcentra.rest.order_endpoints.endpoint import Call, Endpoint
from mockcentra.rest.order_models.readers import ZONE
from mockcentra.rest.order_openapi import order_api_openapi
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.transaction import run, run_request
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import OrderRow
from mockcentra.storage.uow import UnitOfWork


def _order_of_shipment(runtime: Runtime, number: Any) -> int | None:
    def read(uow: UnitOfWork) -> int | None:
        shipment = queries.shipment_by_number(uow.session, str(number))
        order = uow.session.get(OrderRow, shipment.order_id) if shipment else None
        return order.number if order else None

    return run(runtime, read, write=False)


def _handle(runtime: Runtime, spec: Endpoint) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def handle(request: Request) -> JSONResponse:
        status = int(runtime.settings.extra.get("order_api_error_status", 200))
        header = request.headers.get("api-authorization")
        if header is None or header.strip() != runtime.settings.order_api_secret:
            return errors.unauthorized(header)
        if request.query_params.get("xml") in ("1", "true"):
            return errors.bad_request(
                "xml=1 is not supported by mockcentra: responses are JSON", status
            )
        raw: dict[str, Any] = {}
        path = dict(request.path_params)
        echo: dict[str, Any] = {}
        try:
            if spec.method in ("POST", "PUT"):
                raw = await read_json_object(request)
            echo = spec.echo(raw, path) if spec.echo else {}
            context = {ZONE: runtime.clock.zone}
            call = Call(
                query=read(spec.query, dict(request.query_params), context),
                body=read(spec.body, raw, context),
                path=read(spec.params, path, context),
                runtime=runtime,
            )
            # the body is read before the path: a clone without stopDate is refused as such
            # before its voucher id is looked at, as the API always did
            result = await run_request(
                runtime,
                lambda uow: spec.handler(uow, call, Shapes(uow.session, runtime.clock.zone)),
                write=spec.write,
            )
        except DomainError as error:
            if (
                spec.operation in ("complete_shipment", "capture_shipment")
                and "order" not in echo
                and echo.get("shipment") is not None
            ):
                found = _order_of_shipment(runtime, echo["shipment"])
                if found is not None:
                    echo = {"order": found, **echo}
            context_ids = {"return": path.get("returnId")}
            return errors.order_api_error(error, spec.operation, echo, status, context_ids)
        return JSONResponse({"status": "ok", **result})

    return handle


@functools.cache
def _document(base: str) -> bytes:
    """The document served under `base`, built from the models once per process."""
    return bytes(JSONResponse(order_api_openapi(base)).body)


def order_api_routes(runtime: Runtime) -> list[BaseRoute]:
    """The Order API's routes, for a Mount at `Settings.order_api_base`; the same routes also
    answer under `/<pluginId>/` (Centra's plugin permalink form)."""
    routes: list[BaseRoute] = []
    for spec in ENDPOINTS:
        handler = _handle(runtime, spec)
        routes.append(Route(spec.path, handler, methods=[spec.method]))
        routes.append(Route(spec.path + "/", handler, methods=[spec.method]))

    async def openapi(request: Request) -> Response:
        return Response(_document(runtime.settings.order_api_base), media_type="application/json")

    async def unknown(request: Request) -> JSONResponse:
        return errors.not_found_endpoint(request.method, request.url.path)

    tail: list[BaseRoute] = [
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/{rest:path}", unknown, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
    ]
    return [Mount("/{pluginId:int}", routes=routes + tail[-1:]), *routes, *tail]


DOCS_PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>mockcentra · Order API</title>
    <link rel="stylesheet" href="/static/swagger/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/static/swagger/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({
        url: __SPEC__,
        dom_id: "#swagger-ui",
        deepLinking: true,
        persistAuthorization: true,
        validatorUrl: null,
      });
      const key = __KEY__;
      if (key) { window.ui.preauthorizeApiKey("ApiKey", key); }
    </script>
  </body>
</html>
"""


def order_api_docs_route(runtime: Runtime) -> Route:
    """GET /docs: Swagger UI for the Order API, from files shipped in the package (offline).

    The default development secret is filled in; a configured secret never is.
    """
    default_secret = type(runtime.settings)().order_api_secret
    secret = runtime.settings.order_api_secret
    page = DOCS_PAGE.replace(
        "__SPEC__", json.dumps(f"{runtime.settings.order_api_base}/openapi.json")
    ).replace("__KEY__", json.dumps(secret if secret == default_secret else None))

    async def docs(request: Request) -> HTMLResponse:
        return HTMLResponse(page)

    return Route("/docs", docs, methods=["GET"])


__all__ = ["ENDPOINTS", "Endpoint", "order_api_docs_route", "order_api_routes"]
