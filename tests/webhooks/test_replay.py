"""Replaying a webhook delivery from the control plane: the same events and body again, as a
new delivery, signed when sent; what cannot be replayed is refused and nothing is queued."""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from mockcentra.webhooks.receiver import WebhookReceiver
from tests.webhooks.support import SECRET, deliver, deliveries, subscribe


def test_a_delivered_call_is_sent_again_with_the_same_body(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, events=["order"])
        centra_factories.place_order()
        deliver(centra)
        [original] = deliveries(centra)

        replayed = centra.post(f"/_mock/webhooks/deliveries/{original['id']}/replay")
        deliver(centra)
        first, again = hook.wait_for(2)

    assert replayed.status_code == 201
    body = replayed.json()
    assert (body["status"], body["eventIds"], body["body"]) == (
        "PENDING",
        original["eventIds"],
        original["body"],
    )
    assert again.body == first.body
    assert again.signature_ok is True
    assert [(d["id"], d["status"]) for d in deliveries(centra)] == [
        (original["id"], "DELIVERED"),
        (body["id"], "DELIVERED"),
    ]


def test_an_unknown_delivery_is_404_and_nothing_is_queued(centra: CentraClient) -> None:
    response = centra.post("/_mock/webhooks/deliveries/999/replay")

    assert response.status_code == 404
    assert response.json() == {
        "error": "Could not find webhook delivery with ID 999.",
        "path": ["id"],
    }
    assert deliveries(centra) == []


def test_a_deleted_subscriptions_delivery_is_not_replayed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        sub = subscribe(centra, hook.url, events=["order"])
        centra_factories.place_order()
        deliver(centra)
        [original] = deliveries(centra)
        centra.delete(f"/_mock/webhooks/subscriptions/{sub['id']}")

        response = centra.post(f"/_mock/webhooks/deliveries/{original['id']}/replay")

    assert response.status_code == 409
    assert response.json()["error"] == (
        f"Webhook subscription {sub['id']} is deleted or inactive; "
        "its deliveries cannot be replayed."
    )
    assert [d["id"] for d in deliveries(centra)] == [original["id"]]
