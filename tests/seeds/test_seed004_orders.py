"""Seed 004, "Order processing": every operation of the chapter with the guide's own shapes."""

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import stock_of

GET_ORDERS = """
query getOrders($n: Int!) {
  orders(where: { number: $n }) {
    number
    status
    isOnHold
    shippingAddress {
      firstName
      lastName
      city
    }
    ...customerId
  }
}
fragment customerId on DirectToConsumerOrder { customer { id email } }
"""

LOCK = """
mutation lockOrders($n: Int!) {
  setOrdersLock(
    input: {
      orders: [{ number: $n }]
      isLocked: true }
  ) {
    userErrors {
      message
      path
    }
    orders {
      number
      status
      isLocked
      shippingAddress {
        firstName
        lastName
      }
    }
  }
}
"""

ORDER_INFO = """
fragment orderInfo on Order {
  id
  number
  status
  isOnHold
  lines {
    id
    product { name }
    quantity
    taxPercent
    unitPrice { value currency { id code } conversionRate }
    hasAnyDiscount
    unitOriginalPrice { value currency { id code } conversionRate }
    lineValue { value currency { id code } conversionRate }
  }
  discountsApplied { value { value currency { id code } conversionRate } date }
  shippingAddress { firstName lastName address1 address2 city zipCode stateOrProvince
    cellPhoneNumber phoneNumber faxNumber email companyName attention vatNumber
    country { id name } state { id name } }
  billingAddress { firstName lastName address1 address2 city zipCode stateOrProvince
    cellPhoneNumber phoneNumber faxNumber email companyName attention vatNumber
    country { id name } state { id name } }
  ... on DirectToConsumerOrder { customer { email firstName lastName } }
}
"""

UPDATE_BASIC = (
    """
mutation updateDtcBasicFields($n: Int!, $customer: Int!) {
  updateDirectToConsumerOrder(
    order: {
      # id: "1497ccf644db871e1e4026d101bde6f3"
      number: $n
    }
    input: {
      shippingAddress: {
        firstName: "Jon"
        lastName: "Snow"
        address1: "Teststr. 1"
        address2: "1b"
        city: "Stockholm"
        zipCode: "12345"
        email: "jon.snow@example.com"
      }
      billingAddress: {
        firstName: "Jon"
        lastName: "Snow"
        address1: "Teststr. 1"
        address2: "1b"
        city: "Stockholm"
        zipCode: "12345"
        email: "jon.snow@example.com"
      }
      customer: {
        id: $customer
      }
      customerInfo: {
        firstName: "Jon"
        lastName: "Snow"
        email: "jon.snow@example.com"
      }
      isInternal: false
    }
  ) {
    order {
      ...orderInfo
    }
    userErrors { message path }
  }
}
"""
    + ORDER_INFO
)

CANCEL_LINE = (
    """
mutation updateDtcCancel($n: Int!, $line: Int!) {
  updateDirectToConsumerOrder(
    order: {
      number: $n
    }
    input: {
      cancelLines: [
        {
          line: {
            id: $line
          }
          quantity: 1
          stockAction: RELEASE_BACK_TO_WAREHOUSE
        }
      ]
      cancellationComment: "Some good reason"
    }
  ) {
    order {
      ...orderInfo
    }
    userErrors { message path }
  }
}
"""
    + ORDER_INFO
)

CONFIRM = """
mutation confirmOrder($n: Int!) {
  confirmOrder(
    input: {
      order: {
        number: $n
      }
    }
  ) {
    order {
      number
      status
    }
    userErrors { message path }
  }
}
"""

SHIPMENT_DETAILS = """
fragment shipmentDetails on Shipment {
  id
  number
  createdAt
  updatedAt
  isGoodToGo
  isShipped
  isPaid
  paidAt
  additionalMessage
  isShipped
  shippedAt
  numberOfPackages
  trackingNumber
  returnTrackingNumber
  internalShippingCost {
    value
  }
  grandTotal(includingTax: true) {
    value
  }
  carrierInformation {
    carrierName
    serviceName
  }
  adminUser {
    id
  }
  discountsApplied {
    value {
      formattedValue
    }
  }
  lines {
    id
    quantity
    lineValue {
      formattedValue
    }
  }
  shippingAddress {
    firstName
    lastName
    country {
      name
      code
    }
    state {
      name
      code
    }
    address1
    address2
    city
    zipCode
    stateOrProvince
    cellPhoneNumber
    phoneNumber
    faxNumber
    email
  }
  shipmentPlugin {
    id
    status
    name
  }
}
"""

