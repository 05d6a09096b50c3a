"""The in-process client's result objects and REST helpers: one shape, one default-method rule."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from mockcentra.domain.checkout.sellable import SellableItem
from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, Item
from mockcentra.webhooks.receiver import WebhookReceiver


def test_graphql_results_and_rest_results_read_alike(centra: CentraClient) -> None:
    graphql = centra.graphql("{ stores { id } }")
    rest = centra.order_api("orders")

    assert (graphql.status_code, rest.status_code) == (200, 200)
    assert graphql.json()["data"] == graphql.data == {"stores": [{"id": 1}, {"id": 2}]}
    assert rest.json() == {"status": "ok", "orders": []}


def test_checkout_reads_with_get_and_writes_with_post_when_given_a_body(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()

    selection = centra.checkout("selection")
    added = centra.checkout(f"items/{item.item}", token=selection.json()["token"], json={})

    assert selection.status_code == 200 and selection.json()["selection"]["items"] == []
    assert added.status_code == 200
    assert [i["item"] for i in added.json()["selection"]["items"]] == [item.item]
    journal = centra.control.journal(path="/api/checkout/*")
    assert [(e["method"], e["path"]) for e in journal] == [
        ("GET", "/api/checkout/selection"),
        ("POST", f"/api/checkout/items/{item.item}"),
    ]


def test_the_sellable_item_helpers_read_the_first_items_alone(
    centra: CentraClient, centra_factories: Factories
) -> None:
    first = Item(display_id=2, product_size_id=3, price=Decimal("790"), free=40)

    assert centra_factories.sellable_item() == first
    assert centra_factories.sellable_items(limit=2) == [
        first,
        Item(display_id=6, product_size_id=37, price=Decimal("1190"), free=40),
    ]
    assert centra.sellable_items(1, "SE", limit=1) == [SellableItem(2, 3, Decimal("790"), 40)]
    assert centra.control.sellable_items(1, "SE", limit=1) == [
        {"item": "2-3", "displayId": 2, "productSizeId": 3, "price": "790", "free": 40}
    ]


def test_order_api_posts_when_given_a_body_and_an_explicit_method_wins(
    centra: CentraClient,
) -> None:
    centra.order_api("orders")
    centra.order_api("order", json={})
    centra.order_api("orders", "PUT", json={"order": 1, "internalComment": "x"})

    journal = centra.control.journal(path="/api/order/*")
    assert [(e["method"], e["path"]) for e in journal] == [
        ("GET", "/api/order/orders"),
        ("POST", "/api/order/order"),
        ("PUT", "/api/order/orders"),
    ]


def test_a_stopped_webhook_receiver_takes_no_more_calls() -> None:
    """The webhook log fixture stops one receiver per test; a stopped one holds no port."""
    receiver = WebhookReceiver("s").start()
    assert httpx.post(receiver.url, content="{}").status_code == 200

    receiver.stop()

    with pytest.raises(httpx.ConnectError):
        httpx.post(receiver.url, content="{}")
