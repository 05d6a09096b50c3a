"""What an order's payment history says about it, read the same way by every API."""

from __future__ import annotations

from collections.abc import Iterable

from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.storage.tables import PaymentEntryRow


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
