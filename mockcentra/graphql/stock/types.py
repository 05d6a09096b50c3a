"""Warehouse, per-warehouse stock and stock-change types.

`Warehouse` and `StockChange` resolve straight from their rows; `Stock` from a domain
`StockLevel` (a size in a warehouse, zero when no stock row exists yet). Lists preload what
their items point at (warehouses, product sizes, lines) in one statement per kind.
"""

import weakref
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeAlias

import strawberry
from graphql import OperationType
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.cursors import StatementSource, keys_of
from mockcentra.domain.listing import as_list
from mockcentra.domain.stock import queries
from mockcentra.domain.stock.levels import StockLevel
from mockcentra.domain.stock.status import StockChangeType as DomainStockChangeType
from mockcentra.domain.stock.status import StockQuantityType as DomainStockQuantityType
from mockcentra.domain.stock.status import WarehouseAllocationPolicy as DomainAllocationPolicy
from mockcentra.domain.stock.status import WarehouseStockMaster as DomainStockMaster
from mockcentra.domain.stock.status import WarehouseStockOwnership as DomainStockOwnership
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.types import ProductSize
from mockcentra.graphql.common import MonetaryValue, currency_by_code
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import AllocationRule, Country, State
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import (
    AllocationRuleRow,
    AllocationRuleWarehouseRow,
    CountryRow,
    ProductSizeRow,
    StateRow,
    StockChangeLineRow,
    StockChangeRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import key

strawberry.enum(DomainStockMaster, name="WarehouseStockMaster")
WarehouseStockMaster: TypeAlias = DomainStockMaster
strawberry.enum(DomainStockOwnership, name="WarehouseStockOwnership")
WarehouseStockOwnership: TypeAlias = DomainStockOwnership
strawberry.enum(DomainAllocationPolicy, name="WarehouseAllocationPolicy")
WarehouseAllocationPolicy: TypeAlias = DomainAllocationPolicy
strawberry.enum(DomainStockQuantityType, name="StockQuantityType")
StockQuantityType: TypeAlias = DomainStockQuantityType
strawberry.enum(DomainStockChangeType, name="StockChangeType")
StockChangeType: TypeAlias = DomainStockChangeType


# --- per-request preloading -------------------------------------------------------------------

_MEMO: weakref.WeakKeyDictionary[Any, dict[Any, Any]] = weakref.WeakKeyDictionary()


def _memo(info: Info) -> dict[Any, Any]:
    return _MEMO.setdefault(info.context.uow, {})


def preload(info: Info, row_type: type[Any], ids: Iterable[int]) -> None:
    """Load rows a list will point at in one query; `session.get` then finds them in memory."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return
    rows = info.context.session.exec(select(row_type).where(row_type.id.in_(wanted))).all()
    _memo(info).setdefault(("keep", row_type), []).extend(rows)  # hold them strongly


def announce_changes(info: Info, changes: Iterable[StockChangeRow]) -> None:
    """Stock changes a list put in the result: their lines load together on first access."""
    _memo(info).setdefault("changes", set()).update(c.id for c in changes)


def _lines(info: Info, change_id: int) -> list[Any]:
    if info.operation.operation != OperationType.QUERY:
        return queries.lines_by_change(info.context.session, [change_id]).get(change_id, [])
    memo = _memo(info)
    loaded: dict[int, list[Any]] = memo.setdefault("lines", {})
    if change_id not in loaded:
        wanted = (memo.get("changes", set()) - loaded.keys()) | {change_id}
        found = queries.lines_by_change(info.context.session, wanted)
        for cid in wanted:
            loaded[cid] = found.get(cid, [])
        _preload_line_targets(info, [line for cid in wanted for line in loaded[cid]])
    return loaded[change_id]


def _preload_line_targets(info: Info, lines: list[Any]) -> None:
    preload(info, WarehouseRow, {line.warehouse_id for line in lines})
    preload(info, ProductSizeRow, {line.product_size_id for line in lines})


# --- warehouses -------------------------------------------------------------------------------


@read_permission("BrickAndMortar:read")
@strawberry.type
class BrickAndMortar:
    """A physical store tied to a warehouse (not modelled: always null)."""

    id: int
    name: str


@strawberry.input
class StockFilter:
    """Centra's StockFilter, id parts only (quantity ranges and `negate` are not supported)."""

    warehouse_id: list[int] | None = None
    product_id: list[int] | None = None
    product_variant_id: list[int] | None = None
    product_size_id: list[int] | None = None


@strawberry.input
class StockChangeFilter:
    """mockcentra's filter for stock changes: ids, warehouses, product sizes and types."""

    id: list[int] | None = None
    warehouse_id: list[int] | None = None
    product_size_id: list[int] | None = None
    type: list[StockChangeType] | None = None


@strawberry.input(
    name="WarehouseDeliveryFilter",
    description="The old name of StockChangeFilter, for the deprecated warehouseDeliveryConnection.",
)
class WarehouseDeliveryFilter(StockChangeFilter):
    pass


@strawberry.enum
class StockChangeSort(Enum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"


def _stock_change_query(w: StockChangeFilter, warehouse_ids: Any = None) -> Any:
    return queries.stock_changes_matching(
        ids=w.id,
        warehouse_ids=warehouse_ids or w.warehouse_id,
        product_size_ids=w.product_size_id,
        types=[t.value for t in w.type] if w.type else None,
    )


def stock_change_connection(
    info: Info,
    where: StockChangeFilter | None,
    sort: list[StockChangeSort] | None,
    window: dict[str, Any],
) -> "Connection[StockChange]":
    """A page of stock changes, oldest first unless sorted (so `last: 10` is the newest ten)."""
    keys = keys_of(
        [s.value for s in as_list(sort)], queries.STOCK_CHANGE_SORT_COLUMNS, StockChangeRow.id
    )
    source = StatementSource(
        info.context.session, _stock_change_query(where or StockChangeFilter())
    )
    return connection(source, keys, loaded=lambda rows: announce_changes(info, rows), **window)


def stock_page(
    info: Info, where: StockFilter | None, limit: int | None, page: int | None, **fixed: Any
) -> "list[Stock]":
    """A page of per-warehouse stock with its warehouses and product sizes preloaded."""
    w = where or StockFilter()
    levels = queries.stock_levels(
        info.context.session,
        warehouse_ids=fixed.get("warehouse_ids") or w.warehouse_id,
        product_ids=w.product_id,
        product_variant_ids=w.product_variant_id,
        product_size_ids=fixed.get("product_size_ids") or w.product_size_id,
        limit=limit,
        page_number=page,
    )
    preload(info, WarehouseRow, {lv.warehouse_id for lv in levels})
    preload(info, ProductSizeRow, {lv.product_size_id for lv in levels})
    return levels  # type: ignore[return-value]


def stock_change_page(
    info: Info, where: StockChangeFilter | None, limit: int | None, page: int | None, **fixed: Any
) -> "list[StockChange]":
    w = where or StockChangeFilter()
    rows = queries.stock_changes(
        info.context.session,
        ids=w.id,
        warehouse_ids=fixed.get("warehouse_ids") or w.warehouse_id,
        product_size_ids=w.product_size_id,
        types=[t.value for t in w.type] if w.type else None,
        limit=limit,
        page_number=page,
    )
    announce_changes(info, rows)
    return rows  # type: ignore[return-value]


@read_permission("Warehouse:read")
@strawberry.type
class Warehouse:
    id: int
    name: str
    status: Status
    is_hidden_from_stock_view: bool
    threshold: int | None
    stock_master: WarehouseStockMaster
    stock_ownership: WarehouseStockOwnership
    allocation_policy: WarehouseAllocationPolicy
    is_consignation: bool
    zip_code: str | None

    @strawberry.field
    @staticmethod
    def brick_and_mortar(root: Parent[WarehouseRow]) -> BrickAndMortar | None:
        """Brick-and-mortar stores are not modelled."""
        return None

    @field(permission="")
    @staticmethod
    def country(root: Parent[WarehouseRow], info: Info) -> Country | None:
        cid = root.country_id
        return None if cid is None else info.context.session.get(CountryRow, cid)

    @field(permission="")
    @staticmethod
    def state(root: Parent[WarehouseRow], info: Info) -> State | None:
        sid = root.state_id
        return None if sid is None else info.context.session.get(StateRow, sid)

    @strawberry.field
    @staticmethod
    def allocation_rules(root: Parent[WarehouseRow], info: Info) -> list[AllocationRule]:
        stmt = (
            select(AllocationRuleRow)
            .join(
                AllocationRuleWarehouseRow,
                AllocationRuleWarehouseRow.allocation_rule_id == AllocationRuleRow.id,
            )
            .where(AllocationRuleWarehouseRow.warehouse_id == root.id)
            .order_by(AllocationRuleRow.id)
        )
        return list(info.context.session.exec(stmt))

    @field(permission="Warehouse.stock:read")
    @staticmethod
    def stock(
        root: Parent[WarehouseRow],
        info: Info,
        where: StockFilter | None = None,
        limit: int | None = 20,
        page: int | None = 1,
    ) -> "list[Stock]":
        return stock_page(info, where, limit, page, warehouse_ids=[root.id])

    @strawberry.field
    @staticmethod
    def stock_changes(
        root: Parent[WarehouseRow],
        info: Info,
        where: StockChangeFilter | None = None,
        limit: int | None = 20,
        page: int | None = 1,
    ) -> "list[StockChange]":
        return stock_change_page(info, where, limit, page, warehouse_ids=[root.id])


# --- stock ------------------------------------------------------------------------------------


@read_permission("Warehouse.stock:read")
@strawberry.type
class Stock:
    """Stock of one product size in one warehouse. FTA ignores threshold and stock offset."""

    @strawberry.field
    @staticmethod
    def physical_quantity(root: Parent[StockLevel]) -> int:
        return root.physical

    @strawberry.field
    @staticmethod
    def allocated_quantity(root: Parent[StockLevel]) -> int:
        return root.allocated

    @strawberry.field
    @staticmethod
    def free_to_allocate_quantity(root: Parent[StockLevel]) -> int:
        return root.free_to_allocate

    @strawberry.field
    @staticmethod
    def warehouse(root: Parent[StockLevel], info: Info) -> Warehouse:
        return info.context.session.get(WarehouseRow, root.warehouse_id)

    @strawberry.field
    @staticmethod
    def product_size(root: Parent[StockLevel], info: Info) -> ProductSize:
        return info.context.session.get(ProductSizeRow, root.product_size_id)


# --- stock changes ----------------------------------------------------------------------------


@read_permission("StockChange:read", deprecated="WarehouseDelivery:read")
@strawberry.type
class StockChange:
    """A stock change (Centra renamed warehouse deliveries to stock changes)."""

    id: int
    created_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def comment(root: Parent[StockChangeRow]) -> str:
        """The `description` the change was sent with."""
        return root.description or ""

    @strawberry.field(name="description")
    @staticmethod
    def description_(root: Parent[StockChangeRow]) -> str | None:
        """mockcentra: the same text as `comment`, under the input's name."""
        return root.description

    @strawberry.field
    @staticmethod
    def type(root: Parent[StockChangeRow]) -> StockChangeType:
        return DomainStockChangeType(root.kind)

    @field(permission="")
    @staticmethod
    def warehouse(root: Parent[StockChangeRow], info: Info) -> Warehouse | None:
        wid = queries.main_warehouse_id(_lines(info, key(root)))
        return None if wid is None else info.context.session.get(WarehouseRow, wid)

    @strawberry.field
    @staticmethod
    def lines(
        root: Parent[StockChangeRow], info: Info, limit: int | None = None, page: int | None = None
    ) -> "list[StockChangeLine]":
        """All lines unless `limit` is given (Centra pages lines 20 at a time)."""
        lines = _lines(info, key(root))
        if limit is not None:
            start = ((page or 1) - 1) * limit
            lines = lines[start : start + limit]
        return lines


@strawberry.type
class StockChangeLine:
    id: int

    @strawberry.field
    @staticmethod
    def delivered_quantity(root: Parent[StockChangeLineRow]) -> int:
        """The physical change in the line's warehouse: negative when stock left it."""
        return root.physical_delta

    @strawberry.field
    @staticmethod
    def free_to_allocate_quantity(root: Parent[StockChangeLineRow]) -> int:
        """How much free-to-allocate stock the line added (negative: took)."""
        return root.physical_delta - root.allocated_delta

    @strawberry.field
    @staticmethod
    def unit_cost(root: Parent[StockChangeLineRow], info: Info) -> MonetaryValue | None:
        amount = root.unit_cost
        code = root.unit_cost_currency
        if amount is None or code is None:
            return None
        return MonetaryValue.of(amount, currency_by_code(info, code))

    @strawberry.field
    @staticmethod
    def warehouse(root: Parent[StockChangeLineRow], info: Info) -> Warehouse | None:
        return info.context.session.get(WarehouseRow, root.warehouse_id)

    @strawberry.field
    @staticmethod
    def product_size(root: Parent[StockChangeLineRow], info: Info) -> ProductSize | None:
        return info.context.session.get(ProductSizeRow, root.product_size_id)

    @strawberry.field
    @staticmethod
    def stock_change(root: Parent[StockChangeLineRow], info: Info) -> StockChange:
        return info.context.session.get(StockChangeRow, root.stock_change_id)
