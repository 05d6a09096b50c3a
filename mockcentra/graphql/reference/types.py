"""Stores, markets, countries, states, shipping options and allocation rules."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.orders.shipping import shipping_option_uri
from mockcentra.graphql.permissions import RENAMED_FIELD_REMOVAL, field, read_permission
from mockcentra.storage.tables import (
    AllocationRuleRow,
    CountryRow,
    DisplayMarketRow,
    DisplayRow,
    MarketCountryRow,
    StateRow,
    StoreRow,
)

if TYPE_CHECKING:
    from mockcentra.graphql.displays.types import Display
    from mockcentra.graphql.wholesale.types import Campaign


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
    def is_eu_member(self) -> bool:
        return self.is_eu

    @strawberry.field(description='The continent, by its English name (e.g. "Europe").')
    def continent(self) -> str:
        return self.continent

    @strawberry.field
    def states(self, info: Info) -> list[State]:
        return list(
            info.context.session.exec(
                select(StateRow).where(StateRow.country_id == self.id).order_by(StateRow.name)
            )
        )


@strawberry.type(name="CountryState")
class State:
    id: int
    name: str
    code: str


@read_permission("Market:read")
@strawberry.type
class Market:
    id: int
    name: str
    comment: str | None = field(permission="Market.comment:read", default=None)

    @strawberry.field
    def store(self, info: Info) -> Store:
        return info.context.session.get(StoreRow, self.store_id)  # type: ignore[attr-defined]

    @strawberry.field
    def assigned_to_countries(self, info: Info) -> list[Country]:
        """Needs `Country:read`, as Centra's createMarket answer reports."""
        stmt = (
            select(CountryRow)
            .join(MarketCountryRow, MarketCountryRow.country_id == CountryRow.id)
            .where(MarketCountryRow.market_id == self.id)
            .order_by(CountryRow.id)
        )
        return list(info.context.session.exec(stmt))

    @field(
        permission="",
        deprecation_reason="Renamed to assignedToCountries.",
        removal=RENAMED_FIELD_REMOVAL,
    )
    def countries(self, info: Info) -> list[Country]:
        return Market.assigned_to_countries(self, info)  # type: ignore[arg-type]

    @strawberry.field
    def allocation_rule(self, info: Info) -> AllocationRule | None:
        rule_id = self.allocation_rule_id  # type: ignore[attr-defined]
        return None if rule_id is None else info.context.session.get(AllocationRuleRow, rule_id)

    @strawberry.field(description="The displays shown in this market.")
    def displays(
        self, info: Info
    ) -> list[Annotated[Display, strawberry.lazy("mockcentra.graphql.displays.types")]]:
        stmt = (
            select(DisplayRow)
            .join(DisplayMarketRow, DisplayMarketRow.display_id == DisplayRow.id)
            .where(DisplayMarketRow.market_id == self.id)
            .order_by(DisplayRow.id)
        )
        return list(info.context.session.exec(stmt))  # type: ignore[arg-type]

    @strawberry.field(description="Campaigns are not modelled: always empty.")
    def campaigns(
        self,
    ) -> list[Annotated[Campaign, strawberry.lazy("mockcentra.graphql.wholesale.types")]]:
        return []


@read_permission("ShippingOption:read")
@strawberry.type
class ShippingOption:
    id: int
    name: str

    @strawberry.field(
        description="Derived from the name in mockcentra (`Express EU` -> `express-eu`)."
    )
    def uri(self) -> str:
        return shipping_option_uri(self)  # type: ignore[arg-type]


@read_permission("AllocationRule:read")
@strawberry.type
class AllocationRule:
    id: int
    name: str
