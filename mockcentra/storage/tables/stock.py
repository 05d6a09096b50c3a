"""Warehouses and stock per warehouse and product size, with the history of stock changes."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import AwareDateTime, Money

__all__ = ["WarehouseRow", "StockRow", "StockChangeRow", "StockChangeLineRow"]


class WarehouseRow(Row):
    __tablename__ = "warehouse"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    status: Mapped[str] = mapped_column(default="ACTIVE")  # Status
    priority: Mapped[int] = mapped_column(
        default=0
    )  # lower allocates first; `beforeWarehouse` inserts before another
    is_hidden_from_stock_view: Mapped[bool] = mapped_column(default=False)
    threshold: Mapped[int] = mapped_column(default=0)
    stock_master: Mapped[str] = mapped_column(default="CENTRA")  # StockMasterPolicy
    stock_ownership: Mapped[str] = mapped_column(default="OWN")  # StockOwnershipPolicy
    allocation_policy: Mapped[str] = mapped_column(
        default="DIRECT"
    )  # WarehouseAllocationPolicy: DIRECT | CHECK_FIRST
    is_consignation: Mapped[bool] = mapped_column(default=False)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"))
    state_id: Mapped[int | None] = mapped_column(ForeignKey("country_state.id"))
    zip_code: Mapped[str | None]


class StockRow(Row):
    """Stock of one size in one warehouse. Free to allocate is physical minus allocated."""

    __tablename__ = "stock"
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"), primary_key=True)
    product_size_id: Mapped[int] = mapped_column(
        ForeignKey("product_size.id"), primary_key=True, index=True
    )
    physical: Mapped[int] = mapped_column(default=0)
    allocated: Mapped[int] = mapped_column(default=0)


class StockChangeRow(Row):
    __tablename__ = "stock_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    description: Mapped[str | None]
    kind: Mapped[str] = mapped_column(
        default="CHANGE"
    )  # CHANGE (relative) | SET (absolute) | ORDER | SHIPMENT | RETURN
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)


class StockChangeLineRow(Row):
    __tablename__ = "stock_change_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    stock_change_id: Mapped[int] = mapped_column(ForeignKey("stock_change.id"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouse.id"))
    product_size_id: Mapped[int] = mapped_column(ForeignKey("product_size.id"))
    physical_delta: Mapped[int] = mapped_column(default=0)
    allocated_delta: Mapped[int] = mapped_column(
        default=0
    )  # allocations and releases move only this
    unit_cost: Mapped[Decimal | None] = mapped_column(Money)
    unit_cost_currency: Mapped[str | None]
