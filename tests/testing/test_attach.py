"""Attach mode: the plugin's fixtures drive a server that is already running (`--centra-url`
or MOCKCENTRA_URL), with the same per-test isolation as in-process."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

pytest_plugins = ["pytester"]

SUITE = """
import httpx
import pytest


def test_ship_an_order(centra, centra_factories):
    order = centra_factories.place_order()
    centra_factories.ship(order.number)
    assert centra.attached and centra.runtime is None
    assert centra.graphql("{ orders { status } }").payload("orders") == [{"status": "SHIPPED"}]


def test_the_next_test_starts_clean(centra):
    assert centra.graphql("{ orders { number } }").payload("orders") == []


@pytest.mark.centra_scenario("empty")
def test_a_scenario_marker_loads_the_scenario(centra):
    assert centra.graphql("{ products { id } }").payload("products") == []


def test_an_unmarked_test_is_back_on_the_servers_scenario(centra, centra_server):
    assert len(centra.graphql("{ products { id } }").payload("products")) == 20
    health = httpx.get(centra_server.url + "/_mock/health").json()
    assert health["scenario"] == "demo"


def test_webhooks_reach_the_test(centra, centra_factories, centra_webhooks):
    order = centra_factories.place_order()
    sent = centra_webhooks.deliver()
    assert ("order", "create") in {(e["type"], e["action"]) for e in sent}
    assert {e["id"] for e in sent if e["type"] == "order"} == {order.number}


def test_the_clock_starts_over(centra):
    centra.control.freeze("2030-01-01T00:00:00+00:00")
    centra.control.advance(3600)
"""

CLOCK_AFTER = """
def test_the_clock_is_live_again(centra):
    assert centra.get("/_mock/clock").json()["frozen"] is False
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`mockcentra serve` on an in-memory database and a free port, in its own process."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockcentra", "serve", "--db", ":memory:", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path_factory.mktemp("server"),
    )
    try:
        assert proc.stdout is not None
        base = None
        deadline = time.monotonic() + 60
        while base is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "server exited before printing its URLs"
            found = re.search(r"Health\s+(http://[\d.]+:\d+)/_mock/health", line)
            base = found.group(1) if found else None
        assert base is not None
        for _ in range(400):
            try:
                httpx.get(f"{base}/_mock/health")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def orders(url: str) -> list[dict]:
    body = {"query": "{ orders { number } }"}
    headers = {"Authorization": "Bearer dev-integration-token"}
    return httpx.post(f"{url}/graphql", json=body, headers=headers).json()["data"]["orders"]


@pytest.mark.slow  # a server process and a pytest run in a subprocess
def test_a_session_attached_with_the_option_runs_isolated_tests(
    pytester: pytest.Pytester, server: str
) -> None:
    pytester.makepyfile(test_attached=SUITE, test_zz_clock=CLOCK_AFTER)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "--centra-url", server)

    result.assert_outcomes(passed=7)


@pytest.mark.slow  # a server process and a pytest run in a subprocess
def test_the_url_may_come_from_the_environment(
    pytester: pytest.Pytester, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(
        test_env="def test_placed(centra, centra_factories):\n"
        "    centra_factories.place_order()\n"
        "    assert len(centra.graphql('{ orders { number } }').payload('orders')) == 1\n"
    )
    monkeypatch.setenv("MOCKCENTRA_URL", server)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)
    assert len(orders(server)) == 1  # the server keeps the last test's state until the next reset


@pytest.mark.slow  # a server process and a pytest run in a subprocess
def test_the_in_process_app_is_refused_when_attached(
    pytester: pytest.Pytester, server: str
) -> None:
    pytester.makepyfile(test_app="def test_app(centra_app):\n    pass\n")

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "--centra-url", server)

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*centra_app is the in-process app*"])


def test_the_sellable_items_of_the_control_plane_are_the_helpers_items(centra) -> None:
    from mockcentra.testing.factories import Factories

    helpers = Factories(centra).sellable_items("SE", 2)
    answer = centra.get("/_mock/sellable-items", params={"country": "se", "minFree": 2})

    assert answer.status_code == 200
    items = answer.json()["items"]
    assert [(i["displayId"], i["productSizeId"], i["free"]) for i in items] == [
        (h.display_id, h.product_size_id, h.free) for h in helpers
    ]
    assert [i["price"] for i in items] == [str(h.price) for h in helpers]
    assert all(i["item"] == f"{i['displayId']}-{i['productSizeId']}" for i in items)
    assert all(i["free"] >= 2 for i in items) and items


def test_the_control_plane_answers_the_first_limit_sellable_items(centra) -> None:
    every = centra.get("/_mock/sellable-items").json()["items"]
    first_two = centra.get("/_mock/sellable-items", params={"limit": 2})

    assert first_two.status_code == 200
    assert first_two.json()["items"] == [
        {"item": "2-3", "displayId": 2, "productSizeId": 3, "price": "790", "free": 40},
        {"item": "6-37", "displayId": 6, "productSizeId": 37, "price": "1190", "free": 40},
    ]
    assert first_two.json()["items"] == every[:2] and len(every) == 179


def test_a_limit_past_the_sellable_items_answers_all_of_them(centra) -> None:
    every = centra.get("/_mock/sellable-items", params={"minFree": 40}).json()["items"]
    limited = centra.get("/_mock/sellable-items", params={"minFree": 40, "limit": 1_000_000_000})

    assert limited.json()["items"] == every and every


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"country": "XX"}, "Unknown country XX."),
        ({"minFree": "0"}, "'minFree' must be a whole number from 1 to 1000000000."),
        ({"limit": "0"}, "'limit' must be a whole number from 1 to 1000000000."),
        ({"limit": "one"}, "'limit' must be a whole number from 1 to 1000000000."),
        ({"limit": ""}, "'limit' must be a whole number from 1 to 1000000000."),
        ({"store": "99999999999999999999"}, "'store' must be a whole number from 1 to 1000000000."),
    ],
)
def test_sellable_items_refuse_bad_parameters(centra, params: dict, message: str) -> None:
    answer = centra.get("/_mock/sellable-items", params=params)

    assert answer.status_code == 400
    assert answer.json()["error"] == message
