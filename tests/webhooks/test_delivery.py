"""Webhook delivery to a real receiver on loopback: wire format, batching, retries, timeouts,
ordering, and nothing lost when the receiver is down or the server restarts."""

import hashlib
import hmac
import socket
from datetime import UTC, datetime

from sqlalchemy import text

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from mockcentra.webhooks.delivery import WebhookService
from mockcentra.webhooks.receiver import Slow, WebhookReceiver
from tests.webhooks.support import SECRET, deliver, deliveries, events_log, subscribe

LOCK = """mutation($n:Int!,$l:Boolean!){ setOrdersLock(input:{orders:[{number:$n}], isLocked:$l}) {
  userErrors { message } } }"""
FROZEN = "2026-03-02T09:00:00+00:00"
FROZEN_UNIX = int(datetime(2026, 3, 2, 9, tzinfo=UTC).timestamp())


def toggle_lock(centra: CentraClient, number: int, times: int) -> None:
    """`times` order updates (lock, unlock, ...)."""
    for i in range(times):
        centra.graphql(LOCK, {"n": number, "l": i % 2 == 0}).ok("setOrdersLock")


def order_items(payloads: list[dict]) -> list[tuple[str, str, int]]:
    return [(e["type"], e["action"], e["id"]) for p in payloads for e in p["events"]]


def outbox_rows(centra: CentraClient) -> int:
    with centra.runtime.db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM webhook_outbox")).scalar_one()


def test_order_placement_is_posted_as_a_signed_form(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.control.freeze(FROZEN)
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, events=["order"])
        placed = centra_factories.place_order()

        assert deliver(centra) == 1
        [call] = hook.wait_for(1)

    assert call.headers["content-type"] == "application/x-www-form-urlencoded"
    assert call.payload == {
        "events": [
            {
                "type": "order",
                "action": "create",
                "date": "2026-03-02 10:00:00.000000",
                "id": placed.number,
            }
        ]
    }
    expected = hmac.new(
        SECRET.encode(), f"{FROZEN_UNIX}.{call.body}".encode(), hashlib.sha256
    ).hexdigest()
    assert call.headers["x-centra-signature"] == f"t={FROZEN_UNIX},v1={expected}"
    assert call.signature_ok is True
    [logged] = deliveries(centra)
    assert logged["status"] == "DELIVERED"
    assert logged["body"] == call.body
    assert [(a["attempt"], a["statusCode"], a["ok"]) for a in logged["attemptLog"]] == [
        (1, 200, True)
    ]


def test_events_are_batched_by_batch_size_in_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, events=["order"], batchSize=2)
        placed = centra_factories.place_order()
        toggle_lock(centra, placed.number, 4)

        assert deliver(centra) == 3
        hook.wait_for(3)

    n = placed.number
    assert [len(p["events"]) for p in hook.payloads] == [2, 2, 1]
    assert order_items(hook.payloads) == [("order", "create", n)] + [("order", "update", n)] * 4
    logged = deliveries(centra)
    assert [d["status"] for d in logged] == ["DELIVERED"] * 3
    ids = [i for d in logged for i in d["eventIds"]]
    assert ids == sorted(ids) and len(ids) == 5


