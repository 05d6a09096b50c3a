"""Warehouse and stock queries and mutations."""

from enum import StrEnum
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.listing import ids_filter
from mockcentra.domain.stock import changes, queries, warehouses
from mockcentra.domain.stock.status import WarehouseStatus
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.common import (
    CountryInput,
    MonetaryValueInput,
    Payload,
    ProductVariantInput,
    SizeInput,
    StringMatch,
    WarehouseInput,
)
from mockcentra.graphql.connections import Connection
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import RENAMED_FIELD_REMOVAL, field, mutation
from mockcentra.graphql.stock.types import (
    Stock,
    StockChange,
    StockChangeFilter,
    StockChangeSort,
    StockFilter,
    StockQuantityType,
    Warehouse,
    WarehouseAllocationPolicy,
    WarehouseDeliveryFilter,
    WarehouseStockMaster,
    WarehouseStockOwnership,
    announce_changes,
    stock_change_connection,
    stock_change_page,
    stock_page,
)
from mockcentra.storage.tables import StockChangeRow, WarehouseRow

# --- warehouse inputs -------------------------------------------------------------------------


@strawberry.input
class WarehouseLocationInput:
    country: CountryInput | None = None
    state_or_province: str | None = None
    zip_code: str | None = None


@strawberry.input
class WarehouseCreateInput:
    name: str
    before_warehouse: WarehouseInput | None = None
    hide_from_stock_view: bool | None = None
    threshold: int | None = None
    stock_master_policy: WarehouseStockMaster | None = None
    stock_ownership_policy: WarehouseStockOwnership | None = None
    allocation_policy: WarehouseAllocationPolicy | None = None
    warehouse_location: WarehouseLocationInput | None = None
    status: Status | None = strawberry.field(
        default=None,
        description="ACTIVE when left out; an INACTIVE warehouse takes no new allocations.",
    )


@strawberry.input
class WarehouseUpdateInput:
    name: str | None = None
    before_warehouse: WarehouseInput | None = None
    hide_from_stock_view: bool | None = None
    threshold: int | None = None
    stock_master_policy: WarehouseStockMaster | None = None
    stock_ownership_policy: WarehouseStockOwnership | None = None
    allocation_policy: WarehouseAllocationPolicy | None = None
    warehouse_location: WarehouseLocationInput | None = None
    status: Status | None = None


def _settings(i: WarehouseCreateInput | WarehouseUpdateInput) -> warehouses.WarehouseSettings:
    loc = i.warehouse_location
    return warehouses.WarehouseSettings(
        name=i.name,
        before_warehouse=i.before_warehouse,
        hide_from_stock_view=i.hide_from_stock_view,
        threshold=i.threshold,
        stock_master=i.stock_master_policy,
        stock_ownership=i.stock_ownership_policy,
        allocation_policy=i.allocation_policy,
        status=WarehouseStatus(i.status) if i.status is not None else None,
        location=None
        if loc is None
        else warehouses.WarehouseLocation(
            country=loc.country, state_or_province=loc.state_or_province, zip_code=loc.zip_code
        ),
    )


@strawberry.type
class WarehousePayload(Payload):
    warehouse: Warehouse | None = None


@strawberry.input
class WarehouseFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    status: list[Status] | None = None


@strawberry.enum
class WarehouseSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


# --- stock inputs -----------------------------------------------------------------------------


@strawberry.input
class ProductSizeStockChangeInput:
    size: SizeInput
    delivered_quantity: int


@strawberry.input
class ProductVariantStockChangeInput:
    product_variant: ProductVariantInput
    size_changes: list[ProductSizeStockChangeInput]
    unit_cost: MonetaryValueInput | None = None


@strawberry.input
class StockChangeInput:
    """Just intoWarehouse adds stock, just outFromWarehouse removes it, both move it."""

    out_from_warehouse: WarehouseInput | None = None
    into_warehouse: WarehouseInput | None = None
    description: str
    product_variants: list[ProductVariantStockChangeInput] | None = None


@strawberry.input
class ProductSizeStockSetInput:
    size: SizeInput
    quantity: int


@strawberry.input
class ProductVariantStockSetInput:
    product_variant: ProductVariantInput
    size_stock_levels: list[ProductSizeStockSetInput]
    unit_cost: MonetaryValueInput | None = None


@strawberry.input
class StockSetInput:
    warehouse: WarehouseInput
    description: str
    product_variants: list[ProductVariantStockSetInput] | None = None
    stock_quantity_type: StockQuantityType


def _variants(entries, sizes_attr: str, quantity_attr: str) -> list[changes.VariantQuantities]:
    result = []
    for e in entries or ():
        cost = e.unit_cost
        result.append(
            changes.VariantQuantities(
                product_variant=e.product_variant,
                sizes=[
                    changes.SizeQuantity(size=s.size, quantity=getattr(s, quantity_attr))
                    for s in getattr(e, sizes_attr) or ()
                ],
                unit_cost=None if cost is None else cost.to_decimal(),
                unit_cost_currency=None if cost is None else cost.currency_iso_code,
            )
        )
    return result


