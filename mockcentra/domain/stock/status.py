"""Warehouse settings and stock-change kinds, with the values Centra's schema uses."""

from __future__ import annotations

from enum import StrEnum


class WarehouseStockMaster(StrEnum):
    """Who may edit the warehouse's stock (`stockMasterPolicy` in, `stockMaster` out)."""

    CENTRA = "CENTRA"  # editable in Centra's admin and through the APIs
    EXTERNAL = "EXTERNAL"  # an external system owns the figures: APIs only


class WarehouseStockOwnership(StrEnum):
    """Who physically owns the stock (`stockOwnershipPolicy` in, `stockOwnership` out)."""

    OWN = "OWN"  # the brand's own stock
    THIRD_PARTY = "THIRD_PARTY"  # stock held for or by someone else


class WarehouseAllocationPolicy(StrEnum):
    """How orders take stock from the warehouse."""

    DIRECT = "DIRECT"  # allocate at once when the order is placed
    CHECK_FIRST = "CHECK_FIRST"  # a store accepts or rejects first (brick-and-mortar flows)


class StockQuantityType(StrEnum):
    """What `setStock` quantities mean."""

    PHYSICAL = "PHYSICAL"  # on the shelf, allocated stock included
    FREE_TO_ALLOCATE = "FREE_TO_ALLOCATE"  # what is left for new orders


class StockChangeType(StrEnum):
    """Why stock moved; stored as `StockChangeRow.kind`."""

    CHANGE = "CHANGE"  # changeStock: delivery, removal or move between warehouses
    SET = "SET"  # setStock: an absolute level was written
    ORDER = "ORDER"  # an order allocated, released or removed stock
    SHIPMENT = "SHIPMENT"  # a shipment consumed allocated stock
    RETURN = "RETURN"  # a return put stock back on the shelf


class WarehouseStatus(StrEnum):
    """Centra's plain `Status` on warehouses."""

    ACTIVE = "ACTIVE"  # allocates orders from its stock
    INACTIVE = "INACTIVE"  # keeps its stock and allocations, takes no new allocations
