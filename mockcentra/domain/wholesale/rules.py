"""Pure wholesale guards and arithmetic: testable without a database, Centra-worded errors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import format_money, round_money
from mockcentra.domain.wholesale.status import (
    AccountStatus,
    BuyerStatus,
    DeliveryWindowKind,
    DeliveryWindowStatus,
)

Path = Sequence[str | int]
WHOLESALE = "WHOLESALE"


def require_name(name: str | None, what: str, path: Path) -> str:
    text = (name or "").strip()
    if not text:
        raise invalid(f"{what} name cannot be empty.", path)
    return text


def percent_hundredths(value: Any, path: Path) -> int:
    """A discount percent (up to two decimals, 0-100) as an integer of 1/100 percent."""
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    if amount < 0 or amount > 100:
        raise invalid("Discount percent must be between 0 and 100.", path)
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(hundredths: int) -> Decimal:
    return Decimal(hundredths) / 100


def discounted(price: Decimal, hundredths: int) -> Decimal:
    """A unit price after a percentage discount, rounded half up to cents."""
    return round_money(price * (Decimal(10000) - hundredths) / Decimal(10000))


def check_wholesale_store(store_type: str, what: str, path: Path) -> None:
    if store_type != WHOLESALE:
        raise invalid(f"{what} is not in a wholesale store.", path)


def check_date_range(start: date, end: date, path: Path) -> None:
    if end < start:
        raise invalid("The end date cannot be before the start date.", path)


def ensure_account_can_order(status: str, account_id: int, path: Path) -> None:
    if status != AccountStatus.ACTIVE:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Account {account_id} is "{status}": only active accounts can place orders.',
            path,
        )


def ensure_buyer_can_order(status: str, buyer_id: int, path: Path) -> None:
    if status != BuyerStatus.ACTIVE:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Buyer {buyer_id} is "{status}": only active buyers can place orders.',
            path,
        )


def ensure_window_open(window: Any, on: date, path: Path) -> None:
    """An ACTIVE window takes orders; a preorder window only within its sales dates."""
    if window.status != DeliveryWindowStatus.ACTIVE:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Delivery window {window.id} is "{window.status}" and takes no orders.',
            path,
        )
    if window.kind == DeliveryWindowKind.PREORDER and not (
        window.sales_start <= on <= window.sales_end
    ):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Delivery window {window.id} takes orders from {window.sales_start.isoformat()} "
            f"to {window.sales_end.isoformat()}, not on {on.isoformat()}.",
            path,
        )


def check_limit(
    limit: int | None, ordered: int, wanted: int, what: str, window_id: int, path: Path
) -> None:
    """A delivery window limit caps the units ordered in the window (open orders)."""
    if limit is None:
        return
    left = max(0, limit - ordered)
    if wanted > left:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Only {left} more units of {what} can be ordered in delivery window {window_id} "
            f"(limit {limit}).",
            path,
        )


def check_credit(
    limit: Decimal, outstanding: Decimal, total: Decimal, currency: str, account_id: int
) -> None:
    """With `applyCreditLimit`, open (unpaid) orders plus the new one must fit the limit."""
    if outstanding + total > limit:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"The order total {format_money(total, currency)} exceeds the credit limit of "
            f"account {account_id}: {format_money(limit, currency)} with "
            f"{format_money(outstanding, currency)} outstanding.",
            [],
        )
