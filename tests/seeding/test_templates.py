"""Seeded scenario templates: kept on disk so a fresh process neither seeds nor imports the
seeders (nor faker); a reset gives back exactly the state the server started with."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockcentra.app import create_app
from mockcentra.seeding.templates import ScenarioTemplates
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

FRESH_APP = """
import json, sys
from mockcentra.app import create_app
from mockcentra.settings import Settings
app = create_app(Settings(db=":memory:", scenario="demo"))
stores = app.state.runtime.db.image()
seeders = "mockcentra.seeding.scenarios" in sys.modules
print(json.dumps({"faker": "faker" in sys.modules, "seeders": seeders, "size": len(stores)}))
"""


def fresh_app(cache: Path) -> dict:
    env = {**os.environ, "MOCKCENTRA_TEMPLATE_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", FRESH_APP], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # two fresh Python processes, the first seeding the demo
def test_a_fresh_process_loads_the_seeded_template_from_disk(tmp_path: Path) -> None:
    first = fresh_app(tmp_path)
    [cached] = list(tmp_path.glob("demo-1-*.sqlite"))

    second = fresh_app(tmp_path)

    assert first["faker"] is True  # the first process seeded
    assert second == {"faker": False, "seeders": False, "size": first["size"]}
    assert list(tmp_path.glob("demo-1-*.sqlite")) == [cached]


def test_templates_read_from_disk_are_the_seeded_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded = ScenarioTemplates(tmp_path).template("empty", 1, "Europe/Stockholm")

    def no_seeding(*_: object) -> None:
        raise AssertionError("seeded again")

    monkeypatch.setattr("mockcentra.seeding.scenarios.seed_scenario", no_seeding)
    loaded = ScenarioTemplates(tmp_path).template("empty", 1, "Europe/Stockholm")

    assert loaded == seeded


def test_a_damaged_cache_file_is_seeded_again(tmp_path: Path) -> None:
    seeded = ScenarioTemplates(tmp_path).template("empty", 1, "Europe/Stockholm")
    [cached] = list(tmp_path.glob("empty-1-*.sqlite"))
    cached.write_bytes(b"not a database")

    again = ScenarioTemplates(tmp_path).template("empty", 1, "Europe/Stockholm")

    assert again == seeded
    assert cached.read_bytes() == seeded


def test_another_seed_or_time_zone_is_another_template(tmp_path: Path) -> None:
    templates = ScenarioTemplates(tmp_path)

    templates.template("empty", 1, "Europe/Stockholm")
    templates.template("empty", 2, "Europe/Stockholm")
    templates.template("empty", 1, "America/New_York")

    assert len(list(tmp_path.glob("empty-*.sqlite"))) == 3


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    ScenarioTemplates(None).template("empty", 1, "Europe/Stockholm")

    assert list(tmp_path.iterdir()) == []


def test_reset_gives_back_the_starting_state_byte_for_byte() -> None:
    client = CentraClient(create_app(Settings(db=":memory:", scenario="demo")))
    db = client.runtime.db
    started = db.image()
    changed = client.graphql(
        'mutation { createBrand(input: {name: "Reset check"}) { brand { id } userErrors { message } } }'
    )
    assert changed.ok("createBrand")["brand"]["id"]
    assert db.image() != started

    client.reset()

    assert db.image() == started
    brands = client.graphql("{ brands { name } }").payload("brands")
    assert "Reset check" not in [b["name"] for b in brands]
    client.close()


def test_a_snapshot_restores_the_state_it_was_taken_in() -> None:
    client = CentraClient(create_app(Settings(db=":memory:", scenario="demo")))
    db = client.runtime.db
    client.graphql(
        'mutation { createBrand(input: {name: "Kept"}) { brand { id } userErrors { message } } }'
    ).ok("createBrand")
    client.control.snapshot("kept")
    taken = db.image()
    client.graphql(
        'mutation { createBrand(input: {name: "Dropped"}) { brand { id } userErrors { message } } }'
    ).ok("createBrand")

    client.control.restore("kept")

    assert db.image() == taken
    names = [b["name"] for b in client.graphql("{ brands { name } }").payload("brands")]
    assert "Kept" in names and "Dropped" not in names
    client.close()
