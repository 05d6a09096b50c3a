"""A request no route can take is answered in the envelope of the API its path names, and the
published documents list that answer: a path parameter with a line break (which Starlette's
routes cannot read), an unknown control-plane path, a method the GraphQL endpoint does not
take. Found by the schemathesis runs in test_fuzz.py and test_fuzz_checkout.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockcentra import APP_VERSION
from mockcentra.testing import CentraClient

ROOT = Path(__file__).resolve().parents[2]
ORDER_API = {"API-Authorization": "dev-order-api-secret"}


@pytest.mark.parametrize(
    ("method", "path", "status", "body"),
    [
        (
            "POST",
            "/api/checkout/items/1%0A2",
            404,
            {"token": None, "errors": {"endpoint": "no endpoint POST /api/checkout/items/12"}},
        ),
        (
            "PUT",
            "/api/order/shipments/1%0A2",
            404,
            {"status": "no", "msg": "unknown endpoint: PUT /api/order/shipments/12"},
        ),
        ("GET", "/_mock/nothing-here", 404, {"error": "Not found: GET /_mock/nothing-here"}),
        ("GET", "/_mock/reset", 405, {"error": "Method not allowed: GET /_mock/reset"}),
        (
            "PUT",
            "/graphql",
            405,
            {
                "errors": [
                    {"message": "Method not allowed.", "extensions": {"category": "request"}}
                ],
                "extensions": {"appVersion": APP_VERSION},
            },
        ),
    ],
)
def test_an_unrouted_request_answers_in_its_apis_envelope(
    centra: CentraClient, method: str, path: str, status: int, body: dict
) -> None:
    r = centra.request(method, path, headers=ORDER_API)

    assert (r.status_code, r.headers["content-type"]) == (status, "application/json")
    assert r.json() == body


def test_a_path_that_names_no_api_keeps_the_plain_answer(centra: CentraClient) -> None:
    r = centra.get("/nothing%0Ahere")

    assert (r.status_code, r.text) == (404, "Not Found")


def _operations(document: str) -> list[tuple[str, str, dict]]:
    paths = json.loads((ROOT / "schema" / document).read_text())["paths"]
    return [
        (method, path, spec["responses"])
        for path, item in paths.items()
        for method, spec in item.items()
        if method in ("get", "post", "put", "delete")
    ]


@pytest.mark.parametrize("document", ["order-api.openapi.json", "checkout-api.openapi.json"])
def test_every_operation_documents_the_json_404(document: str) -> None:
    undocumented = [
        f"{method.upper()} {path}"
        for method, path, responses in _operations(document)
        if "application/json" not in responses.get("404", {}).get("content", {})
    ]

    assert undocumented == []
