"""Centra's Integration API rate limits: token buckets per token for requests, complexity and
mutations over ten seconds and one hour; 429 with Retry-After runs nothing; `rateLimits`."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.app import create_app
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

START = "2030-01-01T00:00:00+00:00"
RATE_LIMITS = "{ rateLimits { type intervalSeconds quota usedQuota remainingQuota } }"
RATE_LIMITS_COMPLEXITY = 51
ORDERS = "{ orders(limit: 100) { id number status } }"  # complexity 301
TYPENAME = "{ __typename }"  # complexity 1
SET = """mutation($external: String!, $internal: Int!) {
  setIdConversions(input: {objectType: Pricelist, internalId: $internal, externalId: $external}) {
    entries { internalId } userErrors { message } } }"""  # complexity 23
LIST = "{ idConversions { objectType internalId externalId } }"
CLASSIC = {
    ("REQUEST_COUNT", "TEN_SECONDS"): 20,
    ("REQUEST_COUNT", "ONE_HOUR"): 10000,
    ("QUERY_COMPLEXITY", "TEN_SECONDS"): 150000,
    ("QUERY_COMPLEXITY", "ONE_HOUR"): 20000000,
    ("MUTATION_COUNT", "TEN_SECONDS"): 100,
    ("MUTATION_COUNT", "ONE_HOUR"): 1000,
}
GROWTH = {
    ("REQUEST_COUNT", "TEN_SECONDS"): 60,
    ("REQUEST_COUNT", "ONE_HOUR"): 5000,
    ("QUERY_COMPLEXITY", "TEN_SECONDS"): 250000,
    ("QUERY_COMPLEXITY", "ONE_HOUR"): 30000000,
    ("MUTATION_COUNT", "TEN_SECONDS"): 20,
    ("MUTATION_COUNT", "ONE_HOUR"): 1800,
}


def rows(quotas: dict[tuple[str, str], int], used: dict[tuple[str, str], int]) -> list[dict]:
    return [
        {
            "type": kind,
            "intervalSeconds": interval,
            "quota": quota,
            "usedQuota": used.get((kind, interval), 0),
            "remainingQuota": quota - used.get((kind, interval), 0),
        }
        for (kind, interval), quota in quotas.items()
    ]


def post(
    centra: CentraClient,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str = "dev-integration-token",
):
    body: dict[str, Any] = {"query": query, "variables": variables or {}}
    return centra.post("/graphql", json=body, headers={"Authorization": f"Bearer {token}"})


def set_conversion(centra: CentraClient, external: str, internal: int):
    return post(centra, SET, {"external": external, "internal": internal})


def conversions(centra: CentraClient) -> list[tuple[int, str]]:
    data = centra.graphql(LIST).payload("idConversions")
    return [(row["internalId"], row["externalId"]) for row in data]


@pytest.fixture
def frozen(centra: CentraClient) -> CentraClient:
    centra.control.freeze(START)
    return centra


def test_rate_limiting_is_off_by_default_and_reports_the_default_plan_unused(
    centra: CentraClient,
) -> None:
    statuses = {post(centra, TYPENAME).status_code for _ in range(61)}
    answer = centra.graphql(RATE_LIMITS)

    assert statuses == {200}
    assert answer.data == {"rateLimits": rows(GROWTH, {})}
    assert answer.extensions["permissionsUsed"] == []
    assert centra.get("/_mock/rate-limits").json() == {
        "enabled": False,
        "plan": "off",
        "quotas": None,
    }


def test_the_21st_request_in_ten_seconds_gets_429_and_writes_nothing(
    frozen: CentraClient,
) -> None:
    frozen.control.rate_limits(plan="classic")
    statuses = [post(frozen, TYPENAME).status_code for _ in range(20)]

    refused = set_conversion(frozen, "EU", 2)

    assert statuses == [200] * 20
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "Tue, 01 Jan 2030 00:00:01 GMT"
    message = (
        "Rate limit exceeded: REQUEST_COUNT per TEN_SECONDS (quota 20, 0 remaining, this request "
        "costs 1). Retry after Tue, 01 Jan 2030 00:00:01 GMT."
    )
    assert refused.json() == {
        "errors": [
            {
                "message": message,
                "extensions": {
                    "category": "rateLimit",
                    "type": "REQUEST_COUNT",
                    "intervalSeconds": "TEN_SECONDS",
                    "quota": 20,
                    "remainingQuota": 0,
                    "cost": 1,
                    "retryAfterSeconds": 1,
                },
            }
        ],
        "extensions": {"complexity": 23, "appVersion": "mockcentra-0.1.0"},
    }
    # Twenty per ten seconds refill at two a second: half a second buys one request.
    frozen.control.advance(0.5)
    assert conversions(frozen) == []
    assert post(frozen, TYPENAME).status_code == 429


def test_a_refused_request_takes_nothing_from_the_other_buckets(frozen: CentraClient) -> None:
    frozen.control.rate_limits(plan="classic", quotas={"MUTATION_COUNT": {"TEN_SECONDS": 1}})
    assert set_conversion(frozen, "EU", 2).status_code == 200

    refused = set_conversion(frozen, "US", 3)
    report = frozen.graphql(RATE_LIMITS).payload("rateLimits")

    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "Tue, 01 Jan 2030 00:00:10 GMT"
    assert refused.json()["errors"][0]["extensions"] == {
        "category": "rateLimit",
        "type": "MUTATION_COUNT",
        "intervalSeconds": "TEN_SECONDS",
        "quota": 1,
        "remainingQuota": 0,
        "cost": 1,
        "retryAfterSeconds": 10,
    }
    complexity = 23 + RATE_LIMITS_COMPLEXITY
    assert report == rows(
        {**CLASSIC, ("MUTATION_COUNT", "TEN_SECONDS"): 1},
        {
            ("REQUEST_COUNT", "TEN_SECONDS"): 2,
            ("REQUEST_COUNT", "ONE_HOUR"): 2,
            ("QUERY_COMPLEXITY", "TEN_SECONDS"): complexity,
            ("QUERY_COMPLEXITY", "ONE_HOUR"): complexity,
            ("MUTATION_COUNT", "TEN_SECONDS"): 1,
            ("MUTATION_COUNT", "ONE_HOUR"): 1,
        },
    )
    assert conversions(frozen) == [(2, "EU")]


def test_a_complex_query_drains_query_complexity_until_the_clock_refills_it(
    frozen: CentraClient,
) -> None:
    frozen.control.rate_limits(quotas={"QUERY_COMPLEXITY": {"TEN_SECONDS": 1000}})
    statuses = [post(frozen, ORDERS).status_code for _ in range(3)]

    refused = post(frozen, ORDERS)

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    # 97 left, 301 needed, 100 a second come back: 2.04 s, so from 00:00:03.
    assert refused.headers["retry-after"] == "Tue, 01 Jan 2030 00:00:03 GMT"
    assert refused.json()["errors"][0]["extensions"] == {
        "category": "rateLimit",
        "type": "QUERY_COMPLEXITY",
        "intervalSeconds": "TEN_SECONDS",
        "quota": 1000,
        "remainingQuota": 97,
        "cost": 301,
        "retryAfterSeconds": 3,
    }
    assert refused.json()["extensions"]["complexity"] == 301
    frozen.control.advance(2)
    assert post(frozen, ORDERS).status_code == 429
    frozen.control.advance(0.04)
    assert post(frozen, ORDERS).status_code == 200


def test_mutations_drain_mutation_count_while_queries_still_run(frozen: CentraClient) -> None:
    frozen.control.rate_limits(quotas={"MUTATION_COUNT": {"TEN_SECONDS": 2}})
    first = [set_conversion(frozen, name, n).status_code for n, name in ((1, "A"), (2, "B"))]

    refused = set_conversion(frozen, "C", 3)

    assert first == [200, 200]
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "Tue, 01 Jan 2030 00:00:05 GMT"
    assert refused.json()["errors"][0]["extensions"]["type"] == "MUTATION_COUNT"
    assert conversions(frozen) == [(1, "A"), (2, "B")]
    frozen.control.advance(5)
    assert set_conversion(frozen, "C", 3).status_code == 200
    assert conversions(frozen) == [(1, "A"), (2, "B"), (3, "C")]


def test_rate_limits_reports_exact_usage_per_token(frozen: CentraClient) -> None:
    frozen.control.rate_limits(plan="classic")
    frozen.post("/_mock/tokens", json={"token": "other", "permissions": ["*"]})
    post(frozen, ORDERS)
    set_conversion(frozen, "EU", 2)

    mine = frozen.graphql(RATE_LIMITS)
    theirs = frozen.graphql(RATE_LIMITS, token="other")

    complexity = 301 + 23 + RATE_LIMITS_COMPLEXITY
    assert mine.data == {
        "rateLimits": rows(
            CLASSIC,
            {
                ("REQUEST_COUNT", "TEN_SECONDS"): 3,
                ("REQUEST_COUNT", "ONE_HOUR"): 3,
                ("QUERY_COMPLEXITY", "TEN_SECONDS"): complexity,
                ("QUERY_COMPLEXITY", "ONE_HOUR"): complexity,
                ("MUTATION_COUNT", "TEN_SECONDS"): 1,
                ("MUTATION_COUNT", "ONE_HOUR"): 1,
            },
        )
    }
    assert mine.extensions == {
        "complexity": RATE_LIMITS_COMPLEXITY,
        "permissionsUsed": [],
        "appVersion": "mockcentra-0.1.0",
    }
    assert theirs.data == {
        "rateLimits": rows(
            CLASSIC,
            {
                ("REQUEST_COUNT", "TEN_SECONDS"): 1,
                ("REQUEST_COUNT", "ONE_HOUR"): 1,
                ("QUERY_COMPLEXITY", "TEN_SECONDS"): RATE_LIMITS_COMPLEXITY,
                ("QUERY_COMPLEXITY", "ONE_HOUR"): RATE_LIMITS_COMPLEXITY,
            },
        )
    }


def test_a_query_costing_more_than_a_quota_is_refused_without_a_retry_time(
    frozen: CentraClient,
) -> None:
    frozen.control.rate_limits(quotas={"QUERY_COMPLEXITY": {"TEN_SECONDS": 300}})

    refused = post(frozen, ORDERS)

    assert refused.status_code == 429
    assert "retry-after" not in refused.headers
    assert refused.json()["errors"][0] == {
        "message": "Rate limit exceeded: QUERY_COMPLEXITY per TEN_SECONDS (quota 300, 300 "
        "remaining, this request costs 301). The request can never fit this quota.",
        "extensions": {
            "category": "rateLimit",
            "type": "QUERY_COMPLEXITY",
            "intervalSeconds": "TEN_SECONDS",
            "quota": 300,
            "remainingQuota": 300,
            "cost": 301,
            "retryAfterSeconds": None,
        },
    }
    assert frozen.graphql(RATE_LIMITS).payload("rateLimits")[0]["usedQuota"] == 1


def test_rate_limits_is_itself_refused_when_the_bucket_is_empty(frozen: CentraClient) -> None:
    frozen.control.rate_limits(quotas={"REQUEST_COUNT": {"TEN_SECONDS": 1}})
    assert frozen.graphql(RATE_LIMITS).status_code == 200

    again = post(frozen, RATE_LIMITS)

    assert again.status_code == 429
    assert again.headers["retry-after"] == "Tue, 01 Jan 2030 00:00:10 GMT"


def test_restore_refills_the_buckets_and_reset_returns_to_the_server_setting(
    frozen: CentraClient,
) -> None:
    frozen.control.snapshot("start")
    frozen.control.rate_limits(quotas={"REQUEST_COUNT": {"TEN_SECONDS": 1}})
    assert post(frozen, TYPENAME).status_code == 200
    assert post(frozen, TYPENAME).status_code == 429

    frozen.control.restore("start")
    after_restore = post(frozen, TYPENAME).status_code
    frozen.control.reset()
    after_reset = {post(frozen, TYPENAME).status_code for _ in range(3)}

    assert after_restore == 200
    assert after_reset == {200}
    assert frozen.get("/_mock/rate-limits").json()["enabled"] is False


def test_the_control_plane_shows_and_refuses_rate_limit_settings(centra: CentraClient) -> None:
    shown = centra.control.rate_limits(plan="centra", quotas={"MUTATION_COUNT": {"ONE_HOUR": 5}})
    unknown_plan = centra.post("/_mock/rate-limits", json={"plan": "unlimited"})
    bad_quota = centra.post(
        "/_mock/rate-limits", json={"quotas": {"REQUEST_COUNT": {"ONE_DAY": 5}}}
    )

    assert shown == {
        "enabled": True,
        "plan": "centra",
        "quotas": {
            "REQUEST_COUNT": {"TEN_SECONDS": 60, "ONE_HOUR": 5000},
            "QUERY_COMPLEXITY": {"TEN_SECONDS": 250000, "ONE_HOUR": 30000000},
            "MUTATION_COUNT": {"TEN_SECONDS": 20, "ONE_HOUR": 5},
        },
    }
    assert unknown_plan.status_code == 400
    assert unknown_plan.json() == {
        "error": "Invalid rate limits: Unknown rate limit plan 'unlimited': use one of off, "
        "centra, growth, enhanced, high-volume, enterprise, classic. Send {'plan': 'centra' | "
        "'off' | ...} and/or {'quotas': {'REQUEST_COUNT': {'TEN_SECONDS': 3}}}."
    }
    assert bad_quota.status_code == 400
    assert centra.get("/_mock/rate-limits").json() == shown


def test_the_environment_turns_on_centras_default_plan() -> None:
    settings = Settings.from_env(
        {
            "MOCKCENTRA_DB": ":memory:",
            "MOCKCENTRA_SCENARIO": "empty",
            "MOCKCENTRA_RATE_LIMITS": "centra",
        }
    )
    client = CentraClient(create_app(settings))
    try:
        client.post("/_mock/clock", json={"freeze": START})
        statuses = [client.graphql(TYPENAME).status_code for _ in range(61)]
    finally:
        client.close()

    assert statuses == [200] * 60 + [429]
