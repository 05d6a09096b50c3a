"""Orders and fulfilment in the shapes of Centra's DTC and B2B example pages and its ERP guide.

Each operation is ours, written the way the docs write theirs (fragments on `Order`,
`OrderLine` and `Shipment`, inline `... on WholesaleOrder`, literal inputs), validated
against the committed SDL and executed on a seeded scenario with its values checked.
"""

from __future__ import annotations

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.contract.documented.shapes import run_documented
from tests.support import stock_of

# the "fetch all the data" export: paged orders, wholesale fragments, line fragment, groups
ORDER_EXPORT = """
query exportOrders($page: Int) {
  orders(limit: 2, page: $page, where: {number: [1]}) {
    number
    store { type id }
    status
    ...whoBought
    ...theAccount
    totals {
      shipping { ...amount }
      handling { ...amount }
      taxIncluded { ...amount }
    }
    shippingPriceGroup {
      shippingOption { name uri id }
    }
    lines { ...exportedLine }
    ...on WholesaleOrder { purchaseOrderNumber }
    market { id, name }
    pricelist { id, name }
  }
}

fragment amount on MonetaryValue { value }

fragment whoBought on WholesaleOrder {
  buyer { id firstName lastName email }
  buyerInfo { firstName lastName email }
}

fragment theAccount on WholesaleOrder {
  account {
    id
    name
    salesRepresentative { id email name commissionPercent }
    paymentTerms { id description }
    shippingTerms { id description }
    carrierInformation { carrierName serviceName accountIdentifier taxId }
    websiteUrl
  }
}

fragment exportedLine on OrderLine {
  id
  brand { id, name }
  quantity
  cancelledQuantity
  unitPrice { ...amount }
  lineValue { ...amount }
}
"""

DTC_EXPORT = """
{
  orders(where: {number: [%d]}) {
    number
    shippingPriceGroup {
      shippingOption { name uri id }
    }
    lines { brand { id, name } productSize { SKU, description, preorder } }
    market { id, name }
    pricelist { id, name }
  }
}
"""

# the ERP guide's unallocation: one line, one warehouse, one stock policy, an orderData fragment
UNALLOCATE_ONE_LINE = """
mutation giveBackOneUnit {
  unallocateOrder(input: {
    order: {number: %d}
    unallocate: [
      {orderLine: {id: %d}, quantity: 1}
    ]
    warehouses: [{id: 1}]
    stockActionPolicy: {
      releaseItemsBackToWarehouse: true
    }
  }) {
    userErrors { message, path }
    userWarnings { message, path }
    order { ...lineAllocations }
  }
}

fragment lineAllocations on Order {
  number
  lines {
    id
    quantity
    allocations {
      id
      quantity
      warehouse { id, name }
      stockChangeLine { id, deliveredQuantity, freeToAllocateQuantity }
    }
  }
}
"""

ALLOCATE_WHOLE_ORDER = """
mutation takeStockAgain {
  allocateOrder(input: {
    order: {number: %d}
    comment: "Back in stock"
  }) {
    userErrors { message, path }
    userWarnings { message, path }
    order { number lines { allocations { quantity warehouse { id } } } }
  }
}
"""

# the DTC page's release: the order by id, entry status, value with currency, params
RELEASE = """
mutation {
  releaseRemainingOrderAuthorization(order: {id: "%s"}) {
    order {
      id
    }
    paymentHistoryEntry {
      status
      value {
        value
        currency {
          code
        }
      }
      paramsJSON
    }
    userErrors {
      message
      path
    }
    userWarnings {
      message
      path
    }
  }
}
"""

# the B2B page's basic-fields update with buyerInfo and an Order fragment
WHOLESALE_BASICS = """
mutation correctWholesaleOrder {
  updateWholesaleOrder(
    order: {
      number: 2
    }
    input: {
      shippingAddress: {
        firstName: "Ada"
        lastName: "Lind"
        city: "Malmo"
        zipCode: "21120"
      }
      buyerInfo: {
        firstName: "Ada"
        lastName: "Lind"
        email: "ada.lind@example.com"
      }
      isInternal: false
    }
  ) {
    order {
      ...orderBasics
    }
    userErrors { message path }
  }
}

fragment orderBasics on Order {
  number
  status
  isOnHold
  shippingAddress { firstName lastName city zipCode }
  ... on WholesaleOrder { buyerInfo { firstName lastName email } }
}
"""

