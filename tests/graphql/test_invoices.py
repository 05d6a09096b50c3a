"""Invoices: issued when a shipment is completed, listed by `invoices` with Invoice:read."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

INVOICE_FIELDS = """id number type isPaid createdAt
  store { id type }
  grandTotal { value currency { code } }
  totals { itemsSubtotal { value } shipping { value } handling { value } taxIncluded { value }
           grandTotal { value } }
  lines { quantity unitPrice { value } lineValue { value } taxPercent orderLine { id } }
  orders { number } shipments { number }
  payments { entryType status value { value } }
  ... on DirectToConsumerInvoice { customer { email } }
  ... on WholesaleInvoice { account { name } buyer { email } dueDate }"""
INVOICES = "query($w: InvoiceFilter) { invoices(where: $w, limit: 100) { " + INVOICE_FIELDS + " } }"
SHIP = """mutation($n:Int!,$lines:[ShipmentLineInput!]!){ createShipment(input:{order:{number:$n},
  lines:$lines, isGoodToGo:true, capture:true}) {
  shipment { id number grandTotal { value } } userErrors { message path } } }"""
COMPLETE = """mutation($id:Int!){ completeShipment(id:$id) {
  shipment { isShipped invoices { number } } userErrors { message path } } }"""
ORDER = """query($n:[Int!]){ orders(where:{number:$n}) { id number grandTotal { value }
  totals { shipping { value } } lines { id unitPrice { value } taxPercent }
  ... on DirectToConsumerOrder { customer { email } } } }"""


def dec(value: float) -> Decimal:
    """A MonetaryValue's JSON number as the exact amount it stands for."""
    return Decimal(str(value)).quantize(Decimal("0.01"))


def invoices(centra: CentraClient, **where: Any) -> list[dict[str, Any]]:
    return centra.graphql(INVOICES, {"w": where or None}).payload("invoices")


def order(centra: CentraClient, number: int) -> dict[str, Any]:
    return centra.graphql(ORDER, {"n": [number]}).payload("orders")[0]


def ship(centra: CentraClient, number: int, line: int, quantity: int) -> dict[str, Any]:
    lines = [{"orderLine": {"id": line}, "quantity": quantity}]
    return centra.graphql(SHIP, {"n": number, "lines": lines}).ok("createShipment")["shipment"]


