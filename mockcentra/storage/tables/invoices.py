"""Invoices: the documents issued for shipped goods, frozen when they are issued."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field

from mockcentra.storage.tables.base import Row, empty_dict
from mockcentra.storage.types import AwareDateTime, JsonDict, Money

__all__ = ["InvoiceRow", "InvoiceLineRow"]


class InvoiceRow(Row, table=True):
    """One invoice; amounts and the billing address are copied at issue and never change."""

    __tablename__ = "invoice"
    __table_args__ = (
        # invoices(where: {storeType}) / {storeId} in id order
        Index("ix_invoice_store_type_id", "store_type", "id"),
        Index("ix_invoice_store_id_id", "store_id", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    sequence: int = Field(unique=True)  # the instance's invoice series, from 1
    number: str = Field(unique=True, index=True)
    type: str = "INVOICE"  # InvoiceType
    store_id: int = Field(foreign_key="store.id")
    store_type: str = "DIRECT_TO_CONSUMER"
    order_id: int = Field(foreign_key="orders.id", index=True)
    shipment_id: int | None = Field(default=None, foreign_key="shipment.id", index=True)
    currency_code: str
    tax_percent_hundredths: int = 0  # the order's rate, for shipping and handling
    items_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    shipping_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    handling_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    tax_value: Decimal = Field(default=Decimal(0), sa_type=Money)  # included in the values
    grand_total: Decimal = Field(default=Decimal(0), sa_type=Money)
    billing_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    paid_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    due_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class InvoiceLineRow(Row, table=True):
    """One invoiced shipment line: what was shipped, at the order line's price."""

    __tablename__ = "invoice_line"
    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    order_id: int = Field(foreign_key="orders.id")
    order_line_id: int = Field(foreign_key="order_line.id")
    shipment_id: int | None = Field(default=None, foreign_key="shipment.id")
    shipment_line_id: int | None = Field(default=None, foreign_key="shipment_line.id")
    quantity: int
    unit_price: Decimal = Field(sa_type=Money)
    line_value: Decimal = Field(sa_type=Money)
    tax_percent_hundredths: int = 0
