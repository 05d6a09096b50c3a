"""Relay connections in the shapes Centra's documentation uses them, on seeded scenarios.

Each operation is ours, written the way the docs write theirs (a literal `last: 10` with a
`where` and a single `sort` value, `pageInfo` and `edges { node }`), validated against the
committed SDL and executed with its values checked.
"""

from __future__ import annotations

import pytest

from mockcentra.testing import CentraClient
from tests.contract.documented.shapes import run_documented

# the authorization page's shape: backward from a cursor, every pageInfo field, cursor last
WHOLESALE_ORDERS_BEFORE = """
query {
  orderConnection(
    last: 2, before: "%s", where: {storeType: WHOLESALE}
  )
  {
    totalCount
    pageInfo{hasPreviousPage, hasNextPage, startCursor, endCursor}
    edges{
      node{
        number
        status
        grandTotal{
          value
          currency {code}
        }
      }
      cursor
    }
  }
}
"""

# the DTC examples' shape: a single status and a single sort value, typed fragment on the node
CONFIRMED_WHOLESALE_ORDERS = """
{
  orderConnection(last: 10, where: {storeType: WHOLESALE, status: CONFIRMED}, sort: orderDate_ASC) {
    totalCount
    pageInfo {
      hasPreviousPage
      startCursor
    }
    edges {
      node {
        number
        grandTotal {
          value
          currency { code }
          formattedValue
        }
        ...on WholesaleOrder {
          account { name }
        }
      }
    }
  }
}
"""


@pytest.mark.centra_scenario("wholesale")
def test_order_connection_backward_from_a_cursor(centra: CentraClient) -> None:
    newest = run_documented(centra, "{ orderConnection(last: 1) { edges { cursor } } }")
    cursor = newest["orderConnection"]["edges"][0]["cursor"]

    data = run_documented(centra, WHOLESALE_ORDERS_BEFORE % cursor)["orderConnection"]

    assert data["totalCount"] == 6
    assert [e["node"]["number"] for e in data["edges"]] == [4, 5]
    assert [e["node"]["status"] for e in data["edges"]] == ["CONFIRMED", "SHIPPED"]
    assert data["pageInfo"]["hasPreviousPage"] is True
    assert data["pageInfo"]["hasNextPage"] is True
    assert data["pageInfo"]["endCursor"] == data["edges"][-1]["cursor"]


@pytest.mark.centra_scenario("wholesale")
def test_order_connection_of_confirmed_wholesale_orders(centra: CentraClient) -> None:
    data = run_documented(centra, CONFIRMED_WHOLESALE_ORDERS)["orderConnection"]

    assert data["totalCount"] == 2
    assert data["pageInfo"]["hasPreviousPage"] is False
    nodes = [e["node"] for e in data["edges"]]
    assert [(n["number"], n["account"]["name"]) for n in nodes] == [
        (1, "Nordic Boutique AB"),
        (4, "Maison Paris SARL"),
    ]
    assert all(n["grandTotal"]["currency"]["code"] == "EUR" for n in nodes)


# the deprecations section's shape: a typed filter variable and `last: 10`, new and old names
STOCK_CHANGES = """
query stockChanges($filter: StockChangeFilter!) {
  stockChangeConnection(where: $filter, last: 10) {
    totalCount
    pageInfo { hasPreviousPage hasNextPage startCursor }
    edges {
      node {
        id
        type
        createdAt
        warehouse { id }
        lines { deliveredQuantity productSize { id } }
      }
    }
  }
}
"""

WAREHOUSE_DELIVERIES = """
query stockChanges($filter: WarehouseDeliveryFilter!) {
  warehouseDeliveryConnection(where: $filter, last: 10) {
    totalCount
    edges { node { id } }
  }
}
"""


@pytest.mark.centra_scenario("fulfillment")
def test_stock_change_connection_with_a_typed_filter(centra: CentraClient) -> None:
    variables = {"filter": {"type": ["SHIPMENT"]}}

    data = run_documented(centra, STOCK_CHANGES, variables)["stockChangeConnection"]
    old = run_documented(centra, WAREHOUSE_DELIVERIES, variables)["warehouseDeliveryConnection"]

    assert data["totalCount"] == 10
    assert data["pageInfo"]["hasPreviousPage"] is False
    assert data["pageInfo"]["hasNextPage"] is False
    nodes = [e["node"] for e in data["edges"]]
    assert [n["id"] for n in nodes] == [23, 26, 29, 30, 33, 34, 37, 38, 41, 42]
    assert {n["type"] for n in nodes} == {"SHIPMENT"}
    assert {n["warehouse"]["id"] for n in nodes} == {1}
    # a shipment takes stock out of the warehouse
    assert all(line["deliveredQuantity"] < 0 for n in nodes for line in n["lines"])
    assert nodes[0]["lines"][0]["productSize"]["id"] == 58
    assert [e["node"]["id"] for e in old["edges"]] == [n["id"] for n in nodes]
    assert old["totalCount"] == 10


