"""The Checkout API's OpenAPI document: committed, served, complete, and true to real responses.

A storefront walk (selection, items, lines, vouchers, payment, receipt, newsletter) and its
refusals are validated against the document's schema for the status each call answered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from jsonschema_rs import Draft202012Validator  # comes with schemathesis

from mockcentra.rest.checkout_api import checkout_routes
from mockcentra.rest.checkout_openapi import checkout_api_openapi, checkout_api_openapi_text
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "checkout-api.openapi.json"
DOC = checkout_api_openapi()


def problems(method: str, template: str, response: httpx.Response) -> list[str]:
    """How the response breaks the document's schema for its status code (or why none)."""
    responses = DOC["paths"][template][method.lower()]["responses"]
    documented = responses.get(str(response.status_code))
    if documented is None:
        return [f"{method} {template}: status {response.status_code} is not documented"]
    schema = {
        **documented["content"]["application/json"]["schema"],
        "components": DOC["components"],
    }
    validator = Draft202012Validator(schema)
    return [
        f"{method} {template} {response.status_code}: "
        f"{'/'.join(map(str, e.instance_path))}: {e.message}"
        for e in validator.iter_errors(response.json())
    ]


def test_committed_document_is_current_and_served(centra: CentraClient) -> None:
    committed = SCHEMA_FILE.read_text() if SCHEMA_FILE.is_file() else ""

    served = centra.get("/api/checkout/openapi.json")

    assert committed == checkout_api_openapi_text(), (
        "schema/checkout-api.openapi.json is stale: run `mockcentra export-schema` and commit it"
    )
    assert served.status_code == 200
    assert served.json() == json.loads(committed)
    for name in DOC["components"]["schemas"]:  # every schema compiles, references resolve
        Draft202012Validator({"$ref": f"#/components/schemas/{name}", **DOC})


def test_every_route_is_documented_and_every_documented_path_exists() -> None:
    served = {
        (method.lower(), route.path)
        for route in checkout_routes(None)  # type: ignore[arg-type]
        for method in route.methods or ()
        if method != "HEAD" and route.path not in ("/openapi.json", "/{rest:path}")
    }
    documented = {(m, path) for path, ops in DOC["paths"].items() for m in ops}

    assert served == documented


def test_a_storefront_walk_and_its_refusals_match_the_document(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    scarce = centra_factories.sellable_items(min_free=1)[-1]
    calls: list[tuple[str, str, httpx.Response]] = []

    def call(method: str, template: str, path: str, token: str | None, **kw: Any):
        response = centra.checkout(path, method, token=token, **kw)
        calls.append((method, template, response))
        return response

    first = call("GET", "/selection", "selection", None)
    token = first.json()["token"]
    added = call("POST", "/items/{item}", f"items/{item.item}", token, json={"quantity": 2})
    line = added.json()["selection"]["items"][0]["line"]
    call("POST", "/lines/{line}/quantity/{n}", f"lines/{line}/quantity/1", token)
    call("DELETE", "/lines/{line}/quantity/{n}", f"lines/{line}/quantity/1", token)
    call("PUT", "/selection", "selection", token, json={"address": JON})
    call("PUT", "/countries/{country}", "countries/SE", token)
    call("PUT", "/payment-methods/{method}", "payment-methods/dummy", token)
    call("POST", "/vouchers", "vouchers", token, json={"voucher": "NO-SUCH-CODE"})
    call("DELETE", "/vouchers/{code}", "vouchers/NO-SUCH-CODE", token)
    call("DELETE", "/lines/{line}", "lines/no-such-line", token)
    call("POST", "/items/{item}", "items/999-999", token)
    call("POST", "/items/{item}", f"items/{scarce.item}", token, json={"quantity": 10_000})
    call("GET", "/receipt", "receipt", token)
    call("POST", "/newsletter-subscription", "newsletter-subscription", token,
         json={"email": "news@example.com", "country": "SE"})  # fmt: skip
    pay = {"address": JON, "paymentMethod": "dummy", "termsAndConditions": True}
    short = call("POST", "/payment", "payment", token, json=pay)  # 410: the scarce item
    paid = call("POST", "/payment", "payment", token, json=pay)
    call("GET", "/receipt", "receipt", token)
    call("PUT", "/countries/{country}", "countries/XX", None)
    wrong = centra.checkout("selection", "GET", headers={"Authorization": "Bearer wrong"})
    calls.append(("GET", "/selection", wrong))

    statuses = [response.status_code for _, _, response in calls]
    assert short.status_code == 410
    assert paid.json().get("action") == "success", paid.text
    assert {200, 400, 401, 404, 410} <= set(statuses), statuses
    found = [
        p for method, template, response in calls for p in problems(method, template, response)
    ]
    assert found == []


def test_a_declined_and_a_redirect_payment_match_the_document(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=2)
    results: list[tuple[str, str, httpx.Response]] = []
    for fields in ({"authorization": "decline"}, None):
        token = centra.checkout(f"items/{item.item}", "POST").json()["token"]
        body: dict[str, Any] = {"address": JON, "paymentMethod": "dummy"}
        if fields:
            body["paymentMethodSpecificFields"] = fields
        else:
            body["paymentMethod"] = "dummy-redirect"
        results.append(("POST", "/payment", centra.checkout("payment", token=token, json=body)))
        if fields is None:
            finished = centra.checkout("payment-result", token=token, json={})
            results.append(("POST", "/payment-result", finished))

    assert [r.status_code for _, _, r in results] == [402, 200, 200]
    assert results[1][2].json()["action"] == "redirect"
    found = [
        p for method, template, response in results for p in problems(method, template, response)
    ]
    assert found == []
