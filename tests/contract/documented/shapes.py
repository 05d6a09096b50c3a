"""Operations written in the shapes of Centra's public documentation, checked two ways.

Each documented capability gets at least one operation that (1) validates against the
committed `schema/integration-api.graphql`, the file integrators diff, and (2) executes on a
seeded scenario through the public `/graphql` endpoint with no errors. The operations are
our own, written the way the documentation writes them; assertions on values live in the
tests that call `run_documented`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from graphql import GraphQLSchema, build_schema, parse, validate

from mockcentra.testing import CentraClient

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema" / "integration-api.graphql"


@cache
def committed_schema() -> GraphQLSchema:
    """The SDL we publish; a documented shape must validate against it, not just the server."""
    return build_schema(SCHEMA_FILE.read_text())


def validation_errors(operation: str) -> list[str]:
    """Messages of every validation error of `operation` against the committed SDL."""
    return [error.message for error in validate(committed_schema(), parse(operation))]


def run_documented(
    centra: CentraClient, operation: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Validate against the committed SDL, execute, and return `data` (failing on any error)."""
    problems = validation_errors(operation)
    assert problems == [], f"refused by schema/integration-api.graphql: {problems}"
    response = centra.graphql(operation, variables or {})
    assert response.errors == [], response.errors
    assert response.data is not None
    return response.data
