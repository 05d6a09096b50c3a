"""Issuing invoices: one per shipment, when the shipment is completed (shipped).

Centra makes the invoice from the shipment; mockcentra issues it at completion, the moment
the goods leave and the shipment is paid (completion requires both), so every completed
shipment has exactly one invoice and an unshipped one has none. The invoice copies the
amounts and the billing address at that moment: later order changes do not alter it.
"""

from __future__ import annotations

from datetime import timedelta

from mockcentra.domain.invoices.status import InvoiceType
from mockcentra.domain.orders.totals import line_value
from mockcentra.domain.shipments.queries import shipment_lines, totals_of_shipment
from mockcentra.storage.records import record_by_key
from mockcentra.storage.tables import (
    AccountRow,
    InvoiceLineRow,
    InvoiceRow,
    OrderLineRow,
    OrderRow,
    PaymentTermsRow,
    ShipmentRow,
    WholesaleOrderRow,
)
from mockcentra.storage.tables.base import highest, key, stored
from mockcentra.storage.uow import UnitOfWork, insert_new


def _next_sequence(uow: UnitOfWork) -> int:
    """The instance's invoice series has no gaps: the highest number so far, plus one."""
    return (highest(uow.session, InvoiceRow.sequence) or 0) + 1


def _due_days(uow: UnitOfWork, order: OrderRow) -> int:
    """A wholesale invoice is due after its account's payment terms; others at once."""
    link = record_by_key(uow.session, WholesaleOrderRow, key(order))
    if link is None:
        return 0
    account = uow.session.get(AccountRow, link.account_id)
    terms = uow.session.get(PaymentTermsRow, account.payment_terms_id or 0) if account else None
    return terms.days if terms else 0


def issue_for_shipment(uow: UnitOfWork, order: OrderRow, shipment: ShipmentRow) -> InvoiceRow:
    """Write the shipment's invoice from the shipment's own lines and totals (tax included)."""
    now = uow.clock.now()
    totals = totals_of_shipment(uow.session, shipment)
    sequence = _next_sequence(uow)
    invoice = InvoiceRow(
        sequence=sequence,
        number=str(sequence),
        type=InvoiceType.INVOICE.value,
        store_id=order.store_id,
        store_type=order.store_type,
        order_id=key(order),
        shipment_id=shipment.id,
        currency_code=order.currency_code,
        tax_percent_hundredths=order.tax_percent_hundredths,
        items_value=totals.items,
        shipping_value=totals.shipping,
        handling_value=totals.handling,
        tax_value=totals.tax,
        grand_total=totals.grand_total,
        billing_address=dict(order.billing_address or {}),
        paid_at=shipment.paid_at,
        due_at=now + timedelta(days=_due_days(uow, order)),
        created_at=now,
        updated_at=now,
    )
    insert_new(uow.session, invoice)
    for sl in shipment_lines(uow.session, key(shipment)):
        line = stored(uow.session, OrderLineRow, sl.order_line_id)
        insert_new(
            uow.session,
            InvoiceLineRow(
                invoice_id=key(invoice),
                order_id=key(order),
                order_line_id=key(line),
                shipment_id=shipment.id,
                shipment_line_id=sl.id,
                quantity=sl.quantity,
                unit_price=line.unit_price,
                line_value=line_value(line, sl.quantity),
                tax_percent_hundredths=line.tax_percent_hundredths,
            ),
        )
    return invoice
