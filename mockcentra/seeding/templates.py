"""Seeded scenarios kept in memory, so loading one again is a backup copy, never a re-seed."""

from __future__ import annotations

import sqlite3

from mockcentra.runtime.clock import Clock
from mockcentra.seeding.scenarios import seed_scenario
from mockcentra.settings import MEMORY
from mockcentra.storage.engine import Database


class ScenarioTemplates:
    """Scenario databases seeded on first use, keyed by everything that shapes them.

    A template depends on the scenario, the seed and the store's time zone only: seed data is
    dated, not stamped, and orders are placed on a seeding clock of their own (see
    mockcentra/seeding/orders.py), so the live clock never reaches it. The runtime that loads
    scenarios owns its templates; the pytest plugin shares one set across a session's apps.
    """

    def __init__(self) -> None:
        self._templates: dict[tuple[str, int, str], sqlite3.Connection] = {}

    def template(self, name: str, seed: int, timezone: str) -> sqlite3.Connection:
        key = (name, seed, timezone)
        if key not in self._templates:
            self._templates[key] = _seed(name, seed, timezone)
        return self._templates[key]


def _seed(name: str, seed: int, timezone: str) -> sqlite3.Connection:
    scratch = Database(MEMORY)
    try:
        scratch.create_all()
        seed_scenario(scratch, Clock(timezone), name, seed)
        template = sqlite3.connect(":memory:", check_same_thread=False)
        with scratch.raw() as conn:
            conn.backup(template)
    finally:
        scratch.dispose()
    return template
