"""The Order API's OpenAPI document: committed, served, complete, and true to real responses.

A small JSON-schema checker (the subset the document uses) validates live responses of every
endpoint against the document's response schemas, which list every field as required and
allow no others, so a change of wire shape fails here until the document follows.
"""

from __future__ import annotations

import difflib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mockcentra.rest.order_api import ENDPOINTS
from mockcentra.rest.order_openapi import order_api_openapi, order_api_openapi_text
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import BASE, OrderApi

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "order-api.openapi.json"
DOC = order_api_openapi()


# ---------------------------------------------------------------- a small schema checker

_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def errors_of(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Every way `value` breaks `schema` ($ref, type, enum, pattern, properties, required,
    additionalProperties, items, oneOf, anyOf)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return errors_of(value, DOC["components"]["schemas"][name], where)
    if "oneOf" in schema:
        matches = [s for s in schema["oneOf"] if not errors_of(value, s, where)]
        if len(matches) != 1:
            details = [errors_of(value, s, where)[:3] for s in schema["oneOf"]]
            return [f"{where}: matches {len(matches)} of oneOf: {details}"]
        return []
    if "anyOf" in schema:
        if any(not errors_of(value, s, where) for s in schema["anyOf"]):
            return []
        return [f"{where}: matches none of anyOf"]
    problems: list[str] = []
    types = schema.get("type")
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if not any(_TYPES[t](value) for t in allowed):
            return [f"{where}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                problems.append(f"{where}: missing {key}")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                problems += errors_of(item, props[key], f"{where}.{key}")
            elif extra is False:
                problems.append(f"{where}: unexpected field {key}")
            elif isinstance(extra, dict):
                problems += errors_of(item, extra, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += errors_of(item, schema["items"], f"{where}[{i}]")
    return problems


def response_schema(method: str, path: str) -> dict[str, Any]:
    return DOC["paths"][path][method.lower()]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]


def assert_valid(method: str, path: str, body: dict[str, Any]) -> None:
    problems = errors_of(body, response_schema(method, path))
    assert problems == [], "\n".join(problems[:20])


# ---------------------------------------------------------------- the document itself


def test_committed_document_matches_the_served_one(centra: CentraClient) -> None:
    live = order_api_openapi_text()
    committed = SCHEMA_FILE.read_text() if SCHEMA_FILE.is_file() else ""

    if committed != live:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                live.splitlines(keepends=True),
                "schema/order-api.openapi.json (committed)",
                "live document",
                n=1,
            )
        )
        raise AssertionError(
            "schema/order-api.openapi.json is stale: run `mockcentra export-schema` "
            "and commit the file.\n" + diff[:4000]
        )
    served = centra.get(f"{BASE}/openapi.json")
    assert served.status_code == 200
    assert served.json() == json.loads(committed)


def test_every_endpoint_is_documented_and_every_documented_path_exists() -> None:
    served = {(e.method.lower(), e.path) for e in ENDPOINTS}
    documented = {(m, path) for path, ops in DOC["paths"].items() for m in ops}

    assert served == documented


def test_every_reference_resolves() -> None:
    names = set(DOC["components"]["schemas"])
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(DOC)))

    assert refs <= names, refs - names


# ---------------------------------------------------------------- real responses


