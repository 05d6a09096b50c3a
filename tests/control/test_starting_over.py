"""Reset, snapshot restore and scenario load start the traffic over the same way: none of them
keeps a cached token grant, an Integration API rate-limit bucket or the fixed-window counter of
the request limit (MOCKCENTRA_RATE_LIMIT)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from mockcentra.app import create_app
from mockcentra.seeding.templates import ScenarioTemplates
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

ORDER_API = {"API-Authorization": "dev-order-api-secret"}
TYPENAME = "{ __typename }"
RATE_LIMITS = "{ rateLimits { type intervalSeconds usedQuota } }"
BEFORE = "before"

StartOver = Callable[[CentraClient], None]


def reset(client: CentraClient) -> None:
    client.control.reset()


def restore(client: CentraClient) -> None:
    client.control.restore(BEFORE)


def load_scenario(client: CentraClient) -> None:
    client.control.load_scenario("empty")


START_OVER = pytest.mark.parametrize("start_over", [reset, restore, load_scenario])


@pytest.fixture(scope="module")
def templates() -> ScenarioTemplates:
    return ScenarioTemplates()


@pytest.fixture
def server(templates: ScenarioTemplates) -> Iterator[CentraClient]:
    """A server with both rate limits on: 2 requests per credential per hour and Centra's
    `classic` plan; the snapshot `before` is its starting state."""
    settings = Settings(
        db=":memory:",
        scenario="empty",
        rate_limit=2,
        rate_limit_window=3600,
        rate_limits="classic",
    )
    client = CentraClient(create_app(settings, templates=templates))
    client.control.snapshot(BEFORE)
    yield client
    client.close()


def used_requests(client: CentraClient) -> int:
    """REQUEST_COUNT per TEN_SECONDS used by the default token, this request included."""
    rows = client.graphql(RATE_LIMITS).payload("rateLimits")
    [used] = [
        r["usedQuota"]
        for r in rows
        if (r["type"], r["intervalSeconds"]) == ("REQUEST_COUNT", "TEN_SECONDS")
    ]
    return used


@START_OVER
def test_the_request_limit_window_starts_over(server: CentraClient, start_over: StartOver) -> None:
    statuses = [server.order_api("orders").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]

    start_over(server)
    after = server.order_api("orders")

    assert after.status_code == 200


@START_OVER
def test_the_rate_limit_buckets_start_full(server: CentraClient, start_over: StartOver) -> None:
    # A clock frozen ahead of real time: a bucket left alone does not refill, even once
    # a reset or scenario load lets the clock run again.
    server.control.freeze("2099-01-01T00:00:00+00:00")
    server.control.rate_limits(plan="classic")  # the buckets start at the frozen moment
    assert used_requests(server) == 1
    assert used_requests(server) == 2

    start_over(server)

    assert used_requests(server) == 1


@START_OVER
def test_a_token_made_afterwards_is_not_remembered(
    server: CentraClient, start_over: StartOver
) -> None:
    made = server.post("/_mock/tokens", json={"token": "made-later", "permissions": ["Order:read"]})
    assert made.status_code == 201
    assert server.graphql(TYPENAME, token="made-later").status_code == 200  # its grant is cached

    start_over(server)
    refused = server.graphql(TYPENAME, token="made-later")

    assert refused.status_code == 401
    assert refused.errors[0]["message"] == "The access token is invalid or expired."
