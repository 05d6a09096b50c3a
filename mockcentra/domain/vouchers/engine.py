"""Applying vouchers to a selection: a pure function from lines and vouchers to discounts.

Nothing here touches the database; `domain/checkout/vouchers.py` builds the inputs from rows.

Rules (docs/vouchers.md has worked examples):
- Code and URL vouchers apply first, then automatic ones; within each group the highest
  `priority` first, then the oldest. Each voucher works on the unit prices the earlier ones
  left, and never takes a unit below zero.
- A voucher that cannot be combined is applied only alone; an automatic voucher that would
  break that rule is skipped.
- Percent off is computed per unit on the unit's current price and rounded half up to the
  cent (also for product and order totals).
- A fixed amount off several lines is spread pro rata to their values, in whole cents per
  unit: each unit gets floor(amount x unit price / total); the cents left over go to the
  lines from the last one up, as far as they divide by the line's quantity. Cents that fit no
  line are not given (only possible when every line has a quantity above one).
- Entry points are decided first (`entryPointStrategy`); each chosen entry point applies its
  result to the products its criteria selected, then its sub-actions follow in order, each on
  the products the previous action's `continueStrategy` hands on. A sub-action whose criteria
  fail ends its chain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from mockcentra.domain.money import CENT, ZERO
from mockcentra.domain.vouchers.status import (
    ContinueStrategy,
    CriteriaType,
    EntryPointStrategy,
    ResultType,
)

#: Results that need at least one selected product to apply.
_NEEDS_PRODUCTS = {ResultType.CHANGE_SELECTED_PRODUCTS_PRICE, ResultType.CHANGE_PRODUCT_TOTAL}


@dataclass(frozen=True)
class Line:
    """One selection line: `key` is the line's id, `unit_price` the pricelist price."""

    key: str
    variant_id: int
    unit_price: Decimal
    quantity: int


@dataclass(frozen=True)
class Criterion:
    type: CriteriaType
    variant_ids: frozenset[int] = frozenset()
    shipping_option_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Action:
    id: int
    entry_point_id: int | None
    continue_strategy: ContinueStrategy
    criteria: tuple[Criterion, ...]
    result_type: ResultType
    percent_off: Decimal | None = None
    #: Fixed amount per pricelist id.
    price_off: Mapping[int, Decimal] = field(default_factory=dict)
    #: Shipping options made free; None means every option.
    shipping_option_ids: frozenset[int] | None = None


@dataclass(frozen=True)
class Voucher:
    id: int
    name: str
    priority: int
    combinable: bool
    strategy: EntryPointStrategy
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Context:
    pricelist_id: int
    shipping_option_id: int | None
    shipping_price: Decimal
    #: Vouchers the shopper's email has already used (for ONCE_PER_CUSTOMER).
    used_vouchers: frozenset[int] = frozenset()


@dataclass
class Effect:
    """What one voucher gave: an amount off each unit of some lines, and off shipping."""

    voucher: Voucher
    unit_off: dict[str, Decimal]
    line_off: dict[str, Decimal]
    shipping_off: Decimal
    free_shipping_for: tuple[int, ...] | None

    @property
    def items_off(self) -> Decimal:
        return sum(self.line_off.values(), ZERO)


@dataclass
class Outcome:
    lines: list[Line]
    effects: list[Effect]
    shipping_price: Decimal
    skipped: list[Voucher] = field(default_factory=list)

    def unit_off(self, key: str) -> Decimal:
        return sum((e.unit_off.get(key, ZERO) for e in self.effects), ZERO)

    def unit_price(self, key: str) -> Decimal:
        line = next(ln for ln in self.lines if ln.key == key)
        return line.unit_price - self.unit_off(key)

    @property
    def items_off(self) -> Decimal:
        return sum((e.items_off for e in self.effects), ZERO)

    @property
    def shipping_off(self) -> Decimal:
        return sum((e.shipping_off for e in self.effects), ZERO)

    @property
    def shipping_after(self) -> Decimal:
        return self.shipping_price - self.shipping_off

    def effect_of(self, voucher_id: int) -> Effect | None:
        return next((e for e in self.effects if e.voucher.id == voucher_id), None)