CREATE_SHIPMENT = (
    """
mutation createShipment($n: Int!, $line: Int!) {
  createShipment (
    input: {
      order: { number: $n }
      lines: [{ orderLine: { id: $line }, quantity: 2 }]
      isGoodToGo: true
      isPaid: false
      createdAt: "2022-06-23 15:47:12"
      shippedAt: null
      sendEmail: false
      additionalMessage: "Additional message"
      allocateDemand: true
    }
  ) {
    userErrors {
      message
      path
    }
    shipment {
      ...shipmentDetails
    }
  }
}
"""
    + SHIPMENT_DETAILS
)

MARK_PAID = (
    """
mutation updateShipmentMarkPaid($id: Int!) {
  updateShipment (
    id: $id
    input: {
      isPaid: true
    }
  ) {
    userErrors {
      message
      path
    }
    shipment {
      ...shipmentDetails
    }
  }
}
"""
    + SHIPMENT_DETAILS
)

COMPLETE = (
    """
mutation completeShipment($id: Int!) {
  completeShipment (
    id: $id
    input: {
      shippedAt: "2023-01-09T15:18:33+01:00"
      sendEmail: true
      shipmentInfo: {
        carrier: "Carrier name"
        service: "Service name"
        packagesNumber: 1
        trackingNumber: "1234trackingcode"
        returnTrackingNumber: "1234returncode"
        internalShippingCost: { currencyIsoCode: "SEK", value: 12 }
      }
    }
  ) {
    userErrors {
      message
      path
    }
    shipment {
      ...shipmentDetails
    }
  }
}
"""
    + SHIPMENT_DETAILS
)

CAPTURE_ORDER = """
mutation captureOrder($id: String!) {
  captureOrder(order: {id: $id
  # number: 10
  }) {
    userErrors {
      message
      path
    }
    paymentHistoryEntry {
      createdAt
      status
      entryType
      externalReference
      value {value}
      paymentMethod
      paramsJSON
    }
    order {
      id
    }
  }
}
"""

CREATE_SHIPMENT_WITH_CAPTURING = """
mutation createShipmentWithCapturing($id: String!, $line: Int!) {
  createShipment(
    input: {
      order: {
        id: $id
        # number: 10
      }
      lines: [
        { orderLine: { id: $line }, quantity: 1 }
      ]
      capture: true # this will enable capturing
    }
  ) {
    userErrors {
      message
      path
    }
    shipment {
      id
      isCaptured
      capturedAt
      order {
        paymentHistory(where: {entryType: [CAPTURE, CAPTURE_REQUEST]}) {
          createdAt
          status
          entryType
          externalReference
          value {value}
          paymentMethod
          paramsJSON
        }
      }
    }
  }
}
"""

CAPTURE_SHIPMENT = """
mutation captureShipment($id: Int!) {
  captureShipment(id: $id) {
    userErrors {
      message
      path
    }
    paymentHistoryEntry {
      createdAt
      status
      entryType
      externalReference
      value {value}
      paymentMethod
      paramsJSON
    }
    shipment {
      id
      number
      isCaptured
      capturedAt
    }
  }
}
"""

CREATE_RETURN = """
mutation createreturn($shipment: Int!, $line: Int!) {
  createReturn(
    input: {
      shipment: { id: $shipment }
      lines: [
        { shipmentLine: { id: $line }, quantity: 2 }
      ]
      returnStockActionPolicy: { releaseItemsBackToWarehouse: true }
      shippingCost: { value: { currencyIsoCode: "SEK", value: 10.00 } }
      voucherValue: { fromShipment: true }
      handlingCost: { fromShipment: true }
      comment: "new comment"
    }
  ) {
    userErrors {
      message
      path
    }
    return {
      id
      lines {
        id
      }
    }
  }
}
"""

RETURNS = """
query returns {
  returns {
    id
    status
    lines {
      shipmentLine {
        id
      }
    }
  }
}
"""

COMPLETE_RETURN = """
mutation completereturn($id: Int!) {
  completeReturn(
    id: $id
    input: {
      sendEmail:true
    }
  ) {
    userErrors {
      message
      path
    }
    return {
      id
      status
    }
  }
}
"""

UNCOMPLETE_RETURN = """
mutation uncompletereturn($id: Int!) {
  uncompleteReturn(id: $id) {
    userErrors {
      message
      path
    }
    return {
      id
      status
    }
  }
}
"""

DELETE_RETURN = """
mutation deleteReturn($id: Int!) {
  deleteReturn(id: $id) {
    userErrors {
      message
      path
    }
    return {
      id
      lines {
        id
      }
    }
  }
}
"""


