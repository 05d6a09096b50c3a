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
from sqlalchemy import event

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
    assert [(e["message"], e["path"], e["extensions"]) for e in result.errors] == [
        (message, ["orderConnection"], {"category": "request"})
    ]
    assert "data" not in result.body or result.data is None


# ---------------------------------------------------------------- stockChangeConnection

STOCK_CHANGES = """
query($first: Int, $after: String, $last: Int, $before: String, $where: StockChangeFilter,
      $sort: [StockChangeSort!]) {
  stockChangeConnection(first: $first, after: $after, last: $last, before: $before,
                        where: $where, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id type } }
  }
}"""


def change_page(centra: CentraClient, **arguments: Any) -> dict[str, Any]:
    return centra.graphql(STOCK_CHANGES, arguments).payload("stockChangeConnection")


def ids(page: dict[str, Any]) -> list[int]:
    return [edge["node"]["id"] for edge in page["edges"]]


@fulfillment
def test_stock_changes_page_back_from_the_newest(centra: CentraClient) -> None:
    # Given the 52 stock changes the fulfillment orders and shipments made
    # When the newest three are read, then the three before them
    newest = change_page(centra, last=3)
    before = change_page(centra, last=3, before=newest["pageInfo"]["startCursor"])

    # Then they come oldest first within each page, and the totals and flags agree
    assert ids(newest) == [50, 51, 52]
    assert ids(before) == [47, 48, 49]
    assert newest["totalCount"] == 52
    assert flags(newest) == (True, False)
    assert flags(before) == (True, True)
    assert newest["pageInfo"]["startCursor"] == cursor_of([["id", 50]])


@fulfillment
def test_stock_changes_filtered_by_type_newest_first(centra: CentraClient) -> None:
    where = {"type": ["SHIPMENT"]}
    pages = [change_page(centra, first=4, where=where, sort=["id_DESC"])]
    while pages[-1]["pageInfo"]["hasNextPage"]:
        cursor = pages[-1]["pageInfo"]["endCursor"]
        pages.append(change_page(centra, first=4, after=cursor, where=where, sort=["id_DESC"]))

    assert [ids(p) for p in pages] == [[42, 41, 38, 37], [34, 33, 30, 29], [26, 23]]
    assert {e["node"]["type"] for p in pages for e in p["edges"]} == {"SHIPMENT"}
    assert [p["totalCount"] for p in pages] == [10, 10, 10]
    assert flags(pages[-1]) == (True, False)


@fulfillment
def test_stock_changes_of_one_product_size(centra: CentraClient) -> None:
    page = change_page(centra, first=10, where={"productSizeId": [151]})

    assert ids(page) == [1, 39, 41, 47, 49]
    assert page["totalCount"] == 5
    assert flags(page) == (False, False)


@fulfillment
def test_the_old_names_still_answer_and_say_they_are_deprecated(centra: CentraClient) -> None:
    # Given Centra's old connection name and our old plain list
    old = centra.graphql(
        """query($filter: WarehouseDeliveryFilter!) {
          warehouseDeliveryConnection(where: $filter, last: 2) { totalCount edges { node { id } } }
          stockChanges(limit: 2, where: {type: [SHIPMENT]}) { id }
        }""",
        {"filter": {"type": ["SHIPMENT"]}},
    )
    fields = centra.graphql(
        """{ __type(name: "Query") { fields(includeDeprecated: true) {
          name isDeprecated deprecationReason } } }"""
    ).payload("__type")["fields"]

    # Then both answer as before, and introspection marks them deprecated with the new name
    assert old.data == {
        "warehouseDeliveryConnection": {
            "totalCount": 10,
            "edges": [{"node": {"id": 41}}, {"node": {"id": 42}}],
        },
        "stockChanges": [{"id": 42}, {"id": 41}],
    }
    reasons = {f["name"]: f["deprecationReason"] for f in fields if f["isDeprecated"]}
    assert reasons["stockChanges"] == (
        "Use stockChangeConnection; this plain list is removed in the next release."
    )
    assert reasons["warehouseDeliveryConnection"] == (
        "Renamed to stockChangeConnection (WarehouseDelivery is StockChange)."
    )
    assert "stockChangeConnection" not in reasons


def test_stock_changes_need_their_read_permission(centra: CentraClient) -> None:
    made = centra.post("/_mock/tokens", json={"token": "orders", "permissions": ["Order:read"]})
    assert made.status_code == 201

    result = centra.graphql("{ stockChangeConnection(last: 10) { totalCount } }", token="orders")

    assert [(e["message"], e["path"]) for e in result.errors] == [
        (
            "You need StockChange:read permission to access stockChangeConnection.",
            ["stockChangeConnection"],
        )
    ]
    assert result.extensions["permissionsUsed"] == ["StockChange:read", "WarehouseDelivery:read"]


# ---------------------------------------------------------------- displayConnection

