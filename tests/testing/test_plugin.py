"""The pytest plugin as a user meets it: installed package, no conftest."""

import pytest

pytest_plugins = ["pytester"]

THREE_LINE_TEST = """
def test_ship_an_order(centra, centra_factories):
    order = centra_factories.place_order()
    centra_factories.ship(order.number)
    assert centra.graphql("{ orders { status } }").payload("orders") == [{"status": "SHIPPED"}]
"""

ISOLATION = """
def test_first(centra, centra_factories):
    centra_factories.place_order()
    assert len(centra.graphql("{ orders { number } }").payload("orders")) == 1


def test_second_starts_clean(centra):
    assert centra.graphql("{ orders { number } }").payload("orders") == []
"""

SERVER = """
import httpx


def test_real_server(centra_server):
    r = httpx.get(centra_server.url + "/_mock/health")
    assert r.status_code == 200 and r.json()["scenario"] == "demo"
"""


def test_a_fresh_project_gets_the_fixtures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_shop=THREE_LINE_TEST)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)


def test_each_test_starts_from_the_scenario(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_isolation=ISOLATION)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=2)


def test_real_server_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_server=SERVER)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)
