"""Property-based fuzzing of the published contracts against a real server: the Order API's
OpenAPI document and the Integration API's GraphQL schema. No request, valid or not, may get a
5xx or a response that breaks the document. Examples are bounded and derandomized so a run is
fast and the same every time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.graphql import nodes
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # hundreds of generated requests
ORDER_API_SECRET = "dev-order-api-secret"
TOKEN = "dev-integration-token"

FUZZ = settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

ORDER_API = schemathesis.openapi.from_path(ROOT / "schema" / "order-api.openapi.json")
ORDER_API.config.generation.update(modes=["positive", "negative"], deterministic=True)
# The schema's own scalars: valid values of each, and any text.
schemathesis.graphql.scalar(
    "Date", st.one_of(st.dates().map(str), st.text(max_size=12)).map(nodes.String)
)
schemathesis.graphql.scalar(
    "DateTimeTz",
    st.one_of(
        st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat),
        st.sampled_from(["now", "-1 hour", "2030-01-01 12:00"]),
        st.text(max_size=12),
    ).map(nodes.String),
)
INTEGRATION_API = schemathesis.graphql.from_path(ROOT / "schema" / "integration-api.graphql")
INTEGRATION_API.config.generation.update(deterministic=True)


@ORDER_API.parametrize()
@FUZZ
def test_order_api_never_fails_or_breaks_its_document(case, centra_server) -> None:
    case.call_and_validate(
        base_url=f"{centra_server.url}/api/order",
        headers={"API-Authorization": ORDER_API_SECRET},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


@INTEGRATION_API.parametrize()
@settings(FUZZ, max_examples=4)
def test_integration_api_never_fails(case, centra_server) -> None:
    """Refusals of generated arguments (GraphQL errors, userErrors) are fine; a 5xx or an
    "internal" error (an exception or a null in a non-null field) is not."""
    response = case.call(
        base_url=f"{centra_server.url}/graphql",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    body = response.json()
    internal = [
        e
        for e in body.get("errors", [])
        if (e.get("extensions") or {}).get("category") == "internal"
    ]
    assert response.status_code < 500 and not internal, (case.body, response.text)
    assert "data" in body or body.get("errors"), response.text
