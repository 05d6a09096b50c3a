"""The voucher engine's arithmetic and rules, as pure functions (docs/vouchers.md)."""

from decimal import Decimal

from mockcentra.domain.vouchers import engine
from mockcentra.domain.vouchers.status import (
    ContinueStrategy,
    CriteriaType,
    EntryPointStrategy,
    ResultType,
)

D = Decimal
ALWAYS = (engine.Criterion(CriteriaType.ALWAYS),)


def action(i, result=ResultType.CHANGE_SELECTED_PRODUCTS_PRICE, criteria=ALWAYS, **kw):
    return engine.Action(
        id=i,
        entry_point_id=kw.pop("entry", None),
        continue_strategy=kw.pop("cont", ContinueStrategy.ALL_PRODUCTS),
        criteria=criteria,
        result_type=result,
        **kw,
    )


def voucher(i, *actions, priority=0, combinable=True, strategy=None):
    return engine.Voucher(
        id=i,
        name=f"v{i}",
        priority=priority,
        combinable=combinable,
        strategy=strategy or EntryPointStrategy.APPLY_ALL_IF_ALL_APPLY,
        actions=actions,
    )


LINES = [
    engine.Line("a", variant_id=1, unit_price=D("99.88"), quantity=3),
    engine.Line("b", variant_id=2, unit_price=D("49.95"), quantity=1),
]
CTX = engine.Context(pricelist_id=1, shipping_option_id=1, shipping_price=D("49.00"))


def test_percent_is_per_unit_half_up_and_never_above_the_price() -> None:
    assert engine.percent_of(D("99.88"), D("12.5")) == D("12.49")  # 12.485
    assert engine.percent_of(D("9.96"), D("12.5")) == D("1.25")  # 1.245, half up not even
    assert engine.percent_of(D("10.00"), D("100")) == D("10.00")


def test_spread_is_pro_rata_in_whole_cents_with_the_rest_on_the_last_line() -> None:
    targets = [("a", D("99.88"), 3), ("b", D("49.95"), 1)]
    assert engine.spread(D("100"), targets) == {"a": D("28.57"), "b": D("14.29")}
    assert engine.spread(D("10"), [("a", D("99.88"), 3)]) == {"a": D("3.33")}
    assert engine.spread(D("1000"), targets) == {"a": D("99.88"), "b": D("49.95")}  # capped
    assert engine.spread(D("0"), targets) == {}


def test_vouchers_apply_by_priority_and_a_lone_voucher_blocks_the_rest() -> None:
    pct = voucher(1, action(1, percent_off=D("10")), priority=5)
    fixed = voucher(2, action(2, ResultType.CHANGE_ORDER_TOTAL, price_off={1: D("100")}))
    lone = voucher(3, action(3, percent_off=D("50")), combinable=False)

    stacked = engine.apply_vouchers(LINES, [fixed, pct], [], CTX)
    blocked = engine.apply_vouchers(LINES, [pct], [lone], CTX)

    assert [e.voucher.id for e in stacked.effects] == [1, 2]
    assert stacked.items_off == D("134.97")
    assert stacked.unit_price("a") == D("61.32") and stacked.unit_price("b") == D("30.66")
    assert [e.voucher.id for e in blocked.effects] == [1] and blocked.skipped == [lone]


def test_entry_point_strategies() -> None:
    only_b = (engine.Criterion(CriteriaType.PRODUCTS, variant_ids=frozenset({2})),)
    never = (engine.Criterion(CriteriaType.PRODUCTS, variant_ids=frozenset({9})),)
    hits = action(1, criteria=only_b, percent_off=D("10"))
    misses = action(2, criteria=never, percent_off=D("10"))
    everything = action(3, percent_off=D("20"))

    all_if_all = voucher(1, hits, misses)
    all_that = voucher(2, hits, misses, strategy=EntryPointStrategy.APPLY_ALL_THAT_APPLY)
    first = voucher(3, hits, everything, strategy=EntryPointStrategy.APPLY_FIRST_THAT_APPLIES)

    assert engine.evaluate(all_if_all, LINES, {"a": D("99.88"), "b": D("49.95")}, D(0), CTX) is None
    that = engine.apply_vouchers(LINES, [all_that], [], CTX)
    assert that.items_off == D("5.00")
    assert engine.apply_vouchers(LINES, [first], [], CTX).items_off == D("5.00")


def test_continue_strategies_hand_on_the_right_products() -> None:
    only_a = (engine.Criterion(CriteriaType.PRODUCTS, variant_ids=frozenset({1})),)
    for cont, expected in (
        (ContinueStrategy.SELECTED_PRODUCTS, {"a": D("18.98")}),  # 9.99 + 8.99 (10% of 89.89)
        (ContinueStrategy.UNSELECTED_PRODUCTS, {"a": D("9.99"), "b": D("5.00")}),
        (ContinueStrategy.ALL_PRODUCTS, {"a": D("18.98"), "b": D("5.00")}),
    ):
        entry = action(1, criteria=only_a, percent_off=D("10"), cont=cont)
        sub = action(2, percent_off=D("10"), entry=1)
        outcome = engine.apply_vouchers(LINES, [voucher(1, entry, sub)], [], CTX)
        assert outcome.effects[0].unit_off == expected, cont


def test_conditions_on_the_customer_and_the_shipping_option() -> None:
    once = (engine.Criterion(CriteriaType.ONCE_PER_CUSTOMER),)
    sek_only = (engine.Criterion(CriteriaType.SHIPPING_LIST, shipping_option_ids=frozenset({1})),)
    first_time = voucher(1, action(1, criteria=once, percent_off=D("10")))
    shipping = voucher(2, action(2, ResultType.SET_FREE_SHIPPING, criteria=sek_only))
    used = engine.Context(1, 2, D("49.00"), used_vouchers=frozenset({1}))

    assert engine.apply_vouchers(LINES, [first_time], [], CTX).items_off == D("34.97")
    assert engine.apply_vouchers(LINES, [first_time], [], used).effects == []
    assert engine.apply_vouchers(LINES, [shipping], [], CTX).shipping_after == D("0.00")
    assert engine.apply_vouchers(LINES, [shipping], [], used).effects == []
