"""Vouchers in the Checkout API: applying codes, the amounts they take off, and the order.

Prices are set per test so that every amount is exact: 99.88 SEK and 49.95 SEK items, SE
(25% VAT), shipping option 1 at 49.00 SEK.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.support import order_of, stock_of
from tests.vouchers_support import (
    amount,
    apply,
    create_voucher,
    free_shipping,
    get_selection,
    order_count,
    pay,
    percent,
    priced_items,
    selection,
    usages,
)

NBSP = "\u00a0"


def sek(text: str) -> str:
    return text.replace(" ", NBSP) + f"{NBSP}SEK"


# ---------------------------------------------------------------- amounts and rounding


def test_percent_off_is_computed_per_unit_and_rounded_half_up(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # 12.5% of 99.88 = 12.485 -> 12.49 per unit; 3 units 37.47 (37.46 if rounded per line)
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="ROUND", actions=[percent(12.5)])
    token = selection(centra_factories, [(item, 3)])

    response = apply(centra_factories, token, "ROUND")

    assert response.status_code == 200, response.text
    sel = response.json()["selection"]
    [line] = sel["items"]
    assert line["priceEachAsNumber"] == 99.88
    assert line["totalPriceAsNumber"] == 299.64
    assert line["anyDiscount"] is False
    assert line["discounts"] == {
        "vouchers": [
            {
                "voucher": "ROUND",
                "priceOff": sek("-37.47"),
                "priceOffAsNumber": -37.47,
                "hasAffectedItemPrice": False,
            }
        ],
        "automaticDiscounts": [],
    }
    totals = sel["totals"]
    assert totals["itemsTotalPriceAsNumber"] == 299.64
    assert totals["totalDiscountPrice"] == sek("-37.47")
    assert totals["totalDiscountPriceAsNumber"] == -37.47
    assert totals["shippingPriceAsNumber"] == 49.0
    assert totals["grandTotalPrice"] == sek("311.17")
    assert totals["grandTotalPriceAsNumber"] == 311.17
    assert totals["grandTotalPriceTaxAsNumber"] == 62.23  # 311.17 x 25/125, half up
    [entry] = sel["discounts"]["vouchers"]
    assert entry == {
        "voucher": "ROUND",
        "type": "code",
        "description": "Ten percent",
        "priceOff": sek("-37.47"),
        "priceOffAsNumber": -37.47,
        "lines": [line["line"]],
        "shippingDiscount": sek("0.00"),
        "shippingDiscountAsNumber": 0,
        "expiryDate": entry["expiryDate"],
    }
    assert sel["discounts"]["anyDiscount"] is True
    assert sel["discounts"]["discount"] == sek("0.00")  # only automatic discounts count here
    assert sel["discounts"]["automaticDiscounts"] == []


def test_fixed_amount_off_the_order_is_spread_pro_rata_with_the_remainder_on_the_last_line(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # 100.00 over 3 x 99.88 and 1 x 49.95 (349.59): 28.57 per unit (85.71) and 14.29
    a, b = priced_items(centra, centra_factories, ["99.88", "49.95"])
    create_voucher(centra, code="HUNDRED", actions=[amount(100)])
    token = selection(centra_factories, [(a, 3), (b, 1)])

    sel = apply(centra_factories, token, "HUNDRED").json()["selection"]

    offs = {i["item"]: i["discounts"]["vouchers"][0]["priceOffAsNumber"] for i in sel["items"]}
    assert offs == {a.item: -85.71, b.item: -14.29}
    assert sel["totals"]["totalDiscountPriceAsNumber"] == -100.0
    assert sel["totals"]["grandTotalPriceAsNumber"] == 298.59  # 349.59 - 100 + 49

    receipt = pay(centra_factories, token).json()
    order = order_of(centra, int(receipt["order"]))
    assert [ln["unitPrice"]["value"] for ln in order["lines"]] == [71.31, 35.66]
    assert [ln["lineValue"]["value"] for ln in order["lines"]] == [213.93, 35.66]
    assert order["grandTotal"]["value"] == 298.59
    assert order["paymentHistory"][0]["value"]["value"] == 298.59


def test_cents_a_fixed_amount_cannot_spread_evenly_over_units_are_not_given(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # 10.00 over 3 units of 99.88: 3.33 each = 9.99; the last cent fits no unit
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="TEN", actions=[amount(10)])
    token = selection(centra_factories, [(item, 3)])

    sel = apply(centra_factories, token, "TEN").json()["selection"]

    assert sel["totals"]["totalDiscountPriceAsNumber"] == -9.99
    assert sel["totals"]["grandTotalPriceAsNumber"] == 338.65  # 299.64 - 9.99 + 49


def test_vouchers_stack_by_priority_each_on_the_prices_the_earlier_left(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # 10% first (priority 5): 9.99 and 5.00 per unit; then 100.00 over 89.89 x 3 and 44.95
    a, b = priced_items(centra, centra_factories, ["99.88", "49.95"])
    create_voucher(centra, code="FIXED", priority=1, actions=[amount(100)])
    create_voucher(centra, code="PCT", priority=5, actions=[percent(10)])
    token = selection(centra_factories, [(a, 3), (b, 1)])
    assert apply(centra_factories, token, "FIXED").status_code == 200

    sel = apply(centra_factories, token, "PCT").json()["selection"]

    by_code = {v["voucher"]: v["priceOffAsNumber"] for v in sel["discounts"]["vouchers"]}
    assert by_code == {"FIXED": -100.0, "PCT": -34.97}
    assert sel["totals"]["totalDiscountPriceAsNumber"] == -134.97
    assert sel["totals"]["grandTotalPriceAsNumber"] == 263.62  # 349.59 - 134.97 + 49

    receipt = pay(centra_factories, token).json()
    order = order_of(centra, int(receipt["order"]))
    assert [ln["unitPrice"]["value"] for ln in order["lines"]] == [61.32, 30.66]
    assert order["grandTotal"]["value"] == 263.62


def test_free_shipping_for_the_chosen_option_zeroes_shipping(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="SHIPFREE", actions=[free_shipping([1])])
    token = selection(centra_factories, [(item, 1)])

    sel = apply(centra_factories, token, "SHIPFREE").json()["selection"]

    assert sel["totals"]["shippingPriceAsNumber"] == 0.0
    assert sel["totals"]["totalDiscountPrice"] is False  # nothing off the items
    assert sel["totals"]["grandTotalPriceAsNumber"] == 99.88
    [entry] = sel["discounts"]["vouchers"]
    assert entry["priceOffAsNumber"] == 0
    assert entry["shippingDiscount"] == sek("-49.00")
    assert entry["freeShippingFor"] == ["1"]
    assert sel["discounts"]["anyDiscount"] is False

    receipt = pay(centra_factories, token).json()
    assert receipt["totals"]["shippingPriceAsNumber"] == 0.0
    assert receipt["totals"]["grandTotalPriceAsNumber"] == 99.88


def test_free_shipping_for_another_option_leaves_shipping_as_it_is(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="EURSHIP", actions=[free_shipping([2])])
    token = selection(centra_factories, [(item, 1)])

    sel = apply(centra_factories, token, "EURSHIP").json()["selection"]

    assert sel["totals"]["shippingPriceAsNumber"] == 49.0
    [entry] = sel["discounts"]["vouchers"]
    assert entry["shippingDiscountAsNumber"] == 0
    assert entry["freeShippingFor"] == ["2"]


def test_product_criteria_discount_only_the_selected_variants(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b = priced_items(centra, centra_factories, ["99.88", "49.95"])
    only_b = percent(20, criteria=[{"productVariants": [{"id": b.variant_id}]}])
    create_voucher(centra, code="ONLYB", actions=[only_b])
    token = selection(centra_factories, [(a, 1), (b, 2)])

    sel = apply(centra_factories, token, "ONLYB").json()["selection"]

    offs = {i["item"]: i["discounts"]["vouchers"] for i in sel["items"]}
    assert offs[a.item] == []
    assert offs[b.item][0]["priceOffAsNumber"] == -19.98  # 9.99 per unit
    assert sel["totals"]["totalDiscountPriceAsNumber"] == -19.98


def test_a_sub_action_works_on_the_products_its_entry_point_left_out(
    centra: CentraClient, centra_factories: Factories
) -> None:
    # entry point: 20% off product a, continue with the other products; sub-action: 10% off
    a, b = priced_items(centra, centra_factories, ["99.88", "49.95"])
    entry = percent(20, criteria=[{"productVariants": [{"id": a.variant_id}]}])
    entry["continueStrategy"] = "UNSELECTED_PRODUCTS"
    sub = percent(10)
    sub["entrypointAction"] = {"id": 0}
    create_voucher(centra, code="CHAIN", actions=[entry, sub])
    token = selection(centra_factories, [(a, 1), (b, 1)])

    sel = apply(centra_factories, token, "CHAIN").json()["selection"]

    offs = {i["item"]: i["discounts"]["vouchers"][0]["priceOffAsNumber"] for i in sel["items"]}
    assert offs == {a.item: -19.98, b.item: -5.0}  # 20% of 99.88; 10% of 49.95 = 4.995 -> 5.00


# ---------------------------------------------------------------- automatic vouchers


def test_an_automatic_voucher_applies_by_itself(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    auto = create_voucher(centra, name="Autumn", method="AUTO", code=None, actions=[percent(10)])

    sel = get_selection(centra_factories, selection(centra_factories, [(item, 2)]))

    assert sel["discounts"]["vouchers"] == []
    [entry] = sel["discounts"]["automaticDiscounts"]
    assert entry["automaticDiscount"] == str(auto["id"])
    assert entry["name"] == "Autumn"
    assert entry["priceOffAsNumber"] == -19.98
    assert sel["discounts"]["discountAsNumber"] == -19.98
    assert sel["items"][0]["discounts"]["automaticDiscounts"] == [
        {
            "automaticDiscount": auto["id"],
            "priceOff": sek("-19.98"),
            "priceOffAsNumber": -19.98,
            "hasAffectedItemPrice": False,
        }
    ]
    assert sel["totals"]["grandTotalPriceAsNumber"] == 228.78  # 199.76 - 19.98 + 49


def test_an_automatic_voucher_that_cannot_be_combined_gives_way_to_a_code(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(
        centra,
        method="AUTO",
        code=None,
        combineWithOtherVouchers=False,
        priority=99,
        actions=[percent(50)],
    )
    create_voucher(centra, code="CODE10", actions=[percent(10)])
    token = selection(centra_factories, [(item, 1)])
    assert get_selection(centra_factories, token)["totals"]["totalDiscountPriceAsNumber"] == -49.94

    sel = apply(centra_factories, token, "CODE10").json()["selection"]

    assert sel["discounts"]["automaticDiscounts"] == []
    assert sel["totals"]["totalDiscountPriceAsNumber"] == -9.99


def test_an_inactive_or_expired_automatic_voucher_does_not_apply(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, method="AUTO", code=None, status="INACTIVE")
    create_voucher(centra, method="AUTO", code=None, startAt="-3 days", stopAt="-1 day", name="Old")

    sel = get_selection(centra_factories, selection(centra_factories, [(item, 1)]))

    assert sel["discounts"]["automaticDiscounts"] == []
    assert sel["totals"]["totalDiscountPrice"] is False


# ---------------------------------------------------------------- refusals


def _refused(centra_factories: Factories, token: str, code: str, status: int, message: str):
    before = get_selection(centra_factories, token)
    response = apply(centra_factories, token, code)
    assert response.status_code == status, response.text
    assert response.json() == {"token": token, "errors": {"voucher": message}}
    assert get_selection(centra_factories, token) == before


def test_unknown_and_inactive_codes_are_not_found(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="SLEEPING", status="INACTIVE")
    token = selection(centra_factories, [(item, 1)])

    _refused(centra_factories, token, "NOPE", 404, "voucher not found")
    _refused(centra_factories, token, "SLEEPING", 404, "voucher not found")


def test_a_code_of_another_store_is_not_found(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="B2B", store={"id": 2}, addMarkets=[{"id": 2}])
    token = selection(centra_factories, [(item, 1)])

    _refused(centra_factories, token, "B2B", 404, "voucher not found")


def test_empty_code_is_required(centra: CentraClient, centra_factories: Factories) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    token = selection(centra_factories, [(item, 1)])

    _refused(centra_factories, token, "", 400, "voucher code is required")


def test_codes_outside_their_dates_are_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="LATER", startAt="+1 day", stopAt="+2 days")
    create_voucher(centra, code="GONE", startAt="-2 days", stopAt="-1 hour")
    token = selection(centra_factories, [(item, 1)])

    _refused(centra_factories, token, "LATER", 400, "voucher is not valid yet")
    _refused(centra_factories, token, "GONE", 400, "voucher has expired")


def test_a_code_not_in_the_selections_market_is_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="NOMARKET", addMarkets=[])
    token = selection(centra_factories, [(item, 1)])

    _refused(centra_factories, token, "NOMARKET", 400, "voucher is not valid in this market")


def test_a_code_whose_conditions_do_not_hold_is_refused(
    centra: CentraClient, centra_factories: Factories
) -> None:
    a, b = priced_items(centra, centra_factories, ["99.88", "49.95"])
    only_b = percent(20, criteria=[{"productVariants": [{"id": b.variant_id}]}])
    create_voucher(centra, code="ONLYB", actions=[only_b])
    token = selection(centra_factories, [(a, 1)])

    _refused(centra_factories, token, "ONLYB", 400, "voucher conditions are not met")


def test_a_code_applied_twice_is_refused(centra: CentraClient, centra_factories: Factories) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="ONCE")
    token = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, token, "ONCE").status_code == 200

    _refused(centra_factories, token, "once", 400, "voucher is already applied")


def test_vouchers_that_cannot_be_combined_are_refused_either_way(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="ALONE", combineWithOtherVouchers=False)
    create_voucher(centra, code="SOCIAL", actions=[amount(5)])
    first = selection(centra_factories, [(item, 1)])
    second = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, first, "ALONE").status_code == 200
    assert apply(centra_factories, second, "SOCIAL").status_code == 200

    _refused(
        centra_factories, first, "SOCIAL", 400, "voucher cannot be combined with other vouchers"
    )
    _refused(
        centra_factories, second, "ALONE", 400, "voucher cannot be combined with other vouchers"
    )


def test_codes_ignore_case_and_are_removed_by_code(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="Summer")
    token = selection(centra_factories, [(item, 1)])
    applied = apply(centra_factories, token, "SUMMER").json()["selection"]
    assert applied["totals"]["totalDiscountPriceAsNumber"] == -9.99
    assert applied["discounts"]["vouchers"][0]["voucher"] == "SUMMER"

    removed = centra_factories.checkout("vouchers/summer", method="DELETE", token=token)

    assert removed.status_code == 200
    sel = removed.json()["selection"]
    assert sel["discounts"]["vouchers"] == []
    assert sel["totals"]["totalDiscountPrice"] is False
    assert sel["totals"]["grandTotalPriceAsNumber"] == 148.88
    again = centra_factories.checkout("vouchers/summer", method="DELETE", token=token)
    assert again.status_code == 404
    assert again.json()["errors"] == {"voucher": "voucher not found"}


def test_a_removed_market_stops_the_code_but_keeps_it_listed_with_nothing_off(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    voucher = create_voucher(centra, code="MARKETED")
    token = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, token, "MARKETED").status_code == 200

    centra.graphql(
        "mutation($id:Int!){updateVoucher(id:$id,input:{removeMarkets:[{id:1}]}){userErrors{message}}}",
        {"id": voucher["id"]},
    ).ok("updateVoucher")

    sel = get_selection(centra_factories, token)
    [entry] = sel["discounts"]["vouchers"]
    assert entry["voucher"] == "MARKETED" and entry["priceOffAsNumber"] == 0
    assert sel["totals"]["totalDiscountPrice"] is False
    response = pay(centra_factories, token)
    assert response.status_code == 400
    assert response.json()["errors"] == {"voucher": "voucher is not valid in this market"}


# ---------------------------------------------------------------- payment, order and usage


def test_the_order_carries_discounted_lines_and_the_voucher(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    voucher = create_voucher(centra, code="ROUND", name="Round", actions=[percent(12.5)])
    token = selection(centra_factories, [(item, 3)])
    apply(centra_factories, token, "ROUND")

    response = pay(centra_factories, token)

    assert response.status_code == 200, response.text
    receipt = response.json()
    [line] = receipt["items"]
    assert line["priceEachAsNumber"] == 87.39
    assert line["priceEachBeforeDiscountAsNumber"] == 99.88
    assert line["priceEachReductionAsNumber"] == 12.49
    assert line["totalPriceAsNumber"] == 262.17
    assert line["anyDiscount"] is True
    assert line["discounts"]["vouchers"] == [
        {
            "voucher": "ROUND",
            "priceOff": sek("-37.47"),
            "priceOffAsNumber": -37.47,
            "hasAffectedItemPrice": True,
        }
    ]
    assert receipt["totals"]["itemsTotalPriceAsNumber"] == 262.17
    assert receipt["totals"]["totalDiscountPriceAsNumber"] == -37.47
    assert receipt["totals"]["grandTotalPriceAsNumber"] == 311.17
    assert receipt["discounts"]["vouchers"][0]["priceOffAsNumber"] == -37.47
    query = """query($n:[Int!]){ orders(where:{number:$n}) {
      voucherCodes
      totals { discounts { value } itemsSubtotal { value } }
      lines { unitPrice { value } unitOriginalPrice { value } hasAnyDiscount discountPercent }
      discountsApplied { value { value } date
        ... on AppliedDiscount { voucher { id name code type } discount { name code type } }
        voucherName voucherMethod code url } } }"""
    [order] = centra.graphql(query, {"n": [int(receipt["order"])]}).payload("orders")
    assert order["voucherCodes"] == ["ROUND"]
    assert order["totals"] == {"discounts": {"value": 37.47}, "itemsSubtotal": {"value": 262.17}}
    assert order["lines"] == [
        {
            "unitPrice": {"value": 87.39},
            "unitOriginalPrice": {"value": 99.88},
            "hasAnyDiscount": True,
            "discountPercent": 12.51,
        }
    ]
    [applied] = order["discountsApplied"]
    assert applied["value"] == {"value": 37.47}
    assert applied["voucher"] == {
        "id": voucher["id"],
        "name": "Round",
        "code": "ROUND",
        "type": "DISCOUNT",
    }
    assert applied["discount"] == {"name": "Round", "code": "ROUND", "type": "DISCOUNT"}
    assert (applied["voucherName"], applied["voucherMethod"]) == ("Round", "CODE")
    assert (applied["code"], applied["url"]) == ("ROUND", None)
    assert usages(centra, voucher["id"]) == 1


def test_an_order_without_vouchers_counts_no_usage_and_has_no_codes(
    centra: CentraClient, centra_factories: Factories
) -> None:
    voucher = create_voucher(centra, code="UNUSED")
    placed = centra_factories.place_order()

    [order] = centra.graphql(
        "query($n:[Int!]){ orders(where:{number:$n}) { voucherCodes } }", {"n": [placed.number]}
    ).payload("orders")

    assert order["voucherCodes"] == []
    assert placed.receipt["discounts"]["vouchers"] == []
    assert placed.receipt["totals"]["totalDiscountPrice"] is False
    assert usages(centra, voucher["id"]) == 0


def test_max_usages_stops_the_code_after_that_many_orders(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    voucher = create_voucher(centra, code="TWICE", maxUsages=2)
    waiting = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, waiting, "TWICE").status_code == 200
    for email in ("a@example.com", "b@example.com"):
        token = selection(centra_factories, [(item, 1)])
        apply(centra_factories, token, "TWICE")
        assert pay(centra_factories, token, email).status_code == 200
    assert usages(centra, voucher["id"]) == 2

    _refused(
        centra_factories,
        selection(centra_factories, [(item, 1)]),
        "TWICE",
        400,
        "voucher has been used the maximum number of times",
    )
    orders_before = order_count(centra)
    stock_before = stock_of(centra, item.product_size_id)
    late = pay(centra_factories, waiting, "c@example.com")
    assert late.status_code == 400
    assert late.json()["errors"] == {"voucher": "voucher has been used the maximum number of times"}
    assert order_count(centra) == orders_before
    assert stock_of(centra, item.product_size_id) == stock_before
    assert usages(centra, voucher["id"]) == 2


def test_a_voucher_without_reuse_is_refused_at_payment_for_the_same_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    voucher = create_voucher(centra, code="WELCOME", reuse=False)
    first = selection(centra_factories, [(item, 1)])
    apply(centra_factories, first, "WELCOME")
    assert pay(centra_factories, first, "Jon.Snow@example.com").status_code == 200
    second = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, second, "WELCOME").status_code == 200  # email not known yet
    orders_before = order_count(centra)

    response = pay(centra_factories, second, "jon.snow@example.com")

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "voucher": "voucher has already been used by this customer"
    }
    assert order_count(centra) == orders_before
    assert usages(centra, voucher["id"]) == 1
    assert pay(centra_factories, second, "arya@example.com").status_code == 200
    assert usages(centra, voucher["id"]) == 2


def test_a_voucher_without_reuse_is_refused_when_applied_with_a_known_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    create_voucher(centra, code="WELCOME", reuse=False)
    first = selection(centra_factories, [(item, 1)])
    apply(centra_factories, first, "WELCOME")
    assert pay(centra_factories, first).status_code == 200
    token = selection(centra_factories, [(item, 1)])
    centra_factories.checkout(
        "selection", method="PUT", token=token, json={"address": {"email": "jon.snow@example.com"}}
    )

    _refused(
        centra_factories, token, "WELCOME", 400, "voucher has already been used by this customer"
    )


def test_a_voucher_reused_by_design_is_accepted_for_the_same_email(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    voucher = create_voucher(centra, code="ALWAYS", reuse=True)
    for _ in range(2):
        token = selection(centra_factories, [(item, 1)])
        apply(centra_factories, token, "ALWAYS")
        assert pay(centra_factories, token).status_code == 200

    assert usages(centra, voucher["id"]) == 2


def test_a_code_that_expires_before_payment_is_refused_and_nothing_is_placed(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    now = datetime.now(UTC).replace(microsecond=0)
    centra.post("/_mock/clock", json={"freeze": now.isoformat()})
    stop = (now + timedelta(hours=1)).isoformat()
    create_voucher(centra, code="HOUR", startAt=(now - timedelta(days=1)).isoformat(), stopAt=stop)
    token = selection(centra_factories, [(item, 1)])
    assert apply(centra_factories, token, "HOUR").status_code == 200
    centra.post("/_mock/clock", json={"advanceSeconds": 7200})
    orders_before = order_count(centra)

    response = pay(centra_factories, token)

    assert response.status_code == 400
    assert response.json()["errors"] == {"voucher": "voucher has expired"}
    assert order_count(centra) == orders_before
    sel = get_selection(centra_factories, token)
    assert sel["discounts"]["vouchers"][0]["priceOffAsNumber"] == 0


def test_a_declined_payment_counts_no_usage(
    centra: CentraClient, centra_factories: Factories
) -> None:
    [item] = priced_items(centra, centra_factories, ["99.88"])
    voucher = create_voucher(centra, code="DECLINE", maxUsages=1)
    token = selection(centra_factories, [(item, 1)])
    apply(centra_factories, token, "DECLINE")

    response = pay(
        centra_factories, token, paymentMethodSpecificFields={"authorization": "decline"}
    )

    assert response.status_code == 402, response.text
    assert usages(centra, voucher["id"]) == 0
    assert pay(centra_factories, token).status_code == 200
    assert usages(centra, voucher["id"]) == 1
