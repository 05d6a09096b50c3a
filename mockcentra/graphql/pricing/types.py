"""Pricing types: pricelists, prices, price alterations (delivery windows are wholesale's).

Types resolve straight from storage rows (a resolver takes the row it reads); a `Price`
resolves from a `PriceView`, one per variant and pricelist. Children of listed parents load in
one query per kind through `children()`.
"""

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.pricing import queries
from mockcentra.domain.pricing.pricelists import countries_of
from mockcentra.domain.wholesale.queries import windows_of_alterations
from mockcentra.graphql import batch
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.types import Product, ProductVariant
from mockcentra.graphql.common import Currency, MonetaryValue, currency_by_code
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Country, ShippingOption, Store
from mockcentra.graphql.scalars import Date
from mockcentra.storage.tables import (
    CurrencyRow,
    PriceAlterationRow,
    PricelistRow,
    ProductRow,
    ShippingOptionRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key

if TYPE_CHECKING:
    from mockcentra.graphql.wholesale.window_types import DeliveryWindow

# --- per-request batching of children ------------------------------------------------------


#: Children of many parents in one query (shared with other areas; see graphql/batch.py).
announce = batch.announce
children = batch.batched


def _money(info: Info, amount: Decimal | None, code: str) -> MonetaryValue | None:
    return None if amount is None else MonetaryValue.of(amount, currency_by_code(info, code))


# --- inputs shared by queries and fields ---------------------------------------------------


@strawberry.input
class PriceFilter:
    """Centra's `PriceFilter` (id lists; `price`, `notNull`, `negate` are not supported)."""

    id: list[int] | None = None
    product_id: list[int] | None = None
    product_variant_id: list[int] | None = None
    pricelist_id: list[int] | None = None
    store_id: list[int] | None = None


def _prices(
    info: Info,
    where: PriceFilter | None,
    limit: int | None,
    page: int | None,
    *,
    pricelist_ids: list[int] | None = None,
    price_alteration_id: int | None = None,
) -> list[queries.PriceView]:
    wanted = pricelist_ids
    if where and where.pricelist_id:
        wanted = [p for p in where.pricelist_id if wanted is None or p in wanted]
        if not wanted:
            return []
    if where and where.store_id:
        in_stores = info.context.session.exec(
            select(PricelistRow.id).where(PricelistRow.store_id.in_(where.store_id))
        ).all()
        wanted = [p for p in (wanted if wanted is not None else in_stores) if p in in_stores]
        if not wanted:
            return []
    views = queries.prices(
        info.context.session,
        pricelist_ids=wanted,
        product_ids=where.product_id if where else None,
        variant_ids=where.product_variant_id if where else None,
        price_alteration_id=price_alteration_id,
        limit=limit,
        page_number=page,
    )
    if where and where.id:
        views = [v for v in views if v.id in where.id]
    return views


# --- types ---------------------------------------------------------------------------------


@read_permission("Price:read")
@strawberry.type
class Price:
    """A variant's price in a pricelist: its own, else its product's (`price` may be null)."""

    id: int

    @strawberry.field
    @staticmethod
    def price(root: Parent[queries.PriceView], info: Info) -> MonetaryValue | None:
        return _money(info, root.price, root.currency_code)

    @strawberry.field(description="Centra uses it in wholesale pricelists.")
    @staticmethod
    def recommended_retail_price(
        root: Parent[queries.PriceView], info: Info
    ) -> MonetaryValue | None:
        return _money(info, root.recommended_retail_price, root.currency_code)

    @field(permission="")
    @staticmethod
    def pricelist(root: Parent[queries.PriceView], info: Info) -> "Pricelist":
        return info.context.session.get(PricelistRow, root.pricelist_id)

    @field(permission="")
    @staticmethod
    def product(root: Parent[queries.PriceView], info: Info) -> Product:
        return info.context.session.get(ProductRow, root.product_id)

    @field(permission="")
    @staticmethod
    def product_variant(root: Parent[queries.PriceView], info: Info) -> ProductVariant:
        return info.context.session.get(VariantRow, root.variant_id)


@read_permission("Pricelist:read")
@strawberry.type
class Pricelist:
    id: int
    name: str
    status: Status

    @strawberry.field
    @staticmethod
    def store(root: Parent[PricelistRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @field(permission="")
    @staticmethod
    def currency(root: Parent[PricelistRow], info: Info) -> Currency:
        return info.context.session.get(CurrencyRow, root.currency_id)

    @strawberry.field
    @staticmethod
    def assigned_to_countries(root: Parent[PricelistRow], info: Info) -> list[Country]:
        return children(info, "pricelist_countries", key(root), countries_of)

    @strawberry.field
    @staticmethod
    def default_shipping_option(root: Parent[PricelistRow], info: Info) -> ShippingOption | None:
        option_id = root.default_shipping_option_id
        return None if option_id is None else info.context.session.get(ShippingOptionRow, option_id)

    @strawberry.field(description="Limit must be in range 1 - 200.")
    @staticmethod
    def prices(
        root: Parent[PricelistRow],
        info: Info,
        where: PriceFilter | None = None,
        limit: int | None = 20,
        page: int | None = 1,
    ) -> list[Price]:
        return _prices(info, where, limit, page, pricelist_ids=[key(root)])  # type: ignore[return-value]


@read_permission("Price:read")
@strawberry.type
class PriceAlteration:
    id: int
    name: str
    status: Status
    start_date: Date
    end_date: Date | None

    @strawberry.field
    @staticmethod
    def store(root: Parent[PriceAlterationRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @strawberry.field(description="Delivery windows affected by this price alteration.")
    @staticmethod
    def delivery_windows(
        root: Parent[PriceAlterationRow], info: Info
    ) -> list[
        Annotated["DeliveryWindow", strawberry.lazy("mockcentra.graphql.wholesale.window_types")]
    ]:
        """The delivery windows whose `priceAlteration` is this one."""
        return children(info, "alteration_windows", key(root), windows_of_alterations)

    @strawberry.field(description="Limit must be in range 1 - 200.")
    @staticmethod
    def prices(
        root: Parent[PriceAlterationRow],
        info: Info,
        where: PriceFilter | None = None,
        limit: int | None = 20,
        page: int | None = 1,
    ) -> list[Price]:
        return _prices(info, where, limit, page, price_alteration_id=root.id)  # type: ignore[return-value]
