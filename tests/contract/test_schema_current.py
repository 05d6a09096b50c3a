"""The committed SDL is what the server serves: integrators diff it, so it must never go stale."""

from __future__ import annotations

import difflib
from pathlib import Path

from mockcentra.graphql.schema import print_sdl

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "integration-api.graphql"


def test_committed_schema_matches_the_live_schema() -> None:
    live = print_sdl()
    committed = SCHEMA_FILE.read_text() if SCHEMA_FILE.is_file() else ""

    if committed != live:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                live.splitlines(keepends=True),
                "schema/integration-api.graphql (committed)",
                "live schema",
                n=1,
            )
        )
        shown = diff if len(diff) < 4000 else diff[:4000] + "\n... (diff cut)\n"
        raise AssertionError(
            "schema/integration-api.graphql is stale: run `mockcentra export-schema` "
            f"and commit the file.\n{shown}"
        )
