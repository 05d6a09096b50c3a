"""The OpenAPI 3.1 document of the REST Order API, built from Python so it cannot drift.

`order_api_openapi(base)` is what `<base>/openapi.json` serves; `order_api_openapi_text()` is
the committed schema/order-api.openapi.json (default base), written by
`mockcentra export-schema`. Response schemas list every field as required and allow no
others, so tests that validate real responses against them catch any change of shape.
"""

from __future__ import annotations

import json
from typing import Any

from mockcentra.rest.models import RestModel, component_schemas, is_empty, parameters
from mockcentra.rest.openapi_blocks import ref
from mockcentra.rest.order_endpoints import ENDPOINTS
from mockcentra.rest.order_endpoints.endpoint import Endpoint
from mockcentra.rest.order_models.orders import (
    CompleteOrderRequest,
    CreateOrderRequest,
    UpdateOrderRequest,
)
from mockcentra.rest.order_models.returns import CreateReturnRequest, UpdateReturnRequest
from mockcentra.rest.order_models.shipments import (
    CaptureShipmentRequest,
    CompleteShipmentRequest,
    CreateShipmentRequest,
    UpdateShipmentRequest,
)
from mockcentra.rest.order_models.vouchers import CloneVoucherRequest
from mockcentra.rest.order_openapi_bodies import RESPONSES
from mockcentra.rest.order_openapi_components import SCHEMAS

DEFAULT_BASE = "/api/order"

#: Every request body model, in the order `components.schemas` lists them (with the models
#: they hold).
BODIES: list[type[RestModel]] = [
    UpdateOrderRequest,
    CreateOrderRequest,
    CompleteOrderRequest,
    CreateShipmentRequest,
    CompleteShipmentRequest,
    CaptureShipmentRequest,
    UpdateShipmentRequest,
    CreateReturnRequest,
    UpdateReturnRequest,
    CloneVoucherRequest,
]


# ---------------------------------------------------------------- paths


def op(spec: Endpoint) -> dict[str, Any]:
    """One endpoint's operation: parameters and request body from its models, responses
    declared by name."""
    out: dict[str, Any] = {"summary": spec.summary}
    if spec.description:
        out["description"] = spec.description
    params = [*parameters(spec.params, "path"), *parameters(spec.query, "query")]
    if params:
        out["parameters"] = params
    if not is_empty(spec.body):
        out["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(spec.body.__name__)}},
        }
    out["responses"] = {
        "200": {
            "description": '`status: "ok"`, or `status: "no"` with `msg` when refused.',
            "content": {
                "application/json": {"schema": {"oneOf": [ref(spec.response), ref("Error")]}}
            },
        },
        "401": {
            "description": "API-Authorization missing or wrong.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "404": {
            "description": (
                "No such endpoint: the path or method is unknown, or a path parameter makes "
                "the path one no route reads (a line break in it)."
            ),
            "content": {"application/json": {"schema": ref("Error")}},
        },
    }
    return out


def paths() -> dict[str, Any]:
    """The endpoint table as the document's `paths`."""
    out: dict[str, Any] = {}
    for spec in ENDPOINTS:
        out.setdefault(spec.path, {})[spec.method.lower()] = op(spec)
    return out


def order_api_openapi(base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The whole OpenAPI document, with `base` as the server path."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "mockcentra Order API",
            "version": "1",
            "description": (
                "Centra's REST Order API as mockcentra serves it. Every call needs the header "
                "`API-Authorization: <secret>` (default `dev-order-api-secret`). Success is "
                '`{"status": "ok", ...}`; a refusal is `{"status": "no", "msg": ...}` with HTTP '
                "200; a missing or wrong key is HTTP 401, an unknown path or method HTTP 404. The same "
                "paths also answer under "
                "`<base>/<pluginId>/`."
            ),
        },
        "servers": [{"url": base}],
        "security": [{"ApiKey": []}],
        "paths": paths(),
        "components": {
            "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "API-Authorization"}
            },
            "schemas": {**SCHEMAS, **component_schemas(BODIES), **RESPONSES},
        },
    }


def order_api_openapi_text(base: str = DEFAULT_BASE) -> str:
    """The committed file's text: sorted-free, indented JSON with a final newline."""
    return json.dumps(order_api_openapi(base), indent=2, ensure_ascii=False) + "\n"