# the B2B page's shipment: every input field it shows, with shipmentMethod, and its fragment
WHOLESALE_SHIPMENT = """
mutation shipWholesale {
  createShipment (
    input: {
      order: { number: 1 }
      lines: [%s]
      shipmentInfo: {
        carrier: "Schenker"
        service: "Pallet"
        packagesNumber: 2
        trackingNumber: "SCH-001"
        returnTrackingNumber: "SCH-R-001"
        internalShippingCost: { currencyIsoCode: "EUR", value: 15 }
      }
      isGoodToGo: true
      isPaid: false
      createdAt: "2024-03-01 10:00:00"
      shippedAt: null
      sendEmail: false
      additionalMessage: "Two pallets"
      allocateDemand: true
      shipmentMethod: { pluginId: 3 }
    }
  ) {
    userErrors {
      message
      path
    }
    shipment {
      ...shipmentFields
    }
  }
}

fragment shipmentFields on Shipment {
  number
  isGoodToGo
  isShipped
  isPaid
  additionalMessage
  numberOfPackages
  trackingNumber
  returnTrackingNumber
  internalShippingCost { value }
  carrierInformation { carrierName serviceName }
  lines { quantity }
  shipmentPlugin { id status name }
}
"""

# the DTC page's shipping cost update, with totals { quantity shipping }
LOWER_SHIPPING = """
mutation cheaperShipping {
  updateDirectToConsumerOrder(
    order: {
      id: "%s"
    },
    input: {
      shippingCost: {
        value: 20.0,
        currencyIsoCode: "SEK"
      }
    }
  ) {
    order {
      id
      number
      totals {
        quantity
        shipping {
          value
          currency {
            code
          }
        }
      }
    }
    userErrors { message path }
  }
}
"""


@pytest.mark.centra_scenario("wholesale")
def test_order_export_with_account_terms_sales_representative_and_groups(
    centra: CentraClient,
) -> None:
    data = run_documented(centra, ORDER_EXPORT, {"page": 1})

    order = data["orders"][0]
    assert {k: order[k] for k in ("number", "store", "status", "market", "pricelist")} == {
        "number": 1,
        "store": {"type": "WHOLESALE", "id": 2},
        "status": "CONFIRMED",
        "market": {"id": 2, "name": "Wholesale market"},
        "pricelist": {"id": 5, "name": "Wholesale EUR"},
    }
    assert order["shippingPriceGroup"] is None
    assert order["buyerInfo"] == {
        "firstName": "Sheryl",
        "lastName": "Dougherty",
        "email": "sheryl.dougherty@nordic.example.com",
    }
    assert order["buyer"]["email"] == order["buyerInfo"]["email"]
    assert order["account"] == {
        "id": 1,
        "name": "Nordic Boutique AB",
        "salesRepresentative": {
            "id": 1,
            "email": "anna.berg@example.com",
            "name": "Anna Berg",
            "commissionPercent": 5.0,
        },
        "paymentTerms": {"id": 1, "description": "Net 30 days"},
        "shippingTerms": {"id": 2, "description": "DAP"},
        "carrierInformation": {
            "carrierName": "DHL",
            "serviceName": "Freight",
            "accountIdentifier": "123456789",
            "taxId": "SE556677889901",
        },
        "websiteUrl": None,
    }
    assert order["totals"]["shipping"] == {"value": 0.0}
    assert [ln["brand"] for ln in order["lines"]] == [{"id": 1, "name": "Base Brand"}] * 3
    assert [ln["quantity"] for ln in order["lines"]] == [4, 4, 4]


