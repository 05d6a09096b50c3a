"""releaseRemainingOrderAuthorization: voiding what a partially captured order has left."""

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories, PlacedOrder

RELEASE = """mutation($id: String!) {
  releaseRemainingOrderAuthorization(order: {id: $id}) {
    order { id }
    paymentHistoryEntry { entryType status value { value currency { code } } paramsJSON }
    userErrors { message path }
    userWarnings { message path }
  }
}"""

HISTORY = """query($n:[Int!]){ orders(where:{number:$n}) {
  paymentHistory { entryType status value { value } } } }"""

SHIP_LINE = """mutation($n:Int!,$l:Int!,$capture:Boolean!){ createShipment(input:{
  order:{number:$n}, lines:[{orderLine:{id:$l}, quantity:1}], isGoodToGo:true, capture:$capture}) {
  shipment { id } userErrors { message } } }"""


def history(centra: CentraClient, number: int) -> list[dict[str, Any]]:
    return centra.graphql(HISTORY, {"n": [number]}).payload("orders")[0]["paymentHistory"]


def release(centra: CentraClient, order_id: str) -> dict[str, Any]:
    return centra.graphql(RELEASE, {"id": order_id}).payload("releaseRemainingOrderAuthorization")


def ship_first_line(centra: CentraClient, factories: Factories, number: int, capture: bool) -> int:
    factories.confirm(number)
    line = factories.order_lines(number)[0]["id"]
    created = centra.graphql(SHIP_LINE, {"n": number, "l": line, "capture": capture})
    return created.ok("createShipment")["shipment"]["id"]


def two_line_order(factories: Factories, **kwargs: Any) -> PlacedOrder:
    """790.00 SEK x 1 and 1 190.00 SEK x 2 with 49.00 SEK shipping: 3 219.00 SEK authorized."""
    first, second = factories.sellable_items(min_free=3)[:2]
    return factories.place_order([(first, 1), (second, 2)], **kwargs)


def test_releasing_after_a_partial_capture_voids_the_rest(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given an order of 3 219.00 SEK whose first line and the shipping (839.00) are captured
    placed = two_line_order(centra_factories)
    ship_first_line(centra, centra_factories, placed.number, capture=True)

    # When the integration releases the remaining authorization
    response = centra.graphql(RELEASE, {"id": placed.id})

    # Then the PSP voids the 2 380.00 SEK left: a CANCEL entry of minus that amount
    assert response.data == {
        "releaseRemainingOrderAuthorization": {
            "order": {"id": placed.id},
            "paymentHistoryEntry": {
                "entryType": "CANCEL",
                "status": "SUCCESS",
                "value": {"value": -2380.0, "currency": {"code": "SEK"}},
                "paramsJSON": '{"success":true,"isRequest":false,"raw":null}',
            },
            "userErrors": [],
            "userWarnings": [],
        }
    }
    assert response.extensions["permissionsUsed"] == [
        "Payment.cancel:write",
        "Order:read",
        "PaymentHistory:read",
    ]
    assert history(centra, placed.number) == [
        {"entryType": "AUTHORIZATION", "status": "SUCCESS", "value": {"value": 3219.0}},
        {"entryType": "CAPTURE", "status": "SUCCESS", "value": {"value": 839.0}},
        {"entryType": "CANCEL", "status": "SUCCESS", "value": {"value": -2380.0}},
    ]


def test_nothing_more_can_be_captured_or_released_after_a_release(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given a partially captured order whose remaining authorization was released
    placed = two_line_order(centra_factories)
    ship_first_line(centra, centra_factories, placed.number, capture=True)
    assert release(centra, placed.id)["userErrors"] == []

    # When the integration tries to capture the rest, or release again
    captured = centra.graphql(
        "mutation($id:String!){ captureOrder(order:{id:$id}) { userErrors { message path } } }",
        {"id": placed.id},
    ).payload("captureOrder")
    again = release(centra, placed.id)

    # Then both are refused: nothing remains authorized
    assert captured["userErrors"] == [
        {"message": f"Order {placed.number} is already captured.", "path": ["order"]}
    ]
    assert again["userErrors"] == [
        {
            "message": f"Order {placed.number} has no remaining authorization: all that is "
            "authorized (839.00 SEK) is captured.",
            "path": ["order"],
        }
    ]


def refused(centra: CentraClient, placed: PlacedOrder, message: str) -> None:
    """The release is refused with `message` and the payment history does not change."""
    before = history(centra, placed.number)
    result = release(centra, placed.id)
    assert result == {
        "order": None,
        "paymentHistoryEntry": None,
        "userErrors": [{"message": message.format(n=placed.number), "path": ["order"]}],
        "userWarnings": [],
    }
    assert history(centra, placed.number) == before


def test_an_order_that_was_not_captured_cannot_release(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = two_line_order(centra_factories)
    ship_first_line(centra, centra_factories, placed.number, capture=False)

    refused(
        centra,
        placed,
        "Order {n} has not been captured: only a partially captured order can release its "
        "remaining authorization (cancel the order to void all of it).",
    )


def test_a_fully_captured_order_has_nothing_to_release(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = two_line_order(centra_factories)
    centra.graphql(
        "mutation($id:String!){ captureOrder(order:{id:$id}) { userErrors { message } } }",
        {"id": placed.id},
    ).ok("captureOrder")

    refused(
        centra,
        placed,
        "Order {n} has no remaining authorization: all that is authorized (3 219.00 SEK) is "
        "captured.",
    )


def test_a_completed_order_cannot_release(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = two_line_order(centra_factories)
    centra_factories.ship(placed.number)

    refused(
        centra,
        placed,
        'Order {n} is "SHIPPED": only pending, confirmed and processing orders can release '
        "their remaining authorization.",
    )


def test_a_psp_refusal_fails_the_release_and_leaves_the_order_as_it_was(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = two_line_order(centra_factories, outcome={"cancel": "decline"})
    ship_first_line(centra, centra_factories, placed.number, capture=True)

    refused(
        centra,
        placed,
        "Releasing the remaining authorization failed: the payment provider declined it.",
    )


@pytest.mark.centra_scenario("wholesale")
def test_a_wholesale_order_has_no_authorization_to_release(centra: CentraClient) -> None:
    order = centra.graphql(
        "{ orders(where:{storeType: WHOLESALE, number: [1]}) { id number } }"
    ).payload("orders")[0]

    result = release(centra, order["id"])

    assert result["userErrors"] == [
        {"message": "Order 1 has no authorized payment.", "path": ["order"]}
    ]


def test_release_needs_payment_cancel_write(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = two_line_order(centra_factories)
    ship_first_line(centra, centra_factories, placed.number, capture=True)
    made = centra.post(
        "/_mock/tokens", json={"token": "ow", "permissions": ["Order:read", "Order:write"]}
    )
    assert made.status_code == 201
    before = history(centra, placed.number)

    response = centra.graphql(RELEASE, {"id": placed.id}, token="ow")

    assert [e["message"] for e in response.errors] == [
        "You need Payment.cancel:write permission to access releaseRemainingOrderAuthorization."
    ]
    assert history(centra, placed.number) == before
