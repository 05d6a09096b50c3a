"""Seed 002 (multichannel promotions): an external promotion id travels with the purchase and
is reported as redeemed once the order has shipped and its payment succeeded.

The front-end looks up the voucher for an external promotion (`vouchers(where: {externalId})`),
applies its code, and sends `promotionId` with `POST payment`. mockcentra records the id on the
order (also the `externalId` of any voucher used) and logs `Promotion COMPLETED <id>` when the
order becomes SHIPPED.
"""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.vouchers_support import (
    apply,
    create_voucher,
    events_of,
    pay,
    priced_items,
    selection,
)

LOOKUP = """query($ext: [String!]) { vouchers(where: {externalId: $ext}) {
  id code name actions { result { type percentOff } } } }"""


def test_a_promotion_is_redeemed_once_the_order_ships(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="ENGAGE15", externalId="engage-promo-15")
    [found] = centra.graphql(LOOKUP, {"ext": ["engage-promo-15"]}).payload("vouchers")
    assert found["code"] == "ENGAGE15"
    assert found["actions"][0]["result"] == {
        "type": "CHANGE_SELECTED_PRODUCTS_PRICE",
        "percentOff": 10.0,
    }
    token = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, token, found["code"]).status_code == 200

    receipt = pay(centra_factories, token, promotionId="engage-member-77").json()
    number = int(receipt["order"])
    assert events_of(centra, "Promotion") == []
    centra_factories.ship(number)

    events = events_of(centra, "Promotion")
    assert [(change, ref) for change, ref, _ in events] == [
        ("COMPLETED", "engage-member-77"),
        ("COMPLETED", "engage-promo-15"),
    ]
    assert all(data["order"] == number for _, _, data in events)
    assert events[1][2]["voucherId"] == found["id"]


def test_an_order_not_yet_shipped_or_never_shipped_redeems_nothing(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    token = selection(centra_factories, [(item, 2)])
    receipt = pay(centra_factories, token, promotionId=["p-1"]).json()
    number = int(receipt["order"])
    centra_factories.confirm(number)
    centra_factories.ship(number, complete=False)

    assert events_of(centra, "Promotion") == []


def test_a_malformed_promotion_id_is_refused_and_nothing_is_placed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    token = selection(centra_factories, [(item, 1)])

    response = pay(centra_factories, token, promotionId={"id": 5})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "promotionId": "promotionId must be a string or a list of strings."
    }
    again = pay(centra_factories, token, promotionId="")
    assert again.status_code == 200
