"""pytest plugin (entry point `pytest11`): fixtures that need no conftest.

`centra_app` is built once per session (per xdist worker) on an in-memory database; before
each test `centra` restores the scenario's snapshot (SQLite `deserialize`, tens of
microseconds). Seeded scenarios are cached on disk (see mockcentra.seeding.templates), so a
fresh worker loads them instead of seeding.

Attach mode: given `--centra-url URL` (or MOCKCENTRA_URL), the same fixtures drive the server
already running there (`mockcentra serve`, the compose service) instead of an in-process app:
each test starts with a reset through its control plane, a `centra_scenario` marker loads the
scenario, and credentials come from the MOCKCENTRA_* variables as the server reads them. An
unmarked test starts from the scenario the server was on when the session attached.

pytest imports this module in every run of a project that has mockcentra installed, so it
imports nothing heavy itself: the app, starlette and httpx load when a fixture is first used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from mockcentra.testing.client import CentraClient
    from mockcentra.testing.factories import Factories

DEFAULT_SCENARIO = "demo"
#: The environment variable that names a running server to attach to.
URL_ENV = "MOCKCENTRA_URL"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mockcentra")
    group.addoption(
        "--centra-url",
        default=None,
        metavar="URL",
        help=f"run the centra fixtures against the mockcentra server at URL (env {URL_ENV})",
    )


def attach_url(config: pytest.Config) -> str | None:
    """The server to attach to: --centra-url, else MOCKCENTRA_URL; None runs in-process."""
    return config.getoption("centra_url", None) or os.environ.get(URL_ENV) or None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "centra_scenario(name): the scenario the `centra` fixture starts from"
    )
    config.addinivalue_line(
        "markers",
        "centra_no_invariants: do not check the mock's invariants after the test (for a test "
        "that breaks the state on purpose)",
    )


@pytest.fixture(scope="session")
def centra_app(request: pytest.FixtureRequest) -> Starlette:
    """The in-process mockcentra app on an in-memory database seeded with `demo`."""
    if attach_url(request.config):
        pytest.fail("centra_app is the in-process app; a session attached to a server has none")
    from mockcentra.app import create_app
    from mockcentra.settings import Settings

    return create_app(Settings(db=":memory:", scenario=DEFAULT_SCENARIO))


@pytest.fixture(scope="session")
def _centra_session_client(request: pytest.FixtureRequest) -> Iterator[CentraClient]:
    from mockcentra.testing.client import CentraClient

    url = attach_url(request.config)
    if url:
        worker = getattr(request.config, "workerinput", None)  # set in xdist workers only
        if worker is not None and int(worker.get("workercount", 1)) > 1:
            pytest.fail(
                "A server holds one state at a time: run a session attached with --centra-url "
                "without -n (pytest-xdist workers would reset each other's data)."
            )
        client = CentraClient.attach(url)
        client.home_scenario = client.scenario()
    else:
        client = CentraClient(request.getfixturevalue("centra_app"))
        client.home_scenario = DEFAULT_SCENARIO
    yield client
    client.close()


@pytest.fixture
def centra_factories(centra: CentraClient) -> Factories:
    """Arrange helpers on the reset `centra`: sellable items, placed and shipped orders."""
    from mockcentra.testing.factories import Factories

    return Factories(centra)


@pytest.fixture
def centra(
    _centra_session_client: CentraClient, request: pytest.FixtureRequest
) -> Iterator[CentraClient]:
    """A client on a freshly reset mockcentra (microseconds in-process: a snapshot restore;
    attached to a server, one control-plane call).

    `@pytest.mark.centra_scenario("name")` starts the test from another scenario instead.
    After a test that wrote anything, the state is checked against the domain's invariants
    (stock, payments, returns, events, vouchers; a few aggregates on a copy of the database,
    about two milliseconds on a scenario): a test that drove the mock into an impossible state
    errors with each violation. `@pytest.mark.centra_no_invariants` skips the check.
    """
    marker = request.node.get_closest_marker("centra_scenario")
    home = _centra_session_client.home_scenario
    assert home is not None, "the session's client is made with its home scenario"
    wanted = marker.args[0] if marker else home
    _centra_session_client.start_from(wanted)
    runtime = _centra_session_client.runtime
    if runtime is None:  # attached: the server's state is not ours to inspect
        yield _centra_session_client
        return
    unchanged = runtime.db.total_changes()
    yield _centra_session_client
    if request.node.get_closest_marker("centra_no_invariants") is not None:
        return
    if runtime.db.total_changes() != unchanged:  # a test that only read leaves nothing to check
        check_invariants(_centra_session_client)


def check_invariants(client: CentraClient) -> None:
    """Fail with every invariant the mock's state breaks."""
    from mockcentra.domain import invariants

    with client.runtime.db.private_copy() as conn:
        violations = invariants.check(conn)
    if violations:
        lines = "\n".join(f"- {v.rule}: {v.message}" for v in violations)
        pytest.fail(
            f"mockcentra's state breaks {len(violations)} invariant(s) after this test:\n{lines}\n"
            "(mark the test @pytest.mark.centra_no_invariants if it does so on purpose)",
            pytrace=False,
        )


