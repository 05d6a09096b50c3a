"""Documented shapes for the documented names, the protocol and the admin token API.

Each operation is ours, written the way Centra's documentation writes it (the DTC and CMS
examples, the PIM guide, the B2B examples, the URI page, the authorization page and its last
version with the admin token API). Each validates against the committed SDL and executes.
"""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient
from mockcentra.testing.client import GraphQLResponse
from mockcentra.testing.factories import Factories
from tests.contract.documented.shapes import run_documented, validation_errors


def run_once(
    centra: CentraClient, operation: str, variables: dict[str, Any] | None = None
) -> GraphQLResponse:
    """Like `run_documented`, for a mutation whose `extensions` are checked too (it runs once)."""
    assert validation_errors(operation) == []
    response = centra.graphql(operation, variables or {})
    assert response.errors == [], response.errors
    return response


# --- names (DTC/CMS examples, PIM guide) -------------------------------------------------------

COUNTRY_LIST = """
{
  countries {
    name
    continent
    isEU
    states {
      name
    }
  }
}
"""

MARKETS_OF_A_STORE = """
{
  markets(where: {storeId: [1, 2]}, sort: [id_DESC]) {
    id
    name
    assignedToCountries {
      name
      code
    }
  }
}
"""

ORDER_PAYMENT = """
query orderPayment($numbers: [Int!]) {
  orders(where: {number: $numbers}) {
    number
    ...paymentInfo
  }
}

fragment paymentInfo on Order {
  paymentMethod {
    uri
    plugin
  }

  paymentHistory {
    id
    createdAt
    status
    entryType
    externalReference
    value {
      value
      currency { code }
      conversionRate
    }
  }
}
"""

SIZE_STOCK = """
query sizeStock($page: Int! = 1) {
  products(limit: 1, page: $page) {
    id
    variants {
      productSizes {
        SKU
        stockTotals {
          availableQuantity
          physicalQuantity
          demandQuantity
          allocatedQuantity
          unshippedQuantity
          onDeliveryQuantity
          linkedIncomingQuantity
          unlinkedIncomingQuantity
        }
      }
    }
  }
}
"""


def test_countries_in_the_documented_shape(centra: CentraClient) -> None:
    countries = run_documented(centra, COUNTRY_LIST)["countries"]

    assert countries[0] == {"name": "Sweden", "continent": "Europe", "isEU": True, "states": []}
    united_states = next(c for c in countries if c["name"] == "United States")
    assert (united_states["continent"], united_states["isEU"]) == ("North America", False)
    assert len(united_states["states"]) == 51


def test_markets_with_their_countries_in_the_documented_shape(centra: CentraClient) -> None:
    markets = run_documented(centra, MARKETS_OF_A_STORE)["markets"]

    assert [(m["id"], m["name"]) for m in markets] == [
        (2, "Wholesale market"),
        (1, "Retail market"),
    ]
    assert markets[0]["assignedToCountries"][:2] == [
        {"name": "Sweden", "code": "SE"},
        {"name": "United States", "code": "US"},
    ]


