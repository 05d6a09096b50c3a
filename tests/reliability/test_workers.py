"""`mockcentra serve --workers 2` on a file database: stock is never oversold and a shipment
never captured twice when the racing requests land on different processes, and the control
plane is one: a clock change, a reset or a snapshot made through one worker is what every
worker sees. What lives in each process's memory (faults, rate limits) is refused."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.reliability.test_concurrent_checkout import _captures, _checkout
from tests.support import exactly_free, order_of, stock_of

pytestmark = pytest.mark.slow  # a server of three processes, hundreds of requests

SHOPPERS = 200
UNITS = 10


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of `mockcentra serve --workers 2` on a fresh file database (demo scenario)."""
    db = Path(tmp_path_factory.mktemp("workers")) / "shop.db"
    log = db.parent / "server.log"  # a file, not a pipe: a full pipe would stall the server
    env = {**os.environ, "MOCKCENTRA_TEMPLATE_CACHE": "off"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mockcentra", "serve", "--db", str(db), "--port", "0"]
            + ["--workers", "2", "--log-level", "warning"],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
    url = None
    deadline = time.monotonic() + 120
    while url is None and time.monotonic() < deadline and proc.poll() is None:
        found = re.search(r"GraphQL API\s+POST (http://\S+)/graphql", log.read_text())
        url = found.group(1) if found else None
        time.sleep(0.1)
    assert url, log.read_text()
    try:
        assert len(_answers(url, "/_mock/health", seconds=90)) == 2, "one worker is not up"
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]
    assert not list(db.parent.glob("shop.db.workers-*")), "the shared folder is left behind"


