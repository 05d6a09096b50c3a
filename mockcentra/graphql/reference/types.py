"""Stores, markets, countries, states, shipping options and allocation rules."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.orders.shipping import shipping_option_uri
from mockcentra.graphql.permissions import RENAMED_FIELD_REMOVAL, field, read_permission
from mockcentra.storage.tables import (
    AllocationRuleRow,
    CountryRow,
    DisplayMarketRow,
    DisplayRow,
    MarketCountryRow,
    MarketRow,
    ShippingOptionRow,
    StateRow,
    StoreRow,
)

if TYPE_CHECKING:
    from mockcentra.graphql.displays.types import Display
    from mockcentra.graphql.wholesale.campaigns import Campaign


@strawberry.enum
class StoreType(Enum):
    DIRECT_TO_CONSUMER = "DIRECT_TO_CONSUMER"
    WHOLESALE = "WHOLESALE"


@read_permission("Store:read")
@strawberry.type
class Store:
    id: int
    name: str
    type: StoreType


@read_permission("Country:read")
@strawberry.type
class Country:
    id: int
    name: str
    code: str
    is_eu: bool = field(
        deprecation_reason="Renamed to isEU.", removal=RENAMED_FIELD_REMOVAL, default=False
    )

    @strawberry.field(name="isEU", description="Whether the country is a member of the EU.")
    @staticmethod
    def is_eu_member(root: Parent[CountryRow]) -> bool:
        return root.is_eu

    @strawberry.field(description='The continent, by its English name (e.g. "Europe").')
    @staticmethod
    def continent(root: Parent[CountryRow]) -> str:
        return root.continent

    @strawberry.field
    @staticmethod
    def states(root: Parent[CountryRow], info: Info) -> "list[State]":
        return list(
            info.context.session.exec(
                select(StateRow).where(StateRow.country_id == root.id).order_by(StateRow.name)
            )
        )


@strawberry.type(name="CountryState")
class State:
    id: int
    name: str
    code: str


def _countries_of_market(info: Info, market: MarketRow) -> list[CountryRow]:
    stmt = (
        select(CountryRow)
        .join(MarketCountryRow, MarketCountryRow.country_id == CountryRow.id)
        .where(MarketCountryRow.market_id == market.id)
        .order_by(CountryRow.id)
    )
    return list(info.context.session.exec(stmt))


@read_permission("Market:read")
@strawberry.type
class Market:
    id: int
    name: str
    comment: str | None = field(permission="Market.comment:read", default=None)

    @strawberry.field
    @staticmethod
    def store(root: Parent[MarketRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def assigned_to_countries(root: Parent[MarketRow], info: Info) -> list[Country]:
        """Needs `Country:read`, as Centra's createMarket answer reports."""
        return _countries_of_market(info, root)  # type: ignore[return-value]

    @field(
        permission="",
        deprecation_reason="Renamed to assignedToCountries.",
        removal=RENAMED_FIELD_REMOVAL,
    )
    @staticmethod
    def countries(root: Parent[MarketRow], info: Info) -> list[Country]:
        return _countries_of_market(info, root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def allocation_rule(root: Parent[MarketRow], info: Info) -> "AllocationRule | None":
        rule_id = root.allocation_rule_id
        return None if rule_id is None else info.context.session.get(AllocationRuleRow, rule_id)

    @strawberry.field(description="The displays shown in this market.")
    @staticmethod
    def displays(
        root: Parent[MarketRow], info: Info
    ) -> list[Annotated["Display", strawberry.lazy("mockcentra.graphql.displays.types")]]:
        stmt = (
            select(DisplayRow)
            .join(DisplayMarketRow, DisplayMarketRow.display_id == DisplayRow.id)
            .where(DisplayMarketRow.market_id == root.id)
            .order_by(DisplayRow.id)
        )
        return list(info.context.session.exec(stmt))

    @strawberry.field(description="Campaigns are not modelled: always empty.")
    @staticmethod
    def campaigns(
        root: Parent[MarketRow],
    ) -> list[Annotated["Campaign", strawberry.lazy("mockcentra.graphql.wholesale.campaigns")]]:
        return []


@read_permission("ShippingOption:read")
@strawberry.type
class ShippingOption:
    id: int
    name: str

    @strawberry.field(
        description="Derived from the name in mockcentra (`Express EU` -> `express-eu`)."
    )
    @staticmethod
    def uri(root: Parent[ShippingOptionRow]) -> str:
        return shipping_option_uri(root)


@read_permission("AllocationRule:read")
@strawberry.type
class AllocationRule:
    id: int
    name: str