# the PIM guide's shape: a named query scrolling displays with a fragment and the next cursor
SCROLL_DISPLAYS = """
query scrollDisplays($after: String) {
    displayConnection(first: 10, after: $after) {
        edges {
            node {
                ...displayFields
            }
        }
        pageInfo {
            hasNextPage
            endCursor
        }
    }
}

fragment displayFields on Display {
    id
    name
    status
    uri
    updatedAt
    markets { id name }
    product { id name }
    productVariants { id name }
    store { id name }
}
"""


def test_display_connection_scrolls_every_display(centra: CentraClient) -> None:
    first = run_documented(centra, SCROLL_DISPLAYS)["displayConnection"]
    after = first["pageInfo"]["endCursor"]
    second = run_documented(centra, SCROLL_DISPLAYS, {"after": after})["displayConnection"]

    assert [e["node"]["id"] for e in first["edges"]] == list(range(1, 11))
    assert [e["node"]["id"] for e in second["edges"]] == list(range(11, 20))
    assert first["pageInfo"]["hasNextPage"] is True
    assert second["pageInfo"]["hasNextPage"] is False
    shirt = first["edges"][1]["node"]
    assert (shirt["name"], shirt["status"], shirt["store"]["id"]) == (
        "Classic Oxford Shirt",
        "ACTIVE",
        1,
    )
    assert [m["id"] for m in shirt["markets"]] == [1]


# products in the PIM guide's productList shape (status variable, `sort: [updatedAt_DESC]`),
# scrolled as a connection instead of by page
PRODUCT_LIST = """
query productList($status: [ProductStatus!]! = [INACTIVE, ACTIVE], $after: String) {
  productConnection(
    where: { status: $status }
    sort: [updatedAt_DESC]
    first: 10
    after: $after
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        name
        status
        variants { id name }
      }
    }
  }
}
"""


def test_product_connection_in_the_product_list_shape(centra: CentraClient) -> None:
    first = run_documented(centra, PRODUCT_LIST)["productConnection"]
    after = first["pageInfo"]["endCursor"]
    rest = run_documented(centra, PRODUCT_LIST, {"after": after})["productConnection"]

    nodes = [e["node"] for e in first["edges"] + rest["edges"]]
    assert first["totalCount"] == 20
    assert sorted(n["id"] for n in nodes) == list(range(1, 21))
    assert [first["pageInfo"]["hasNextPage"], rest["pageInfo"]["hasNextPage"]] == [True, False]
    hoodie = next(n for n in nodes if n["id"] == 20)
    assert (hoodie["name"], hoodie["status"]) == ("Heritage Hoodie", "INACTIVE")


# customers in the shape the docs filter them (`email: {equals: ...}`)
CUSTOMER_BY_EMAIL = """
{
  customerConnection(first: 10, where: {email: {equals: "cassie.hanna.2414@example.com"}}) {
    totalCount
    edges { node { id email } cursor }
  }
}
"""


@pytest.mark.centra_scenario("returns")
def test_customer_connection_by_email(centra: CentraClient) -> None:
    data = run_documented(centra, CUSTOMER_BY_EMAIL)["customerConnection"]

    assert data["totalCount"] == 1
    assert [e["node"]["id"] for e in data["edges"]] == [9]


# returns in the shape the DTC examples filter them (one customer, one store type)
CUSTOMER_RETURNS = """
{
  returnConnection(first: 10, where: {customerId: 6, storeType: DIRECT_TO_CONSUMER}) {
    totalCount
    edges {
      node {
        id
        status
        order { number }
      }
    }
  }
}
"""


@pytest.mark.centra_scenario("returns")
def test_return_connection_of_one_customer(centra: CentraClient) -> None:
    data = run_documented(centra, CUSTOMER_RETURNS)["returnConnection"]

    assert data["totalCount"] == 1
    assert [e["node"] for e in data["edges"]] == [
        {"id": 3, "status": "COMPLETED", "order": {"number": 6}}
    ]
