"""Hostile or careless requests get a clear error with the right status, in the shape of the API
they were sent to, and never a 500: oversized bodies, deep or costly queries, rate limits,
malformed JSON, wrong types and wrong content types."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient

from mockcentra.app import create_app
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

BEARER = {"Authorization": "Bearer dev-integration-token"}
ORDER_API = {"API-Authorization": "dev-order-api-secret"}
APP_VERSION = {"appVersion": "mockcentra-0.1.0"}


@pytest.fixture(scope="module")
def strict() -> TestClient:
    """A server with small limits and the rate limit on (3 requests per 10 s)."""
    settings = Settings(
        db=":memory:",
        scenario="empty",
        max_body_bytes=1000,
        rate_limit=3,
        graphql_max_depth=3,
        graphql_max_complexity=50,
    )
    return TestClient(create_app(settings))


def _too_large(area: str) -> dict:
    message = "Request body too large: the limit is 1000 bytes (MOCKCENTRA_MAX_BODY_BYTES)."
    return {
        "graphql": {
            "errors": [{"message": message, "extensions": {"category": "request"}}],
            "extensions": APP_VERSION,
        },
        "checkout": {"token": None, "errors": {"request": message}},
        "order": {"status": "no", "msg": message},
    }[area]


@pytest.mark.parametrize(
    ("path", "area"),
    [("/graphql", "graphql"), ("/api/checkout/payment", "checkout"), ("/api/order/order", "order")],
)
def test_an_oversized_body_is_413_in_the_apis_shape(strict: TestClient, path: str, area: str):
    r = strict.post(path, content=b"{" + b" " * 2000 + b"}", headers=BEARER)

    assert r.status_code == 413
    assert r.json() == _too_large(area)


def test_a_query_nested_too_deep_is_a_graphql_error(strict: TestClient) -> None:
    query = "{ orders { lines { product { variants { id } } } } }"

    r = strict.post("/graphql", json={"query": query}, headers=BEARER)

    assert r.status_code == 400
    assert r.json()["errors"] == [
        {
            "message": "The query is nested 5 fields deep; the limit is 3.",
            "extensions": {"category": "complexity"},
        }
    ]


def test_a_query_too_complex_is_a_graphql_error(strict: TestClient) -> None:
    r = strict.post("/graphql", json={"query": "{ orders(limit: 100) { number } }"}, headers=BEARER)

    assert r.status_code == 400
    assert r.json()["errors"] == [
        {
            "message": "The query's complexity is 101; the limit is 50. Ask for fewer fields "
            "or smaller `limit`s.",
            "extensions": {"category": "complexity"},
        }
    ]
    assert r.json()["extensions"]["complexity"] == 101


def test_a_document_nested_beyond_parsing_is_a_graphql_error(centra: CentraClient) -> None:
    query = "{" + "orders { lines { " * 400 + "id" + " } }" * 400 + "}"

    r = centra.post("/graphql", json={"query": query}, headers=BEARER)

    assert r.status_code == 400
    assert r.json()["errors"][0]["message"] == (
        "Syntax Error: Document is nested too deeply. Parsing aborted."
    )


def test_the_rate_limit_answers_429_with_retry_after_until_the_window_passes() -> None:
    client = TestClient(create_app(Settings(db=":memory:", scenario="empty", rate_limit=2)))
    client.post("/_mock/clock", json={"freeze": "2030-01-01T00:00:00+00:00"})
    query = {"query": "{ __typename }"}

    statuses = [client.post("/graphql", json=query, headers=BEARER).status_code for _ in range(2)]
    limited = client.post("/graphql", json=query, headers=BEARER)
    other_api = client.get("/api/order/orders", headers=ORDER_API)
    client.post("/_mock/clock", json={"advanceSeconds": 10})
    after = client.post("/graphql", json=query, headers=BEARER)

    assert statuses == [200, 200]
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "10"
    assert limited.json() == {
        "errors": [
            {
                "message": "Too many requests: the limit is 2 per 10 seconds. Retry in 10 seconds.",
                "extensions": {"category": "rateLimit"},
            }
        ],
        "extensions": APP_VERSION,
    }
    assert other_api.status_code == 200  # counted per credential
    assert after.status_code == 200


def test_rate_limiting_is_off_by_default(centra: CentraClient) -> None:
    statuses = {centra.graphql("{ __typename }").status_code for _ in range(30)}

    assert statuses == {200}


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        (
            "/graphql",
            BEARER,
            {
                "errors": [
                    {
                        "message": "Request body is not valid JSON.",
                        "extensions": {"category": "request"},
                    }
                ],
                "extensions": APP_VERSION,
            },
        ),
        (
            "/api/checkout/payment",
            {},
            {"token": None, "errors": {"body": "request body is not valid JSON"}},
        ),
        ("/api/order/order", ORDER_API, {"status": "no", "msg": "request body is not valid JSON"}),
    ],
)
def test_malformed_json_is_a_clear_refusal(centra: CentraClient, path, headers, expected) -> None:
    r = centra.post(
        path, content=b'{"broken": ', headers={**headers, "Content-Type": "application/json"}
    )

    assert r.status_code in (200, 400)
    assert r.json() == expected


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        (
            "/graphql",
            BEARER,
            {
                "errors": [
                    {
                        "message": "Unsupported Content-Type 'application/x-www-form-urlencoded': "
                        "send the body as JSON with 'Content-Type: application/json'.",
                        "extensions": {"category": "request"},
                    }
                ],
                "extensions": APP_VERSION,
            },
        ),
        (
            "/api/order/order",
            ORDER_API,
            {
                "status": "no",
                "msg": "Unsupported Content-Type 'application/x-www-form-urlencoded': "
                "send the body as JSON with 'Content-Type: application/json'.",
            },
        ),
    ],
)
def test_a_form_body_is_415(centra: CentraClient, path, headers, expected) -> None:
    r = centra.post(
        path,
        content=b"query=x",
        headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
    )

    assert r.status_code == 415
    assert r.json() == expected


def test_wrong_types_are_named(centra: CentraClient) -> None:
    graphql = centra.post(
        "/graphql",
        json={"query": "query($l:Int){ orders(limit:$l){ number } }", "variables": {"l": "ten"}},
        headers=BEARER,
    )
    variables = centra.post(
        "/graphql", json={"query": "{ __typename }", "variables": [1]}, headers=BEARER
    )
    order_api = centra.order_api("/orders?limit=ten")
    huge = centra.order_api("/orders?limit=99999999999999999999999")
    address = centra.order_api(
        "/order", "POST", json={"currency": "SEK", "address": {"email": ["x"]}, "products": []}
    )
    checkout = centra.post("/api/checkout/items/1-1", json={"quantity": "lots"})

    assert graphql.status_code == 400
    assert graphql.json()["errors"][0]["message"] == (
        "Variable '$l' has invalid value: Int cannot represent non-integer value: 'ten'"
    )
    assert variables.status_code == 400
    assert variables.json()["errors"][0]["message"] == "'variables' must be an object."
    assert order_api.json() == {"status": "no", "msg": "limit must be an integer"}
    assert huge.json() == {"status": "no", "msg": "limit is out of range"}
    assert address.json() == {"status": "no", "msg": "address.email must be text"}
    assert checkout.status_code == 400
    assert checkout.json()["errors"] == {"quantity": "quantity must be at least 1"}


def test_a_negative_list_limit_does_not_lower_the_complexity(centra: CentraClient) -> None:
    r = centra.graphql("{ orders(limit: -5) { number } }")

    assert r.extensions["complexity"] == 11
    assert r.errors[0]["message"] == "limit must be between 1 and 1000."


def test_a_bad_filter_value_in_a_query_is_the_clients_error_and_not_logged(
    centra: CentraClient, caplog: pytest.LogCaptureFixture
) -> None:
    query = '{ customers(where: {createdAt: {from: "2020-13-45"}}) { id } }'

    with caplog.at_level(logging.INFO):
        answer = centra.graphql(query)

    assert answer.status_code == 200
    assert answer.errors == [
        {
            "message": "Cannot read '2020-13-45' as a date and time.",
            "locations": [{"line": 1, "column": 3}],
            "path": ["customers"],
            "extensions": {"category": "request"},
        }
    ]
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
