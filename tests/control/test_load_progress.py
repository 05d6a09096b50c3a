"""A scenario that has to be seeded when it is loaded (the first load of `large` takes tens of
seconds) reports how far it got in /_mock/health; the report is gone once it is loaded."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import httpx

from mockcentra.app import create_app
from mockcentra.seeding.templates import ScenarioTemplates
from mockcentra.settings import Settings


class HalfwayTemplates(ScenarioTemplates):
    """Seeding `demo` stops halfway (1,000 of 2,000 orders) until the test lets it go on."""

    def __init__(self) -> None:
        super().__init__(cache_dir=None)
        self.halfway = threading.Event()
        self.go_on = threading.Event()

    def template(
        self,
        name: str,
        seed: int,
        timezone: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> bytes:
        if name == "demo" and progress is not None:
            progress(1000, 2000)
            self.halfway.set()
            self.go_on.wait(10)
        return super().template(name, seed, timezone)


def test_health_reports_the_progress_of_a_scenario_load_until_it_is_done() -> None:
    templates = HalfwayTemplates()

    async def scenario() -> tuple[dict, dict, dict]:
        app = create_app(Settings(db=":memory:", scenario="empty"), templates=templates)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            load = asyncio.create_task(client.post("/_mock/scenarios/demo/load"))
            await asyncio.to_thread(templates.halfway.wait, 10)
            during = (await client.get("/_mock/health")).json()
            templates.go_on.set()
            loaded = (await load).json()
            after = (await client.get("/_mock/health")).json()
            return during, loaded, after

    during, loaded, after = asyncio.run(scenario())

    assert during["scenario"] == "empty"
    assert during["loading"] == {"scenario": "demo", "orders": 1000, "of": 2000}
    assert loaded == {"status": "ok", "scenario": "demo"}
    assert after["scenario"] == "demo"
    assert "loading" not in after
