"""The `vouchers` and `wholesale` scenario files load and answer through the APIs."""

from __future__ import annotations

from collections import Counter

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories

VOUCHERS = "{ vouchers { code status method successfulUsages maxUsages reuse } }"


@pytest.mark.centra_scenario("vouchers")
def test_vouchers_scenario_has_its_codes_and_their_usage(centra: CentraClient) -> None:
    vouchers = centra.graphql(VOUCHERS).payload("vouchers")

    assert [(v["code"], v["status"], v["successfulUsages"]) for v in vouchers] == [
        ("WELCOME10", "ACTIVE", 2),
        ("SAVE100", "ACTIVE", 2),
        ("FREESHIP", "ACTIVE", 1),
        ("ONCE50", "ACTIVE", 1),
        ("SUMMER23", "ACTIVE", 0),
        ("PAUSED", "INACTIVE", 0),
    ]
    assert vouchers[3]["maxUsages"] == 1 and vouchers[0]["reuse"] is False


@pytest.mark.centra_scenario("vouchers")
def test_vouchers_scenario_orders_carry_their_codes(centra: CentraClient) -> None:
    orders = centra.graphql(
        "{ orders(limit: 50) { status voucherCodes discountsApplied { value { value } } } }"
    ).payload("orders")

    assert Counter(code for o in orders for code in o["voucherCodes"]) == {
        "WELCOME10": 2,
        "SAVE100": 2,
        "FREESHIP": 1,
        "ONCE50": 1,
    }
    assert sum(1 for o in orders if not o["voucherCodes"]) == 2


@pytest.mark.centra_scenario("vouchers")
@pytest.mark.parametrize(
    ("code", "status", "answer"),
    [
        ("SAVE100", 200, None),
        ("ONCE50", 400, "voucher has been used the maximum number of times"),
        ("SUMMER23", 400, "voucher has expired"),
        ("PAUSED", 404, "voucher not found"),
    ],
)
def test_vouchers_scenario_codes_at_checkout(
    centra: CentraClient, code: str, status: int, answer: str | None
) -> None:
    factories = Factories(centra)
    added = factories.checkout(f"items/{factories.sellable_item().item}", json={"quantity": 1})
    token = added.json()["token"]

    response = factories.checkout("vouchers", token=token, json={"voucher": code})

    assert response.status_code == status
    if answer is None:
        assert [v["voucher"] for v in response.json()["selection"]["discounts"]["vouchers"]] == [
            code
        ]
    else:
        assert response.json()["errors"] == {"voucher": answer}


@pytest.mark.centra_scenario("wholesale")
def test_wholesale_scenario_has_accounts_buyers_and_windows(centra: CentraClient) -> None:
    data = centra.graphql(
        """{ accounts { name status buyers { status } }
             deliveryWindows { name __typename } }"""
    )

    assert [(a["name"], len(a["buyers"])) for a in data.payload("accounts")] == [
        ("Nordic Boutique AB", 2),
        ("Berlin Concept Store GmbH", 1),
        ("Maison Paris SARL", 1),
    ]
    assert [(w["name"], w["__typename"]) for w in data.payload("deliveryWindows")] == [
        ("Immediate", "AtOnceDeliveryWindow"),
        ("AW30", "PreorderDeliveryWindow"),
    ]


@pytest.mark.centra_scenario("wholesale")
def test_wholesale_scenario_orders_and_a_new_one(centra: CentraClient) -> None:
    query = """{ orders(where: {storeType: WHOLESALE}, limit: 50) { number status
        ... on WholesaleOrder { purchaseOrderNumber account { name } deliveryWindows { name } } } }"""
    before = centra.graphql(query).payload("orders")
    size = centra.graphql("{ productSizes(limit: 1) { id } }").payload("productSizes")[0]["id"]

    placed = centra.graphql(
        """mutation($s:Int!){ createWholesaleOrder(input: {account: {id: 2},
             deliveryWindow: {id: 1}, lines: [{productSize: {id: $s}, quantity: 2}]}) {
           order { number status } userErrors { message } } }""",
        {"s": size},
    ).ok("createWholesaleOrder")

    assert [(o["purchaseOrderNumber"], o["account"]["name"], o["status"]) for o in before] == [
        ("PO-1001", "Nordic Boutique AB", "CONFIRMED"),
        ("PO-1002", "Nordic Boutique AB", "PENDING"),
        ("PO-1003", "Berlin Concept Store GmbH", "PENDING"),
        ("PO-1004", "Maison Paris SARL", "CONFIRMED"),
        ("PO-1005", "Berlin Concept Store GmbH", "SHIPPED"),
        ("PO-1006", "Nordic Boutique AB", "SHIPPED"),
    ]
    assert placed["order"] == {"number": 7, "status": "PENDING"}
