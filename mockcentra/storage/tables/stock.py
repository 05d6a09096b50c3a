"""Warehouses and stock per warehouse and product size, with the history of stock changes."""

from datetime import datetime
from decimal import Decimal

from sqlmodel import Field

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import AwareDateTime, Money

__all__ = ["WarehouseRow", "StockRow", "StockChangeRow", "StockChangeLineRow"]


class WarehouseRow(Row, table=True):
    __tablename__ = "warehouse"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    status: str = "ACTIVE"  # Status
    priority: int = 0  # lower allocates first; `beforeWarehouse` inserts before another
    is_hidden_from_stock_view: bool = False
    threshold: int = 0
    stock_master: str = "CENTRA"  # StockMasterPolicy
    stock_ownership: str = "OWN"  # StockOwnershipPolicy
    allocation_policy: str = "DIRECT"  # WarehouseAllocationPolicy: DIRECT | CHECK_FIRST
    is_consignation: bool = False
    country_id: int | None = Field(default=None, foreign_key="country.id")
    state_id: int | None = Field(default=None, foreign_key="country_state.id")
    zip_code: str | None = None


class StockRow(Row, table=True):
    """Stock of one size in one warehouse. Free to allocate is physical minus allocated."""

    __tablename__ = "stock"
    warehouse_id: int = Field(foreign_key="warehouse.id", primary_key=True)
    product_size_id: int = Field(foreign_key="product_size.id", primary_key=True, index=True)
    physical: int = 0
    allocated: int = 0


class StockChangeRow(Row, table=True):
    __tablename__ = "stock_change"
    id: int | None = Field(default=None, primary_key=True)
    description: str | None = None
    kind: str = "CHANGE"  # CHANGE (relative) | SET (absolute) | ORDER | SHIPMENT | RETURN
    created_at: datetime = Field(sa_type=AwareDateTime)


class StockChangeLineRow(Row, table=True):
    __tablename__ = "stock_change_line"
    id: int | None = Field(default=None, primary_key=True)
    stock_change_id: int = Field(foreign_key="stock_change.id", index=True)
    warehouse_id: int = Field(foreign_key="warehouse.id")
    product_size_id: int = Field(foreign_key="product_size.id")
    physical_delta: int = 0
    allocated_delta: int = 0  # allocations and releases move only this
    unit_cost: Decimal | None = Field(default=None, sa_type=Money)
    unit_cost_currency: str | None = None
