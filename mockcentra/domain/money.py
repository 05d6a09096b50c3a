"""Money rules: amounts are Decimal with two places, rounded half up, printed the Centra way."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def round_money(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, currency_code: str) -> str:
    """`1 500.00 SEK`: a space between thousands, two decimals, the code after."""
    text = f"{round_money(amount):,.2f}".replace(",", " ")
    return f"{text} {currency_code}"
