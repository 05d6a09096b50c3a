"""The mock payment provider: authorizes, captures, refunds, and declines on request.

Test inputs (like a PSP's test cards) live on the order as `payment_outcome`, set at checkout
from `paymentMethodSpecificFields`: {"authorization": "decline"}, {"capture": "decline" |
"pending"}, {"refund": "decline"}. Control-plane faults (`psp.<operation>`) override them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.runtime.ids import token_hash
from mockcentra.storage.tables import OrderRow, PaymentEntryRow
from mockcentra.storage.uow import UnitOfWork

APPROVE, DECLINE, PENDING = "approve", "decline", "pending"


def outcome(uow: UnitOfWork, order: OrderRow, operation: str) -> str:
    """What the PSP will answer for this order's next `operation`."""
    injected = uow.faults.get(f"psp.{operation}") if uow.faults else None
    return injected or (order.payment_outcome or {}).get(operation, APPROVE)


def entry(
    uow: UnitOfWork,
    order: OrderRow,
    entry_type: PaymentEntryType,
    status: PaymentEntryStatus,
    value: Decimal,
    *,
    shipment_id: int | None = None,
    return_id: int | None = None,
    params: dict[str, Any] | None = None,
) -> PaymentEntryRow:
    """Write one payment-history entry (every PSP call leaves one)."""
    n = len(uow.session.new) + (order.id or 0) * 1000 + int(uow.clock.now().timestamp() * 1000)
    row = PaymentEntryRow(
        order_id=order.id,
        shipment_id=shipment_id,
        return_id=return_id,
        entry_type=entry_type.value,
        status=status.value,
        value=value,
        external_reference=f"psp_{token_hash(uow.seed, 'psp', n)[:20]}",
        payment_method=order.payment_method,
        params=params or {"success": status != PaymentEntryStatus.FAILED, "isRequest": False},
        created_at=uow.clock.now(),
    )
    uow.session.add(row)
    uow.session.flush()
    return row
