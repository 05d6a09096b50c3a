"""Vouchers over the Integration API: createVoucher, updateVoucher, vouchers and voucher."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.vouchers_support import (
    CREATE,
    UPDATE,
    amount,
    apply,
    create_voucher,
    free_shipping,
    pay,
    percent,
    priced_items,
    selection,
    voucher_input,
)

FULL = """query($id: Int!) { voucher(id: $id) {
  id name status method type code url priority maxUsages reuse combineWithOtherVouchers
  isExternal entryPointStrategy conversionHTML startAt stopAt successfulUsages
  store { id } markets { id }
  actions { id isEntryPoint entryPoint { id } continueStrategy
    criteria { type productVariants { id } shippingOptions { id } }
    result { id type applyOn percentOff priceOff { pricelist { id } value { value currency { code } } }
             shippingOptions { id } } } } }"""

LIST = """query($where: VoucherFilter, $limit: Int, $page: Int) {
  vouchers(where: $where, limit: $limit, page: $page) { code } }"""


def codes(centra: CentraClient, where: dict[str, Any] | None = None, **paging: Any) -> list:
    found = centra.graphql(LIST, {"where": where, **paging}).payload("vouchers")
    return [v["code"] for v in found]


def create(centra: CentraClient, **overrides: Any) -> dict[str, Any]:
    return centra.graphql(CREATE, {"input": voucher_input(**overrides)}).payload("createVoucher")


# ---------------------------------------------------------------- createVoucher


def test_create_voucher_stores_every_field_and_reads_back(centra: CentraClient) -> None:
    made = create_voucher(
        centra,
        name="Spring",
        code="SPRING",
        priority=3,
        maxUsages=10,
        reuse=False,
        combineWithOtherVouchers=False,
        conversionHTML="<img>",
        startAt="2030-03-01 08:00",
        stopAt="2030-06-01T00:00:00+0000",
        actions=[amount(50, kind="productTotal"), free_shipping()],
    )

    voucher = centra.graphql(FULL, {"id": made["id"]}).payload("voucher")

    assert {k: voucher[k] for k in ("name", "status", "method", "type", "code", "url")} == {
        "name": "Spring",
        "status": "ACTIVE",
        "method": "CODE",
        "type": "DISCOUNT",
        "code": "SPRING",
        "url": None,
    }
    assert voucher["startAt"] == "2030-03-01T08:00:00+01:00"  # naive: the store's zone
    assert voucher["stopAt"] == "2030-06-01T02:00:00+02:00"
    assert (voucher["priority"], voucher["maxUsages"], voucher["successfulUsages"]) == (3, 10, 0)
    assert (voucher["reuse"], voucher["combineWithOtherVouchers"], voucher["isExternal"]) == (
        False,
        False,
        False,
    )
    assert voucher["conversionHTML"] == "<img>"
    assert voucher["store"] == {"id": 1} and voucher["markets"] == [{"id": 1}]
    fixed, shipping = voucher["actions"]
    assert fixed["isEntryPoint"] is True and fixed["entryPoint"] is None
    assert fixed["criteria"] == [{"type": "ALWAYS", "productVariants": [], "shippingOptions": []}]
    assert fixed["result"] == {
        "id": fixed["id"],
        "type": "CHANGE_PRODUCT_TOTAL",
        "applyOn": "ORDER",
        "percentOff": None,
        "priceOff": [
            {"pricelist": {"id": 1}, "value": {"value": 50.0, "currency": {"code": "SEK"}}}
        ],
        "shippingOptions": [],
    }
    assert shipping["result"]["type"] == "SET_FREE_SHIPPING"
    assert shipping["result"]["shippingOptions"] is None  # every option


def test_create_voucher_generates_a_code_when_none_is_given(centra: CentraClient) -> None:
    made = create_voucher(centra, code=None)

    assert len(made["code"]) == 10 and made["code"].isalnum()


def test_sub_actions_follow_the_entry_point_above_them(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    entry = percent(10, criteria=[{"productVariants": [{"id": item.variant_id}]}])
    entry["continueStrategy"] = "SELECTED_PRODUCTS"
    sub = free_shipping([1])
    sub["entrypointAction"] = {"id": 12345}
    made = create_voucher(centra, actions=[entry, sub])

    actions = centra.graphql(FULL, {"id": made["id"]}).payload("voucher")["actions"]

    assert [a["isEntryPoint"] for a in actions] == [True, False]
    assert actions[1]["entryPoint"] == {"id": actions[0]["id"]}
    assert actions[0]["criteria"][0] == {
        "type": "PRODUCTS",
        "productVariants": [{"id": item.variant_id}],
        "shippingOptions": [],
    }


def test_create_voucher_needs_write_permission(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "ro", "permissions": ["Voucher:read"]})

    result = centra.graphql(CREATE, {"input": voucher_input()}, token="ro")

    assert result.errors[0]["message"] == (
        "You need Voucher:write permission to access createVoucher."
    )
    assert codes(centra) == []


def test_reading_vouchers_needs_read_permission(centra: CentraClient) -> None:
    create_voucher(centra)
    centra.post("/_mock/tokens", json={"token": "orders", "permissions": ["Order:read"]})

    result = centra.graphql("{ vouchers { id } }", token="orders")

    assert result.errors[0]["message"] == "You need Voucher:read permission to access vouchers."


def _action(**result: Any) -> dict[str, Any]:
    return {
        "entrypointAction": {"id": None},
        "addCriteria": [{"always": True}],
        "result": result,
        "continueStrategy": "ALL_PRODUCTS",
    }


def _off(value: float, pricelist: int = 1, currency: str = "SEK") -> dict[str, Any]:
    return {
        "selectedProducts": {
            "applyOn": "ORDER",
            "discount": {
                "priceOff": [
                    {
                        "pricelist": {"id": pricelist},
                        "value": {"value": value, "currencyIsoCode": currency},
                    }
                ]
            },
        }
    }


REFUSALS = [
    ({"name": "  "}, "Voucher name cannot be empty.", ["name"]),
    ({"stopAt": "-2 days"}, "stopAt must be later than startAt.", ["stopAt"]),
    ({"startAt": "someday"}, "Cannot read 'someday' as a date and time.", ["startAt"]),
    ({"maxUsages": -1}, "maxUsages must be 0 (unlimited) or more.", ["maxUsages"]),
    ({"method": "AUTO"}, "code is accepted only for the CODE method.", ["code"]),
    ({"method": "URL", "code": None}, "url is required for the URL method.", ["url"]),
    ({"url": "/spring"}, "url is accepted only for the URL method.", ["url"]),
    ({"store": {"id": 99}}, "Could not find store with ID 99.", ["store"]),
    ({"addMarkets": [{"id": 99}]}, "Could not find market with ID 99.", ["addMarkets", "0"]),
    (
        {"addMarkets": [{"id": 1}, {"id": 2}]},
        "Market 2 does not belong to store 1.",
        ["addMarkets", "1"],
    ),
    (
        {"actions": [{**percent(10), "entrypointAction": {"id": 7}}]},
        "The first action must be an entry point (entrypointAction: {id: null}).",
        ["actions", "0", "entrypointAction"],
    ),
    (
        {"actions": [{**percent(10), "addCriteria": []}]},
        "An action needs at least one criterion.",
        ["actions", "0", "addCriteria"],
    ),
    (
        {"actions": [{**percent(10), "addCriteria": [{"always": True, "oncePerCustomer": True}]}]},
        "Exactly one criterion field must be given.",
        ["actions", "0", "addCriteria", "0"],
    ),
    (
        {"actions": [{**percent(10), "addCriteria": [{"categories": [{"id": 1}]}]}]},
        "Criterion categories is not supported by mockcentra.",
        ["actions", "0", "addCriteria", "0", "categories"],
    ),
    (
        {"actions": [{**percent(10), "addCriteria": [{"productVariants": [{"id": 9999}]}]}]},
        "Could not find product variant with ID 9999.",
        ["actions", "0", "addCriteria", "0", "productVariants", "0"],
    ),
    (
        {"actions": [_action(**{"continue": True}, **free_shipping()["result"])]},
        "Exactly one result field must be given.",
        ["actions", "0", "result"],
    ),
    (
        {"actions": [percent(0)]},
        "percentOff must be more than 0 and at most 100.",
        ["actions", "0", "result", "selectedProducts", "discount", "percentOff"],
    ),
    (
        {"actions": [percent(150)]},
        "percentOff must be more than 0 and at most 100.",
        ["actions", "0", "result", "selectedProducts", "discount", "percentOff"],
    ),
    (
        {
            "actions": [
                _action(orderTotal={"applyOn": "ORDER", "discount": {"originalPercentOff": 10}})
            ]
        },
        "Discount originalPercentOff is not supported by mockcentra.",
        ["actions", "0", "result", "orderTotal", "discount", "originalPercentOff"],
    ),
    (
        {"actions": [_action(**_off(10, pricelist=5, currency="EUR"))]},
        "Pricelist 5 does not belong to store 1.",
        ["actions", "0", "result", "selectedProducts", "discount", "priceOff", "0", "pricelist"],
    ),
    (
        {"actions": [_action(**_off(10, currency="EUR"))]},
        "Currency EUR does not match the currency SEK of pricelist 1.",
        [
            "actions",
            "0",
            "result",
            "selectedProducts",
            "discount",
            "priceOff",
            "0",
            "value",
            "currencyIsoCode",
        ],
    ),
    (
        {"actions": [_action(**_off(0))]},
        "priceOff values must be more than 0.",
        [
            "actions",
            "0",
            "result",
            "selectedProducts",
            "discount",
            "priceOff",
            "0",
            "value",
            "value",
        ],
    ),
    (
        {"actions": [_action(freeShipping={"shippingOptions": [{"id": 77}]})]},
        "Could not find shipping option with ID 77.",
        ["actions", "0", "result", "freeShipping", "shippingOptions", "0"],
    ),
]


@pytest.mark.parametrize(("change", "message", "path"), REFUSALS)
def test_create_voucher_refusals_change_nothing(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    result = create(centra, **change)

    assert result == {
        "voucher": None,
        "userErrors": [{"message": message, "path": ["input", *path]}],
    }
    assert codes(centra) == []


def test_codes_are_unique_per_store_ignoring_case(centra: CentraClient) -> None:
    create_voucher(centra, code="SAVE10")

    result = create(centra, code="save10")

    assert result["userErrors"] == [
        {"message": "Voucher code save10 is already used in this store.", "path": ["input", "code"]}
    ]
    assert codes(centra) == ["SAVE10"]
    assert create(centra, code="SAVE10", store={"id": 2}, addMarkets=[{"id": 2}])["voucher"]


# ---------------------------------------------------------------- updateVoucher


def test_update_voucher_changes_only_what_is_given(centra: CentraClient) -> None:
    made = create_voucher(centra, name="Before", code="OLD", maxUsages=5)

    updated = centra.graphql(
        UPDATE,
        {
            "id": made["id"],
            "input": {
                "name": "After",
                "code": "NEW",
                "status": "INACTIVE",
                "startAt": "2031-01-01 00:00",
                "stopAt": "2031-02-01 00:00",
            },
        },
    ).ok("updateVoucher")["voucher"]

    assert updated == {
        "id": made["id"],
        "name": "After",
        "code": "NEW",
        "status": "INACTIVE",
        "startAt": "2031-01-01T00:00:00+01:00",
        "stopAt": "2031-02-01T00:00:00+01:00",
        "maxUsages": 5,
        "markets": [{"id": 1}],
    }


def test_update_voucher_adds_and_removes_markets(centra: CentraClient) -> None:
    made = create_voucher(centra, addMarkets=[])

    added = centra.graphql(UPDATE, {"id": made["id"], "input": {"addMarkets": [{"id": 1}]}}).ok(
        "updateVoucher"
    )["voucher"]
    removed = centra.graphql(
        UPDATE, {"id": made["id"], "input": {"removeMarkets": [{"id": 1}]}}
    ).ok("updateVoucher")["voucher"]

    assert added["markets"] == [{"id": 1}]
    assert removed["markets"] == []


UPDATE_REFUSALS = [
    ({"stopAt": "2000-01-01"}, "stopAt must be later than startAt.", ["input", "stopAt"]),
    ({"code": "TAKEN"}, "Voucher code TAKEN is already used in this store.", ["input", "code"]),
    ({"name": ""}, "Voucher name cannot be empty.", ["input", "name"]),
    ({"maxUsages": -3}, "maxUsages must be 0 (unlimited) or more.", ["input", "maxUsages"]),
    (
        {"removeMarkets": [{"id": 2}]},
        "Market 2 is not a market of voucher {id}.",
        ["input", "removeMarkets", "0"],
    ),
]


@pytest.mark.parametrize(("change", "message", "path"), UPDATE_REFUSALS)
def test_update_voucher_refusals_change_nothing(
    centra: CentraClient, change: dict[str, Any], message: str, path: list[str]
) -> None:
    create_voucher(centra, code="TAKEN")
    made = create_voucher(centra, code="MINE", name="Mine", maxUsages=4)
    before = centra.graphql(FULL, {"id": made["id"]}).payload("voucher")

    result = centra.graphql(UPDATE, {"id": made["id"], "input": change}).payload("updateVoucher")

    assert result == {
        "voucher": None,
        "userErrors": [{"message": message.format(id=made["id"]), "path": path}],
    }
    assert centra.graphql(FULL, {"id": made["id"]}).payload("voucher") == before


def test_update_voucher_to_auto_drops_the_code(centra: CentraClient) -> None:
    made = create_voucher(centra, code="GOING")

    updated = centra.graphql(UPDATE, {"id": made["id"], "input": {"method": "AUTO"}}).ok(
        "updateVoucher"
    )["voucher"]

    assert updated["code"] is None
    assert codes(centra, {"method": ["AUTO"]}) == [None]


def test_update_of_an_unknown_voucher_is_refused(centra: CentraClient) -> None:
    result = centra.graphql(UPDATE, {"id": 999, "input": {"name": "X"}}).payload("updateVoucher")

    assert result["userErrors"] == [
        {"message": "Could not find voucher with ID 999.", "path": ["id"]}
    ]


# ---------------------------------------------------------------- reads


def test_vouchers_filters(centra: CentraClient, centra_factories: Factories) -> None:
    create_voucher(centra, code="ALPHA", name="Alpha sale", maxUsages=5, externalId="ext-a")
    create_voucher(
        centra,
        code="BETA",
        name="Beta",
        status="INACTIVE",
        reuse=False,
        startAt="2030-01-01",
        stopAt="2031-01-01",
    )
    create_voucher(centra, code=None, method="AUTO", name="Auto", combineWithOtherVouchers=False)
    create_voucher(centra, code="B2B", store={"id": 2}, addMarkets=[{"id": 2}])
    [item] = priced_items(centra, centra_factories, ["99.88"])
    token = selection(centra_factories, [(item, 1)])
    apply(centra_factories, token, "ALPHA")
    assert pay(centra_factories, token).status_code == 200

    assert codes(centra) == ["ALPHA", "BETA", None, "B2B"]
    assert codes(centra, {"status": ["INACTIVE"]}) == ["BETA"]
    assert codes(centra, {"method": ["AUTO"]}) == [None]
    assert codes(centra, {"code": {"contains": "B"}}) == ["BETA", "B2B"]
    assert codes(centra, {"name": {"equals": "Alpha sale"}}) == ["ALPHA"]
    assert codes(centra, {"storeId": [2]}) == ["B2B"]
    assert codes(centra, {"marketId": [2]}) == ["B2B"]
    assert codes(centra, {"externalId": ["ext-a"]}) == ["ALPHA"]
    assert codes(centra, {"reuse": False}) == ["BETA"]
    assert codes(centra, {"combineWithOtherVouchers": False}) == [None]
    assert codes(centra, {"maxUsages": {"from": 1}}) == ["ALPHA"]
    assert codes(centra, {"successfulUsages": {"from": 1}}) == ["ALPHA"]
    assert codes(centra, {"successfulUsages": {"to": 0}}) == ["BETA", None, "B2B"]
    assert codes(centra, {"startAt": {"from": "2029-12-31"}}) == ["BETA"]
    assert codes(centra, {"search": "sale"}) == ["ALPHA"]
    assert codes(centra, {"id": []}) == []
    assert codes(centra, limit=2, page=2) == [None, "B2B"]
    successful = centra.graphql("{ vouchers { code successfulUsages } }").payload("vouchers")
    assert [v["successfulUsages"] for v in successful] == [1, 0, 0, 0]


def test_voucher_by_unknown_id_is_null(centra: CentraClient) -> None:
    assert centra.graphql("{ voucher(id: 4242) { id } }").payload("voucher") is None


def test_vouchers_limit_out_of_range_is_an_error(centra: CentraClient) -> None:
    result = centra.graphql("{ vouchers(limit: 0) { id } }")

    assert result.errors[0]["message"] == "limit must be between 1 and 1000."
