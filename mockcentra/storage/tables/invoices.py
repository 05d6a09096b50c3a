"""Invoices: the documents issued for shipped goods, frozen when they are issued."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_dict
from mockcentra.storage.types import AwareDateTime, JsonDict, Money

__all__ = ["InvoiceRow", "InvoiceLineRow"]


class InvoiceRow(Row):
    """One invoice; amounts and the billing address are copied at issue and never change."""

    __tablename__ = "invoice"
    __table_args__ = (
        # invoices(where: {storeType}) / {storeId} in id order
        Index("ix_invoice_store_type_id", "store_type", "id"),
        Index("ix_invoice_store_id_id", "store_id", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sequence: Mapped[int] = mapped_column(unique=True)  # the instance's invoice series, from 1
    number: Mapped[str] = mapped_column(unique=True, index=True)
    type: Mapped[str] = mapped_column(default="INVOICE")  # InvoiceType
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    store_type: Mapped[str] = mapped_column(default="DIRECT_TO_CONSUMER")
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipment.id"), index=True)
    currency_code: Mapped[str]
    tax_percent_hundredths: Mapped[int] = mapped_column(
        default=0
    )  # the order's rate, for shipping and handling
    items_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    shipping_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    handling_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))  # included in the values
    grand_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    billing_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    paid_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    due_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class InvoiceLineRow(Row):
    """One invoiced shipment line: what was shipped, at the order line's price."""

    __tablename__ = "invoice_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id"))
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipment.id"))
    shipment_line_id: Mapped[int | None] = mapped_column(ForeignKey("shipment_line.id"))
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Money)
    line_value: Mapped[Decimal] = mapped_column(Money)
    tax_percent_hundredths: Mapped[int] = mapped_column(default=0)
