"""The mock payment provider: authorizes, captures, refunds, and declines on request.

Test inputs (like a PSP's test cards) live on the order as `payment_outcome`, set at checkout
from `paymentMethodSpecificFields`: {"authorization": "decline"}, {"capture": "decline" |
"pending"}, {"refund": "decline"}. Control-plane faults (`psp.<operation>`) override them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mockcentra.domain.errors import Explain
from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.domain.orders.totals import payment_entries
from mockcentra.runtime.ids import token_hash
from mockcentra.storage.tables import OrderRow, PaymentEntryRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork, insert_new

APPROVE, DECLINE, PENDING = "approve", "decline", "pending"

#: The payment methods the mock PSP offers, with the names shoppers and the APIs see.
METHODS = {
    "dummy": "Dummy payment (authorizes at once)",
    "dummy-redirect": "Dummy payment with a redirect and payment-result",
}


def method_name(method: str | None) -> str | None:
    """The shown name of a payment method; None for one the mock PSP does not offer (an
    order imported from a PSP outside Centra keeps the method it names)."""
    return METHODS.get(method or "")


def outcome(uow: UnitOfWork, order: OrderRow, operation: str) -> str:
    """What the PSP will answer for this order's next `operation`."""
    injected = uow.faults.get(f"psp.{operation}") if uow.faults else None
    return injected or (order.payment_outcome or {}).get(operation, APPROVE)


def explain_outcome(uow: UnitOfWork, order: OrderRow, operation: str, amount: Decimal) -> Explain:
    """Why the PSP answered as it did: an injected fault or the order's test outcome."""
    injected = uow.faults.get(f"psp.{operation}") if uow.faults else None
    return Explain(
        "payments.psp_outcome",
        {
            "order": order.number,
            "operation": operation,
            "amount": amount,
            "currency": order.currency_code,
            "outcome": outcome(uow, order, operation),
            "source": f"fault psp.{operation}" if injected else "the order's payment outcome",
        },
    )


def reference(seed: int, order_id: int, k: int) -> str:
    """The PSP's reference of an order's `k`-th payment entry (0 first): one sequence per
    order, like ids, so references never depend on the clock and never repeat in an order."""
    return f"psp_{token_hash(seed, f'psp:{order_id}', k)[:20]}"


def _entries_of(uow: UnitOfWork, order_id: int) -> int:
    return len(payment_entries(uow.session, order_id))


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
    row = PaymentEntryRow(
        order_id=key(order),
        shipment_id=shipment_id,
        return_id=return_id,
        entry_type=entry_type.value,
        status=status.value,
        value=value,
        external_reference=reference(uow.seed, key(order), _entries_of(uow, key(order))),
        payment_method=order.payment_method,
        params=params or {"success": status != PaymentEntryStatus.FAILED, "isRequest": False},
        created_at=uow.clock.now(),
    )
    insert_new(uow.session, row)
    return row
