"""Invoices: the `Invoice` interface and its direct-to-consumer and wholesale implementations.

An invoice is issued when a shipment is completed (domain/shipments/invoicing.py). Its
figures were frozen at issue; `orders` and `shipments` are what its lines cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.invoices import queries
from mockcentra.domain.invoices.status import InvoiceType as DomainInvoiceType
from mockcentra.domain.orders.totals import net_of_tax
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.types import Address, Customer, Order, OrderLine, PaymentHistoryEntry
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.shipments.types import Shipment, ShipmentLine
from mockcentra.graphql.wholesale.orders import order_account, order_buyer
from mockcentra.graphql.wholesale.types import Account, Buyer
from mockcentra.storage.tables import (
    CustomerRow,
    InvoiceLineRow,
    InvoiceRow,
    OrderLineRow,
    ShipmentLineRow,
    ShipmentRow,
    StoreRow,
)

InvoiceType = strawberry.enum(DomainInvoiceType, name="InvoiceType")


def _lines(info: Info, invoice_id: int) -> list[InvoiceLineRow]:
    """The invoice's lines; for a page of invoices, loaded for the whole page at once."""
    batched = batch.children(
        info,
        "invoice_lines",
        "Invoice",
        invoice_id,
        lambda ids: [
            row
            for rows in queries.lines_of_invoices(info.context.session, ids).values()
            for row in rows
        ],
        lambda row: row.invoice_id,
    )
    if batched is not None:
        return batched
    return queries.lines_of_invoices(info.context.session, [invoice_id]).get(invoice_id, [])


@read_permission("Invoice:read")
@strawberry.type
class InvoiceLine:
    """One invoiced shipment line, at the price it was invoiced."""

    id: int
    quantity: int

    @strawberry.field
    def tax_percent(self) -> float:
        return self.tax_percent_hundredths / 100  # type: ignore[attr-defined]

    @strawberry.field
    def unit_price(self, info: Info) -> MonetaryValue:
        return money(info, self.unit_price, _currency(info, self.order_id))  # type: ignore[attr-defined]

    @strawberry.field
    def line_value(self, info: Info, including_tax: bool = True) -> MonetaryValue:
        value = self.line_value  # type: ignore[attr-defined]
        if not including_tax:
            value = net_of_tax(value, self.tax_percent_hundredths)  # type: ignore[attr-defined]
        return money(info, value, _currency(info, self.order_id))  # type: ignore[attr-defined]

    @strawberry.field
    def order_line(self, info: Info) -> OrderLine:
        return info.context.session.get(OrderLineRow, self.order_line_id)  # type: ignore[attr-defined]

    @strawberry.field
    def shipment_line(self, info: Info) -> ShipmentLine | None:
        sid = self.shipment_line_id  # type: ignore[attr-defined]
        return None if sid is None else info.context.session.get(ShipmentLineRow, sid)


def _currency(info: Info, order_id: int) -> str:
    return batch.order_row(info, order_id).currency_code


@strawberry.type
class InvoiceTotals:
    """The invoice's amounts; each includes its tax (`taxIncluded` is the tax inside them)."""

    items_subtotal: MonetaryValue
    shipping: MonetaryValue
    handling: MonetaryValue
    tax_included: MonetaryValue
    grand_total: MonetaryValue


@read_permission("Invoice:read")
@strawberry.interface
class Invoice:
    """Fields every invoice has; the implementations add its customer or account."""

    id: int
    number: str
    type: InvoiceType  # type: ignore[valid-type]
    created_at: DateTimeTz
    updated_at: DateTimeTz
    paid_at: DateTimeTz | None

    @strawberry.field
    def is_paid(self) -> bool:
        return self.paid_at is not None

    @strawberry.field
    def currency_code(self) -> str:
        return self.currency_code  # type: ignore[attr-defined]

    @strawberry.field
    def store(self, info: Info) -> Store:
        return info.context.session.get(StoreRow, self.store_id)  # type: ignore[attr-defined]

    @strawberry.field
    def grand_total(self, info: Info, including_tax: bool = True) -> MonetaryValue:
        value = self.grand_total  # type: ignore[attr-defined]
        if not including_tax:
            value -= self.tax_value  # type: ignore[attr-defined]
        return money(info, value, self.currency_code)

    @strawberry.field
    def totals(self, info: Info) -> InvoiceTotals:
        code = self.currency_code
        return InvoiceTotals(
            items_subtotal=money(info, self.items_value, code),  # type: ignore[attr-defined]
            shipping=money(info, self.shipping_value, code),  # type: ignore[attr-defined]
            handling=money(info, self.handling_value, code),  # type: ignore[attr-defined]
            tax_included=money(info, self.tax_value, code),  # type: ignore[attr-defined]
            grand_total=money(info, self.grand_total, code),  # type: ignore[attr-defined]
        )

    @strawberry.field
    def lines(self, info: Info) -> list[InvoiceLine]:
        return _lines(info, self.id)  # type: ignore[return-value]

    @strawberry.field(description="The orders the invoice's lines come from.")
    def orders(self, info: Info) -> list[Order]:
        ids = queries.covered(_lines(info, self.id), "order_id")
        return [batch.order_row(info, i) for i in ids]  # type: ignore[misc]

    @strawberry.field(description="The shipments the invoice was issued for.")
    def shipments(self, info: Info) -> list[Shipment]:
        ids = queries.covered(_lines(info, self.id), "shipment_id")
        return [info.context.session.get(ShipmentRow, i) for i in ids]

    @strawberry.field(description="The captures that paid the invoiced shipments.")
    def payments(self, info: Info) -> list[PaymentHistoryEntry]:
        ids = queries.covered(_lines(info, self.id), "shipment_id")
        return queries.payments_of(info.context.session, ids)  # type: ignore[return-value]

    @field(permission="Invoice.billingAddress:read")
    def billing_address(self) -> Address | None:
        return Address.of(self.billing_address)  # type: ignore[arg-type]


def _first_order(info: Info, invoice: Any) -> Any:
    return batch.order_row(info, invoice.order_id)


@strawberry.type
class DirectToConsumerInvoice(Invoice):
    @strawberry.field
    def customer(self, info: Info) -> Customer | None:
        order = _first_order(info, self)
        if order.customer_id is None:
            return None
        return info.context.session.get(CustomerRow, order.customer_id)

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, InvoiceRow) and obj.store_type == "DIRECT_TO_CONSUMER"


@strawberry.type
class WholesaleInvoice(Invoice):
    @strawberry.field
    def account(self, info: Info) -> Account | None:
        return order_account(info, _first_order(info, self))  # type: ignore[return-value]

    @strawberry.field
    def buyer(self, info: Info) -> Buyer | None:
        return order_buyer(info, _first_order(info, self))  # type: ignore[return-value]

    @strawberry.field(
        description="When payment is due: issue time plus the account's payment terms."
    )
    def due_date(self) -> DateTimeTz | None:
        return self.due_at  # type: ignore[attr-defined]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, InvoiceRow) and obj.store_type == "WHOLESALE"


def register_page(info: Info, rows: Sequence[InvoiceRow]) -> None:
    """Let the page's lines and orders load in one query each."""
    batch.register(info, "Invoice", (row.id for row in rows))
    batch.load_orders(info, (row.order_id for row in rows))


INVOICE_TYPES = [DirectToConsumerInvoice, WholesaleInvoice]
