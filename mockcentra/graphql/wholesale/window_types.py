"""Delivery windows: when a wholesale account's orders ship (at once or as preorders), the
variants each sells and their limits.

Types resolve straight from storage rows: a resolver is static and takes the row it reads
(`root: Parent[Row]`). `DeliveryWindow` is an interface with `AtOnceDeliveryWindow` and
`PreorderDeliveryWindow`, as in Centra. The markets and variants of listed windows load in one
query per kind.
"""

from collections.abc import Iterable
from datetime import datetime, time
from typing import Any, TypeAlias

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.wholesale import queries
from mockcentra.domain.wholesale import status as st
from mockcentra.graphql.catalog.types import Product, ProductVariant
from mockcentra.graphql.common import row_or_none
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import PriceAlteration, announce, children
from mockcentra.graphql.reference.types import AllocationRule, Market, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.campaigns import Campaign
from mockcentra.storage.tables import (
    AllocationRuleRow,
    DeliveryWindowRow,
    DeliveryWindowVariantRow,
    PriceAlterationRow,
    ProductRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key

strawberry.enum(st.DeliveryWindowStatus, name="DeliveryWindowStatus")
DeliveryWindowStatus: TypeAlias = st.DeliveryWindowStatus
strawberry.enum(st.VariantDeliveryType, name="VariantDeliveryType")
VariantDeliveryType: TypeAlias = st.VariantDeliveryType
strawberry.enum(st.PreorderAllocationOrder, name="PreorderAllocationOrder")
PreorderAllocationOrder: TypeAlias = st.PreorderAllocationOrder
strawberry.enum(st.DeliveryWindowLimitType, name="DeliveryWindowLimitType")
DeliveryWindowLimitType: TypeAlias = st.DeliveryWindowLimitType
strawberry.enum(st.DeliveryWindowLimitOn, name="DeliveryWindowLimitOn")
DeliveryWindowLimitOn: TypeAlias = st.DeliveryWindowLimitOn


@strawberry.type
class DeliveryWindowVariantLimit:
    value: int
    on: DeliveryWindowLimitOn
    type: DeliveryWindowLimitType


@strawberry.type
class DeliveryWindowVariant:
    type: VariantDeliveryType

    @strawberry.field
    @staticmethod
    def limit(root: Parent[DeliveryWindowVariantRow]) -> DeliveryWindowVariantLimit | None:
        value, on, kind = root.limit_value, root.limit_on, root.limit_type
        if value is None or on is None or kind is None:  # the domain sets all three or none
            return None
        return DeliveryWindowVariantLimit(
            value=value, on=st.DeliveryWindowLimitOn(on), type=st.DeliveryWindowLimitType(kind)
        )

    @field(permission="")
    @staticmethod
    def product(root: Parent[DeliveryWindowVariantRow], info: Info) -> Product:
        """Needs no permission of its own: Centra's createDeliveryWindow and
        updateDeliveryWindow answers select it and report no `Product:read`."""
        return row_or_none(info, ProductRow, root.product_id)

    @strawberry.field
    @staticmethod
    def product_variant(root: Parent[DeliveryWindowVariantRow], info: Info) -> ProductVariant:
        return row_or_none(info, VariantRow, root.variant_id)


def _midnight(info: Info, day: Any) -> datetime | None:
    if day is None:
        return None
    return datetime.combine(day, time(0), tzinfo=info.context.runtime.clock.zone)


@read_permission("DeliveryWindow:read")
@strawberry.interface
class DeliveryWindow:
    """Fields every delivery window has; `... on AtOnceDeliveryWindow` /
    `... on PreorderDeliveryWindow` add the kind's own."""

    id: int
    name: str
    status: DeliveryWindowStatus
    delivery_dates_visible: bool
    selectable_by_buyers: bool
    selected_by_default: bool
    default_variant_delivery_type: VariantDeliveryType
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def store(root: Parent[DeliveryWindowRow], info: Info) -> Store:
        return row_or_none(info, StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def markets(root: Parent[DeliveryWindowRow], info: Info) -> list[Market]:
        return children(info, "dw_markets", key(root), queries.markets_of)

    @strawberry.field(description="Campaigns are not modelled: always empty.")
    @staticmethod
    def campaigns(root: Parent[DeliveryWindowRow]) -> list[Campaign]:
        return []

    @strawberry.field
    @staticmethod
    def allocation_rule(root: Parent[DeliveryWindowRow], info: Info) -> AllocationRule | None:
        return row_or_none(info, AllocationRuleRow, root.allocation_rule_id)

    @strawberry.field(description="The price alteration this window's prices come from.")
    @staticmethod
    def price_alteration(root: Parent[DeliveryWindowRow], info: Info) -> PriceAlteration | None:
        return row_or_none(info, PriceAlterationRow, root.price_alteration_id)

    @field(permission="")
    @staticmethod
    def delivery_window_variants(
        root: Parent[DeliveryWindowRow], info: Info
    ) -> list[DeliveryWindowVariant]:
        return children(info, "dw_variants", key(root), queries.variants_of)


@strawberry.type
class AtOnceDeliveryWindow(DeliveryWindow):
    days_from_now: int | None
    selectable_date: bool

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DeliveryWindowRow) and obj.kind == st.DeliveryWindowKind.AT_ONCE


@strawberry.type
class PreorderDeliveryWindow(DeliveryWindow):
    allocation_order: PreorderAllocationOrder | None

    @strawberry.field
    @staticmethod
    def delivery_start_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.delivery_start)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def delivery_end_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.delivery_end)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def sales_start_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.sales_start)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def sales_end_date(root: Parent[DeliveryWindowRow], info: Info) -> DateTimeTz | None:
        return _midnight(info, root.sales_end)  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DeliveryWindowRow) and obj.kind == st.DeliveryWindowKind.PREORDER


def announce_windows(info: Info, ids: Iterable[int | None]) -> None:
    announce(info, "dw_markets", ids)
    announce(info, "dw_variants", ids)


# --- accounts and buyers -------------------------------------------------------------------


WHOLESALE_TYPES = [AtOnceDeliveryWindow, PreorderDeliveryWindow]
