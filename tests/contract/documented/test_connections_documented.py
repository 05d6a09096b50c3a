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

    assert data["totalCount"] == 4
    assert [e["node"]["number"] for e in data["edges"]] == [2, 3]
    assert [e["node"]["status"] for e in data["edges"]] == ["PENDING", "PENDING"]
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