DISPLAYS = """
query($first: Int, $after: String, $last: Int, $before: String, $where: DisplayFilter,
      $sort: [DisplaySort!]) {
  displayConnection(first: $first, after: $after, last: $last, before: $before, where: $where,
                    sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}"""


def display_page(centra: CentraClient, **arguments: Any) -> dict[str, Any]:
    return centra.graphql(DISPLAYS, arguments).payload("displayConnection")


def test_displays_page_by_id(centra: CentraClient) -> None:
    first = display_page(centra, first=10)
    rest = display_page(centra, first=10, after=first["pageInfo"]["endCursor"])

    assert ids(first) == list(range(1, 11))
    assert ids(rest) == list(range(11, 20))
    assert [flags(first), flags(rest)] == [(False, True), (True, False)]
    assert first["totalCount"] == rest["totalCount"] == 19


def test_displays_page_by_name_both_ways(centra: CentraClient) -> None:
    # When displays are read by name, four at a time, and then back from the second page
    sort = ["name_ASC"]
    first = display_page(centra, first=4, sort=sort)
    second = display_page(centra, first=4, sort=sort, after=first["pageInfo"]["endCursor"])
    back = display_page(centra, last=2, sort=sort, before=second["pageInfo"]["startCursor"])

    # Then names order them, ids only break ties, and the cursors hold the name
    assert [e["node"]["name"] for e in first["edges"]] == [
        "Classic Beanie",
        "Classic Chinos",
        "Classic Oxford Shirt",
        "Classic Pleated Skirt",
    ]
    assert ids(first) == [5, 15, 2, 17]
    assert ids(second) == [8, 16, 3, 9]
    assert ids(back) == [2, 17]
    assert flags(back) == (True, True)
    assert second["pageInfo"]["startCursor"] == cursor_of(
        [["name", "Essential Chelsea Boot"], ["id", 8]]
    )


def test_displays_where_is_the_displays_list_filter(centra: CentraClient) -> None:
    page = display_page(centra, first=5, where={"id": [3, 4, 5]}, sort=["name_DESC"])

    assert ids(page) == [4, 3, 5]
    assert page["totalCount"] == 3


def test_displays_need_display_read(centra: CentraClient) -> None:
    made = centra.post("/_mock/tokens", json={"token": "orders", "permissions": ["Order:read"]})
    assert made.status_code == 201

    result = centra.graphql("{ displayConnection(first: 10) { totalCount } }", token="orders")

    assert [(e["message"], e["path"]) for e in result.errors] == [
        ("You need Display:read permission to access displayConnection.", ["displayConnection"])
    ]


# ---------------------------------------------------------------- productConnection

PRODUCTS = """
query($first: Int, $after: String, $last: Int, $before: String, $where: ProductFilter,
      $sort: [ProductSort!]) {
  productConnection(first: $first, after: $after, last: $last, before: $before, where: $where,
                    sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}"""


def product_page(centra: CentraClient, **arguments: Any) -> dict[str, Any]:
    return centra.graphql(PRODUCTS, arguments).payload("productConnection")


def test_active_products_page_by_name(centra: CentraClient) -> None:
    # Given 19 active products and one inactive (Heritage Hoodie, 20)
    where, sort = {"status": ["ACTIVE"]}, ["name_ASC"]

    first = product_page(centra, first=5, where=where, sort=sort)
    second = product_page(
        centra, first=5, where=where, sort=sort, after=first["pageInfo"]["endCursor"]
    )
    last = product_page(centra, last=3, where=where, sort=sort)

    assert ids(first) == [5, 15, 2, 17, 8]
    assert ids(second) == [16, 3, 9, 11, 6]
    assert ids(last) == [19, 13, 10]
    assert [first["totalCount"], product_page(centra, first=0)["totalCount"]] == [19, 20]
    assert [flags(first), flags(second), flags(last)] == [
        (False, True),
        (True, True),
        (True, False),
    ]


# ---------------------------------------------------------------- customerConnection

CUSTOMERS = """
query($first: Int, $after: String, $last: Int, $before: String, $where: CustomerFilter,
      $sort: [CustomerSort!]) {
  customerConnection(first: $first, after: $after, last: $last, before: $before,
                     where: $where, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id email } }
  }
}"""


def customer_page(centra: CentraClient, **arguments: Any) -> dict[str, Any]:
    return centra.graphql(CUSTOMERS, arguments).payload("customerConnection")


@pytest.mark.centra_scenario("returns")
def test_customers_page_both_ways(centra: CentraClient) -> None:
    # Given the 9 customers of the returns scenario
    first = customer_page(centra, first=4)
    second = customer_page(centra, first=4, after=first["pageInfo"]["endCursor"])
    third = customer_page(centra, first=4, after=second["pageInfo"]["endCursor"])
    newest = customer_page(centra, first=3, sort=["id_DESC"])

    assert [ids(first), ids(second), ids(third), ids(newest)] == [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9],
        [9, 8, 7],
    ]
    assert flags(third) == (True, False)
    assert newest["totalCount"] == 9


