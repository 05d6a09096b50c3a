"""Payments a PSP outside Centra made, written as an order's payment history.

The REST Order API hands in what the PSP answered (authorization, capture) with an imported
order or later; it is recorded, not sent to any PSP.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import ZERO, format_money, round_money
from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.domain.orders.totals import payment_balance
from mockcentra.domain.payments import psp
from mockcentra.storage.tables import OrderRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


@dataclass
class PaymentRecord:
    """What a PSP outside Centra answered: status 0 pending, 1 success, 2 failed."""

    status: int
    amount: Decimal
    transaction: str | None = None
    method: str | None = None
    response: str | None = None
    external_url: str | None = None


@dataclass
class ExternalPayment:
    plugin_id: int | None = None
    auth: PaymentRecord | None = None
    capture: PaymentRecord | None = None


_STATUSES = {
    0: PaymentEntryStatus.PENDING,
    1: PaymentEntryStatus.SUCCESS,
    2: PaymentEntryStatus.FAILED,
}


def _check_record(record: PaymentRecord, path: list[Any]) -> PaymentEntryStatus:
    if record.status not in _STATUSES:
        raise invalid("status must be 0 (pending), 1 (success) or 2 (failed).", [*path, "status"])
    if record.amount < 0:
        raise invalid("amount cannot be negative.", [*path, "amount"])
    return _STATUSES[record.status]


def record_payment(uow: UnitOfWork, order: OrderRow, payment: ExternalPayment) -> None:
    """Write the authorization and capture a PSP outside Centra made, as payment history.

    A successful capture may not exceed what is authorized and not yet captured.
    """
    path: list[Any] = ["payment"]
    if payment.auth is not None:
        status = _check_record(payment.auth, [*path, "auth"])
        _entry(uow, order, PaymentEntryType.AUTHORIZATION, status, payment.auth)
    if payment.capture is not None:
        status = _check_record(payment.capture, [*path, "capture"])
        amount = round_money(payment.capture.amount)
        if status == PaymentEntryStatus.SUCCESS:
            balance = payment_balance(uow.session, key(order))
            if amount > balance.capturable:
                raise DomainError(
                    ErrorCode.NOT_ALLOWED,
                    f"Cannot capture {format_money(amount, order.currency_code)}: only "
                    f"{format_money(balance.capturable, order.currency_code)} is authorized "
                    "and not captured.",
                    [*path, "capture", "amount"],
                )
        kind = (
            PaymentEntryType.CAPTURE_REQUEST
            if status == PaymentEntryStatus.PENDING
            else PaymentEntryType.CAPTURE
        )
        _entry(uow, order, kind, status, payment.capture)
    method = (payment.auth or payment.capture or PaymentRecord(1, ZERO)).method
    if method:
        order.payment_method = method
    uow.session.add(order)


def _entry(uow, order, kind: PaymentEntryType, status: PaymentEntryStatus, record: PaymentRecord):
    row = psp.entry(
        uow,
        order,
        kind,
        status,
        round_money(record.amount),
        params={
            "success": status != PaymentEntryStatus.FAILED,
            "isRequest": status == PaymentEntryStatus.PENDING,
            "raw": record.response,
            "externalUrl": record.external_url,
        },
    )
    if record.transaction:
        row.external_reference = record.transaction
    if record.method:
        row.payment_method = record.method
    uow.session.add(row)
    return row