def test_dtc_order_export_shows_the_shipping_price_group(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()

    data = run_documented(centra, DTC_EXPORT % placed.number)

    order = data["orders"][0]
    assert order["shippingPriceGroup"] == {"shippingOption": {"name": "SEK", "uri": "sek", "id": 1}}
    assert order["market"] == {"id": 1, "name": "Retail market"}
    assert order["pricelist"] == {"id": 1, "name": "SEK"}
    assert order["lines"][0]["brand"] == {"id": 1, "name": "Base Brand"}
    assert order["lines"][0]["productSize"]["preorder"] is False


def test_unallocate_then_allocate_in_the_guides_shape(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    line = centra_factories.order_lines(placed.number)[0]["id"]
    physical, allocated, free = stock_of(centra, item.product_size_id)

    released = run_documented(centra, UNALLOCATE_ONE_LINE % (placed.number, line))

    assert released["unallocateOrder"] == {
        "userErrors": [],
        "userWarnings": [],
        "order": {
            "number": placed.number,
            "lines": [
                {
                    "id": line,
                    "quantity": 2,
                    "allocations": [
                        {
                            "id": line * 1000 + 1,
                            "quantity": 1,
                            "warehouse": {"id": 1, "name": "Main warehouse"},
                            "stockChangeLine": None,
                        }
                    ],
                }
            ],
        },
    }
    assert stock_of(centra, item.product_size_id) == (physical, allocated - 1, free + 1)

    taken = run_documented(centra, ALLOCATE_WHOLE_ORDER % placed.number)

    assert taken["allocateOrder"] == {
        "userErrors": [],
        "userWarnings": [],
        "order": {
            "number": placed.number,
            "lines": [{"allocations": [{"quantity": 2, "warehouse": {"id": 1}}]}],
        },
    }
    assert stock_of(centra, item.product_size_id) == (physical, allocated, free)


def test_release_remaining_authorization_in_the_dtc_pages_shape(
    centra: CentraClient, centra_factories: Factories
) -> None:
    first, second = centra_factories.sellable_items(min_free=3)[:2]
    placed = centra_factories.place_order([(first, 1), (second, 1)])
    centra_factories.confirm(placed.number)
    line = centra_factories.order_lines(placed.number)[0]["id"]
    centra.graphql(
        """mutation($n:Int!,$l:Int!){ createShipment(input:{order:{number:$n},
          lines:[{orderLine:{id:$l}, quantity:1}], capture:true}) { userErrors { message } } }""",
        {"n": placed.number, "l": line},
    ).ok("createShipment")

    data = run_documented(centra, RELEASE % placed.id)

    assert data["releaseRemainingOrderAuthorization"] == {
        "order": {"id": placed.id},
        "paymentHistoryEntry": {
            "status": "SUCCESS",
            "value": {"value": -1190.0, "currency": {"code": "SEK"}},
            "paramsJSON": '{"success":true,"isRequest":false,"raw":null}',
        },
        "userErrors": [],
        "userWarnings": [],
    }


@pytest.mark.centra_scenario("wholesale")
def test_update_wholesale_order_with_buyer_info_in_the_b2b_pages_shape(
    centra: CentraClient,
) -> None:
    data = run_documented(centra, WHOLESALE_BASICS)

    assert data["updateWholesaleOrder"] == {
        "order": {
            "number": 2,
            "status": "PENDING",
            "isOnHold": False,
            "shippingAddress": {
                "firstName": "Ada",
                "lastName": "Lind",
                "city": "Malmo",
                "zipCode": "21120",
            },
            "buyerInfo": {"firstName": "Ada", "lastName": "Lind", "email": "ada.lind@example.com"},
        },
        "userErrors": [],
    }


@pytest.mark.centra_scenario("wholesale")
def test_create_shipment_with_a_shipment_method_in_the_b2b_pages_shape(
    centra: CentraClient,
) -> None:
    lines = centra.graphql("{ orders(where:{number:[1]}) { lines { id quantity } } }").payload(
        "orders"
    )[0]["lines"]
    spelled = ", ".join(
        f"{{ orderLine: {{ id: {ln['id']} }}, quantity: {ln['quantity']} }}" for ln in lines
    )

    data = run_documented(centra, WHOLESALE_SHIPMENT % spelled)

    assert data["createShipment"] == {
        "userErrors": [],
        "shipment": {
            "number": "1-1",
            "isGoodToGo": True,
            "isShipped": False,
            "isPaid": False,
            "additionalMessage": "Two pallets",
            "numberOfPackages": 2,
            "trackingNumber": "SCH-001",
            "returnTrackingNumber": "SCH-R-001",
            "internalShippingCost": {"value": 15.0},
            "carrierInformation": {"carrierName": "Schenker", "serviceName": "Pallet"},
            "lines": [{"quantity": 4}, {"quantity": 4}, {"quantity": 4}],
            "shipmentPlugin": {"id": 3, "status": "ACTIVE", "name": "Freight booking"},
        },
    }


def test_shipping_cost_update_in_the_dtc_pages_shape(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    centra_factories.confirm(placed.number)

    data = run_documented(centra, LOWER_SHIPPING % placed.id)

    assert data["updateDirectToConsumerOrder"] == {
        "order": {
            "id": placed.id,
            "number": placed.number,
            "totals": {"quantity": 2, "shipping": {"value": 20.0, "currency": {"code": "SEK"}}},
        },
        "userErrors": [],
    }
