"""Pure rules of changing an order's details, testable without a database."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import format_money, round_money
from mockcentra.domain.orders.status import OrderStatus
from mockcentra.storage.tables import OrderRow


def merge_address(current: dict[str, Any], change: dict[str, Any], key: str) -> dict[str, Any]:
    """An address with the given fields changed; its country stays what it is."""
    new_country = change.get("country")
    if new_country and new_country != current.get("country"):
        raise invalid("The country of an address cannot be changed.", [key, "country"])
    merged = dict(current)
    merged.update({k: v for k, v in change.items() if v is not None})
    return merged


def lower_shipping(order: OrderRow, value: Decimal, currency: str | None, *, dtc: bool) -> None:
    """A confirmed direct to consumer order's shipping cost may go down (to 0), never up."""
    path = ["shippingCost"]
    if not dtc:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} is a wholesale order: only direct to consumer orders change "
            "their shipping cost.",
            path,
        )
    if order.status != OrderStatus.CONFIRMED:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is "{order.status}": its shipping cost can only change while '
            'it is "CONFIRMED".',
            path,
        )
    if currency is not None and currency != order.currency_code:
        raise invalid(
            f"Shipping cost currency {currency} does not match the order currency "
            f"{order.currency_code}.",
            [*path, "currencyIsoCode"],
        )
    amount = round_money(value)
    if amount < 0:
        raise invalid("The shipping cost cannot be negative.", [*path, "value"])
    code = order.currency_code
    if amount > order.shipping_value:
        raise invalid(
            f"The shipping cost can only be lowered: it is "
            f"{format_money(order.shipping_value, code)}, {format_money(amount, code)} was asked.",
            [*path, "value"],
        )
    order.shipping_value = amount


def buyer_info(info: dict[str, Any]) -> dict[str, Any]:
    """The given buyer fields of a wholesale order; an email must look like one."""
    given = {k: v for k, v in info.items() if v is not None}
    if "email" in given:
        email = normalize_email(str(given["email"]))
        if "@" not in email:
            raise invalid(
                f'"{given["email"]}" is not a valid email address.', ["buyerInfo", "email"]
            )
        given["email"] = email
    return given
