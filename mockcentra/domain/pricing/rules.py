"""Pure pricing guards: testable without a database, raising Centra-worded DomainErrors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import round_money
from mockcentra.domain.pricing.status import StoreType

Path = Sequence[str | int]


@dataclass(frozen=True)
class Amount:
    """An amount as an input gave it: value and ISO currency code."""

    value: Decimal
    currency: str


def require_name(name: str | None, what: str, path: Path) -> str:
    """Names are trimmed and must not be empty."""
    text = (name or "").strip()
    if not text:
        raise invalid(f"{what} name cannot be empty.", path)
    return text


def check_amount(amount: Amount, currency: str, path: Path) -> Decimal:
    """A price must be in the pricelist's currency and not negative; rounded to cents."""
    if amount.currency.upper() != currency:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Price currency {amount.currency} does not match the pricelist currency {currency}.",
            [*path, "currencyIsoCode"],
        )
    if amount.value < 0:
        raise invalid("Price cannot be negative.", [*path, "value"])
    return round_money(amount.value)


def countries_allowed(store_type: str, path: Path) -> None:
    """Countries decide which pricelist a shopper gets; wholesale uses accounts instead."""
    if store_type != StoreType.DIRECT_TO_CONSUMER:
        raise invalid(
            "Countries can only be assigned to pricelists in direct to consumer stores.", path
        )


def alterations_allowed(store_type: str, path: Path) -> None:
    if store_type != StoreType.WHOLESALE:
        raise invalid("Price alterations are only available in wholesale stores.", path)


def parse_date(text: str, zone: ZoneInfo, path: Path) -> date:
    """A `Date` input: "2024-02-01", or a date-time such as "2024-02-01T00:00:00+0000".

    A date-time with an offset is read as the calendar day in the instance's time zone.
    """
    value = (text or "").strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) > 5 and value[-5] in "+-" and value[-4:].isdigit():
            value = f"{value[:-2]}:{value[-2:]}"  # "+0000" -> "+00:00"
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise invalid(f"Cannot read '{text}' as a date.", path) from None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(zone).date()
