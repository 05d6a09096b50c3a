"""Reading invoices: the filtered list, and what each invoice covers and was paid with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from mockcentra.domain.invoices.status import InvoiceType
from mockcentra.domain.listing import grouped_by, page
from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.storage.tables import InvoiceLineRow, InvoiceRow, OrderRow, PaymentEntryRow


@dataclass(frozen=True)
class InvoiceFilter:
    """What `invoices(where:)` can ask for; every part given must match."""

    ids: Sequence[int] = ()
    numbers: Sequence[str] = ()
    types: Sequence[InvoiceType] = ()
    store_type: str | None = None
    store_ids: Sequence[int] = ()
    order_hashes: Sequence[str] = ()  # the orders' 32-hex ids
    created_from: datetime | None = None
    created_to: datetime | None = None


def find_invoices(
    session: Session, where: InvoiceFilter, limit: int | None, page_number: int | None
) -> Sequence[InvoiceRow]:
    """One page of matching invoices, oldest first (ids follow the invoice series)."""
    stmt = select(InvoiceRow).order_by(InvoiceRow.id)
    if where.ids:
        stmt = stmt.where(InvoiceRow.id.in_(list(where.ids)))
    if where.numbers:
        stmt = stmt.where(InvoiceRow.number.in_(list(where.numbers)))
    if where.types:
        stmt = stmt.where(InvoiceRow.type.in_([t.value for t in where.types]))
    if where.store_type:
        stmt = stmt.where(InvoiceRow.store_type == where.store_type)
    if where.store_ids:
        stmt = stmt.where(InvoiceRow.store_id.in_(list(where.store_ids)))
    if where.order_hashes:
        orders = select(OrderRow.id).where(OrderRow.hash.in_(list(where.order_hashes)))
        stmt = stmt.where(InvoiceRow.order_id.in_(orders))
    if where.created_from:
        stmt = stmt.where(InvoiceRow.created_at >= where.created_from)
    if where.created_to:
        stmt = stmt.where(InvoiceRow.created_at <= where.created_to)
    return page(session, stmt, limit, page_number)


def lines_of_invoices(
    session: Session, invoice_ids: Sequence[int]
) -> dict[int, list[InvoiceLineRow]]:
    """The lines of many invoices in one query, by invoice id."""
    return grouped_by(session, InvoiceLineRow.invoice_id, invoice_ids, order_by=InvoiceLineRow.id)


def invoices_of_shipments(
    session: Session, shipment_ids: Sequence[int]
) -> dict[int, list[InvoiceRow]]:
    """The invoices issued for many shipments in one query, by shipment id."""
    return grouped_by(session, InvoiceRow.shipment_id, shipment_ids, order_by=InvoiceRow.id)


def covered(lines: Sequence[InvoiceLineRow], key: str) -> list[int]:
    """The distinct order or shipment ids (`key`) an invoice's lines cover, in line order."""
    return [i for i in dict.fromkeys(getattr(line, key) for line in lines) if i is not None]


#: Payment history entries that took money (a settled capture or an accepted request).
_TAKEN = (
    (PaymentEntryType.CAPTURE, PaymentEntryStatus.SUCCESS),
    (PaymentEntryType.CAPTURE_REQUEST, PaymentEntryStatus.PENDING),
    (PaymentEntryType.CAPTURE_REQUEST, PaymentEntryStatus.SUCCESS),
)


def payments_of(session: Session, shipment_ids: Sequence[int]) -> list[PaymentEntryRow]:
    """The captures that paid these shipments, oldest first.

    Money captured on the order before shipping (captureOrder) is not tied to a shipment, so
    it is not listed here; neither are wholesale shipments marked paid by hand.
    """
    if not shipment_ids:
        return []
    rows = session.exec(
        select(PaymentEntryRow)
        .where(PaymentEntryRow.shipment_id.in_(list(shipment_ids)))
        .order_by(PaymentEntryRow.id)
    )
    return [r for r in rows if (r.entry_type, r.status) in _TAKEN]
