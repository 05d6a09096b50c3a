"""Relay connections: paging both ways, cursors that survive inserts, permissions, bad arguments.

The paging is shared by every `*Connection` field; it is exercised here on `orderConnection`
over the `fulfillment` scenario (orders 1-18 placed in number order, 19 on hold), and each
other connection has its own tests below.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

ORDERS = """
query($first: Int, $after: String, $last: Int, $before: String, $where: OrderFilter,
      $sort: [OrderSort!]) {
  orderConnection(first: $first, after: $after, last: $last, before: $before, where: $where,
                  sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { number status } }
  }
}"""


def order_page(centra: CentraClient, token: Any = None, **arguments: Any) -> dict[str, Any]:
    kwargs = {"token": token} if token else {}
    return centra.graphql(ORDERS, arguments, **kwargs).payload("orderConnection")


def numbers(page: dict[str, Any]) -> list[int]:
    return [edge["node"]["number"] for edge in page["edges"]]


def flags(page: dict[str, Any]) -> tuple[bool, bool]:
    info = page["pageInfo"]
    return info["hasPreviousPage"], info["hasNextPage"]


def cursor_of(pairs: list[list[Any]]) -> str:
    return base64.b64encode(json.dumps(pairs, separators=(",", ":")).encode()).decode()


fulfillment = pytest.mark.centra_scenario("fulfillment")


@fulfillment
def test_paging_forward_walks_every_order_once_with_page_info(centra: CentraClient) -> None:
    # Given the 18 orders that are not on hold
    # When they are read 7 at a time, each page after the previous page's end cursor
    first = order_page(centra, first=7)
    second = order_page(centra, first=7, after=first["pageInfo"]["endCursor"])
    third = order_page(centra, first=7, after=second["pageInfo"]["endCursor"])

    # Then every order comes once, in id order, and each page says what lies around it
    assert numbers(first) == [1, 2, 3, 4, 5, 6, 7]
    assert numbers(second) == [8, 9, 10, 11, 12, 13, 14]
    assert numbers(third) == [15, 16, 17, 18]
    assert [flags(first), flags(second), flags(third)] == [
        (False, True),
        (True, True),
        (True, False),
    ]
    assert [p["totalCount"] for p in (first, second, third)] == [18, 18, 18]
    # the page's cursors are its first and last edges' cursors, positions in the id order
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"] == cursor_of([["id", 1]])
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"] == cursor_of([["id", 7]])


@fulfillment
def test_paging_backward_reads_the_last_orders_first(centra: CentraClient) -> None:
    # When the newest 5 orders are read, then the 5 before them
    last = order_page(centra, last=5)
    earlier = order_page(centra, last=5, before=last["pageInfo"]["startCursor"])
    earliest = order_page(centra, last=10, before=earlier["pageInfo"]["startCursor"])

    # Then each page is still in list order, and the flags look backward and forward
    assert numbers(last) == [14, 15, 16, 17, 18]
    assert numbers(earlier) == [9, 10, 11, 12, 13]
    assert numbers(earliest) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert [flags(last), flags(earlier), flags(earliest)] == [
        (True, False),
        (True, True),
        (False, True),
    ]


@fulfillment
def test_a_page_between_two_cursors(centra: CentraClient) -> None:
    # When the orders between 4 and 9 are asked for, the first two and the last two of them
    after, before = cursor_of([["id", 4]]), cursor_of([["id", 9]])
    head = order_page(centra, first=2, after=after, before=before)
    tail = order_page(centra, last=2, after=after, before=before)
    everything = order_page(centra, after=after, before=before)

    # Then each keeps within the bounds; rows outside them still count as next or previous
    assert numbers(head) == [5, 6]
    assert numbers(tail) == [7, 8]
    assert numbers(everything) == [5, 6, 7, 8]
    assert flags(head) == (True, True)
    assert flags(tail) == (True, True)
    assert flags(everything) == (True, True)


@fulfillment
def test_where_and_sort_are_the_orders_list_filters(centra: CentraClient) -> None:
    # When confirmed and processing orders are paged newest number first
    where = {"status": ["CONFIRMED", "PROCESSING"]}
    first = order_page(centra, first=3, where=where, sort=["number_DESC"])
    second = order_page(
        centra, first=3, after=first["pageInfo"]["endCursor"], where=where, sort=["number_DESC"]
    )

    # Then only those orders come, in that order, and the total counts only them
    assert numbers(first) == [12, 11, 10]
    assert numbers(second) == [9, 8, 7]
    assert {e["node"]["status"] for e in first["edges"] + second["edges"]} == {
        "CONFIRMED",
        "PROCESSING",
    }
    assert first["totalCount"] == 8
    assert first["edges"][0]["cursor"] == cursor_of([["number", 12], ["id", 12]])


@fulfillment
def test_held_orders_only_when_asked_for_as_in_the_orders_list(centra: CentraClient) -> None:
    held = order_page(centra, first=10, where={"isOnHold": True})

    assert numbers(held) == [19]
    assert held["totalCount"] == 1
    assert flags(held) == (False, False)


@fulfillment
def test_first_zero_counts_without_reading_orders(centra: CentraClient) -> None:
    page = order_page(centra, first=0)

    assert page["edges"] == []
    assert page["totalCount"] == 18
    assert page["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


@fulfillment
def test_cursors_stay_valid_when_an_order_is_placed_between_pages(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given the first page of the newest orders
    first = order_page(centra, first=3, sort=["id_DESC"])
    assert numbers(first) == [18, 17, 16]

    # When an order is placed before the next page is read
    placed = centra_factories.place_order().number
    assert placed == 20
    second = order_page(centra, first=3, sort=["id_DESC"], after=first["pageInfo"]["endCursor"])
    again = order_page(centra, first=3, sort=["id_DESC"])

    # Then the next page continues where the first ended (an offset would repeat order 16),
    # the new order heads the list, and the old orders keep their cursors
    assert numbers(second) == [15, 14, 13]
    assert numbers(again) == [20, 18, 17]
    assert again["edges"][1]["cursor"] == first["edges"][0]["cursor"]
    assert again["edges"][2]["cursor"] == first["edges"][1]["cursor"]
    assert again["totalCount"] == 19


@fulfillment
def test_paging_by_order_date_breaks_ties_by_id_and_survives_an_older_order(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # Given an order placed with the clock set before every other order (its id is the highest)
    assert centra.post("/_mock/clock", json={"freeze": "2025-12-01T09:00:00+00:00"}).status_code
    early = centra_factories.place_order().number

    # When orders are paged by order date, oldest first, two at a time from the end backward
    sort = ["orderDate_ASC"]
    last = order_page(centra, last=2, sort=sort)
    before = order_page(centra, last=2, sort=sort, before=last["pageInfo"]["startCursor"])
    start = order_page(centra, first=2, sort=sort)

    # Then the early order comes first by date although it was placed last
    assert numbers(start) == [early, 1]
    assert numbers(last) == [17, 18]
    assert numbers(before) == [15, 16]
    assert start["edges"][0]["cursor"] == cursor_of(
        [["orderDate", "2025-12-01T09:00:00+00:00"], ["id", 20]]
    )


def test_a_token_without_order_read_is_refused_as_centra_documents(
    centra: CentraClient,
) -> None:
    # Given a token that may read products only
    made = centra.post("/_mock/tokens", json={"token": "pim", "permissions": ["Product:read"]})
    assert made.status_code == 201

    # When it asks for the order connection
    result = centra.graphql(
        "{\n  orderConnection(last: 10, where: {storeType: WHOLESALE}) {\n"
        "    totalCount\n    edges { node { number } }\n  }\n}",
        token="pim",
    )

    # Then Centra's authorization error comes back, and no data
    assert result.status_code == 200
    assert result.errors == [
        {
            "message": "You need Order:read permission to access orderConnection.",
            "extensions": {"category": "authorization"},
            "locations": [{"line": 2, "column": 3}],
            "path": ["orderConnection"],
        }
    ]
    assert "data" not in result.body
    assert result.extensions["permissionsUsed"] == ["Order:read"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"first": -1}, "`first` must be between 0 and 1000."),
        ({"last": -3}, "`last` must be between 0 and 1000."),
        ({"first": 1001}, "`first` must be between 0 and 1000."),
        ({"first": 2, "last": 2}, "Pass either `first` or `last`, not both."),
        ({"after": "not a cursor"}, "`after` is not a valid cursor."),
        ({"before": base64.b64encode(b"[1, 2").decode()}, "`before` is not a valid cursor."),
        ({"after": cursor_of([["id", "seven"]])}, "`after` is not a valid cursor."),
        (
            {"after": cursor_of([["orderDate", "2026-01-05T10:00:00+00:00"], ["id", 1]])},
            "`after` is a cursor of another sort order; page with cursors from the same sort.",
        ),
        (
            {"sort": ["orderDate_ASC"], "after": cursor_of([["orderDate", "noon"], ["id", 1]])},
            "`after` is not a valid cursor.",
        ),
    ],
)
def test_bad_paging_arguments_are_a_clear_graphql_error(
    centra: CentraClient, arguments: dict[str, Any], message: str
) -> None:
    result = centra.graphql(ORDERS, arguments)

    assert result.status_code == 200
    assert [(e["message"], e["path"]) for e in result.errors] == [(message, ["orderConnection"])]
    assert "data" not in result.body or result.data is None
