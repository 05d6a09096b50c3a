"""Money rules: amounts are Decimal with two places, rounded half up, printed the Centra way.

Every surface takes its zero, its rounding, its line values and its printed amounts from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from mockcentra.domain.errors import invalid

CENT = Decimal("0.01")
#: No money, with the two places every amount carries.
ZERO = Decimal("0.00")
#: Amounts are stored as integer hundredths in SQLite's 64 bits (about 9.2e16 in major units).
#: An amount a client gives must be below LARGEST_INPUT, so that sums of many lines of many
#: units still fit; any computed amount must be below LARGEST_AMOUNT, or the action is refused.
LARGEST_INPUT = Decimal(10) ** 12
LARGEST_AMOUNT = Decimal(10) ** 16


def given_amount(amount: Decimal, name: str, path: Sequence[str | int] | None = None) -> Decimal:
    """An amount from a request, refused (invalid, on `path` or `name`) when it is not a finite
    number below LARGEST_INPUT in size."""
    if not amount.is_finite() or abs(amount) >= LARGEST_INPUT:
        raise invalid(
            f"{name} is out of range: amounts must be below {LARGEST_INPUT:,.0f}",
            list(path) if path is not None else [name],
        )
    return amount


def round_money(amount: Decimal) -> Decimal:
    """`amount` to the cent, half up. An amount that could not be stored (a total of absurdly
    many units, say) refuses the action that computed it rather than failing in the database."""
    amount = Decimal(amount)
    if not amount.is_finite() or abs(amount) >= LARGEST_AMOUNT:
        raise invalid(
            f"the amount {amount:.2E} is out of range: amounts must be below {LARGEST_AMOUNT:,.0f}",
            ["amount"],
        )
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


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
