"""The Customer/Buyer split and invoices, in the shapes Centra's documentation uses.

Shipment, Return, Invoice, OrderHistoryEntry and EmailHistoryEntry are interfaces with a
DirectToConsumer and a Wholesale type; fragments on the interface keep working. Each operation
is our own, validated against the committed SDL and executed on a scenario.
"""

from __future__ import annotations

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.contract.documented.shapes import run_documented


@pytest.mark.centra_scenario("returns")
def test_returns_by_customer_with_the_customer_on_the_dtc_type(centra: CentraClient) -> None:
    # the "after" shape of the Purchaser deprecation: customerId filter, customer on the DTC type
    customer = run_documented(
        centra,
        "query firstOrder { orders(where: {number: 4}) { ...on DirectToConsumerOrder { customer { id email } } } }",
    )["orders"][0]["customer"]
    data = run_documented(
        centra,
        """query returnsOfACustomer {
          returns(where: {customerId: CUSTOMER, storeType: DIRECT_TO_CONSUMER}) {
            id
            ...on DirectToConsumerReturn {
              customer {
                email
              }
            }
          }
        }""".replace("CUSTOMER", str(customer["id"])),
    )
    assert data["returns"] == [{"id": 1, "customer": {"email": customer["email"]}}]


@pytest.mark.centra_scenario("returns")
def test_a_return_with_store_totals_and_tax_rules(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query oneReturn($id: [Int!]) {
          returns(where: {id: $id}) {
            ... on DirectToConsumerReturn {
              id
              returnStatus
              returnedToStock
              store { id }
              grandTotal { value currency { code } }
              lines { orderLine { lineValue(includingTax: false) { value } returnedQuantity } }
              totals {
                shipping { value }
                shippingTaxRules { taxIncluded { value } }
                handling { value }
                handlingTaxRules { taxIncluded { value } }
                returnCost { value }
                returnCostTaxRules { taxIncluded { value } }
                discounts { value }
                discountTaxRules { taxIncluded { value } }
              }
              comment
              order { number }
            }
          }
        }""",
        {"id": [3]},
    )
    [ret] = data["returns"]
    zero = [{"taxIncluded": {"value": 0.0}}]
    assert ret["id"] == 3 and ret["returnStatus"] == "COMPLETED" and ret["returnedToStock"]
    assert ret["store"] == {"id": 1}
    assert ret["grandTotal"] == {"value": 79.0, "currency": {"code": "EUR"}}
    assert ret["comment"] == "Did not fit" and ret["order"] == {"number": 6}
    assert ret["totals"] == {
        "shipping": {"value": 0.0},
        "shippingTaxRules": zero,
        "handling": {"value": 0.0},
        "handlingTaxRules": zero,
        "returnCost": {"value": 0.0},
        "returnCostTaxRules": zero,
        "discounts": {"value": 0.0},
        "discountTaxRules": zero,
    }


@pytest.mark.centra_scenario("wholesale")
def test_wholesale_returns_show_the_account(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query wholesaleReturns {
          returns(where: {storeType: WHOLESALE}) {
            id
            ...on WholesaleReturn { account { name } }
          }
        }""",
    )
    assert data["returns"] == [{"id": 1, "account": {"name": "Nordic Boutique AB"}}]


