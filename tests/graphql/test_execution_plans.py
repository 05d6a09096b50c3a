"""The executor keeps what it works out per selection with a cached document: the same text
sent again, with other variables, answers as if it were sent the first time."""

from __future__ import annotations

import pytest

from mockcentra.testing import CentraClient

ORDERS = (
    "query($withLines: Boolean!) { orders(limit: 2) { number "
    "lines @include(if: $withLines) { quantity } grandTotal { value } } }"
)


@pytest.mark.centra_scenario("fulfillment")
def test_a_directive_follows_each_request_variables(centra: CentraClient) -> None:
    with_lines = centra.graphql(ORDERS, {"withLines": True}).payload("orders")
    without = centra.graphql(ORDERS, {"withLines": False}).payload("orders")
    again = centra.graphql(ORDERS, {"withLines": True}).payload("orders")
    assert with_lines and all("lines" in order for order in with_lines)
    assert all("lines" not in order for order in without)
    assert again == with_lines


@pytest.mark.centra_scenario("fulfillment")
def test_a_repeated_document_answers_the_same(centra: CentraClient) -> None:
    query = (
        "{ orders(limit: 3) { number status createdAt lines { id quantity SKU "
        "unitPrice { value currency { code } } } shipments { number lines { quantity } } "
        "first: grandTotal { value } ... on Order { number } } }"
    )
    answers = [centra.graphql(query) for _ in range(3)]
    assert answers[0].payload("orders")
    assert all(a.body == answers[0].body for a in answers)


def test_the_same_text_with_another_operation_keeps_its_own_fields(centra: CentraClient) -> None:
    query = "query a { stores { id } } query b { stores { name } }"
    for _ in range(2):
        a = centra.graphql(query, operation_name="a").payload("stores")
        b = centra.graphql(query, operation_name="b").payload("stores")
        assert a and all(set(s) == {"id"} for s in a)
        assert all(set(s) == {"name"} for s in b)