@strawberry.type
class StockChangePayload(Payload):
    stock_change: StockChange | None = None


@strawberry.type
class StockSetPayload(Payload):
    stock_changes: list[StockChange] = strawberry.field(default_factory=list)


# --- root fields ------------------------------------------------------------------------------


@strawberry.type
class Query:
    @strawberry.field
    def warehouses(
        self,
        info: Info,
        where: WarehouseFilter | None = None,
        sort: list[WarehouseSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Warehouse]:
        """By `sort`, else in allocation order: priority, then id."""
        w = where or WarehouseFilter()
        return queries.warehouses(  # type: ignore[return-value]
            info.context.session,
            ids=ids_filter(w.id),
            name_equals=w.name.equals if w.name else None,
            name_contains=w.name.contains if w.name else None,
            statuses=w.status,
            sort=sort,
            limit=limit,
            page_number=page,
        )

    @strawberry.field
    def warehouse(self, info: Info, id: int) -> Warehouse | None:
        return info.context.session.get(WarehouseRow, id)

    @strawberry.field
    def stock(
        self,
        info: Info,
        where: StockFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Stock]:
        """mockcentra: per-warehouse stock across warehouses (Centra reaches it through
        `Warehouse.stock` and `ProductSize.stock`); same `Warehouse.stock:read` permission."""
        return stock_page(info, where, limit, page)

    @field(
        deprecation_reason=(
            "Use stockChangeConnection; this plain list is removed in the next release."
        ),
        removal=RENAMED_FIELD_REMOVAL,
    )
    def stock_changes(
        self,
        info: Info,
        where: StockChangeFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[StockChange]:
        """Newest first: the plain-list stand-in that preceded `stockChangeConnection`."""
        return stock_change_page(info, where, limit, page)

    @strawberry.field
    def stock_change_connection(
        self,
        info: Info,
        where: StockChangeFilter | None = None,
        sort: list[StockChangeSort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[StockChange]:
        """Stock changes as a Relay connection, oldest first unless sorted."""
        window = {"first": first, "after": after, "last": last, "before": before}
        return stock_change_connection(info, where, sort, window)

    @strawberry.field(
        deprecation_reason="Renamed to stockChangeConnection (WarehouseDelivery is StockChange).",
    )
    def warehouse_delivery_connection(
        self,
        info: Info,
        where: WarehouseDeliveryFilter | None = None,
        sort: list[StockChangeSort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[StockChange]:
        window = {"first": first, "after": after, "last": last, "before": before}
        return stock_change_connection(info, where, sort, window)

    @strawberry.field
    def stock_change(self, info: Info, id: int) -> StockChange | None:
        row = info.context.session.get(StockChangeRow, id)
        if row is not None:
            announce_changes(info, [row])
        return row


@strawberry.type
class Mutation:
    @mutation(permission="Warehouse:write")
    def create_warehouse(self, info: Info, input: WarehouseCreateInput) -> WarehousePayload:
        return run_mutation(
            info,
            WarehousePayload,
            lambda: {"warehouse": warehouses.create_warehouse(info.context.uow, _settings(input))},
            reads="input",
        )

    @mutation(permission="Warehouse:write")
    def update_warehouse(
        self, info: Info, id: int, input: WarehouseUpdateInput
    ) -> WarehousePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                warehouse = warehouses.warehouse_to_change(uow, id)
            with reading("input"):
                return {"warehouse": warehouses.update_warehouse(uow, warehouse, _settings(input))}

        return run_mutation(info, WarehousePayload, action)

    @mutation(permission="StockChange:write")
    def change_stock(self, info: Info, input: StockChangeInput) -> StockChangePayload:
        return run_mutation(
            info,
            StockChangePayload,
            lambda: {
                "stock_change": changes.change_stock(
                    info.context.uow,
                    into_warehouse=input.into_warehouse,
                    out_from_warehouse=input.out_from_warehouse,
                    description=input.description,
                    variants=_variants(
                        input.product_variants, "size_changes", "delivered_quantity"
                    ),
                )
            },
            reads="input",
        )

    @mutation(permission="StockChange:write")
    def set_stock(self, info: Info, input: StockSetInput) -> StockSetPayload:
        def action() -> dict:
            rows, warnings = changes.set_stock(
                info.context.uow,
                warehouse=input.warehouse,
                description=input.description,
                quantity_type=input.stock_quantity_type,
                variants=_variants(input.product_variants, "size_stock_levels", "quantity"),
            )
            return {"stock_changes": rows, "warnings": warnings}

        return run_mutation(info, StockSetPayload, action, reads="input")
