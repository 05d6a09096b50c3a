"""Queries over the instance's reference data."""

from __future__ import annotations

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.listing import ids_filter
from mockcentra.graphql.common import Currency, StringMatch
from mockcentra.graphql.permissions import field
from mockcentra.graphql.reference.types import (
    AllocationRule,
    Country,
    Market,
    ShippingOption,
    Store,
    StoreType,
)
from mockcentra.storage.tables import (
    AllocationRuleRow,
    CountryRow,
    CurrencyRow,
    MarketRow,
    ShippingOptionRow,
    StoreRow,
)


@strawberry.input
class StoreFilter:
    id: list[int] | None = None
    type: StoreType | None = None


@strawberry.input
class MarketFilter:
    id: list[int] | None = None
    store_id: list[int] | None = None


@strawberry.input
class CountryFilter:
    code: list[str] | None = None
    name: StringMatch | None = None


@strawberry.input
class CurrencyFilter:
    code: list[str] | None = None
    is_base: bool | None = None


@strawberry.type
class Query:
    @strawberry.field
    def stores(self, info: Info, where: StoreFilter | None = None) -> list[Store]:
        stmt = select(StoreRow).order_by(StoreRow.id)
        if where and where.id:
            stmt = stmt.where(StoreRow.id.in_(where.id))
        if where and where.type:
            stmt = stmt.where(StoreRow.type == where.type.value)
        return list(info.context.session.exec(stmt))

    @strawberry.field
    def markets(self, info: Info, where: MarketFilter | None = None) -> list[Market]:
        stmt = select(MarketRow).order_by(MarketRow.id)
        if where and where.id:
            stmt = stmt.where(MarketRow.id.in_(ids_filter(where.id)))
        if where and where.store_id:
            stmt = stmt.where(MarketRow.store_id.in_(ids_filter(where.store_id)))
        return list(info.context.session.exec(stmt))

    @strawberry.field
    def countries(self, info: Info, where: CountryFilter | None = None) -> list[Country]:
        stmt = select(CountryRow).order_by(CountryRow.id)
        if where and where.code:
            stmt = stmt.where(CountryRow.code.in_(where.code))
        if where and where.name and where.name.equals is not None:
            stmt = stmt.where(CountryRow.name == where.name.equals)
        if where and where.name and where.name.contains is not None:
            stmt = stmt.where(CountryRow.name.contains(where.name.contains))
        return list(info.context.session.exec(stmt))

    @field(permission="Currency:read")
    def currencies(self, info: Info, where: CurrencyFilter | None = None) -> list[Currency]:
        stmt = select(CurrencyRow).order_by(CurrencyRow.id)
        if where and where.code:
            stmt = stmt.where(CurrencyRow.code.in_(where.code))
        if where and where.is_base is not None:
            stmt = stmt.where(CurrencyRow.is_base == where.is_base)
        return list(info.context.session.exec(stmt))

    @strawberry.field
    def shipping_options(self, info: Info) -> list[ShippingOption]:
        return list(
            info.context.session.exec(select(ShippingOptionRow).order_by(ShippingOptionRow.id))
        )

    @strawberry.field
    def allocation_rules(self, info: Info) -> list[AllocationRule]:
        return list(
            info.context.session.exec(select(AllocationRuleRow).order_by(AllocationRuleRow.id))
        )