class LiveServer:
    """A real uvicorn server on a free loopback port, serving the session's app."""

    def __init__(self, app: Starlette) -> None:
        import socket
        import threading
        import time

        import uvicorn

        self.app = app
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        host, port = sock.getsockname()
        self.url = f"http://{host}:{port}"
        # A test suite's client may leave a pooled connection idle for longer than uvicorn's
        # 5 s default while a slow machine works; closing it then races the client's next
        # request on it (a ReadError the code under test did not cause).
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="on", timeout_keep_alive=120
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("mockcentra test server did not start")
            time.sleep(0.005)

    def stop(self) -> None:
        """Stop serving; a server still busy after 5 s is forced down (open connections closed)
        so the test session can end."""
        self._server.should_exit = True
        self._thread.join(timeout=5)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout=5)


class AttachedServer:
    """The server a session is attached to (`.url`), in place of a LiveServer."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def stop(self) -> None:
        """Not ours to stop."""


@pytest.fixture(scope="session")
def _centra_live(request: pytest.FixtureRequest) -> Iterator[LiveServer | AttachedServer]:
    url = attach_url(request.config)
    if url:
        yield AttachedServer(url)
        return
    server = LiveServer(request.getfixturevalue("centra_app"))
    yield server
    server.stop()


@pytest.fixture
def centra_server(
    _centra_live: LiveServer | AttachedServer, centra: CentraClient
) -> LiveServer | AttachedServer:
    """A real server (`.url`) on the same reset state as `centra`, for code that needs a URL."""
    return _centra_live


class WebhookLog:
    """The webhooks one test caused: a receiver subscribed to every event of the reset state.

    Deliveries are sent when asked (`deliver()`), so a test sees exactly what its own steps
    queued; `version` picks the plugin version ("Integration API", "Checkout API", "Lifecycle").
    """

    SECRET = "centra-webhook-log"

    def __init__(self, centra: CentraClient, version: str = "Integration API") -> None:
        from mockcentra.webhooks.receiver import WebhookReceiver

        self.centra = centra
        self.receiver = WebhookReceiver(self.SECRET).start()
        body = {"url": self.receiver.url, "secret": self.SECRET, "version": version}
        response = centra.post("/_mock/webhooks/subscriptions", json=body)
        if response.status_code != 201:
            self.receiver.stop()
            raise RuntimeError(f"could not subscribe the webhook log: {response.text}")
        self.subscription = response.json()

    def deliver(self) -> list[dict]:
        """Send what is due now; returns every event received so far, in order."""
        self.centra.deliver_webhooks()
        return self.events

    @property
    def events(self) -> list[dict]:
        """The `events` of every call received, flattened, each signature checked."""
        if not all(call.signature_ok for call in self.receiver.received):
            raise AssertionError("a webhook arrived with a bad signature")
        return [e for call in self.receiver.received for e in call.payload["events"]]

    def close(self) -> None:
        self.receiver.stop()


@pytest.fixture
def centra_webhooks(centra: CentraClient) -> Iterator[WebhookLog]:
    """The webhook log: `centra_webhooks.deliver()` returns the events the test's steps sent."""
    log = WebhookLog(centra)
    yield log
    log.close()
