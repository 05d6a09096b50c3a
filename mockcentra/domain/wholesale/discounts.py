"""An account's discounts: a general one, and one per delivery window that replaces it for
the order lines in that window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.delivery_windows import get_window
from mockcentra.storage.tables import AccountDeliveryWindowDiscountRow, AccountRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


@dataclass
class WindowDiscountSpec:
    delivery_window: Any
    discount_percent: Any


@dataclass
class DiscountsSpec:
    """`discounts` of createAccount / updateAccount; None leaves a value as it is."""

    general_percent: Any = None
    general_visible: bool | None = None
    add_delivery_window_discounts: list[WindowDiscountSpec] = field(default_factory=list)
    remove_delivery_window_discounts: list[Any] = field(default_factory=list)


def apply_general_discount(account: AccountRow, spec: DiscountsSpec | None) -> None:
    """The account's general discount and whether its buyers see it, as the input sets them."""
    if spec is not None and spec.general_percent is not None:
        account.discount_percent_hundredths = rules.percent_hundredths(
            spec.general_percent,
            ["discounts", "generalDiscount", "discountPercent"],
        )
    if spec is not None and spec.general_visible is not None:
        account.is_discount_visible = spec.general_visible


def apply_window_discounts(
    uow: UnitOfWork, account: AccountRow, spec: DiscountsSpec
) -> list[DomainWarning]:
    """Remove, then add or change, the account's discounts for delivery windows of its store;
    removing one it does not have is a warning."""
    session = uow.session
    warnings: list[DomainWarning] = []
    base = ["discounts"]
    for i, ref in enumerate(spec.remove_delivery_window_discounts):
        path: list[str | int] = [*base, "removeDeliveryWindowDiscounts", i]
        window = get_window(uow, ref, path)
        row = _window_discount(session, key(account), key(window))
        if row is None:
            warnings.append(
                DomainWarning(
                    f"Account {account.id} has no discount for delivery window {window.id}, "
                    "skipped.",
                    path,
                )
            )
            continue
        session.delete(row)
        session.flush()
    seen: set[int] = set()
    for i, item in enumerate(spec.add_delivery_window_discounts):
        path = [*base, "addDeliveryWindowDiscounts", i]
        window = get_window(uow, item.delivery_window, [*path, "deliveryWindow"])
        if window.store_id != account.store_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Delivery window {window.id} does not belong to the store of account "
                f"{account.id}.",
                [*path, "deliveryWindow"],
            )
        if window.id in seen:
            raise invalid(
                f"Delivery window {window.id} is listed twice.", [*path, "deliveryWindow"]
            )
        seen.add(key(window))
        hundredths = rules.percent_hundredths(item.discount_percent, [*path, "discountPercent"])
        row = _window_discount(
            session, key(account), key(window)
        ) or AccountDeliveryWindowDiscountRow(
            account_id=key(account), delivery_window_id=key(window)
        )
        row.discount_percent_hundredths = hundredths
        session.add(row)
        session.flush()
    return warnings


def discount_for(session: Session, account: AccountRow, window_id: int | None) -> int:
    """The discount (1/100 percent) on an account's order lines in a delivery window."""
    if window_id is not None:
        row = _window_discount(session, key(account), window_id)
        if row is not None:
            return row.discount_percent_hundredths
    return account.discount_percent_hundredths


def _window_discount(
    session: Session, account_id: int, window_id: int
) -> AccountDeliveryWindowDiscountRow | None:
    """The account's discount for the delivery window, if it has one."""
    return session.exec(
        select(AccountDeliveryWindowDiscountRow).where(
            AccountDeliveryWindowDiscountRow.account_id == account_id,
            AccountDeliveryWindowDiscountRow.delivery_window_id == window_id,
        )
    ).first()