def test_real_responses_match_the_document(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    first, second = centra_factories.sellable_items(min_free=3)[:2]
    number = api.confirmed_order(centra_factories, [(first, 2), (second, 1)])
    lines = [p["lineId"] for p in api.order(number)["products"]]
    shipment = api.ship_all(number, products={lines[0]: 2})
    api.ok("POST", "shipments", {"order": number, "products": {lines[1]: 1}, "capture": False})
    created = api.ok(
        "POST",
        "order",
        {
            "address": {"email": "b@example.com", "country": "SE"},
            "createOnly": True,
            "products": [{"id": first.product_size_id, "qty": 1}],
        },
    )["order"]
    imported = api.create_order(
        [(second, 1)], payment={"auth": {"status": 0, "amount": float(second.price)}}
    )
    ret = api.ok(
        "POST",
        "return",
        {"shipment": shipment, "products": {lines[0]: 1}, "refund": {"refundPayment": True}},
    )
    plain = api.ok("POST", "return", {"shipment": shipment, "products": {lines[0]: 1}})
    customer = api.order(number)["customerId"]
    assert api.order(imported)["waitingForPayment"] == 1

    calls: list[tuple[str, str, str, Any, dict[str, Any]]] = [
        ("GET", "/orders", "orders", None, {}),
        ("GET", "/orders", "orders", None, {"order": number}),
        ("PUT", "/orders", "orders", {"order": number, "internalComment": "x"}, {}),
        (
            "POST",
            "/order",
            "order",
            {
                "address": {"email": "a@example.com", "country": "SE"},
                "products": [{"id": first.product_size_id, "qty": 1}],
            },
            {},
        ),
        ("POST", "/order/{orderId}", f"order/{created}", {"internalComment": "y"}, {}),
        ("GET", "/shipments", "shipments", None, {"status": "completed"}),
        ("GET", "/shipments", "shipments", None, {"status": "inprogress"}),
        ("PUT", "/shipments/{shipmentId}", f"shipments/{number}-2", {"gtg": True}, {}),
        ("PUT", "/capture", "capture", {"shipment": f"{number}-2"}, {}),
        ("POST", "/shipment", "shipment", {"shipment": f"{number}-2", "tracking": "T"}, {}),
        ("GET", "/returns", "returns", None, {}),
        ("PUT", "/returns/{returnId}", f"returns/{plain['return']}", {"completed": True}, {}),
        ("GET", "/customers", "customers", None, {}),
        ("GET", "/customers/{customerId}", f"customers/{customer}", None, {}),
        ("GET", "/stock", "stock", None, {"limit": 3, "page": 2}),
        ("GET", "/stock", "stock", None, {"limit": 1, "exclude": "physicalStock"}),
        ("GET", "/products", "products", None, {"limit": 3}),
        # refusals validate against the Error alternative
        ("GET", "/vouchers/{id}", "vouchers/1", None, {}),
        ("PUT", "/voucher/{id}/clone", "voucher/1/clone", {}, {}),
        ("PUT", "/shipment", "shipment", {"shipment": "999-1"}, {}),
        ("POST", "/shipments", "shipments", {"order": 999, "products": {"1": 1}}, {}),
    ]
    validated = 0
    for method, template, path, body, params in calls:
        response = api.call(method, path, body, **params)
        assert response.status_code == 200, (path, response.text)
        assert_valid(method, template, response.json())
        validated += 1
    assert_valid("POST", "/return", ret)
    assert_valid("POST", "/return", plain)
    assert validated == len(calls)


def test_delete_and_unauthorized_bodies_match_the_document(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    number = api.confirmed_order(centra_factories, [(centra_factories.sellable_item(), 1)])
    line = api.order(number)["products"][0]["lineId"]
    api.ok("POST", "shipments", {"order": number, "products": {line: 1}, "capture": False})

    deleted = api.ok("DELETE", f"shipments/{number}-1")
    unauthorized = centra.get(f"{BASE}/orders")

    assert_valid("DELETE", "/shipments/{shipmentId}", deleted)
    schema = DOC["paths"]["/orders"]["get"]["responses"]["401"]["content"]["application/json"]
    assert errors_of(unauthorized.json(), schema["schema"]) == []


# ---------------------------------------------------------------- the docs page


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


def test_docs_page_works_offline(centra: CentraClient) -> None:
    page = centra.get("/docs")
    parser = _Assets()
    parser.feed(page.text)

    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert parser.urls == ["/static/swagger/swagger-ui.css", "/static/swagger/swagger-ui-bundle.js"]
    assert "http://" not in page.text and "https://" not in page.text
    assert f'"{BASE}/openapi.json"' in page.text
    for url in parser.urls:
        asset = centra.get(url)
        assert asset.status_code == 200 and len(asset.content) > 100_000, url