def test_fetch_lock_update_cancel_and_confirm(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=10)
    placed = centra_factories.place_order([(item, 10)])

    fetched = centra.graphql(GET_ORDERS, {"n": placed.number})
    [order] = fetched.payload("orders")
    assert order["status"] == "PENDING" and order["isOnHold"] is False
    assert order["shippingAddress"] == {"firstName": "Jon", "lastName": "Snow", "city": "Stockholm"}
    assert order["customer"]["email"] == "jon.snow@example.com"
    assert fetched.extensions["permissionsUsed"] == [
        "Order:read",
        "Order.shippingAddress:read",
        "Customer:read",
        "Purchaser:read",
    ]

    locked = centra.graphql(LOCK, {"n": placed.number})
    assert locked.ok("setOrdersLock")["orders"] == [
        {
            "number": placed.number,
            "status": "PENDING",
            "isLocked": True,
            "shippingAddress": {"firstName": "Jon", "lastName": "Snow"},
        }
    ]
    assert locked.extensions["permissionsUsed"] == [
        "Order.isLocked:write",
        "Order:read",
        "Order.shippingAddress:read",
    ]

    customer = order["customer"]["id"]
    updated = centra.graphql(UPDATE_BASIC, {"n": placed.number, "customer": customer})
    info = updated.ok("updateDirectToConsumerOrder")["order"]
    assert info["id"] == placed.id
    [line] = info["lines"]
    price = float(item.price)
    assert line["quantity"] == 10 and line["taxPercent"] == 25
    assert line["unitPrice"]["value"] == price and line["unitPrice"]["currency"]["code"] == "SEK"
    assert line["unitPrice"]["conversionRate"] == 1
    assert line["lineValue"]["value"] == price * 10
    assert line["hasAnyDiscount"] is False
    assert info["discountsApplied"][0]["value"]["value"] == 0
    assert info["shippingAddress"]["address2"] == "1b"
    assert info["shippingAddress"]["country"]["name"] == "Sweden"
    assert info["shippingAddress"]["state"] is None
    assert info["billingAddress"]["phoneNumber"] == "+4684026100"
    assert info["customer"] == {
        "email": "jon.snow@example.com",
        "firstName": "Jon",
        "lastName": "Snow",
    }
    assert set(updated.extensions["permissionsUsed"]) == {
        "Order:write",
        "Order:read",
        "Order.shippingAddress:read",
        "Order.billingAddress:read",
        "Customer:read",
        "Purchaser:read",
        "Product:read",
    }

    cancelled = centra.graphql(CANCEL_LINE, {"n": placed.number, "line": line["id"]}).ok(
        "updateDirectToConsumerOrder"
    )
    assert cancelled["order"]["lines"][0]["quantity"] == 9
    assert cancelled["order"]["lines"][0]["lineValue"]["value"] == price * 9
    assert cancelled["order"]["status"] == "PENDING"

    confirmed = centra.graphql(CONFIRM, {"n": placed.number})
    assert confirmed.ok("confirmOrder")["order"] == {"number": placed.number, "status": "CONFIRMED"}
    assert confirmed.extensions["permissionsUsed"] == ["Order:write", "Order:read"]


