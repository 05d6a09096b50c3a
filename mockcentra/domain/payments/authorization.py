"""Releasing what is left of an order's authorization (an order command that asks the PSP).

Kept apart from the payment primitives in `actions.py`, which the order actions themselves use.
"""

from __future__ import annotations

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.money import format_money
from mockcentra.domain.orders.guards import OrderKey, ensure_not_locked_by_other, find_order, touch
from mockcentra.domain.orders.status import OrderStatus, PaymentEntryStatus, PaymentEntryType
from mockcentra.domain.orders.totals import payment_balance
from mockcentra.domain.payments import psp
from mockcentra.storage.tables import OrderRow, PaymentEntryRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

#: Orders whose remaining authorization may be released (Centra's documented statuses).
_RELEASABLE = (OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING)


def release_remaining_authorization(
    uow: UnitOfWork, order_ref: OrderKey
) -> tuple[OrderRow, PaymentEntryRow]:
    """Void what is authorized and not captured on a partially captured order.

    The PSP is asked to cancel the remainder; a refusal fails the call and leaves the order
    as it was. Success writes a CANCEL entry of minus the remainder, so nothing more can be
    captured.
    """
    order = find_order(uow, order_ref, ["order"])
    ensure_not_locked_by_other(uow, order)
    status = OrderStatus(order.status)
    if status not in _RELEASABLE:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is "{status.value}": only pending, confirmed and processing '
            "orders can release their remaining authorization.",
            ["order"],
        )
    balance = payment_balance(uow.session, key(order))
    code = order.currency_code
    if balance.authorized <= 0 and balance.captured <= 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, f"Order {order.number} has no authorized payment.", ["order"]
        )
    if balance.captured <= 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} has not been captured: only a partially captured order can "
            "release its remaining authorization (cancel the order to void all of it).",
            ["order"],
        )
    remaining = balance.authorized - balance.captured
    if remaining <= 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} has no remaining authorization: all that is authorized "
            f"({format_money(balance.authorized, code)}) is captured.",
            ["order"],
        )
    if psp.outcome(uow, order, "cancel") == psp.DECLINE:
        raise DomainError(
            ErrorCode.PAYMENT_FAILED,
            "Releasing the remaining authorization failed: the payment provider declined it.",
            ["order"],
        )
    entry = psp.entry(
        uow,
        order,
        PaymentEntryType.CANCEL,
        PaymentEntryStatus.SUCCESS,
        -remaining,
        params={"success": True, "isRequest": False, "raw": None},
    )
    touch(uow, order)
    return order, entry