# ---------------------------------------------------------------- arithmetic


def percent_of(price: Decimal, percent: Decimal) -> Decimal:
    """`percent` % of one unit's price, half up to the cent, at most the price."""
    off = (price * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return max(ZERO, min(off, price))


def spread(amount: Decimal, targets: Sequence[tuple[str, Decimal, int]]) -> dict[str, Decimal]:
    """A fixed amount over (key, unit price, quantity) lines, as whole cents per unit."""
    units = [(key, int((price * 100).to_integral_value()), qty) for key, price, qty in targets]
    total = sum(price * qty for _, price, qty in units)
    cents = min(int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP)), total)
    if cents <= 0 or total <= 0:
        return {}
    per_unit = {key: cents * price // total for key, price, _ in units}
    left = cents - sum(per_unit[key] * qty for key, _, qty in units)
    for key, price, qty in reversed(units):
        if left <= 0:
            break
        extra = min(left // qty, price - per_unit[key])
        per_unit[key] += extra
        left -= extra * qty
    return {key: Decimal(c) / 100 for key, c in per_unit.items() if c}


# ---------------------------------------------------------------- one voucher


def _select(
    criteria: Iterable[Criterion], pool: Sequence[Line], ctx: Context, voucher_id: int
) -> list[Line] | None:
    """The lines the criteria pick from `pool`, or None when a condition fails."""
    chosen = list(pool)
    for c in criteria:
        if c.type == CriteriaType.PRODUCTS:
            chosen = [ln for ln in chosen if ln.variant_id in c.variant_ids]
        elif c.type == CriteriaType.EXCLUDE_PRODUCTS:
            chosen = [ln for ln in chosen if ln.variant_id not in c.variant_ids]
        elif c.type == CriteriaType.ONCE_PER_CUSTOMER:
            if voucher_id in ctx.used_vouchers:
                return None
        elif c.type == CriteriaType.SHIPPING_LIST:
            if ctx.shipping_option_id not in c.shipping_option_ids:
                return None
    return chosen


def _holds(action: Action, chosen: list[Line] | None, lines: Sequence[Line]) -> bool:
    if chosen is None:
        return False
    if action.result_type in _NEEDS_PRODUCTS:
        return bool(chosen)
    if action.result_type == ResultType.CHANGE_ORDER_TOTAL:
        return bool(lines)
    return True


class _Work:
    """Prices as they stand while one voucher is worked out."""

    def __init__(self, lines: Sequence[Line], prices: dict[str, Decimal], shipping: Decimal):
        self.lines = lines
        self.prices = dict(prices)
        self.unit_off: dict[str, Decimal] = {}
        self.shipping_left = shipping
        self.shipping_off = ZERO
        self.free_for: tuple[int, ...] | None = None

    def take(self, key: str, off: Decimal) -> None:
        off = min(off, self.prices[key])
        if off <= 0:
            return
        self.prices[key] -= off
        self.unit_off[key] = self.unit_off.get(key, ZERO) + off

    def apply(self, action: Action, chosen: list[Line], ctx: Context) -> None:
        kind = action.result_type
        if kind == ResultType.SET_FREE_SHIPPING:
            ids = action.shipping_option_ids
            self.free_for = tuple(sorted(ids)) if ids is not None else ()
            if ids is None or ctx.shipping_option_id in ids:
                self.shipping_off += self.shipping_left
                self.shipping_left = ZERO
            return
        if kind not in (
            ResultType.CHANGE_SELECTED_PRODUCTS_PRICE,
            ResultType.CHANGE_PRODUCT_TOTAL,
            ResultType.CHANGE_ORDER_TOTAL,
        ):
            return
        targets = list(self.lines) if kind == ResultType.CHANGE_ORDER_TOTAL else chosen
        if action.percent_off is not None:
            for line in targets:
                self.take(line.key, percent_of(self.prices[line.key], action.percent_off))
            return
        amount = action.price_off.get(ctx.pricelist_id)
        if amount is None or amount <= 0:
            return
        if kind == ResultType.CHANGE_SELECTED_PRODUCTS_PRICE:
            for line in targets:
                self.take(line.key, amount)
            return
        shares = spread(amount, [(ln.key, self.prices[ln.key], ln.quantity) for ln in targets])
        for key, off in shares.items():
            self.take(key, off)


def evaluate(
    voucher: Voucher,
    lines: Sequence[Line],
    prices: dict[str, Decimal],
    shipping_left: Decimal,
    ctx: Context,
) -> Effect | None:
    """What `voucher` gives on top of `prices`; None when its entry points do not apply."""
    entries = [a for a in voucher.actions if a.entry_point_id is None]
    subs: dict[int, list[Action]] = {}
    for a in voucher.actions:
        if a.entry_point_id is not None:
            subs.setdefault(a.entry_point_id, []).append(a)
    picked = [(a, _select(a.criteria, lines, ctx, voucher.id)) for a in entries]
    holding = [(a, chosen) for a, chosen in picked if _holds(a, chosen, lines)]
    if not entries or not holding:
        return None
    if voucher.strategy == EntryPointStrategy.APPLY_ALL_IF_ALL_APPLY and len(holding) < len(
        entries
    ):
        return None
    if voucher.strategy == EntryPointStrategy.APPLY_FIRST_THAT_APPLIES:
        holding = holding[:1]
    work = _Work(lines, prices, shipping_left)
    for entry, chosen in holding:
        assert chosen is not None
        work.apply(entry, chosen, ctx)
        pool, last, strategy = list(lines), chosen, entry.continue_strategy
        for sub in subs.get(entry.id, []):
            if strategy == ContinueStrategy.SELECTED_PRODUCTS:
                next_pool = last
            elif strategy == ContinueStrategy.UNSELECTED_PRODUCTS:
                next_pool = [ln for ln in pool if ln not in last]
            else:
                next_pool = list(lines)
            sub_chosen = _select(sub.criteria, next_pool, ctx, voucher.id)
            if not _holds(sub, sub_chosen, lines):
                break
            assert sub_chosen is not None
            work.apply(sub, sub_chosen, ctx)
            pool, last, strategy = next_pool, sub_chosen, sub.continue_strategy
    by_key = {ln.key: ln for ln in lines}
    return Effect(
        voucher=voucher,
        unit_off=work.unit_off,
        line_off={k: off * by_key[k].quantity for k, off in work.unit_off.items()},
        shipping_off=work.shipping_off,
        free_shipping_for=work.free_for,
    )


# ---------------------------------------------------------------- all vouchers


def _order(vouchers: Iterable[Voucher]) -> list[Voucher]:
    return sorted(vouchers, key=lambda v: (-v.priority, v.id))


def apply_vouchers(
    lines: Sequence[Line],
    chosen: Iterable[Voucher],
    automatic: Iterable[Voucher],
    ctx: Context,
) -> Outcome:
    """Apply the shopper's vouchers, then the automatic ones, to the selection's lines."""
    prices = {ln.key: ln.unit_price for ln in lines}
    shipping_left = ctx.shipping_price
    effects: list[Effect] = []
    skipped: list[Voucher] = []
    for group in (_order(chosen), _order(automatic)):
        for voucher in group:
            if effects and (
                not voucher.combinable or any(not e.voucher.combinable for e in effects)
            ):
                skipped.append(voucher)
                continue
            effect = evaluate(voucher, lines, prices, shipping_left, ctx)
            if effect is None:
                skipped.append(voucher)
                continue
            for key, off in effect.unit_off.items():
                prices[key] -= off
            shipping_left -= effect.shipping_off
            effects.append(effect)
    return Outcome(list(lines), effects, ctx.shipping_price, skipped)