@pytest.mark.centra_scenario("returns")
def test_customers_where_is_the_customers_list_filter(centra: CentraClient) -> None:
    page = customer_page(centra, first=5, where={"email": {"contains": "CASSI"}})

    assert [e["node"]["email"] for e in page["edges"]] == [
        "cassidy.downs.8973@example.com",
        "cassie.hanna.2414@example.com",
    ]
    assert page["totalCount"] == 2


def test_customers_need_customer_read(centra: CentraClient) -> None:
    made = centra.post("/_mock/tokens", json={"token": "orders", "permissions": ["Order:read"]})
    assert made.status_code == 201

    result = centra.graphql("{ customerConnection(first: 1) { totalCount } }", token="orders")

    assert [(e["message"], e["path"]) for e in result.errors] == [
        ("You need Customer:read permission to access customerConnection.", ["customerConnection"])
    ]


# ---------------------------------------------------------------- returnConnection

RETURNS = """
query($first: Int, $after: String, $last: Int, $before: String, $where: ReturnFilter,
      $sort: [ReturnSort!]) {
  returnConnection(first: $first, after: $after, last: $last, before: $before, where: $where,
                   sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id status } }
  }
}"""


def return_page(centra: CentraClient, **arguments: Any) -> dict[str, Any]:
    return centra.graphql(RETURNS, arguments).payload("returnConnection")


@pytest.mark.centra_scenario("returns")
def test_returns_page_with_the_returns_list_filter(centra: CentraClient) -> None:
    # Given returns 1-2 pending and 3-6 completed
    first = return_page(centra, first=4)
    rest = return_page(centra, first=4, after=first["pageInfo"]["endCursor"])
    completed = return_page(centra, last=2, where={"status": ["COMPLETED"]})
    of_customers = return_page(centra, first=5, where={"customerId": [5, 6]}, sort=["id_DESC"])

    assert [ids(first), ids(rest), ids(completed), ids(of_customers)] == [
        [1, 2, 3, 4],
        [5, 6],
        [5, 6],
        [3, 2],
    ]
    assert {e["node"]["status"] for e in completed["edges"]} == {"COMPLETED"}
    assert [first["totalCount"], completed["totalCount"], of_customers["totalCount"]] == [6, 4, 2]
    assert [flags(first), flags(rest), flags(completed)] == [
        (False, True),
        (True, False),
        (True, False),
    ]


def test_returns_need_return_read(centra: CentraClient) -> None:
    made = centra.post("/_mock/tokens", json={"token": "orders", "permissions": ["Order:read"]})
    assert made.status_code == 201

    result = centra.graphql("{ returnConnection(first: 1) { totalCount } }", token="orders")

    assert [(e["message"], e["path"]) for e in result.errors] == [
        ("You need Return:read permission to access returnConnection.", ["returnConnection"])
    ]


# ---------------------------------------------------------------- index use


@pytest.mark.parametrize(
    "arguments",
    [
        {"first": 3, "after": cursor_of([["id", 5]])},
        {
            "last": 3,
            "before": cursor_of([["id", 9]]),
            "where": {"status": ["CONFIRMED", "SHIPPED"]},
        },
        {"last": 3, "where": {"storeType": "WHOLESALE"}, "sort": ["orderDate_ASC"]},
        {
            "first": 3,
            "where": {"storeId": [1]},
            "sort": ["createdAt_DESC"],
            "after": cursor_of([["createdAt", "2026-01-05T15:00:00+00:00"], ["id", 12]]),
        },
    ],
)
@fulfillment
def test_order_pages_and_counts_are_read_from_indexes(
    centra: CentraClient, arguments: dict[str, Any]
) -> None:
    """No statement of an order connection page walks a whole table or index: each reads
    from where the cursor points (the list's own index plan, see domain/orders/listing.py)."""
    engine = centra.runtime.db.engine
    statements: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM orders" in statement and not statement.startswith("EXPLAIN"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        result = centra.graphql(ORDERS, arguments)
    finally:
        event.remove(engine, "before_cursor_execute", grab)

    assert result.errors == []
    assert len(statements) >= 2  # the page (and the row before it, after a cursor), the count
    with engine.connect() as conn:
        plans = {
            statement: [
                row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, p)
            ]
            for statement, p in statements
        }
    scans = [
        (statement.startswith("SELECT count"), step)
        for statement, steps in plans.items()
        for step in steps
        if step.startswith("SCAN")
    ]
    # only a count of every order has to visit each one, and it does so from an index
    unfiltered = "where" not in arguments
    assert [step for is_count, step in scans if not (is_count and unfiltered)] == []
    assert [step for _, step in scans if "COVERING INDEX" not in step] == []
