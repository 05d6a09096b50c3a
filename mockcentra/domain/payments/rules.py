"""What an order's payment history says about it, read the same way by every API, and what
may be captured."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.domain.pricing.status import StoreType
from mockcentra.storage.tables import PaymentEntryRow

#: The payment type wholesale orders have: paid by invoice, never authorized at a PSP.
INVOICE = "invoice"


def _is(entry: PaymentEntryRow, kind: PaymentEntryType, status: PaymentEntryStatus) -> bool:
    return entry.entry_type == kind and entry.status == status


def authorizations(entries: Iterable[PaymentEntryRow]) -> list[PaymentEntryRow]:
    """The successful authorizations, oldest first (entries come in id order)."""
    return [
        e for e in entries if _is(e, PaymentEntryType.AUTHORIZATION, PaymentEntryStatus.SUCCESS)
    ]


def is_waiting_for_payment(entries: Iterable[PaymentEntryRow]) -> bool:
    """An order waits for payment while an authorization is pending and none has succeeded."""
    entries = list(entries)
    pending = any(
        _is(e, PaymentEntryType.AUTHORIZATION, PaymentEntryStatus.PENDING) for e in entries
    )
    return pending and not authorizations(entries)


def payment_reference(entries: Iterable[PaymentEntryRow]) -> str | None:
    """The PSP's reference of the order's latest successful authorization."""
    done = authorizations(entries)
    return done[-1].external_reference if done else None


def refuse_capture(order: Any) -> None:
    """Wholesale orders are paid by invoice: nothing is authorized, so nothing can be captured.

    The wording carries the fragments integrations match on wholesale capture attempts
    ("paymentType", "capture", "authorized"); mark the shipment paid instead.
    """
    if order.store_type == StoreType.WHOLESALE:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Cannot capture order {order.number}: its paymentType "{INVOICE}" has no '
            "authorized payment. Mark the shipment as paid instead (isPaid: true).",
        )
