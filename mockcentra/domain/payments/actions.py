"""Captures and refunds against the mock PSP; every attempt leaves a payment-history entry."""

from __future__ import annotations

from decimal import Decimal

from mockcentra.domain.errors import DomainError, ErrorCode, Explain
from mockcentra.domain.money import format_money
from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.domain.orders.totals import payment_balance
from mockcentra.domain.payments import psp
from mockcentra.storage.tables import OrderRow, PaymentEntryRow, ShipmentRow
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


def capture(
    uow: UnitOfWork, order: OrderRow, amount: Decimal, *, shipment: ShipmentRow | None
) -> PaymentEntryRow:
    """Capture `amount`; a refusal raises and leaves only a FAILED entry behind."""
    _check_capturable(uow, order, amount)
    answer = psp.outcome(uow, order, "capture")
    shipment_id = shipment.id if shipment else None
    if answer == psp.DECLINE:
        raise _declined(uow, order, amount, shipment_id)
    if answer == psp.PENDING:
        return psp.entry(
            uow,
            order,
            PaymentEntryType.CAPTURE_REQUEST,
            PaymentEntryStatus.PENDING,
            amount,
            shipment_id=shipment_id,
            params={"success": True, "isRequest": True, "raw": None},
        )
    return psp.entry(
        uow,
        order,
        PaymentEntryType.CAPTURE,
        PaymentEntryStatus.SUCCESS,
        amount,
        shipment_id=shipment_id,
        params={"success": True, "isRequest": False, "raw": None},
    )


def _check_capturable(uow: UnitOfWork, order: OrderRow, amount: Decimal) -> None:
    """No more than what is authorized and not yet captured can be captured."""
    balance = payment_balance(uow.session, key(order))
    if amount > balance.capturable:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Cannot capture {format_money(amount, order.currency_code)}: only "
            f"{format_money(balance.capturable, order.currency_code)} of the authorization remains.",
            explain=Explain(
                "payments.capture_within_authorization",
                {
                    "order": order.number,
                    "currency": order.currency_code,
                    "amount": amount,
                    "authorized": balance.authorized,
                    "captured": balance.captured,
                    "capturable": balance.capturable,
                },
            ),
        )


def _declined(
    uow: UnitOfWork, order: OrderRow, amount: Decimal, shipment_id: int | None
) -> DomainError:
    """The refusal of a capture the provider declined; it records the FAILED entry."""
    order_id = key(order)

    def record_failure() -> None:
        failed = stored(uow.session, OrderRow, order_id)
        psp.entry(
            uow,
            failed,
            PaymentEntryType.CAPTURE,
            PaymentEntryStatus.FAILED,
            amount,
            shipment_id=shipment_id if uow.session.get(ShipmentRow, shipment_id or 0) else None,
            params={"success": False, "isRequest": False, "raw": "declined"},
        )

    return DomainError(
        ErrorCode.PAYMENT_FAILED,
        "Capture failed: the payment provider declined it.",
        record=record_failure,
        explain=psp.explain_outcome(uow, order, "capture", amount),
    )


def refund(
    uow: UnitOfWork, order: OrderRow, amount: Decimal, *, return_id: int | None = None
) -> PaymentEntryRow:
    """Give money back; never more than was captured and not yet refunded."""
    balance = payment_balance(uow.session, key(order))
    refundable = balance.captured - balance.refunded
    if amount <= 0:
        raise DomainError(ErrorCode.INVALID, "Refund amount must be greater than zero.")
    if amount > refundable:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Cannot refund {format_money(amount, order.currency_code)}: only "
            f"{format_money(refundable, order.currency_code)} was captured and not refunded.",
            explain=Explain(
                "payments.refund_within_captured",
                {
                    "order": order.number,
                    "currency": order.currency_code,
                    "amount": amount,
                    "captured": balance.captured,
                    "refunded": balance.refunded,
                    "refundable": refundable,
                },
            ),
        )
    if psp.outcome(uow, order, "refund") == psp.DECLINE:
        order_id = key(order)

        def record_failure() -> None:
            psp.entry(
                uow,
                stored(uow.session, OrderRow, order_id),
                PaymentEntryType.REFUND,
                PaymentEntryStatus.FAILED,
                amount,
                params={"success": False, "isRequest": False},
            )

        raise DomainError(
            ErrorCode.PAYMENT_FAILED,
            "Refund failed: the payment provider declined it.",
            record=record_failure,
            explain=psp.explain_outcome(uow, order, "refund", amount),
        )
    return psp.entry(
        uow, order, PaymentEntryType.REFUND, PaymentEntryStatus.SUCCESS, amount, return_id=return_id
    )