def test_failed_call_is_retried_with_growing_delay_on_the_mock_clock(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.control.freeze(FROZEN)
    with WebhookReceiver(SECRET) as hook:
        hook.script(500, 500, 200)
        subscribe(centra, hook.url, events=["order"], retries=3, retryDelaySeconds=10)
        centra_factories.place_order()

        assert deliver(centra) == 1
        [waiting] = deliveries(centra)
        assert (waiting["status"], waiting["attempts"], waiting["lastStatusCode"]) == (
            "PENDING",
            1,
            500,
        )
        assert waiting["nextAttemptAt"] == "2026-03-02T09:00:10+00:00"
        assert deliver(centra) == 0  # not due yet

        centra.control.advance(10)
        assert deliver(centra) == 1
        assert deliveries(centra)[0]["nextAttemptAt"] == "2026-03-02T09:00:30+00:00"
        centra.control.advance(19)
        assert deliver(centra) == 0
        centra.control.advance(1)
        assert deliver(centra) == 1
        calls = hook.wait_for(3)

    [done] = deliveries(centra)
    assert done["status"] == "DELIVERED"
    assert [a["statusCode"] for a in done["attemptLog"]] == [500, 500, 200]
    assert len({c.body for c in calls}) == 1  # the same body every time
    assert [c.timestamp - FROZEN_UNIX for c in calls] == [0, 10, 30]  # re-signed per attempt
    assert all(c.signature_ok for c in calls)


def test_when_retries_run_out_the_call_fails_and_the_queue_moves_on(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        hook.script(500, 503)
        subscribe(centra, hook.url, events=["order"], batchSize=1, retries=1, retryDelaySeconds=0)
        placed = centra_factories.place_order()
        toggle_lock(centra, placed.number, 1)

        assert deliver(centra) == 3
        hook.wait_for(3)

    failed, delivered = deliveries(centra)
    assert (failed["status"], failed["attempts"], failed["lastStatusCode"]) == ("FAILED", 2, 503)
    assert failed["payload"]["events"][0]["action"] == "create"
    assert (delivered["status"], delivered["attempts"]) == ("DELIVERED", 1)
    assert delivered["payload"]["events"][0]["action"] == "update"


def test_a_slow_receiver_times_out(centra: CentraClient, centra_factories: Factories) -> None:
    with WebhookReceiver(SECRET) as hook:
        hook.script(Slow(1.0))
        subscribe(centra, hook.url, events=["order"], timeoutSeconds=0.2)
        centra_factories.place_order()

        assert deliver(centra) == 1

    [failed] = deliveries(centra)
    assert failed["status"] == "FAILED"
    assert failed["lastError"].startswith("timeout")
    [attempt] = failed["attemptLog"]
    assert attempt["statusCode"] is None and attempt["durationMs"] < 1000


def test_nothing_is_lost_while_the_receiver_is_down(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with socket.socket() as probe:  # a port nobody listens on (yet)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    centra.control.freeze(FROZEN)
    subscribe(
        centra,
        f"http://127.0.0.1:{port}/webhook",
        events=["order"],
        retries=3,
        retryDelaySeconds=30,
    )
    placed = centra_factories.place_order()

    assert deliver(centra) == 1
    [down] = deliveries(centra)
    assert down["status"] == "PENDING" and "ConnectError" in down["lastError"]

    with WebhookReceiver(SECRET, port=port) as hook:
        centra.control.advance(30)
        assert deliver(centra) == 1
        [call] = hook.wait_for(1)

    assert call.payload["events"][0]["id"] == placed.number
    assert deliveries(centra)[0]["status"] == "DELIVERED"


def test_a_delivery_interrupted_by_a_restart_is_sent_on_the_next_start(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, events=["order"])
        centra_factories.place_order()
        [claimed] = centra.runtime.webhooks.claim_due()  # the server stops while sending
        assert deliveries(centra)[0]["status"] == "SENDING"

        restarted = WebhookService(centra.runtime)
        assert deliveries(centra)[0]["status"] == "PENDING"
        assert restarted.deliver_due() == 1
        [call] = hook.wait_for(1)

    assert call.body == claimed.body
    [done] = deliveries(centra)
    assert (done["status"], done["attempts"]) == ("DELIVERED", 2)


def test_events_of_one_object_arrive_in_order_even_after_a_failure(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        hook.script(500)
        subscribe(
            centra,
            hook.url,
            events=["order", "shipment"],
            batchSize=1,
            retries=1,
            retryDelaySeconds=0,
        )
        placed = centra_factories.place_order()
        shipment = centra_factories.ship(placed.number)

        deliver(centra)
        calls = hook.wait_for(7)  # 6 events, the first one sent twice

    delivered = [c.payload for c in calls if c.answered == 200]
    n, s = placed.number, shipment["id"]
    assert order_items(delivered) == [
        ("order", "create", n),
        ("order", "update", n),  # confirmed
        ("shipment", "create", s),
        ("shipment", "good_to_go", s),
        ("order", "update", n),  # processing
        ("shipment", "update", s),  # completed
        ("order", "update", n),  # completed (every line shipped)
    ]
    dates = [e["date"] for p in delivered for e in p["events"]]
    assert dates == sorted(dates)


def test_a_refused_mutation_leaves_no_event_and_no_webhook(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url)
        subscribe(centra, hook.url, version="Lifecycle")
        placed = centra_factories.place_order()
        deliver(centra)
        last = events_log(centra)[-1]["id"]
        rows, sent = outbox_rows(centra), len(hook.received)

        refused = centra.graphql(
            """mutation($n:Int!){ createShipment(input:{order:{number:$n},
               lines:[{orderLine:{id:1}, quantity:1}]}) { userErrors { message } } }""",
            {"n": placed.number},
        ).payload("createShipment")

        assert refused["userErrors"] == [
            {
                "message": f'Order {placed.number} is "PENDING": confirm it before creating shipments.'
            }
        ]
        assert events_log(centra, after=last) == []
        assert outbox_rows(centra) == rows
        assert deliver(centra) == 0
        assert len(hook.received) == sent


def test_a_subscription_made_or_deleted_between_changes_counts_from_the_next_change(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        unheard = centra_factories.place_order()
        sub = subscribe(centra, hook.url, events=["order"])
        heard = centra_factories.place_order()
        assert deliver(centra) == 1
        [call] = hook.wait_for(1)
        deleted = centra.delete(f"/_mock/webhooks/subscriptions/{sub['id']}")
        centra_factories.place_order()

        assert deleted.status_code == 200
        assert order_items([call.payload]) == [("order", "create", heard.number)]
        assert unheard.number != heard.number
        assert outbox_rows(centra) == 0
        assert deliver(centra) == 0
        centra.reset()
        again = subscribe(centra, hook.url, events=["order"])
        after_reset = centra_factories.place_order()
        assert deliver(centra) == 1
        assert order_items([hook.wait_for(2)[1].payload]) == [
            ("order", "create", after_reset.number)
        ]
        assert again["id"] > 0
