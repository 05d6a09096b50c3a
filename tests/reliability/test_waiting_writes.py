"""A REST write waiting for the writers' turn on a server does not stop the server answering
others: it waits on a worker thread, not on the event loop."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from mockcentra.app import create_app
from mockcentra.settings import Settings
from mockcentra.state.runtime import Runtime
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from mockcentra.testing.plugin import LiveServer


@pytest.fixture
def served(demo_file: Path) -> Iterator[tuple[Runtime, str]]:
    """The demo scenario on a database file, served over HTTP by a real server (and no
    in-process client, whose loop would serve one request at a time)."""
    app = create_app(Settings(db=str(demo_file)))
    server = LiveServer(app)
    yield app.state.runtime, server.url
    server.stop()
    app.state.runtime.db.dispose()


def test_a_read_is_answered_while_a_checkout_write_waits_for_the_writers_turn(
    served: tuple[Runtime, str],
) -> None:
    runtime, url = served
    item = Factories(CentraClient(None, url=url)).sellable_items(min_free=1)[0]
    with ThreadPoolExecutor(1) as pool, httpx.Client(base_url=url, timeout=10) as http:
        # given: another writer holds the writers' turn
        with runtime.db.writing():
            # when: a shopper adds an item (a write) and someone else asks for the health page
            added = pool.submit(
                lambda: httpx.post(
                    f"{url}/api/checkout/items/{item.item}", json={"quantity": 1}, timeout=10
                )
            )
            time.sleep(0.5)  # time for the write to reach the server and start waiting
            health = http.get("/_mock/health")

            # then: the read is answered at once while the write is still waiting
            assert health.status_code == 200
            assert not added.done()

        # and: once the turn is free the write goes through
        answer = added.result(timeout=10)
    assert answer.status_code == 200
    assert [(i["item"], i["quantity"]) for i in answer.json()["selection"]["items"]] == [
        (item.item, 1)
    ]
