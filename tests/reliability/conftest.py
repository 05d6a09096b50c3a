"""Arranging a file database for the tests that need one (parallel writers, waiting writes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mockcentra.seeding.templates import ScenarioTemplates, connect


@pytest.fixture(scope="session")
def templates() -> ScenarioTemplates:
    return ScenarioTemplates()


@pytest.fixture
def demo_file(tmp_path: Path, templates: ScenarioTemplates) -> Path:
    """A database file holding the demo scenario."""
    path = tmp_path / "store.db"
    source = connect(templates.template("demo", 1, "Europe/Stockholm"))
    with sqlite3.connect(path) as target:
        source.backup(target)
    source.close()
    return path
