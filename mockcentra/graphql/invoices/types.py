"""Invoices: the `Invoice` interface and its direct-to-consumer and wholesale implementations.

An invoice is issued when a shipment is completed (domain/shipments/invoicing.py). Its
figures were frozen at issue; `orders` and `shipments` are what its lines cover.
"""

from collections.abc import Sequence
from typing import Any, TypeAlias

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.invoices import queries
from mockcentra.domain.invoices.status import InvoiceType as DomainInvoiceType
from mockcentra.domain.orders.totals import net_of_tax
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.addresses import Address
from mockcentra.graphql.orders.customers import Customer
from mockcentra.graphql.orders.lines import OrderLine
from mockcentra.graphql.orders.payments import PaymentHistoryEntry
from mockcentra.graphql.orders.types import Order
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
from mockcentra.storage.tables.base import key

strawberry.enum(DomainInvoiceType, name="InvoiceType")
InvoiceType: TypeAlias = DomainInvoiceType


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
    @staticmethod
    def tax_percent(root: Parent[InvoiceLineRow]) -> float:
        return root.tax_percent_hundredths / 100

    @strawberry.field
    @staticmethod
    def unit_price(root: Parent[InvoiceLineRow], info: Info) -> MonetaryValue:
        return money(info, root.unit_price, _currency(info, root.order_id))

    @strawberry.field
    @staticmethod
    def line_value(
        root: Parent[InvoiceLineRow], info: Info, including_tax: bool = True
    ) -> MonetaryValue:
        value = root.line_value
        if not including_tax:
            value = net_of_tax(value, root.tax_percent_hundredths)
        return money(info, value, _currency(info, root.order_id))

    @strawberry.field
    @staticmethod
    def order_line(root: Parent[InvoiceLineRow], info: Info) -> OrderLine:
        return info.context.session.get(OrderLineRow, root.order_line_id)

    @strawberry.field
    @staticmethod
    def shipment_line(root: Parent[InvoiceLineRow], info: Info) -> ShipmentLine | None:
        sid = root.shipment_line_id
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
    type: InvoiceType
    created_at: DateTimeTz
    updated_at: DateTimeTz
    paid_at: DateTimeTz | None

    @strawberry.field
    @staticmethod
    def is_paid(root: Parent[InvoiceRow]) -> bool:
        return root.paid_at is not None

    @strawberry.field
    @staticmethod
    def currency_code(root: Parent[InvoiceRow]) -> str:
        return root.currency_code

    @strawberry.field
    @staticmethod
    def store(root: Parent[InvoiceRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def grand_total(
        root: Parent[InvoiceRow], info: Info, including_tax: bool = True
    ) -> MonetaryValue:
        value = root.grand_total
        if not including_tax:
            value -= root.tax_value
        return money(info, value, root.currency_code)

    @strawberry.field
    @staticmethod
    def totals(root: Parent[InvoiceRow], info: Info) -> InvoiceTotals:
        code = root.currency_code
        return InvoiceTotals(
            items_subtotal=money(info, root.items_value, code),
            shipping=money(info, root.shipping_value, code),
            handling=money(info, root.handling_value, code),
            tax_included=money(info, root.tax_value, code),
            grand_total=money(info, root.grand_total, code),
        )

    @strawberry.field
    @staticmethod
    def lines(root: Parent[InvoiceRow], info: Info) -> list[InvoiceLine]:
        return _lines(info, key(root))  # type: ignore[return-value]

    @strawberry.field(description="The orders the invoice's lines come from.")
    @staticmethod
    def orders(root: Parent[InvoiceRow], info: Info) -> list[Order]:
        ids = queries.covered(_lines(info, key(root)), "order_id")
        rows = [batch.order_row(info, i) for i in ids]
        return rows  # type: ignore[return-value]

    @strawberry.field(description="The shipments the invoice was issued for.")
    @staticmethod
    def shipments(root: Parent[InvoiceRow], info: Info) -> list[Shipment]:
        ids = queries.covered(_lines(info, key(root)), "shipment_id")
        return [info.context.session.get(ShipmentRow, i) for i in ids]

    @strawberry.field(description="The captures that paid the invoiced shipments.")
    @staticmethod
    def payments(root: Parent[InvoiceRow], info: Info) -> list[PaymentHistoryEntry]:
        ids = queries.covered(_lines(info, key(root)), "shipment_id")
        return queries.payments_of(info.context.session, ids)  # type: ignore[return-value]

    @field(permission="Invoice.billingAddress:read")
    @staticmethod
    def billing_address(root: Parent[InvoiceRow]) -> Address | None:
        return Address.of(root.billing_address)


def _first_order(info: Info, invoice: Any) -> Any:
    return batch.order_row(info, invoice.order_id)


@strawberry.type
class DirectToConsumerInvoice(Invoice):
    @strawberry.field
    @staticmethod
    def customer(root: Parent[InvoiceRow], info: Info) -> Customer | None:
        order = _first_order(info, root)
        if order.customer_id is None:
            return None
        return info.context.session.get(CustomerRow, order.customer_id)

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, InvoiceRow) and obj.store_type == "DIRECT_TO_CONSUMER"


@strawberry.type
class WholesaleInvoice(Invoice):
    @strawberry.field
    @staticmethod
    def account(root: Parent[InvoiceRow], info: Info) -> Account | None:
        return order_account(info, _first_order(info, root))  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def buyer(root: Parent[InvoiceRow], info: Info) -> Buyer | None:
        return order_buyer(info, _first_order(info, root))  # type: ignore[return-value]

    @strawberry.field(
        description="When payment is due: issue time plus the account's payment terms."
    )
    @staticmethod
    def due_date(root: Parent[InvoiceRow]) -> DateTimeTz | None:
        return root.due_at  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, InvoiceRow) and obj.store_type == "WHOLESALE"


def register_page(info: Info, rows: Sequence[InvoiceRow]) -> None:
    """Let the page's lines and orders load in one query each."""
    batch.register(info, "Invoice", (key(row) for row in rows))
    batch.load_orders(info, (row.order_id for row in rows))


INVOICE_TYPES = [DirectToConsumerInvoice, WholesaleInvoice]
