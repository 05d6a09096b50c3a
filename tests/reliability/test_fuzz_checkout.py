"""Property-based fuzzing of the Checkout API's OpenAPI document against a real server: no
request, valid or not, may get a 5xx, an undocumented status or a body that breaks the
document. Bounded and derandomized, like the Order API's run."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # hundreds of generated requests

CHECKOUT_API = schemathesis.openapi.from_path(ROOT / "schema" / "checkout-api.openapi.json")
CHECKOUT_API.config.generation.update(modes=["positive", "negative"], deterministic=True)


@CHECKOUT_API.parametrize()
@settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_checkout_api_never_fails_or_breaks_its_document(case, centra_server) -> None:
    case.call_and_validate(
        base_url=f"{centra_server.url}/api/checkout",
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
