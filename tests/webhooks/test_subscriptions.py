"""Webhook subscriptions on the control plane, the Checkout API version, and the background
sender of a running server."""

import time

import httpx
import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from mockcentra.webhooks.receiver import WebhookReceiver
from tests.webhooks.support import SECRET, deliver, deliveries, subscribe

BRAND = """mutation($name:String!){ createBrand(input:{name:$name}) { brand { id } } }"""
UPDATE_PRODUCT = """mutation($id:Int!){ updateProduct(id:$id, input:{name:"Renamed"}) {
  userErrors { message } } }"""


@pytest.mark.parametrize(
    ("settings", "error", "path"),
    [
        (
            {"url": "ftp://example.com/hook"},
            "'url' must be an http:// or https:// URL with a host.",
            ["url"],
        ),
        (
            {"version": "Storefront API"},
            "'version' must be one of 'Integration API', 'Checkout API', 'Lifecycle'.",
            ["version"],
        ),
        (
            {"events": ["order", "products"]},
            "'products' is not an event of the Integration API version. Choose from: order, "
            "shipment, customer, account, return.",
            ["events", 1],
        ),
        ({"retries": 4}, "'retries' must be between 0 and 3.", ["retries"]),
        ({"batchSize": 0}, "'batchSize' must be between 1 and 1000.", ["batchSize"]),
        ({"storeId": 9}, "Could not find store with ID 9.", ["storeId"]),
        (
            {"color": "red"},
            "Unknown setting(s): color. Known: url, secret, version, events, "
            "name, storeId, batchSize, timeoutSeconds, retries, retryDelaySeconds, validateSsl.",
            ["color"],
        ),
    ],
)
def test_invalid_settings_are_refused(
    centra: CentraClient, settings: dict, error: str, path: list
) -> None:
    response = centra.post(
        "/_mock/webhooks/subscriptions", json={"url": "http://127.0.0.1/hook", **settings}
    )

    assert response.status_code == 400
    assert response.json() == {"error": error, "path": path}
    assert centra.get("/_mock/webhooks/subscriptions").json() == {"subscriptions": []}


def test_subscriptions_are_listed_with_defaults_and_a_generated_secret(
    centra: CentraClient,
) -> None:
    created = centra.post(
        "/_mock/webhooks/subscriptions", json={"url": "http://127.0.0.1:9/hook", "name": "CRM"}
    ).json()

    listed = centra.get("/_mock/webhooks/subscriptions").json()["subscriptions"]
    one = centra.get(f"/_mock/webhooks/subscriptions/{created['id']}").json()

    assert len(created.pop("secret")) == 32
    assert created | {"createdAt": None} == {
        "id": created["id"],
        "name": "CRM",
        "url": "http://127.0.0.1:9/hook",
        "version": "Integration API",
        "events": [],
        "storeId": None,
        "batchSize": 100,
        "timeoutSeconds": 5.0,
        "retries": 0,
        "retryDelaySeconds": 60.0,
        "validateSsl": True,
        "active": True,
        "createdAt": None,
    }
    assert [s["id"] for s in listed] == [created["id"]]
    assert one["url"] == "http://127.0.0.1:9/hook"


def test_deleting_a_subscription_cancels_what_it_had_not_sent(
    centra: CentraClient, centra_factories: Factories
) -> None:
    sub = subscribe(centra, "http://127.0.0.1:9/unreachable", retries=3)
    centra_factories.place_order()
    deliver(centra)  # fails, a retry waits
    centra_factories.place_order()  # waits behind it

    deleted = centra.delete(f"/_mock/webhooks/subscriptions/{sub['id']}")
    missing = centra.delete(f"/_mock/webhooks/subscriptions/{sub['id']}")

    assert deleted.json() == {"deleted": [sub["id"]]}
    assert missing.status_code == 404
    assert missing.json()["error"] == f"Could not find webhook subscription with ID {sub['id']}."
    assert [d["status"] for d in deliveries(centra)] == ["CANCELLED"]
    assert deliver(centra) == 0


def test_checkout_api_version_sends_display_ids_and_other_keys(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    display = centra.graphql(
        "query($id:Int!){ display(id:$id) { id product { id } } }", {"id": item.display_id}
    ).payload("display")
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, version="Checkout API", storeId=1)
        centra.graphql(UPDATE_PRODUCT, {"id": display["product"]["id"]}).ok("updateProduct")
        brand_id = centra.graphql(BRAND, {"name": "New Brand"}).payload("createBrand")["brand"][
            "id"
        ]
        deliver(centra)
        [call] = hook.wait_for(1)

    assert call.signature_ok
    assert call.payload == {"products": [str(display["id"])], "brands": [str(brand_id)]}


def test_a_running_server_sends_webhooks_by_itself(centra_server, centra: CentraClient) -> None:
    """The app's lifespan runs the sender; commits on the server wake it."""
    with WebhookReceiver(SECRET) as hook, httpx.Client(base_url=centra_server.url) as http:
        created = http.post(
            "/_mock/webhooks/subscriptions",
            json={"url": hook.url, "secret": SECRET, "version": "Checkout API"},
        )
        assert created.status_code == 201
        token = centra.runtime.settings.integration_token
        http.post(
            "/graphql",
            json={"query": 'mutation { createBrand(input:{name:"Live"}) { brand { id } } }'},
            headers={"Authorization": f"Bearer {token}"},
        ).raise_for_status()
        [call] = hook.wait_for(1, timeout=5)
        deadline = time.monotonic() + 5
        while True:  # the server records the answer just after the receiver got the call
            log = http.get("/_mock/webhooks/deliveries").json()["deliveries"]
            if log[0]["status"] != "SENDING" or time.monotonic() > deadline:
                break
            time.sleep(0.01)

    assert call.signature_ok and list(call.payload) == ["brands"]
    assert [d["status"] for d in log] == ["DELIVERED"]
