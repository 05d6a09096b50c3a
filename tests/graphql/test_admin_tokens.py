"""The admin token API: `generateToken`, `revokeAccess` and `permissionNames`, called with the
admin token and backed by the same tokens the control plane makes."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient

ADMIN = "dev-admin-token"
FROZEN = "2031-03-01T10:00:00+01:00"
GENERATE = """mutation($user: GraphQLUserInput!, $ttl: Int) {
  generateToken(user: $user, ttl: $ttl) { token isValid expiresAt user { name permissions } }
}"""
REVOKE = """mutation($token: String!) { revokeAccess(token: $token) { token isValid expiresAt } }"""
PRODUCTS = "{ products(limit: 1) { id } }"


@pytest.fixture
def frozen(centra: CentraClient) -> CentraClient:
    assert centra.post("/_mock/clock", json={"freeze": FROZEN}).status_code == 200
    return centra


def generate(centra: CentraClient, ttl: int | None = None, **user: Any) -> dict[str, Any]:
    user = {"name": "ERP", "permissions": ["Product:read"], **user}
    return centra.graphql(GENERATE, {"user": user, "ttl": ttl}, token=ADMIN).payload(
        "generateToken"
    )


def first_token_of_a_fresh_instance(centra: CentraClient) -> str:
    """The value the next generated token gets: a refused call must not have used one up."""
    value = generate(centra)["token"]
    centra.post("/_mock/reset")
    return value


def test_the_admin_token_generates_a_token_that_works_at_once(frozen: CentraClient) -> None:
    made = generate(frozen, ttl=3600, name="Example", permissions=["Product:read"])

    products = frozen.graphql(PRODUCTS, token=made["token"])
    orders = frozen.graphql("{ orders(limit: 1) { id } }", token=made["token"])

    assert made == {
        "token": made["token"],
        "isValid": True,
        "expiresAt": "2031-03-01T11:00:00+01:00",
        "user": {"name": "Example", "permissions": ["Product:read"]},
    }
    assert len(made["token"]) == 32 and made["token"] != ADMIN
    assert products.errors == []
    assert products.payload("products") == [{"id": 1}]
    assert orders.errors[0]["message"] == "You need Order:read permission to access orders."


def test_a_token_lives_thirty_days_by_default_and_expires(frozen: CentraClient) -> None:
    made = generate(frozen, name="Nightly sync")
    short = generate(frozen, ttl=60, name="Short")

    frozen.post("/_mock/clock", json={"advanceSeconds": 61})
    expired = frozen.graphql(PRODUCTS, token=short["token"])

    # 30 x 24 hours: the wall clock shows an hour more once summer time has begun
    assert made["expiresAt"] == "2031-03-31T11:00:00+02:00"
    assert expired.status_code == 401
    assert expired.errors == [
        {
            "message": "The access token is invalid or expired.",
            "extensions": {"category": "authentication"},
        }
    ]
    assert frozen.graphql(PRODUCTS, token=made["token"]).errors == []


def test_a_revoked_token_is_refused_from_the_next_request(frozen: CentraClient) -> None:
    made = generate(frozen, ttl=3600)
    assert frozen.graphql(PRODUCTS, token=made["token"]).errors == []  # cached as valid

    revoked = frozen.graphql(REVOKE, {"token": made["token"]}, token=ADMIN)
    again = frozen.graphql(REVOKE, {"token": made["token"]}, token=ADMIN)
    refused = frozen.graphql(PRODUCTS, token=made["token"])

    assert revoked.payload("revokeAccess") == {
        "token": made["token"],
        "isValid": False,
        "expiresAt": "2031-03-01T11:00:00+01:00",
    }
    assert again.payload("revokeAccess") == revoked.payload("revokeAccess")
    assert revoked.extensions["permissionsUsed"] == ["GraphQLAccess:write"]
    assert refused.status_code == 401
    assert refused.errors[0]["message"] == "The access token is invalid or expired."


def test_control_plane_tokens_can_be_revoked_too(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "ci-token", "permissions": ["Product:read"]})
    assert centra.graphql(PRODUCTS, token="ci-token").errors == []

    centra.graphql(REVOKE, {"token": "ci-token"}, token=ADMIN).ok("revokeAccess")

    assert centra.graphql(PRODUCTS, token="ci-token").status_code == 401


@pytest.mark.parametrize(
    ("user", "ttl", "message"),
    [
        ({"name": "  "}, None, "A token needs a name."),
        (
            {"permissions": []},
            None,
            "A token needs at least one permission.",
        ),
        (
            {"permissions": ["Product:read", "Product:delete"]},
            None,
            "Unknown permission Product:delete.",
        ),
        ({}, 0, "ttl must be between 1 and 315360000 seconds; 0 was given."),
        ({}, -5, "ttl must be between 1 and 315360000 seconds; -5 was given."),
        (
            {},
            315360001,
            "ttl must be between 1 and 315360000 seconds; 315360001 was given.",
        ),
    ],
)
def test_refused_token_requests_issue_nothing(
    centra: CentraClient, user: dict, ttl: int | None, message: str
) -> None:
    expected_next = first_token_of_a_fresh_instance(centra)
    body = {"user": {"name": "ERP", "permissions": ["Product:read"], **user}, "ttl": ttl}

    refused = centra.graphql(GENERATE, body, token=ADMIN)

    assert refused.errors[0]["message"] == message
    assert refused.errors[0]["path"] == ["generateToken"]
    assert refused.errors[0]["extensions"] == {"category": "request"}
    assert refused.body.get("data") is None
    assert generate(centra)["token"] == expected_next


def test_revoking_unknown_or_admin_tokens_is_refused(centra: CentraClient) -> None:
    unknown = centra.graphql(REVOKE, {"token": "no-such-token"}, token=ADMIN)
    admin = centra.graphql(REVOKE, {"token": ADMIN}, token=ADMIN)

    assert unknown.errors[0]["message"] == "Could not find this token."
    assert unknown.errors[0]["extensions"] == {"category": "request"}
    assert admin.errors[0]["message"] == "An admin token cannot be revoked through the API."
    assert centra.graphql("{ permissionNames }", token=ADMIN).errors == []


def test_only_the_admin_permission_issues_tokens(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "reader", "permissions": ["Product:read"]})
    expected_next = first_token_of_a_fresh_instance(centra)
    centra.post("/_mock/tokens", json={"token": "reader", "permissions": ["Product:read"]})

    refused = centra.graphql(
        GENERATE, {"user": {"name": "X", "permissions": ["Order:read"]}}, token="reader"
    )
    listing = centra.graphql("{ permissionNames }", token="reader")
    admin_reading = centra.graphql(PRODUCTS, token=ADMIN)

    assert refused.errors[0]["message"] == (
        "You need GraphQLAccess:write permission to access generateToken."
    )
    assert listing.errors[0]["message"] == (
        "You need GraphQLAccess:read permission to access permissionNames."
    )
    assert admin_reading.errors[0]["message"] == (
        "You need Product:read permission to access products."
    )
    assert generate(centra)["token"] == expected_next


def test_permission_names_lists_every_permission_a_token_can_get(centra: CentraClient) -> None:
    result = centra.graphql("{ permissionNames }", token=ADMIN)

    names = result.payload("permissionNames")
    assert names == sorted(names)
    assert len(names) == len(set(names))
    assert {
        "Order:read",
        "Order:write",
        "Brand:read",
        "Product.Brand:read",
        "GraphQLAccess:read",
        "GraphQLAccess:write",
    } <= set(names)
    assert "*" not in names and "" not in names
    assert result.extensions["permissionsUsed"] == ["GraphQLAccess:read"]


def test_a_token_with_every_listed_permission_can_be_generated(centra: CentraClient) -> None:
    names = centra.graphql("{ permissionNames }", token=ADMIN).payload("permissionNames")

    made = generate(centra, name="Everything", permissions=names)

    assert made["user"]["permissions"] == names
    assert centra.graphql("{ orders(limit: 1) { id } }", token=made["token"]).errors == []


def test_access_counters_count_valid_tokens_only(frozen: CentraClient) -> None:
    counted = "{ counters { graphQLAccess } }"
    before = frozen.graphql(counted).payload("counters")["graphQLAccess"]
    kept = generate(frozen, ttl=3600)
    revoked = generate(frozen, ttl=3600)
    generate(frozen, ttl=60)

    frozen.graphql(REVOKE, {"token": revoked["token"]}, token=ADMIN).ok("revokeAccess")
    frozen.post("/_mock/clock", json={"advanceSeconds": 61})

    assert before == 2  # the default token and the admin token
    assert frozen.graphql(counted).payload("counters")["graphQLAccess"] == 3
    assert frozen.graphql(PRODUCTS, token=kept["token"]).errors == []
