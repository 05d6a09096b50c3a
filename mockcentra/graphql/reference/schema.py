"""Queries over the instance's reference data."""

from enum import StrEnum
from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.markets import markets as market_domain
from mockcentra.graphql.common import (
    AllocationRuleInput,
    CountryInput,
    Currency,
    Payload,
    StoreInput,
    StringMatch,
)
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import field, mutation
from mockcentra.graphql.reference.types import (
    AllocationRule,
    Country,
    Market,
    ShippingOption,
    Store,
    StoreType,
)
from mockcentra.storage.records import RecordSession, records_of
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
    name: StringMatch | None = None


@strawberry.enum
class MarketSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


@strawberry.input
class MarketCreateInput:
    name: str
    store: StoreInput
    comment: str | None = None
    allocation_rule: AllocationRuleInput | None = None
    add_countries: list[CountryInput] | None = strawberry.field(
        default=None,
        description="Direct to consumer stores only; a country is in one market per store.",
    )


@strawberry.input
class MarketUpdateInput:
    name: str | None = None
    comment: str | None = strawberry.field(default=None, description='"" removes the comment.')
    allocation_rule: AllocationRuleInput | None = None
    add_countries: list[CountryInput] | None = None
    remove_countries: list[CountryInput] | None = None


@strawberry.type
class MarketPayload(Payload):
    market: Market | None = None


def _market_spec(input: Any) -> market_domain.MarketSpec:
    return market_domain.MarketSpec(
        name=input.name,
        store=getattr(input, "store", None),
        comment=input.comment,
        allocation_rule=input.allocation_rule,
        add_countries=list(input.add_countries or []),
        remove_countries=list(getattr(input, "remove_countries", None) or []),
    )


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
        """Read as plain records (a query field: it writes nothing)."""
        session = info.context.session
        if not (where and (where.id or where.type)):
            return records_of(StoreRow).all(session)
        stmt = select(StoreRow).order_by(StoreRow.id)
        if where.id:
            stmt = stmt.where(StoreRow.id.in_(where.id))
        if where.type:
            stmt = stmt.where(StoreRow.type == where.type.value)
        return RecordSession(session, StoreRow).exec(stmt)

    @strawberry.field
    def markets(
        self,
        info: Info,
        where: MarketFilter | None = None,
        sort: list[MarketSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Market]:
        w = where or MarketFilter()
        rows = list(
            market_domain.markets(
                info.context.session,
                ids=w.id,
                store_ids=w.store_id,
                name=w.name,
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )
        return rows  # type: ignore[return-value]

    @strawberry.field
    def market(self, info: Info, id: int) -> Market | None:
        return info.context.session.get(MarketRow, id)

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


@strawberry.type
class Mutation:
    @mutation(permission="Market:write")
    def create_market(self, info: Info, input: MarketCreateInput) -> MarketPayload:
        return run_mutation(
            info,
            MarketPayload,
            lambda: {"market": market_domain.create_market(info.context.uow, _market_spec(input))},
            reads="input",
        )

    @mutation(permission="Market:write")
    def update_market(self, info: Info, id: int, input: MarketUpdateInput) -> MarketPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                market = market_domain.market_to_change(uow, id)
            with reading("input"):
                return {"market": market_domain.update_market(uow, market, _market_spec(input))}

        return run_mutation(info, MarketPayload, action)
