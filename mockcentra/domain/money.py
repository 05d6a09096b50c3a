"""Money rules: amounts are Decimal with two places, rounded half up, printed the Centra way.

Every surface takes its zero, its rounding, its line values and its printed amounts from here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
#: No money, with the two places every amount carries.
ZERO = Decimal("0.00")


def round_money(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def times(unit_price: Decimal, quantity: int) -> Decimal:
    """The value of `quantity` units at `unit_price`: rounded once, on the product (the rule
    of order, shipment, return and selection lines alike)."""
    return round_money(unit_price * quantity)


def amount_text(amount: Decimal) -> str:
    """`1500.00`: the exact two-decimal text of an amount, no separators."""
    return f"{round_money(amount):.2f}"


def format_money(amount: Decimal, currency_code: str, space: str = " ") -> str:
    """`1 500.00 SEK`: `space` between thousands and before the code, two decimals (the
    Checkout API prints with non-breaking spaces)."""
    text = f"{round_money(amount):,.2f}".replace(",", space)
    return f"{text}{space}{currency_code}"
