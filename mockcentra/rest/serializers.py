"""Wire shapes of the REST APIs. Amounts are exact Decimals until this edge; JSON carries them
as numbers (two decimals) and as formatted text."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from mockcentra.domain.money import format_money, round_money

NBSP = "\u00a0"


def number(amount: Decimal) -> float:
    """A two-decimal amount as a JSON number (its shortest repr is exact to the cent)."""
    return float(round_money(amount))


def checkout_price(amount: Decimal, currency: str) -> str:
    """Checkout API formatting: `1 500.00 SEK` with non-breaking spaces."""
    return format_money(amount, currency, NBSP)


def centra_datetime(moment: datetime | None, zone: ZoneInfo) -> str:
    """`YYYY-MM-DD HH:MM:SS` in the store's zone; `0000-00-00 00:00:00` when unset."""
    if moment is None:
        return "0000-00-00 00:00:00"
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


def price_pair(name: str, amount: Decimal, currency: str) -> dict[str, Any]:
    return {name: checkout_price(amount, currency), f"{name}AsNumber": number(amount)}