async def _race(url: str, item: str, shoppers: int) -> list[list[int]]:
    """Every request on a new connection, so the kernel spreads them over both workers (and
    no kept-alive connection is closed by the server under a slow shopper's feet)."""
    limits = httpx.Limits(max_connections=shoppers, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:
        return await asyncio.gather(*(_checkout(client, item) for _ in range(shoppers)))


def _answers(url: str, path: str, seconds: float = 60) -> dict[int, dict]:
    """What each worker answers to GET `path`, by worker pid. Each try is a connection of its
    own (the health check and the question on it, so one worker answers both), eight at a
    time: the kernel hands a new connection to whichever worker accepts first, so a burst
    reaches both."""

    def ask(_: int) -> tuple[int, dict] | None:
        try:
            with httpx.Client(base_url=url, timeout=10) as client:
                worker = client.get("/_mock/health").json()["worker"]
                return worker, client.get(path).json()
        except httpx.TransportError:
            return None

    seen: dict[int, dict] = {}
    deadline = time.monotonic() + seconds
    with ThreadPoolExecutor(8) as pool:
        while len(seen) < 2 and time.monotonic() < deadline:
            for answer in pool.map(ask, range(8)):
                if answer is not None:
                    seen[answer[0]] = answer[1]
    return seen


def _on_both(url: str, path: str) -> list[dict]:
    answers = _answers(url, path)
    assert len(answers) == 2, f"only worker(s) {list(answers)} answered"
    return list(answers.values())


def test_a_clock_change_through_one_worker_is_seen_by_both(two_workers: str) -> None:
    changed = httpx.post(f"{two_workers}/_mock/clock", json={"freeze": "2030-01-01T10:00:00Z"})
    assert changed.json() == {"now": "2030-01-01T10:00:00+00:00", "frozen": True}

    assert _on_both(two_workers, "/_mock/clock") == [changed.json()] * 2

    advanced = httpx.post(f"{two_workers}/_mock/clock", json={"advanceSeconds": 3600})
    assert advanced.json()["now"] == "2030-01-01T11:00:00+00:00"
    assert _on_both(two_workers, "/_mock/clock") == [advanced.json()] * 2

    httpx.post(f"{two_workers}/_mock/reset")
    assert [a["frozen"] for a in _on_both(two_workers, "/_mock/clock")] == [False, False]


def test_a_reset_and_a_snapshot_through_one_worker_hold_for_both(two_workers: str) -> None:
    centra = CentraClient.attach(two_workers)
    factories = Factories(centra)
    count = "{ orders(limit: 1000) { number } }"
    before = centra.graphql(count).payload("orders")
    factories.place_order()
    assert httpx.post(f"{two_workers}/_mock/snapshots", json={"name": "one more"}).is_success

    assert _on_both(two_workers, "/_mock/snapshots") == [{"snapshots": ["one more"]}] * 2

    assert httpx.post(f"{two_workers}/_mock/reset").json()["status"] == "ok"
    for _ in range(10):  # fresh connections: either worker answers
        orders = httpx.post(
            f"{two_workers}/graphql",
            headers={"Authorization": "Bearer dev-integration-token"},
            json={"query": count},
        ).json()["data"]["orders"]
        assert orders == before

    restored = httpx.post(f"{two_workers}/_mock/snapshots/one%20more/restore")
    assert restored.json() == {"status": "ok", "name": "one more"}
    assert len(centra.graphql(count).payload("orders")) == len(before) + 1
    centra.close()


def test_faults_and_rate_limit_plans_are_refused_and_nothing_changes(two_workers: str) -> None:
    fault = httpx.post(f"{two_workers}/_mock/faults", json={"path": "/graphql", "status": 503})
    plan = httpx.post(f"{two_workers}/_mock/rate-limits", json={"plan": "centra"})
    domain = httpx.put(f"{two_workers}/_mock/faults/domain/psp.capture", json={"outcome": "x"})

    for refused in (fault, plan, domain):
        assert refused.status_code == 409
        assert "2 worker processes (--workers)" in refused.json()["error"]
    for faults in _on_both(two_workers, "/_mock/faults"):
        assert faults["routes"] == [] and faults["domain"] == {}
    for limits in _on_both(two_workers, "/_mock/rate-limits"):
        assert limits["plan"] == "off"


def test_two_hundred_shoppers_on_two_workers_racing_for_ten_units(two_workers: str) -> None:
    centra = CentraClient.attach(two_workers)
    centra.control.reset()
    factories = Factories(centra)
    item = next(
        i
        for i in factories.sellable_items(min_free=UNITS)
        if stock_of(centra, i.product_size_id)[1] == 0
    )
    exactly_free(centra, item, UNITS)
    physical, allocated, free = stock_of(centra, item.product_size_id)
    assert (allocated, free) == (0, UNITS)
    orders_before = len(centra.graphql("{ orders(limit: 1000) { number } }").payload("orders"))

    statuses = asyncio.run(_race(two_workers, item.item, SHOPPERS))

    assert sorted({s for attempt in statuses for s in attempt}) == [200, 410]
    assert [attempt[-1] for attempt in statuses].count(200) == UNITS
    assert stock_of(centra, item.product_size_id) == (physical, UNITS, 0)
    orders = centra.graphql("{ orders(limit: 1000) { number } }").payload("orders")
    assert len(orders) == orders_before + UNITS
    centra.close()


def test_concurrent_captures_on_two_workers_capture_once(two_workers: str) -> None:
    centra = CentraClient.attach(two_workers)
    centra.control.reset()
    factories = Factories(centra)
    placed = factories.place_order()
    shipment = factories.ship(placed.number, capture=False, complete=False)
    before = order_of(centra, placed.number)["paymentHistory"]

    graphql, rest = asyncio.run(_captures(two_workers, shipment, 10))

    captured = [g for g in graphql if g["paymentHistoryEntry"]] + [
        r for r in rest if r["status"] == "ok"
    ]
    assert len(captured) == 1
    history = order_of(centra, placed.number)["paymentHistory"]
    new_entries = history[len(before) :]
    assert [(e["entryType"], e["status"]) for e in new_entries] == [("CAPTURE", "SUCCESS")]
    centra.close()


def test_a_scenario_loaded_through_one_worker_is_what_both_serve_and_reset_to(
    two_workers: str,
) -> None:
    """Last in this module: it changes the scenario the others reset to (and puts it back)."""
    count = {"query": "{ orders(limit: 1000) { number } }"}
    bearer = {"Authorization": "Bearer dev-integration-token"}
    try:
        loaded = httpx.post(f"{two_workers}/_mock/scenarios/empty/load", timeout=120)
        assert loaded.json() == {"status": "ok", "scenario": "empty"}

        assert [h["scenario"] for h in _on_both(two_workers, "/_mock/health")] == ["empty"] * 2
        httpx.post(f"{two_workers}/_mock/reset")
        assert [h["scenario"] for h in _on_both(two_workers, "/_mock/health")] == ["empty"] * 2
        for _ in range(6):
            answer = httpx.post(f"{two_workers}/graphql", headers=bearer, json=count).json()
            assert answer["data"]["orders"] == []
    finally:
        httpx.post(f"{two_workers}/_mock/scenarios/demo/load", timeout=120)