def test_completing_shipments_issues_one_invoice_each_in_a_numbered_series(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given a confirmed order of 3 units of one line
    item = centra_factories.sellable_item(min_free=4)
    placed = centra_factories.place_order([(item, 3)])
    centra_factories.confirm(placed.number)
    before = order(centra, placed.number)
    line = before["lines"][0]
    unit = dec(line["unitPrice"]["value"])
    shipping = dec(before["totals"]["shipping"]["value"])

    # When 2 units ship in a captured shipment, nothing is invoiced until it is completed
    first = ship(centra, placed.number, line["id"], 2)
    assert invoices(centra, orderId=[placed.id]) == []
    done = centra.graphql(COMPLETE, {"id": first["id"]}).ok("completeShipment")

    # Then the completed shipment has invoice 1 for its lines and the order's shipping
    assert done["shipment"] == {"isShipped": True, "invoices": [{"number": "1"}]}
    [invoice] = invoices(centra, orderId=[placed.id])
    assert invoice["number"] == "1" and invoice["type"] == "INVOICE" and invoice["isPaid"]
    assert invoice["store"] == {"id": 1, "type": "DIRECT_TO_CONSUMER"}
    assert dec(invoice["grandTotal"]["value"]) == unit * 2 + shipping
    assert dec(invoice["grandTotal"]["value"]) == dec(first["grandTotal"]["value"])
    assert dec(invoice["totals"]["itemsSubtotal"]["value"]) == unit * 2
    assert dec(invoice["totals"]["shipping"]["value"]) == shipping
    rate = Decimal(str(line["taxPercent"]))
    tax = (unit * 2 * rate / (100 + rate)).quantize(Decimal("0.01")) + (
        shipping * rate / (100 + rate)
    ).quantize(Decimal("0.01"))
    assert dec(invoice["totals"]["taxIncluded"]["value"]) == tax
    assert [(ln["quantity"], dec(ln["lineValue"]["value"])) for ln in invoice["lines"]] == [
        (2, unit * 2)
    ]
    assert invoice["lines"][0]["orderLine"] == {"id": line["id"]}
    assert invoice["orders"] == [{"number": placed.number}]
    assert invoice["shipments"] == [{"number": f"{placed.number}-1"}]
    assert [
        (p["entryType"], p["status"], dec(p["value"]["value"])) for p in invoice["payments"]
    ] == [("CAPTURE", "SUCCESS", unit * 2 + shipping)]
    assert invoice["customer"] == before["customer"]

    # When the last unit ships, it gets invoice 2 without shipping, and the two add up
    second = ship(centra, placed.number, line["id"], 1)
    centra.graphql(COMPLETE, {"id": second["id"]}).ok("completeShipment")
    both = invoices(centra, orderId=[placed.id])
    assert [i["number"] for i in both] == ["1", "2"]
    assert dec(both[1]["grandTotal"]["value"]) == unit
    assert dec(both[1]["totals"]["shipping"]["value"]) == Decimal("0.00")
    assert sum(dec(i["grandTotal"]["value"]) for i in both) == dec(before["grandTotal"]["value"])


def test_a_shipment_that_cannot_complete_is_not_invoiced(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given an unpaid shipment
    placed = centra_factories.place_order()
    centra_factories.confirm(placed.number)
    line = order(centra, placed.number)["lines"][0]
    unpaid = centra.graphql(
        """mutation($n:Int!,$l:Int!){ createShipment(input:{order:{number:$n},
           lines:[{orderLine:{id:$l}, quantity:1}], isGoodToGo:true}) { shipment { id number } } }""",
        {"n": placed.number, "l": line["id"]},
    ).payload("createShipment")["shipment"]

    # When completing it is refused
    refused = centra.graphql(COMPLETE, {"id": unpaid["id"]}).payload("completeShipment")

    # Then there is no invoice
    assert refused["userErrors"] == [
        {"message": f"Shipment {unpaid['number']} is not paid.", "path": ["id"]}
    ]
    assert invoices(centra) == []


def token(centra: CentraClient, name: str, *permissions: str) -> str:
    made = centra.post("/_mock/tokens", json={"token": name, "permissions": list(permissions)})
    assert made.status_code == 201
    return name


def test_invoices_need_invoice_read_and_the_address_its_own_permission(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.ship(placed.number)
    orders_only = token(centra, "orders-only", "Order:read")
    invoice_reader = token(centra, "invoice-reader", "Invoice:read")
    with_address = token(centra, "invoice-address", "Invoice:read", "Invoice.billingAddress:read")

    refused = centra.graphql("{ invoices { number } }", token=orders_only)
    no_address = centra.graphql(
        "{ invoices { number billingAddress { city } } }", token=invoice_reader
    )
    allowed = centra.graphql(
        "{ invoices { number billingAddress { firstName city country { code } } } }",
        token=with_address,
    )

    assert [e["message"] for e in refused.errors] == [
        "You need Invoice:read permission to access invoices."
    ]
    assert refused.data is None
    assert [e["message"] for e in no_address.errors] == [
        "You need Invoice.billingAddress:read permission to access billingAddress."
    ]
    assert allowed.payload("invoices") == [
        {
            "number": "1",
            "billingAddress": {"firstName": "Jon", "city": "Stockholm", "country": {"code": "SE"}},
        }
    ]
    assert allowed.extensions["permissionsUsed"] == ["Invoice:read", "Invoice.billingAddress:read"]


@pytest.mark.centra_scenario("wholesale")
def test_the_wholesale_scenario_has_invoices_for_its_shipped_orders(centra: CentraClient) -> None:
    found = invoices(centra, storeType="WHOLESALE")

    assert [
        (
            i["number"],
            i["account"]["name"],
            i["orders"],
            i["shipments"],
            dec(i["grandTotal"]["value"]),
            i["grandTotal"]["value"] and i["grandTotal"]["currency"]["code"],
        )
        for i in found
    ] == [
        (
            "1",
            "Berlin Concept Store GmbH",
            [{"number": 5}],
            [{"number": "5-1"}],
            Decimal("438.93"),
            "EUR",
        ),
        ("2", "Nordic Boutique AB", [{"number": 6}], [{"number": "6-1"}], Decimal("895.50"), "EUR"),
    ]
    for invoice in found:
        # wholesale lines carry no tax; the lines add up; marked paid by hand, not captured
        lines = invoice["lines"]
        assert sum(dec(ln["lineValue"]["value"]) for ln in lines) == dec(
            invoice["totals"]["itemsSubtotal"]["value"]
        )
        assert all(
            dec(ln["lineValue"]["value"]) == dec(ln["unitPrice"]["value"]) * ln["quantity"]
            for ln in lines
        )
        assert dec(invoice["totals"]["taxIncluded"]["value"]) == Decimal("0.00")
        assert invoice["payments"] == [] and invoice["isPaid"] is True
        # payment terms "Net 30 days"
        due = datetime.fromisoformat(invoice["dueDate"]) - datetime.fromisoformat(
            invoice["createdAt"]
        )
        assert due == timedelta(days=30)
    assert [ln["quantity"] for ln in found[0]["lines"]] == [3, 3]
    assert found[0]["buyer"] == {"email": "cassie.bowen@berlin.example.com"}


@pytest.mark.centra_scenario("wholesale")
def test_invoice_filters(centra: CentraClient) -> None:
    every = invoices(centra)
    order6 = centra.graphql("{ orders(where: {number: 6}) { id } }").payload("orders")[0]["id"]
    created = every[1]["createdAt"]

    assert [i["number"] for i in every] == ["1", "2"]
    assert [i["number"] for i in invoices(centra, number=["2"])] == ["2"]
    assert [i["number"] for i in invoices(centra, id=[every[0]["id"]])] == ["1"]
    assert [i["number"] for i in invoices(centra, type=["INVOICE"])] == ["1", "2"]
    assert invoices(centra, storeType="DIRECT_TO_CONSUMER") == []
    assert [i["number"] for i in invoices(centra, storeId=[2])] == ["1", "2"]
    assert [i["number"] for i in invoices(centra, orderId=[order6])] == ["2"]
    assert [i["number"] for i in invoices(centra, createdAt={"from": created})] == ["2"]
    assert [i["number"] for i in invoices(centra, createdAt={"to": created})] == ["1", "2"]


def test_a_bad_date_filter_is_a_client_error(centra: CentraClient) -> None:
    response = centra.graphql(INVOICES, {"w": {"createdAt": {"from": "yesterday-ish"}}})

    assert response.data is None
    assert len(response.errors) == 1 and response.errors[0]["path"] == ["invoices"]


@pytest.mark.centra_scenario("returns")
def test_every_shipped_order_of_the_returns_scenario_is_invoiced(centra: CentraClient) -> None:
    found = invoices(centra)
    shipped = centra.graphql(
        """{ orders(limit: 50) { number grandTotal { value }
             ... on DirectToConsumerOrder { customer { email } } } }"""
    ).payload("orders")

    assert [i["number"] for i in found] == [str(n) for n in range(1, 10)]
    assert [i["orders"] for i in found] == [[{"number": o["number"]}] for o in shipped]
    assert [i["grandTotal"]["value"] for i in found] == [o["grandTotal"]["value"] for o in shipped]
    assert [i["customer"] for i in found] == [o["customer"] for o in shipped]
    assert [dec(i["grandTotal"]["value"]) for i in found[:3]] == [
        Decimal("253.00"),
        Decimal("701.00"),
        Decimal("461.00"),
    ]
