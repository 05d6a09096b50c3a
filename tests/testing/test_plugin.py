"""The pytest plugin as a user meets it: installed package, no conftest."""

import subprocess
import sys

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

WEBHOOKS = """
def test_shipping_sends_webhooks(centra, centra_factories, centra_webhooks):
    order = centra_factories.place_order()
    centra_factories.ship(order.number)
    sent = centra_webhooks.deliver()
    assert {(e["type"], e["action"]) for e in sent} >= {("order", "create"), ("shipment", "create")}
    assert {e["id"] for e in sent if e["type"] == "order"} == {order.number}


def test_the_next_test_starts_with_an_empty_log(centra, centra_webhooks):
    assert centra_webhooks.deliver() == []
"""

XDIST = """
import pytest


@pytest.mark.parametrize("n", range(6))
def test_each_worker_has_its_own_database(centra, centra_factories, n):
    centra_factories.place_order()
    centra_factories.place_order()
    assert len(centra.graphql("{ orders { number } }").payload("orders")) == 2


@pytest.mark.centra_scenario("empty")
def test_a_scenario_marker_under_xdist(centra):
    assert centra.graphql("{ products { id } }").payload("products") == []
"""

SERVER = """
import httpx


def test_real_server(centra_server):
    r = httpx.get(centra_server.url + "/_mock/health")
    assert r.status_code == 200 and r.json()["scenario"] == "demo"
"""


@pytest.mark.slow  # a pytest run in a subprocess
def test_a_fresh_project_gets_the_fixtures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_shop=THREE_LINE_TEST)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)


@pytest.mark.slow  # a pytest run in a subprocess
def test_each_test_starts_from_the_scenario(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_isolation=ISOLATION)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=2)


@pytest.mark.slow  # a pytest run in a subprocess
def test_real_server_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_server=SERVER)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)


@pytest.mark.slow  # a pytest run in a subprocess
def test_webhook_log_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_webhooks=WEBHOOKS)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=2)


@pytest.mark.slow  # a pytest run in a subprocess
def test_runs_under_xdist_with_a_database_per_worker(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_parallel=XDIST)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "-n", "2")

    result.assert_outcomes(passed=7)


def test_loading_the_plugin_imports_no_app_or_web_library() -> None:
    # given: a fresh interpreter, as pytest starts in any project that has mockcentra installed
    code = (
        "import sys, mockcentra.testing.plugin; "
        "print(sorted(m for m in ('mockcentra.app', 'starlette', 'httpx', 'sqlalchemy', "
        "'strawberry') if m in sys.modules))"
    )

    # when: pytest loads the plugin (entry point pytest11)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    # then: none of the heavy modules is imported until a fixture is used
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


BROKEN_STATE = """
import pytest
from sqlalchemy import text


def _break(centra):
    with centra.runtime.db.engine.begin() as conn:
        conn.execute(text("UPDATE stock SET allocated = physical + 1 WHERE rowid = 1"))


def test_breaks_the_stock(centra):
    _break(centra)


@pytest.mark.centra_no_invariants
def test_breaks_it_on_purpose(centra):
    _break(centra)
"""


@pytest.mark.slow  # a pytest run in a subprocess
def test_a_test_that_breaks_an_invariant_errors_unless_marked(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_broken=BROKEN_STATE)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_breaks_the_stock*",
            "*mockcentra's state breaks 2 invariant(s) after this test:",
            "*- stock.free_never_negative: Warehouse *",
            "*- stock.allocated_equals_open_order_lines: Warehouse *",
        ]
    )
