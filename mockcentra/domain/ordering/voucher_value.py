"""An imported order's `voucherValue`: an order-level amount taken off its lines, then shipping,
and kept as the voucher entry a checkout order would have."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from mockcentra.domain.errors import invalid
from mockcentra.domain.money import ZERO, format_money, round_money, times
from mockcentra.domain.ordering.placing import NewLine
from mockcentra.domain.vouchers import engine
from mockcentra.domain.vouchers.entries import VOUCHER_VALUE_LABEL, VoucherEntry, order_entry

#: How an order-level `voucherValue` is labelled where the order lists its vouchers.
VOUCHER_VALUE_NAME = "Voucher value"


def take_voucher_value(
    amount: Decimal, lines: list[NewLine], shipping: Decimal, currency: str
) -> tuple[list[NewLine], Decimal, VoucherEntry]:
    """Take an order-level voucher amount off the lines (pro rata, whole cents per unit, as a
    fixed-amount voucher at checkout) and then off shipping, and describe it as the voucher
    entry a checkout order keeps, so totals, captures and returns read it the same way.

    Refused when the amount is more than items plus shipping, or when cents that cannot be
    spread over the units are more than what is left of shipping.
    """
    prices = [round_money(line.unit_price) for line in lines]
    items = sum((times(p, line.quantity) for p, line in zip(prices, lines, strict=True)), ZERO)
    shipping = round_money(shipping)
    if amount > items + shipping:
        raise invalid(
            f"voucherValue {format_money(amount, currency)} is more than the order's items and "
            f"shipping ({format_money(items + shipping, currency)}).",
            ["voucherValue"],
        )
    shares = engine.spread(
        min(amount, items),
        [(str(i), p, line.quantity) for i, (p, line) in enumerate(zip(prices, lines, strict=True))],
    )
    items_off = sum((off * lines[int(k)].quantity for k, off in shares.items()), ZERO)
    shipping_off = amount - items_off
    if shipping_off > shipping:
        raise invalid(
            f"voucherValue {format_money(amount, currency)} cannot be split over the ordered "
            f"units in whole cents, and shipping ({format_money(shipping, currency)}) cannot "
            f"take the {format_money(amount - items_off, currency)} left over.",
            ["voucherValue"],
        )
    discounted: list[NewLine] = []
    per_item: dict[str, Decimal] = {}
    for i, (price, line) in enumerate(zip(prices, lines, strict=True)):
        off = shares.get(str(i), ZERO)
        discounted.append(replace(line, unit_price=price - off))
        if off:
            item = f"{line.display_id}-{line.product_size_id}"
            per_item[item] = per_item.get(item, ZERO) + off * line.quantity
    entry = order_entry(
        voucher=VOUCHER_VALUE_LABEL,
        name=VOUCHER_VALUE_NAME,
        currency=currency,
        items_value=items_off,
        shipping_value=shipping_off,
        lines=per_item,
    )
    return discounted, shipping - shipping_off, entry
