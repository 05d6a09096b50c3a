"""Shipment.totals: the units and value of each shipment of an order."""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

SHIP = """mutation($n:Int!,$l:Int!,$q:Int!){ createShipment(input:{order:{number:$n},
  lines:[{orderLine:{id:$l}, quantity:$q}], isGoodToGo:true}) {
  userErrors { message }
  shipment { number grandTotal { value }
    totals { quantity lineValues { value } shipping { value } handling { value }
             discounts { value } taxIncluded { value } taxAdded { value } taxDeducted { value }
             grandTotal { value currency { code } } } } } }"""


def money(value: float) -> dict[str, float]:
    return {"value": value}


def test_each_shipment_totals_its_lines_and_only_the_first_carries_shipping(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given a confirmed order of 1 x 790.00 and 2 x 1 190.00 SEK (25 % VAT) with 49.00 shipping
    first, second = centra_factories.sellable_items(min_free=3)[:2]
    placed = centra_factories.place_order([(first, 1), (second, 2)])
    centra_factories.confirm(placed.number)
    lines = centra_factories.order_lines(placed.number)

    # When the lines are shipped in two shipments
    one = centra.graphql(SHIP, {"n": placed.number, "l": lines[0]["id"], "q": 1}).ok(
        "createShipment"
    )["shipment"]
    two = centra.graphql(SHIP, {"n": placed.number, "l": lines[1]["id"], "q": 2}).ok(
        "createShipment"
    )["shipment"]

    # Then the first totals 790.00 + 49.00 shipping, the second 2 380.00, tax inside each
    assert one["totals"] == {
        "quantity": 1,
        "lineValues": money(790.0),
        "shipping": money(49.0),
        "handling": money(0.0),
        "discounts": money(0.0),
        "taxIncluded": money(167.8),
        "taxAdded": money(0.0),
        "taxDeducted": money(0.0),
        "grandTotal": {"value": 839.0, "currency": {"code": "SEK"}},
    }
    assert two["totals"] == {
        "quantity": 2,
        "lineValues": money(2380.0),
        "shipping": money(0.0),
        "handling": money(0.0),
        "discounts": money(0.0),
        "taxIncluded": money(476.0),
        "taxAdded": money(0.0),
        "taxDeducted": money(0.0),
        "grandTotal": {"value": 2380.0, "currency": {"code": "SEK"}},
    }
    assert [one["grandTotal"], two["grandTotal"]] == [money(839.0), money(2380.0)]
