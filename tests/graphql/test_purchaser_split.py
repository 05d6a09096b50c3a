"""Shipments, returns and order/e-mail history as DirectToConsumer and Wholesale types."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

SHIPMENTS = """query($n:[Int!]){ orders(where:{number:$n}) { shipments { __typename number
  store { id }
  ... on DirectToConsumerShipment { customer { email } }
  ... on WholesaleShipment { account { name } buyer { email } } } } }"""
RETURNS = """query($w: ReturnFilter){ returns(where: $w) { __typename id status
  store { id type } order { number } grandTotal { value }
  totals { shipping { value } shippingTaxRules { taxPercent taxIncluded { value } }
           handling { value } handlingTaxRules { taxIncluded { value } }
           returnCost { value } returnCostTaxRules { taxIncluded { value } }
           discounts { value } discountTaxRules { taxIncluded { value } } }
  ... on DirectToConsumerReturn { customer { email } }
  ... on WholesaleReturn { account { name } } } }"""
HISTORY = """query($n:[Int!]){ orders(where:{number:$n}) { status
  history { __typename description status previousStatus
    ... on DirectToConsumerOrderHistoryEntry { customer { email } }
    ... on WholesaleOrderHistoryEntry { buyer { email } } }
  emailHistory { __typename type subject recipient shipment { number }
    ... on DirectToConsumerEmailHistoryEntry { customer { email } }
    ... on WholesaleEmailHistoryEntry { buyer { email } } } } }"""


def dec(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def returns(centra: CentraClient, **where: Any) -> list[dict[str, Any]]:
    return centra.graphql(RETURNS, {"w": where or None}).payload("returns")


def test_a_direct_to_consumer_shipment_shows_its_customer(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.ship(placed.number)

    rows = centra.graphql(SHIPMENTS, {"n": [placed.number]}).payload("orders")[0]["shipments"]

    assert rows == [
        {
            "__typename": "DirectToConsumerShipment",
            "number": f"{placed.number}-1",
            "store": {"id": 1},
            "customer": {"email": "jon.snow@example.com"},
        }
    ]


@pytest.mark.centra_scenario("wholesale")
def test_a_wholesale_shipment_shows_its_account_and_buyer(centra: CentraClient) -> None:
    rows = centra.graphql(SHIPMENTS, {"n": [5]}).payload("orders")[0]["shipments"]

    assert rows == [
        {
            "__typename": "WholesaleShipment",
            "number": "5-1",
            "store": {"id": 2},
            "account": {"name": "Berlin Concept Store GmbH"},
            "buyer": {"email": "cassie.bowen@berlin.example.com"},
        }
    ]


ZERO_RULES = [{"taxIncluded": {"value": 0.0}}]


@pytest.mark.centra_scenario("wholesale")
def test_a_wholesale_return_shows_its_account_and_store(centra: CentraClient) -> None:
    rows = returns(centra, storeType="WHOLESALE")

    assert rows == [
        {
            "__typename": "WholesaleReturn",
            "id": 1,
            "status": "COMPLETED",
            "store": {"id": 2, "type": "WHOLESALE"},
            "order": {"number": 6},
            "grandTotal": {"value": 89.55},
            "totals": {
                "shipping": {"value": 0.0},
                "shippingTaxRules": [{"taxPercent": 0.0, "taxIncluded": {"value": 0.0}}],
                "handling": {"value": 0.0},
                "handlingTaxRules": ZERO_RULES,
                "returnCost": {"value": 0.0},
                "returnCostTaxRules": ZERO_RULES,
                "discounts": {"value": 0.0},
                "discountTaxRules": ZERO_RULES,
            },
            "account": {"name": "Nordic Boutique AB"},
        }
    ]
    assert returns(centra, storeType="DIRECT_TO_CONSUMER") == []


@pytest.mark.centra_scenario("returns")
def test_direct_to_consumer_returns_show_their_customer(centra: CentraClient) -> None:
    customers = {
        o["number"]: o["customer"]
        for o in centra.graphql(
            "{ orders(limit: 50) { number ... on DirectToConsumerOrder { customer { id email } } } }"
        ).payload("orders")
    }

    rows = returns(centra, storeType="DIRECT_TO_CONSUMER")
    mine = returns(centra, customerId=[customers[4]["id"]], storeType="DIRECT_TO_CONSUMER")

    assert [(r["__typename"], r["order"]["number"], r["status"]) for r in rows] == [
        ("DirectToConsumerReturn", 4, "PENDING"),
        ("DirectToConsumerReturn", 5, "PENDING"),
        ("DirectToConsumerReturn", 6, "COMPLETED"),
        ("DirectToConsumerReturn", 7, "COMPLETED"),
        ("DirectToConsumerReturn", 8, "COMPLETED"),
        ("DirectToConsumerReturn", 9, "COMPLETED"),
    ]
    assert [r["customer"]["email"] for r in rows] == [
        customers[n]["email"] for n in (4, 5, 6, 7, 8, 9)
    ]
    assert [(r["order"]["number"], r["grandTotal"]["value"]) for r in mine] == [(4, 25.0)]
    assert {r["store"]["type"] for r in rows} == {"DIRECT_TO_CONSUMER"}


CREATE_RETURN = """mutation($s:Int!,$l:Int!){ createReturn(input:{shipment:{id:$s},
  lines:[{shipmentLine:{id:$l}, quantity:1}],
  returnStockActionPolicy:{releaseItemsBackToWarehouse:true},
  shippingCost:{fromShipment:true}}) { return { id } userErrors { message path } } }"""


def test_return_totals_refund_the_shipping_with_its_tax(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given a shipped order of one unit
    item = centra_factories.sellable_item(min_free=2)
    placed = centra_factories.place_order([(item, 1)])
    shipment = centra_factories.ship(placed.number)
    facts = centra.graphql(
        """query($n:[Int!]){ orders(where:{number:$n}) { totals { shipping { value } }
           lines { unitPrice { value } taxPercent } } }""",
        {"n": [placed.number]},
    ).payload("orders")[0]
    shipping = dec(facts["totals"]["shipping"]["value"])
    unit = dec(facts["lines"][0]["unitPrice"]["value"])
    rate = Decimal(str(facts["lines"][0]["taxPercent"]))

    # When the unit comes back with all of the shipping refunded
    made = centra.graphql(CREATE_RETURN, {"s": shipment["id"], "l": shipment["lines"][0]["id"]}).ok(
        "createReturn"
    )
    [row] = returns(centra, id=[made["return"]["id"]])

    # Then the totals show the shipping and the tax inside it, and the grand total adds up
    assert row["__typename"] == "DirectToConsumerReturn"
    assert row["customer"] == {"email": "jon.snow@example.com"}
    assert dec(row["totals"]["shipping"]["value"]) == shipping
    assert [
        (r["taxPercent"], dec(r["taxIncluded"]["value"])) for r in row["totals"]["shippingTaxRules"]
    ] == [(float(rate), (shipping * rate / (100 + rate)).quantize(Decimal("0.01")))]
    assert dec(row["grandTotal"]["value"]) == unit + shipping
    assert row["store"] == {"id": 1, "type": "DIRECT_TO_CONSUMER"}


COMPLETE_WITH_EMAIL = """mutation($id:Int!){ completeShipment(id:$id, input:{sendEmail:true}) {
  userErrors { message } } }"""


def test_order_history_follows_the_status_and_email_history_the_shipping_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given an order placed, confirmed and shipped, the shipping confirmation e-mailed
    placed = centra_factories.place_order()
    shipment = centra_factories.ship(placed.number, complete=False)
    centra.graphql(COMPLETE_WITH_EMAIL, {"id": shipment["id"]}).ok("completeShipment")

    # When its history is read
    got = centra.graphql(HISTORY, {"n": [placed.number]}).payload("orders")[0]

    # Then each recorded change is there, oldest first, with the customer
    assert got["status"] == "SHIPPED"
    assert [(h["description"], h["previousStatus"], h["status"]) for h in got["history"]] == [
        ("Order placed", None, "PENDING"),
        ("Status changed from PENDING to CONFIRMED", "PENDING", "CONFIRMED"),
        ("Status changed from CONFIRMED to PROCESSING", "CONFIRMED", "PROCESSING"),
        ("Status changed from PROCESSING to SHIPPED", "PROCESSING", "SHIPPED"),
    ]
    assert {h["__typename"] for h in got["history"]} == {"DirectToConsumerOrderHistoryEntry"}
    assert {h["customer"]["email"] for h in got["history"]} == {"jon.snow@example.com"}
    assert got["emailHistory"] == [
        {
            "__typename": "DirectToConsumerEmailHistoryEntry",
            "type": "SHIPPING_CONFIRMATION",
            "subject": f"Your order {placed.number} has been shipped",
            "recipient": "jon.snow@example.com",
            "shipment": {"number": shipment["number"]},
            "customer": {"email": "jon.snow@example.com"},
        }
    ]


def test_a_shipment_completed_without_email_leaves_no_email_history(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.ship(placed.number)

    got = centra.graphql(HISTORY, {"n": [placed.number]}).payload("orders")[0]

    assert got["emailHistory"] == []


@pytest.mark.centra_scenario("wholesale")
def test_wholesale_history_entries_show_the_buyer(centra: CentraClient) -> None:
    got = centra.graphql(HISTORY, {"n": [5]}).payload("orders")[0]

    assert [(h["__typename"], h["status"]) for h in got["history"]] == [
        ("WholesaleOrderHistoryEntry", "PENDING"),
        ("WholesaleOrderHistoryEntry", "CONFIRMED"),
        ("WholesaleOrderHistoryEntry", "PROCESSING"),
        ("WholesaleOrderHistoryEntry", "SHIPPED"),
    ]
    assert {h["buyer"]["email"] for h in got["history"]} == {"cassie.bowen@berlin.example.com"}
    assert got["emailHistory"] == []