def test_the_documented_shipment_fragment_on_the_interface(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.ship(placed.number)
    data = run_documented(
        centra,
        """query orderShipments($number: [Int!]) {
          orders(where: {number: $number}) { shipments { ...shipmentDetails } }
        }
        fragment shipmentDetails on Shipment {
          id
          number
          isGoodToGo
          isShipped
          isPaid
          trackingNumber
          numberOfPackages
          grandTotal(includingTax: true) { value }
          carrierInformation { carrierName serviceName }
          adminUser { id }
          discountsApplied { value { formattedValue } }
          lines { id quantity lineValue { formattedValue } }
          shippingAddress { firstName lastName country { code } }
          shipmentPlugin { id }
          ...on DirectToConsumerShipment { customer { email } }
        }""",
        {"number": placed.number},
    )
    [shipment] = data["orders"][0]["shipments"]
    assert shipment["number"] == f"{placed.number}-1"
    assert (shipment["isGoodToGo"], shipment["isShipped"], shipment["isPaid"]) == (True,) * 3
    assert shipment["trackingNumber"] == "TRACK123"
    assert shipment["carrierInformation"] == {"carrierName": "PostNord", "serviceName": "Home"}
    assert shipment["shippingAddress"] == {
        "firstName": "Jon",
        "lastName": "Snow",
        "country": {"code": "SE"},
    }
    assert shipment["customer"] == {"email": "jon.snow@example.com"}
    assert (shipment["adminUser"], shipment["shipmentPlugin"]) == (None, None)


def test_the_documented_invoice_billing_address_query(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.ship(placed.number)
    response = centra.graphql("{ invoices(limit: 1) { billingAddress { city } } }")
    data = run_documented(centra, "{ invoices(limit: 1) { billingAddress { city } } }")
    assert data == {"invoices": [{"billingAddress": {"city": "Stockholm"}}]}
    assert response.extensions["permissionsUsed"] == [
        "Invoice:read",
        "Invoice.billingAddress:read",
    ]


@pytest.mark.centra_scenario("wholesale")
def test_a_b2b_invoice_by_type_and_number(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query b2bInvoice($number: [String!]) {
          invoices(where: {type: [INVOICE], number: $number, storeType: WHOLESALE}) {
            id
            number
            type
            store { id name type }
            grandTotal { value currency { code } }
            orders { number ... on WholesaleOrder { purchaseOrderNumber } }
            shipments { number ... on WholesaleShipment { account { name } } }
            payments { id }
            ... on WholesaleInvoice { account { name } buyer { email } }
          }
        }""",
        {"number": ["2"]},
    )
    assert data["invoices"] == [
        {
            "id": 2,
            "number": "2",
            "type": "INVOICE",
            "store": {"id": 2, "name": "Wholesale", "type": "WHOLESALE"},
            "grandTotal": {"value": 895.5, "currency": {"code": "EUR"}},
            "orders": [{"number": 6, "purchaseOrderNumber": "PO-1006"}],
            "shipments": [{"number": "6-1", "account": {"name": "Nordic Boutique AB"}}],
            "payments": [],
            "account": {"name": "Nordic Boutique AB"},
            "buyer": {"email": "sheryl.dougherty@nordic.example.com"},
        }
    ]


def test_a_dtc_invoice_with_its_customer_and_payments(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()
    centra_factories.ship(placed.number)
    data = run_documented(
        centra,
        """query dtcInvoices {
          invoices(where: {storeType: DIRECT_TO_CONSUMER}) {
            number
            ... on DirectToConsumerInvoice {
              customer { email }
              payments { entryType status }
            }
          }
        }""",
    )
    assert data["invoices"] == [
        {
            "number": "1",
            "customer": {"email": "jon.snow@example.com"},
            "payments": [{"entryType": "CAPTURE", "status": "SUCCESS"}],
        }
    ]


@pytest.mark.centra_scenario("wholesale")
def test_order_and_email_history_entries_by_store_type(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query orderHistory {
          orders(where: {number: 6}) {
            history {
              createdAt
              description
              ... on WholesaleOrderHistoryEntry { buyer { email } }
              ... on DirectToConsumerOrderHistoryEntry { customer { email } }
            }
            emailHistory {
              sentAt
              ... on WholesaleEmailHistoryEntry { buyer { email } }
            }
          }
        }""",
    )
    [order] = data["orders"]
    assert [h["description"] for h in order["history"]] == [
        "Order placed",
        "Status changed from PENDING to CONFIRMED",
        "Status changed from CONFIRMED to PROCESSING",
        "Status changed from PROCESSING to SHIPPED",
        "Order updated",
    ]
    assert {h["buyer"]["email"] for h in order["history"]} == {
        "sheryl.dougherty@nordic.example.com"
    }
    assert order["emailHistory"] == []


def test_event_objects_read_through_the_shipment_and_return_interfaces(
    centra: CentraClient, centra_factories: Factories
) -> None:
    run_documented(
        centra,
        """mutation listen {
          setEventListeners(input: [{objectType: Shipment}, {objectType: Return}]) {
            userErrors { message }
          }
        }""",
    )
    placed = centra_factories.place_order()
    shipment = centra_factories.ship(placed.number)
    data = run_documented(
        centra,
        """query completedShipments {
          events(where: {objectType: [Order, Shipment, Return], changeType: [COMPLETED]}) {
            objectType
            objectShipment: object { ...on Shipment { id } }
            objectReturn: object { ...on Return { id } }
          }
        }""",
    )
    assert data["events"] == [
        {"objectType": "Shipment", "objectShipment": {"id": shipment["id"]}, "objectReturn": {}}
    ]
