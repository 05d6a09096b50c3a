"""The `format:` argument every date field takes (PHP `date()` patterns) and `counters`."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from mockcentra.runtime.phpdate import php_date
from mockcentra.testing import CentraClient

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("Y-m-d", "2022-01-03"),
        ("Y-m-d\\TH:i:sO", "2022-01-03T09:04:02+0100"),
        ("c", "2022-01-03T09:04:02+01:00"),
        ("D, d M Y H:i:s O", "Mon, 03 Jan 2022 09:04:02 +0100"),
        ("l jS F y, g:i a", "Monday 3rd January 22, 9:04 am"),
        ("N w z W t L o", "1 1 2 01 31 0 2022"),
        ("G h A P T e Z", "9 09 AM +01:00 CET Europe/Stockholm 3600"),
        ("U", "1641197042"),
        ("\\Y\\m\\d Y", "Ymd 2022"),
        ("y/n/j q", "22/1/3 q"),
    ],
)
def test_php_patterns_print_as_php_does(pattern: str, expected: str) -> None:
    moment = datetime(2022, 1, 3, 9, 4, 2, tzinfo=STOCKHOLM)
    assert php_date(moment, pattern) == expected


def test_ordinal_suffixes_and_summer_time() -> None:
    assert [php_date(date(2024, 5, d), "jS") for d in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
    ]
    summer = datetime(2024, 7, 1, 12, 0, tzinfo=STOCKHOLM)
    assert php_date(summer, "I O T") == "1 +0200 CEST"


def test_date_fields_print_with_a_format_in_the_instance_zone(centra: CentraClient) -> None:
    # Given the demo's first product (created 2024-01-08 09:00 UTC, Stockholm is UTC+1)
    result = centra.graphql(
        """{ products(limit: 1) { createdAt
             iso: updatedAt(format: "Y-m-d\\\\TH:i:sO") day: createdAt(format: "Y-m-d")
             variants { updatedAt(format: "D, d M Y H:i") } } }"""
    ).payload("products")[0]
    # Then each field prints with its own pattern; without one, ISO 8601 as before
    assert result["createdAt"] == "2024-01-08T10:00:00+01:00"
    assert result["iso"] == "2024-01-08T10:00:00+0100"
    assert result["day"] == "2024-01-08"
    assert {v["updatedAt"] for v in result["variants"]} == {"Mon, 08 Jan 2024 10:00"}


def test_date_only_fields_take_a_format_too(centra: CentraClient) -> None:
    made = centra.graphql(
        """mutation { createPriceAlteration(input: {name: "Sale", status: INACTIVE,
          store: {id: 2}, startDate: "2022-03-29"}) {
          priceAlteration { startDate short: startDate(format: "d/m/Y") } userErrors { message } } }"""
    ).ok("createPriceAlteration")["priceAlteration"]
    assert made == {"startDate": "2022-03-29", "short": "29/03/2022"}


def test_counters_count_what_the_lists_find_over_all_pages(centra: CentraClient) -> None:
    # Given the demo's 20 products, one of them inactive
    result = centra.graphql(
        """query($status: [ProductStatus!]!) {
          products(where: {status: $status}, limit: 5, page: 1) { id }
          counters { products(where: {status: $status}) all: products graphQLAccess
                     customers(where: {storeId: 1}) } }""",
        {"status": ["ACTIVE"]},
    )
    data = result.data
    assert data is not None
    assert len(data["products"]) == 5
    assert data["counters"] == {
        "products": 19,
        "all": 20,
        "graphQLAccess": 2,  # the default token and the admin token
        "customers": 0,
    }
    assert result.extensions["permissionsUsed"] == [
        "Product:read",
        "GraphQLAccess:read",
        "Customer:read",
    ]


def test_the_customer_counter_follows_checkouts(centra: CentraClient, centra_factories) -> None:
    query = "{ counters { customers retail: customers(where: {storeId: 1}) } }"
    assert centra.graphql(query).payload("counters") == {"customers": 0, "retail": 0}

    centra_factories.place_order()

    assert centra.graphql(query).payload("counters") == {"customers": 1, "retail": 1}


def test_the_order_counter_takes_the_orders_filter(centra: CentraClient, centra_factories) -> None:
    query = """{ counters { orders retail: orders(where: {storeId: 1})
      wholesale: orders(where: {storeType: WHOLESALE}) confirmed: orders(where: {status: CONFIRMED}) } }"""
    before = centra.graphql(query).payload("counters")

    placed = centra_factories.place_order()
    centra_factories.place_order()
    centra_factories.confirm(placed.number)

    after = centra.graphql(query).payload("counters")
    assert after["orders"] == before["orders"] + 2
    assert after["retail"] == before["retail"] + 2
    assert after["wholesale"] == before["wholesale"]
    assert after["confirmed"] == before["confirmed"] + 1
    listed = centra.graphql("{ orders(limit: 1000) { number } }").payload("orders")
    assert after["orders"] == len(listed)