def test_an_orders_payment_info_in_the_documented_shape(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()

    [order] = run_documented(centra, ORDER_PAYMENT, {"numbers": [placed.number]})["orders"]

    assert order["paymentMethod"] == {"uri": "dummy", "plugin": "dummy"}
    assert [(p["entryType"], p["status"]) for p in order["paymentHistory"]] == [
        ("AUTHORIZATION", "SUCCESS")
    ]


def test_stock_totals_in_the_documented_shape(centra: CentraClient) -> None:
    [product] = run_documented(centra, SIZE_STOCK)["products"]

    totals = product["variants"][0]["productSizes"][0]["stockTotals"]
    assert set(totals) == {
        "availableQuantity",
        "physicalQuantity",
        "demandQuantity",
        "allocatedQuantity",
        "unshippedQuantity",
        "onDeliveryQuantity",
        "linkedIncomingQuantity",
        "unlinkedIncomingQuantity",
    }
    assert (totals["onDeliveryQuantity"], totals["linkedIncomingQuantity"]) == (0, 0)


# --- protocol: deprecations (authorization page) -------------------------------------------------

OLD_NAMES = """
query oldNames {
  markets(where: {storeId: 1}) {
    countries { code isEu }
  }
  product(id: 1) {
    brand { name }
  }
}
"""


def test_deprecations_are_reported_in_the_documented_format(centra: CentraClient) -> None:
    data = run_documented(centra, OLD_NAMES)
    response = centra.graphql(OLD_NAMES)

    assert data["product"] == {"brand": {"name": "Base Brand"}}
    assert response.extensions["deprecatedFieldsUsed"] == [
        "Field: Market.countries, reason: Renamed to assignedToCountries., "
        "date of removal: 2027-06-30",
        "Field: Country.isEu, reason: Renamed to isEU., date of removal: 2027-06-30",
    ]
    assert response.extensions["deprecatedPermissionsUsed"] == [
        "Field: Product.brand, deprecated: Product.Brand:read, current: Brand:read"
    ]


# --- protocol: payload permissions (PIM guide, B2B examples) ------------------------------------

ADD_FOLDER = """
mutation addFolder {
  createFolder(input:{
    name: "Outlet",
    parent: null
  }){
    folder{
      id
      name
      isTopFolder
    }
  }
}
"""

ADD_BRAND = """
mutation addBrand {
  createBrand(input: {
    name: "Nordic Coast",
    uri: "nordic-coast",
    addToStores: { id: 1 } }
  ) {
    brand {
      id
      name
    }
    userErrors {
      message
      path
    }
  }
}
"""

ADD_COLLECTION = """
mutation addCollection {
  createCollection(input: {
    name: "Resort 27",
    status: ACTIVE
  }) {
    collection {
      id
      name
      status
    }
    userErrors {
      message
      path
    }
  }
}
"""

AT_ONCE_WINDOW = """
mutation atOnceWindow {
  createDeliveryWindow(input: {
    name: "Autumn at once"
    status: ACTIVE
    deliveryDatesVisible: true
    selectableByBuyers: true
    selectedByDefault: false
    defaultVariantDeliveryType: STOCK
    allocationRule: { id: 1 }
    markets: [{ id: 2 }]
    atOnce: {
      daysFromNow: 0
      selectableDate: true
    }
  }) {
    userErrors {
      message
      path
    }
    deliveryWindow {
      ...windowFields
    }
  }
}

fragment windowFields on DeliveryWindow {
  id
  name
  markets { id, name }
  campaigns { id, name }
  allocationRule { id, name }
  deliveryWindowVariants {
    type
    product { id, name }
  }
}
"""


def test_create_payloads_report_their_read_permissions(centra: CentraClient) -> None:
    folder = run_once(centra, ADD_FOLDER)
    brand = run_once(centra, ADD_BRAND)
    collection = run_once(centra, ADD_COLLECTION)

    assert folder.payload("createFolder")["folder"]["isTopFolder"] is True
    assert folder.extensions["permissionsUsed"] == ["Folder:write", "Folder:read"]
    assert brand.payload("createBrand")["brand"]["name"] == "Nordic Coast"
    assert brand.extensions["permissionsUsed"] == ["Brand:write", "Brand:read"]
    assert collection.payload("createCollection")["collection"]["status"] == "ACTIVE"
    assert collection.extensions["permissionsUsed"] == ["Collection:write", "Collection:read"]


def test_a_delivery_window_payload_reports_no_extra_permission(centra: CentraClient) -> None:
    window = run_once(centra, AT_ONCE_WINDOW)

    assert window.payload("createDeliveryWindow")["deliveryWindow"]["deliveryWindowVariants"] == []
    assert window.extensions["permissionsUsed"] == [
        "DeliveryWindow:write",
        "DeliveryWindow:read",
        "Market:read",
        "Campaign:read",
        "AllocationRule:read",
    ]


# --- protocol: URIs (URI page) -------------------------------------------------------------------

DISPLAY_WITH_URI = """
mutation displayWithUri($uri: String) {
  createDisplay(input: {
    product: {id: 20}
    store: {id: 1}
    status: ACTIVE
    name: "Żółta łódź podwodna"
    uri: $uri
  }){
    display {
      id
      name
      uri
    }
    userErrors { message path }
    userWarnings { message path }
  }
}
"""


def test_display_uris_in_the_documented_shape(centra: CentraClient) -> None:
    given = run_documented(centra, DISPLAY_WITH_URI, {"uri": "ヨットēźç"})["createDisplay"]
    centra.post("/_mock/reset")
    refused = run_documented(centra, DISPLAY_WITH_URI, {"uri": "boats/yellow"})["createDisplay"]
    generated = run_documented(centra, DISPLAY_WITH_URI)["createDisplay"]

    assert given["display"]["uri"] == "ヨットēźç"
    assert generated["display"]["uri"] == "zolta-lodz-podwodna"
    assert refused == {
        "display": None,
        "userErrors": [
            {
                "message": 'URI "boats/yellow" is not valid: "/" is a reserved character.',
                "path": ["input", "uri"],
            }
        ],
        "userWarnings": [],
    }


# --- admin token API (authorization page, last version with it) --------------------------------

GENERATE = """
mutation {
  generateToken( user: { name: "Warehouse sync", permissions: ["Product:read", "Order:read"] }, ttl: 7200 ) {
    token
    isValid
    expiresAt
  }
}
"""

GENERATE_WITH_VARIABLES = """
mutation token($user: GraphQLUserInput!, $ttl: Int) {
  generateToken(user: $user, ttl: $ttl) {
    token
    isValid
    expiresAt
    user {
      name
      permissions
    }
  }
}
"""

REVOKE = """
mutation revoke($token: String!) {
  revokeAccess( token: $token ) { token isValid expiresAt }
}
"""


def test_the_admin_token_api_in_the_documented_shapes(centra: CentraClient) -> None:
    names = run_documented(centra, "{ permissionNames }")["permissionNames"]
    made = run_documented(centra, GENERATE)["generateToken"]
    everything = run_documented(
        centra, GENERATE_WITH_VARIABLES, {"user": {"name": "Reports", "permissions": ["*"]}}
    )["generateToken"]
    works = centra.graphql("{ orders(limit: 1) { number } }", token=made["token"])
    revoked = run_documented(centra, REVOKE, {"token": made["token"]})["revokeAccess"]

    assert {"Product:read", "Order:read"} <= set(names)
    assert made["isValid"] is True
    assert everything["user"] == {"name": "Reports", "permissions": ["*"]}
    assert works.errors == []
    assert revoked == {"token": made["token"], "isValid": False, "expiresAt": made["expiresAt"]}
    assert centra.graphql("{ orders(limit: 1) { number } }", token=made["token"]).status_code == 401
