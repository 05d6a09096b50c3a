"""The lifecycle moments marketing and CRM plugins react to (seeds 001 and 002), with the
order, shipment and refund data they read, as Lifecycle webhooks and in /_mock/events."""

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import JON, Factories
from mockcentra.webhooks.receiver import WebhookReceiver
from tests.webhooks.support import SECRET, deliver, events_log, subscribe

CANCEL = """mutation($id:String!){ cancelDirectToConsumerOrder(id:$id,
  input:{comment:"Changed my mind"}) { userErrors { message } } }"""


def by_trigger(payloads: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for payload in payloads:
        for item in payload["events"]:
            found.setdefault(item["trigger"], []).append(item)
    return found


def test_an_order_lifecycle_sends_each_moment_with_its_data(
    centra: CentraClient, centra_factories: Factories
) -> None:
    centra.control.freeze("2026-03-02T09:00:00+00:00")
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, version="Lifecycle")
        placed = centra_factories.place_order()
        centra_factories.ship(placed.number)  # confirms, ships with PostNord TRACK123
        returned = centra.order_api(
            "return",
            method="POST",
            json={"shipment": f"{placed.number}-1", "refund": {"refundPayment": True}},
        )
        assert returned.status_code == 200, returned.text
        assert deliver(centra) == 1
        [call] = hook.wait_for(1)

    assert call.signature_ok
    got = by_trigger([call.payload])
    assert list(got) == [
        "CustomerCreated",
        "OrderPlaced",
        "OrderConfirmed",
        "ShipmentGoodToGo",
        "OrderShipped",
        "OrderCompleted",
        "RefundCompleted",
        "ReturnCompleted",  # refunding completes it
    ]
    placed_fields = got["OrderPlaced"][0]["fields"]
    assert placed_fields["Order.Number"] == placed.number
    assert (placed_fields["Order.Firstname"], placed_fields["Order.Lastname"]) == ("Jon", "Snow")
    assert placed_fields["Order.Status"] == "PENDING"
    assert placed_fields["Order.Date"] == "2026-03-02 10:00:00"
    assert placed_fields["Order.Street"] == "Teststr. 1"
    assert placed_fields["Order.City"] == "Stockholm"
    assert placed_fields["Order.Zipcode"] == "12345"
    assert placed_fields["Order.Country"] == "SE"
    assert placed_fields["Order.Tele"] == "+4684026100"
    assert placed_fields["Order.Currency"] == "SEK"
    assert placed_fields["Order.PaymentMethod"] == "dummy"
    assert placed_fields["Customer.Email"] == "jon.snow@example.com"
    amount = placed_fields["Order.TotalAmount"]
    assert placed_fields["Order.Total"] == f"{amount} SEK"
    assert placed_fields["Order.IndividualProductCount"] == 1
    assert "Order.BillingStreet" not in placed_fields

    confirmed = got["OrderConfirmed"][0]["fields"]
    assert confirmed["Order.Status"] == "CONFIRMED"
    assert confirmed["Order.BillingStreet"] == "Teststr. 1"

    shipped = got["OrderShipped"][0]
    assert shipped["event"]["objectType"] == "Shipment"
    assert shipped["event"]["changeType"] == "COMPLETED"
    assert shipped["fields"]["Order.Carrier"] == "PostNord"
    assert shipped["fields"]["Order.Trackingno"] == "TRACK123"
    assert shipped["fields"]["Shipment.Number"] == f"{placed.number}-1"

    completed = got["OrderCompleted"][0]
    assert (completed["event"]["objectType"], completed["event"]["changeType"]) == (
        "Order",
        "COMPLETED",
    )

    refund = got["RefundCompleted"][0]["fields"]
    assert refund["Order.RefundValueTotalAmount"] == placed_fields["Order.SubtotalAmount"]
    assert refund["Order.RefundValuePcsAmount"] == [placed_fields["Order.SubtotalAmount"]]
    assert refund["Order.RefundCurrency"] == "SEK"
    assert refund["Order.ProductCount"] == 1
    assert "Order.Skus" not in refund and "Order.Street" not in refund
    assert got["ReturnCompleted"][0]["fields"]["Order.Number"] == placed.number


def test_cancellation_and_newsletter_sign_up(
    centra: CentraClient, centra_factories: Factories
) -> None:
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, version="Lifecycle", events=["OrderCancelled", "Newsletter"])
        placed = centra_factories.place_order()
        centra.graphql(CANCEL, {"id": placed.id}).ok("cancelDirectToConsumerOrder")
        signed_up = centra.checkout(
            "newsletter-subscription", json={"email": "Arya@Example.com", "country": "SE"}
        )
        assert signed_up.status_code == 200, signed_up.text
        deliver(centra)
        [call] = hook.wait_for(1)

    got = by_trigger([call.payload])
    assert list(got) == ["OrderCancelled", "Newsletter"]
    cancelled = got["OrderCancelled"][0]["fields"]
    assert cancelled["Order.Status"] == "CANCELLED"
    assert cancelled["Order.AdditionalMessage"] == "Changed my mind"
    assert got["Newsletter"][0]["fields"] == {
        "Contact.Email": "arya@example.com",
        "Contact.Language": None,
        "Address.Country": "SE",
    }


def test_the_event_log_shows_the_moments_each_event_marks(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)

    confirmed = events_log(centra, trigger="OrderConfirmed")

    assert [(e["objectType"], e["changeType"], e["objectReference"]) for e in confirmed] == [
        ("Order", "UPDATED", placed.id)
    ]
    [moment] = confirmed[0]["triggers"]
    assert moment["trigger"] == "OrderConfirmed"
    assert moment["fields"]["Order.Number"] == placed.number
    assert confirmed[0]["data"] == {"number": placed.number, "status": "CONFIRMED"}


def test_an_external_promotion_is_reported_redeemed_when_the_order_ships(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item()
    added = centra.checkout(f"items/{item.item}", json={"quantity": 1})
    token = added.json()["token"]
    paid = centra.checkout(
        "payment",
        token=token,
        json={
            "address": JON,
            "paymentMethod": "dummy",
            "termsAndConditions": True,
            "promotionId": "engage-member-77",
        },
    )
    number = int(paid.json()["order"])
    with WebhookReceiver(SECRET) as hook:
        subscribe(centra, hook.url, version="Lifecycle", events=["PromotionRedeemed"])
        centra_factories.ship(number)
        deliver(centra)
        [call] = hook.wait_for(1)

    [item_] = call.payload["events"]
    assert item_["trigger"] == "PromotionRedeemed"
    assert item_["fields"] | {"Customer.Number": None} == {
        "Promotion.Id": "engage-member-77",
        "Promotion.VoucherId": None,
        "Order.Number": number,
        "Customer.Number": None,
        "Customer.Email": "jon.snow@example.com",
    }