def test_shipment_in_three_stages_then_return(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    centra_factories.confirm(placed.number)
    line_id = centra_factories.order_lines(placed.number)[0]["id"]
    physical, allocated, free = stock_of(centra, item.product_size_id)

    created = centra.graphql(CREATE_SHIPMENT, {"n": placed.number, "line": line_id})
    shipment = created.ok("createShipment")["shipment"]
    assert created.extensions["permissionsUsed"] == [
        "Shipment:write",
        "Shipment:read",
        "AdminUser:read",
        "Order:read",
        "Shipment.shippingAddress:read",
        "StorePlugin:read",
    ]
    assert shipment["number"] == f"{placed.number}-1"
    assert shipment["createdAt"] == "2022-06-23T15:47:12+02:00"
    assert (shipment["isGoodToGo"], shipment["isShipped"], shipment["isPaid"]) == (
        True,
        False,
        False,
    )
    assert shipment["paidAt"] is None and shipment["shippedAt"] is None
    assert shipment["numberOfPackages"] == 0 and shipment["trackingNumber"] is None
    assert shipment["internalShippingCost"] == {"value": 0}
    assert shipment["carrierInformation"] is None and shipment["adminUser"] is None
    assert shipment["discountsApplied"] == [] and shipment["shipmentPlugin"] is None
    assert shipment["lines"][0]["quantity"] == 2
    assert (
        shipment["lines"][0]["lineValue"]["formattedValue"]
        == f"{item.price * 2:,.2f}".replace(",", " ") + " SEK"
    )
    assert shipment["shippingAddress"]["country"] == {"name": "Sweden", "code": "SE"}
    assert shipment["grandTotal"]["value"] == float(item.price * 2) + 49.0

    paid = centra.graphql(MARK_PAID, {"id": shipment["id"]}).ok("updateShipment")["shipment"]
    assert paid["isPaid"] is True and paid["paidAt"] is not None

    done = centra.graphql(COMPLETE, {"id": shipment["id"]}).ok("completeShipment")["shipment"]
    assert done["isShipped"] is True
    assert done["shippedAt"] == "2023-01-09T15:18:33+01:00"
    assert done["numberOfPackages"] == 1
    assert done["trackingNumber"] == "1234trackingcode"
    assert done["returnTrackingNumber"] == "1234returncode"
    assert done["internalShippingCost"] == {"value": 12}
    assert done["carrierInformation"] == {
        "carrierName": "Carrier name",
        "serviceName": "Service name",
    }
    assert stock_of(centra, item.product_size_id) == (physical - 2, allocated - 2, free)

    shipment_line = done["lines"][0]["id"]
    made = centra.graphql(CREATE_RETURN, {"shipment": shipment["id"], "line": shipment_line}).ok(
        "createReturn"
    )
    return_id = made["return"]["id"]
    assert len(made["return"]["lines"]) == 1
    assert stock_of(centra, item.product_size_id) == (physical, allocated - 2, free + 2)

    listed = centra.graphql(RETURNS).payload("returns")
    assert listed == [
        {"id": return_id, "status": "PENDING", "lines": [{"shipmentLine": {"id": shipment_line}}]}
    ]

    completed = centra.graphql(COMPLETE_RETURN, {"id": return_id}).ok("completeReturn")
    assert completed["return"] == {"id": return_id, "status": "COMPLETED"}
    twice = centra.graphql(COMPLETE_RETURN, {"id": return_id}).payload("completeReturn")
    assert twice["userErrors"] == [
        {"message": f"Return {return_id} is already completed.", "path": None}
    ]

    reopened = centra.graphql(UNCOMPLETE_RETURN, {"id": return_id}).ok("uncompleteReturn")
    assert reopened["return"] == {"id": return_id, "status": "PENDING"}

    deleted = centra.graphql(DELETE_RETURN, {"id": return_id}).ok("deleteReturn")
    assert deleted["return"]["id"] == return_id and len(deleted["return"]["lines"]) == 1
    assert centra.graphql(RETURNS).payload("returns") == []
    assert stock_of(centra, item.product_size_id) == (physical - 2, allocated - 2, free)


def test_capture_order_then_shipments_use_the_captured_money(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=3)
    placed = centra_factories.place_order([(item, 2)])
    centra_factories.confirm(placed.number)
    line_id = centra_factories.order_lines(placed.number)[0]["id"]

    captured = centra.graphql(CAPTURE_ORDER, {"id": placed.id}).ok("captureOrder")
    entry = captured["paymentHistoryEntry"]
    assert (entry["entryType"], entry["status"], entry["paymentMethod"]) == (
        "CAPTURE",
        "SUCCESS",
        "dummy",
    )
    assert entry["value"]["value"] == float(item.price * 2) + 49.0
    assert entry["paramsJSON"] == '{"success":true,"isRequest":false,"raw":null}'
    assert captured["order"] == {"id": placed.id}

    shipped = centra.graphql(CREATE_SHIPMENT_WITH_CAPTURING, {"id": placed.id, "line": line_id}).ok(
        "createShipment"
    )
    assert shipped["shipment"]["isCaptured"] is True
    history = shipped["shipment"]["order"]["paymentHistory"]
    assert [h["entryType"] for h in history] == ["CAPTURE"]  # no second PSP call

    again = centra.graphql(CAPTURE_ORDER, {"id": placed.id}).payload("captureOrder")
    assert again["userErrors"] == [
        {"message": f"Order {placed.number} is already captured.", "path": ["order"]}
    ]


def test_capture_shipment_shape(centra: CentraClient, centra_factories: Factories) -> None:
    item = centra_factories.sellable_item(min_free=2)
    placed = centra_factories.place_order([(item, 1)])
    centra_factories.confirm(placed.number)
    shipment = centra_factories.ship(placed.number, capture=False, complete=False)

    result = centra.graphql(CAPTURE_SHIPMENT, {"id": shipment["id"]}).ok("captureShipment")

    assert result["shipment"]["number"] == f"{placed.number}-1"
    assert result["shipment"]["isCaptured"] is True and result["shipment"]["capturedAt"]
    assert result["paymentHistoryEntry"]["entryType"] == "CAPTURE"
    assert result["paymentHistoryEntry"]["value"]["value"] == float(item.price) + 49.0
