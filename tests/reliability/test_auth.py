"""Every door is locked: each Integration API root field refuses a token without its permission,
each Order API path a missing or wrong secret, and the control plane can be switched off or
put behind its own token."""

from __future__ import annotations

import re

import pytest
from graphql import (
    GraphQLNonNull,
    GraphQLScalarType,
    Undefined,
    get_named_type,
)
from starlette.testclient import TestClient

from mockcentra import __version__
from mockcentra.app import create_app
from mockcentra.graphql.schema import shared_schema
from mockcentra.rest.order_api import ENDPOINTS
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient
from tests.support import literal_of

SCHEMA = shared_schema()._schema
PERMISSION = re.compile(r"^[A-Z][A-Za-z.]*:(read|write)$")


def _operation(kind: str, name: str) -> str:
    root = SCHEMA.query_type if kind == "Query" else SCHEMA.mutation_type
    f = root.fields[name]
    args = [
        f"{arg}: {literal_of(a.type)}"
        for arg, a in f.args.items()
        if isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined
    ]
    call = f"{name}({', '.join(args)})" if args else name
    selection = "" if isinstance(get_named_type(f.type), GraphQLScalarType) else " { __typename }"
    return f"{kind.lower()} {{ {call}{selection} }}"


#: Root fields Centra documents as needing no permission; `counters` needs none itself, each
#: counter needs its list's read permission (checked below).
OPEN_FIELDS = {("Query", "rateLimits"), ("Query", "counters")}
ROOT_FIELDS = [
    (kind, name)
    for kind, name in [("Query", n) for n in SCHEMA.query_type.fields]
    + [("Mutation", n) for n in SCHEMA.mutation_type.fields]
    if (kind, name) not in OPEN_FIELDS
]


@pytest.fixture
def powerless(centra: CentraClient) -> str:
    made = centra.post("/_mock/tokens", json={"token": "powerless", "permissions": []})
    assert made.status_code == 201, made.text
    return "powerless"


@pytest.mark.parametrize(("kind", "name"), ROOT_FIELDS, ids=[f"{k}.{n}" for k, n in ROOT_FIELDS])
def test_every_root_field_needs_its_permission(
    centra: CentraClient, powerless: str, kind: str, name: str
) -> None:
    query = _operation(kind, name)

    r = centra.post(
        "/graphql", json={"query": query}, headers={"Authorization": "Bearer powerless"}
    )

    body = r.json()
    assert r.status_code == 200, body
    needed = body["extensions"]["permissionsUsed"][0]
    assert PERMISSION.match(needed), body
    assert body["errors"][0]["message"] == f"You need {needed} permission to access {name}."
    assert body["errors"][0]["extensions"] == {"category": "authorization"}
    assert (body.get("data") or {}).get(name) is None


def test_each_counter_needs_its_lists_permission(centra: CentraClient, powerless: str) -> None:
    r = centra.post(
        "/graphql",
        json={"query": "{ counters { products } }"},
        headers={"Authorization": "Bearer powerless"},
    )

    body = r.json()
    assert body["extensions"]["permissionsUsed"] == ["Product:read"]
    assert body["errors"][0]["message"] == "You need Product:read permission to access products."
    assert (body.get("data") or {}).get("counters") is None


def test_rate_limits_needs_no_permission(centra: CentraClient, powerless: str) -> None:
    r = centra.post(
        "/graphql",
        json={"query": "{ rateLimits { type } }"},
        headers={"Authorization": "Bearer powerless"},
    )

    body = r.json()
    assert r.status_code == 200, body
    assert "errors" not in body
    assert len(body["data"]["rateLimits"]) == 6
    assert body["extensions"]["permissionsUsed"] == []


ORDER_PATHS = sorted({(e.method, e.path.replace("{", "").replace("}", "")) for e in ENDPOINTS})


@pytest.mark.parametrize(("method", "path"), ORDER_PATHS)
@pytest.mark.parametrize(
    ("secret", "message"),
    [(None, "API-Authorization header is missing"), ("wrong", "API-Authorization is not valid")],
)
def test_every_order_api_path_needs_the_secret(
    centra: CentraClient, method: str, path: str, secret: str | None, message: str
) -> None:
    headers = {"API-Authorization": secret} if secret else {}

    r = centra.request(method, f"/api/order{path}", headers=headers, json={})

    assert r.status_code == 401
    assert r.json() == {"status": "no", "msg": message}


@pytest.fixture(scope="module")
def guarded() -> TestClient:
    return TestClient(create_app(Settings(db=":memory:", scenario="empty", control_token="s3")))


@pytest.fixture(scope="module")
def closed() -> TestClient:
    return TestClient(create_app(Settings(db=":memory:", scenario="empty", control=False)))


def test_a_disabled_control_plane_is_not_there(closed: TestClient) -> None:
    for method, path in [("GET", "/_mock/clock"), ("POST", "/_mock/reset"), ("GET", "/_mock")]:
        r = closed.request(method, path)
        assert r.status_code == 404
        assert r.json() == {"error": "Not found: the control plane is disabled on this server."}


def test_a_disabled_control_plane_leaves_the_apis_alone(closed: TestClient) -> None:
    r = closed.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"Authorization": "Bearer dev-integration-token"},
    )
    assert r.status_code == 200
    assert r.json()["data"] == {"__typename": "Query"}


@pytest.mark.parametrize(
    ("authorization", "status", "error"),
    [
        (
            None,
            401,
            "The control plane needs 'Authorization: Bearer <control token>' "
            "(MOCKCENTRA_CONTROL_TOKEN).",
        ),
        ("Bearer nope", 401, "The control token is not valid."),
        ("Bearer dev-integration-token", 401, "The control token is not valid."),
    ],
)
def test_a_guarded_control_plane_refuses_without_its_token(
    guarded: TestClient, authorization: str | None, status: int, error: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}

    r = guarded.post("/_mock/reset", headers=headers)

    assert r.status_code == status
    assert r.json() == {"error": error}


def test_a_guarded_control_plane_answers_with_its_token(guarded: TestClient) -> None:
    r = guarded.get("/_mock/health", headers={"Authorization": "Bearer s3"})

    assert r.status_code == 200
    assert r.json()["scenario"] == "empty"


@pytest.mark.parametrize("authorization", [None, "Bearer nope"])
def test_health_answers_without_the_control_token_and_tells_only_that_it_is_up(
    guarded: TestClient, closed: TestClient, authorization: str | None
) -> None:
    """Container healthchecks and load balancers send no token: health answers in every mode,
    but where the database is, the scenario and the clock are for control-plane users only."""
    headers = {"Authorization": authorization} if authorization else {}

    for client in (guarded, closed):
        r = client.get("/_mock/health", headers=headers)

        assert r.status_code == 200
        assert r.json() == {"status": "ok", "version": __version__}


def test_control_settings_come_from_the_environment() -> None:
    settings = Settings.from_env({"MOCKCENTRA_CONTROL": "off", "MOCKCENTRA_CONTROL_TOKEN": "t"})

    assert (settings.control, settings.control_token) == (False, "t")
    with pytest.raises(ValueError, match="not a yes/no value"):
        Settings.from_env({"MOCKCENTRA_CONTROL": "maybe"})
