"""The REST Order API and the Integration API tell the same story about the same order.

Each rule that both surfaces show (totals, statuses, lines, payment state, vouchers,
addresses) has one owner in the domain; these tests pin the two answers to each other.
"""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import OrderApi

WAITING = """query($n:[Int!]){ orders(where:{number:$n}) { number isWaitingForPayment } }"""


def _graphql_order(centra: CentraClient, query: str, number: int) -> dict[str, Any]:
    [order] = centra.graphql(query, {"n": [number]}).payload("orders")
    return order


def test_an_order_with_only_a_pending_authorization_waits_for_payment_on_both_apis(
    centra: CentraClient, centra_factories: Factories
) -> None:
    api = OrderApi(centra)
    item = centra_factories.sellable_item()
    pending = {"auth": {"status": 0, "amount": float(item.price)}}
    paid = {"auth": {"status": 1, "amount": float(item.price)}}

    waiting = api.create_order([(item, 1)], payment=pending)
    settled = api.create_order([(item, 1)], payment=paid)

    assert api.order(waiting)["waitingForPayment"] == 1
    assert _graphql_order(centra, WAITING, waiting) == {
        "number": waiting,
        "isWaitingForPayment": True,
    }
    assert api.order(settled)["waitingForPayment"] == 0
    assert _graphql_order(centra, WAITING, settled) == {
        "number": settled,
        "isWaitingForPayment": False,
    }
