"""Two servers on one database file, each running a unit of work in its own thread at the same
moment: the last unit of stock is sold once and a shipment is captured once.

One event loop runs one request at a time, so the races in test_concurrent_checkout.py can never
overlap two transactions. Here two apps (as two `mockcentra serve` processes would) share a WAL
file and their requests run in two threads. A rendezvous holds each unit of work at the point
where it would act on what it read (the stock check, the call to the payment provider) until the
other reaches the same point: without the write lock taken at BEGIN both would be there at once,
and the second writer would oversell or fail with "database is locked". With the lock the second
unit of work cannot begin until the first has committed, so the rendezvous is never met.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from mockcentra.app import create_app
from mockcentra.domain.payments import psp
from mockcentra.domain.stock import allocation
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from tests.support import exactly_free, order_of, stock_of

#: How long a unit of work waits at the rendezvous for the other one. A writer locked out until
#: the first commits never arrives in time; two free-running requests arrive within milliseconds.
PATIENCE = 1.0


class Rendezvous:
    """Holds the first call of `function` in each thread until both threads have made it (or
    `PATIENCE` runs out); `met` says whether the two were ever inside their transactions at once.
    """

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.barrier = threading.Barrier(2, timeout=PATIENCE)
        self.arrivals = 0
        self.met = False
        self._seen = threading.local()
        self._count = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not getattr(self._seen, "done", False):
            self._seen.done = True
            with self._count:
                self.arrivals += 1
            try:
                self.barrier.wait()
                self.met = True
            except threading.BrokenBarrierError:
                pass
        return self.function(*args, **kwargs)


@pytest.fixture
def two_servers(demo_file: Path) -> Iterator[tuple[CentraClient, CentraClient]]:
    """Two apps on one database file holding the demo scenario."""
    clients = [CentraClient(create_app(Settings(db=str(demo_file)))) for _ in range(2)]
    yield clients[0], clients[1]
    for client in clients:
        client.close()
        client.runtime.db.dispose()


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run each call in its own thread; their results in the order given."""
    with ThreadPoolExecutor(len(calls)) as pool:
        futures = [pool.submit(call) for call in calls]
        return [future.result(timeout=30) for future in futures]


def test_two_checkouts_on_two_servers_sell_the_last_unit_once(
    two_servers: tuple[CentraClient, CentraClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_servers
    item = next(
        i
        for i in Factories(first).sellable_items(min_free=1)
        if stock_of(first, i.product_size_id)[1] == 0
    )
    exactly_free(first, item, 1)
    physical, _, _ = stock_of(first, item.product_size_id)
    tokens = [
        first.checkout(f"items/{item.item}", json={"quantity": 1}).json()["token"] for _ in range(2)
    ]
    rendezvous = Rendezvous(allocation.warehouses_for_market)
    monkeypatch.setattr(allocation, "warehouses_for_market", rendezvous)

    def pay(client: CentraClient, token: str, email: str) -> tuple[int, dict]:
        body = {"address": {**JON, "email": email}, "paymentMethod": "dummy"}
        response = client.checkout("payment", token=token, json=body)
        return response.status_code, response.json()

    answers = at_once(
        lambda: pay(first, tokens[0], "first@example.com"),
        lambda: pay(second, tokens[1], "second@example.com"),
    )

    assert (rendezvous.arrivals, rendezvous.met) == (2, False)
    assert sorted(status for status, _ in answers) == [200, 410]
    [sold] = [body for status, body in answers if status == 200]
    [refused] = [body for status, body in answers if status == 410]
    assert [(u["item"], u["unavailable"], u["available"]) for u in refused["unavailable"]] == [
        (item.item, 1, 0)
    ]
    assert stock_of(first, item.product_size_id) == (physical, 1, 0)
    assert stock_of(second, item.product_size_id) == (physical, 1, 0)
    orders = first.graphql("{ orders(limit: 1000) { number } }").payload("orders")
    assert [o["number"] for o in orders].count(int(sold["order"])) == 1
    assert len(orders) == len(
        second.graphql("{ orders(limit: 1000) { number } }").payload("orders")
    )


CAPTURE = """mutation($id:Int!){ captureShipment(id:$id){
  paymentHistoryEntry { entryType status } userErrors { message path } } }"""


def test_two_captures_on_two_servers_capture_a_shipment_once(
    two_servers: tuple[CentraClient, CentraClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_servers
    factories = Factories(first)
    placed = factories.place_order()
    shipment = factories.ship(placed.number, capture=False, complete=False)
    history_before = order_of(first, placed.number)["paymentHistory"]
    rendezvous = Rendezvous(psp.outcome)
    monkeypatch.setattr(psp, "outcome", rendezvous)

    graphql, rest = at_once(
        lambda: first.graphql(CAPTURE, {"id": shipment["id"]}).payload("captureShipment"),
        lambda: second.order_api("capture", "PUT", json={"shipment": shipment["number"]}).json(),
    )

    # the second capture found the shipment captured before it could ask the payment provider
    assert (rendezvous.arrivals, rendezvous.met) == (1, False)
    outcomes = sorted(
        [
            "captured" if graphql["paymentHistoryEntry"] else graphql["userErrors"][0]["message"],
            "captured" if rest["status"] == "ok" else rest["msg"],
        ]
    )
    assert outcomes in (
        ["capture failed", "captured"],
        [f"Shipment {shipment['number']} is already captured.", "captured"],
    )
    order = order_of(second, placed.number)
    new_entries = order["paymentHistory"][len(history_before) :]
    assert [(e["entryType"], e["status"]) for e in new_entries] == [("CAPTURE", "SUCCESS")]
    assert [(s["isCaptured"], s["isPaid"]) for s in order["shipments"]] == [(True, True)]
