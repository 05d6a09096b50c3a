"""Display and category types; `self` in a resolver is the storage row."""

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.displays import queries
from mockcentra.domain.media.media import media_by_display
from mockcentra.domain.pricing.queries import display_prices
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.types import Product, ProductVariant
from mockcentra.graphql.common import MonetaryValue
from mockcentra.graphql.media.types import ProductMedia
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import Price, announce, children
from mockcentra.graphql.reference.types import Market, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.translations.types import Localizable, ObjectWithTranslations
from mockcentra.storage.tables import (
    CategoryRow,
    DisplayRow,
    DisplayVariantRow,
    ProductRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key

if TYPE_CHECKING:
    from mockcentra.graphql.wholesale.campaigns import Campaign

_WHOLESALE = "mockcentra.graphql.wholesale.campaigns"


@strawberry.input
class DisplayFilter:
    id: list[int] | None = None
    store_id: list[int] | None = None
    market_id: list[int] | None = None
    product_id: list[int] | None = None
    status: list[Status] | None = None


@read_permission("Category:read")
@strawberry.type
class Category(ObjectWithTranslations, Localizable):
    id: int
    name: str
    uri: str
    status: Status
    meta_title: str | None
    meta_description: str | None
    meta_keywords: str | None

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, CategoryRow)

    @strawberry.field
    @staticmethod
    def is_top_category(root: Parent[CategoryRow]) -> bool:
        return root.parent_id is None

    @strawberry.field
    @staticmethod
    def store(root: Parent[CategoryRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def parent_category(root: Parent[CategoryRow], info: Info) -> "Category | None":
        parent_id = root.parent_id
        return None if parent_id is None else info.context.session.get(CategoryRow, parent_id)

    @strawberry.field
    @staticmethod
    def child_categories(root: Parent[CategoryRow], info: Info) -> "list[Category]":
        return children(info, "child_categories", key(root), queries.children_of_categories)


@read_permission("Display:read")
@strawberry.type
class Display(ObjectWithTranslations, Localizable):
    id: int
    name: str
    status: Status
    uri: str
    minimum_order_quantity: int | None
    order_quantity_denominator: int | None
    description: str | None
    short_description: str | None
    meta_title: str | None
    meta_description: str | None
    meta_keywords: str | None
    comment: str | None = field(permission="Display.comment:read", default=None)
    tags: list[str]
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DisplayRow)

    @strawberry.field
    @staticmethod
    def store(root: Parent[DisplayRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def product(root: Parent[DisplayRow], info: Info) -> Product:
        return info.context.session.get(ProductRow, root.product_id)

    @strawberry.field
    @staticmethod
    def product_variants(root: Parent[DisplayRow], info: Info) -> list[ProductVariant]:
        return children(info, "display_variants", key(root), queries.variants_by_display)

    @strawberry.field
    @staticmethod
    def markets(root: Parent[DisplayRow], info: Info) -> list[Market]:
        return children(info, "display_markets", key(root), queries.markets_by_display)

    @strawberry.field
    @staticmethod
    def categories(root: Parent[DisplayRow], info: Info) -> list[Category]:
        return children(info, "display_categories", key(root), queries.categories_by_display)

    @strawberry.field
    @staticmethod
    def canonical_category(root: Parent[DisplayRow], info: Info) -> Category | None:
        category_id = root.canonical_category_id
        return None if category_id is None else info.context.session.get(CategoryRow, category_id)

    @strawberry.field(
        description="The variants activated on the display, each with its own item id, in the "
        "order they were activated."
    )
    @staticmethod
    def display_items(root: Parent[DisplayRow], info: Info) -> "list[DisplayItem]":
        return children(info, "display_items", key(root), queries.items_by_display)

    @strawberry.field(description="Campaigns are not modelled: always empty.")
    @staticmethod
    def campaign_variants(
        root: Parent[DisplayRow], limit: int | None = 20, page: int | None = 1
    ) -> "list[CampaignVariant]":
        return []

    @strawberry.field(description="Display relations are not modelled: always empty.")
    @staticmethod
    def related(root: Parent[DisplayRow]) -> "list[DisplayRelation]":
        return []

    @strawberry.field(description="Tax groups are accepted on input, not stored: always null.")
    @staticmethod
    def tax_group(root: Parent[DisplayRow]) -> "TaxGroup | None":
        return None

    @strawberry.field(description="The product images the display shows, in its order.")
    @staticmethod
    def media(root: Parent[DisplayRow], info: Info) -> list[ProductMedia]:
        return children(info, "display_media", key(root), media_by_display)

    @strawberry.field(
        description="The display's variants priced in every pricelist of its store that "
        "prices the product."
    )
    @staticmethod
    def prices(root: Parent[DisplayRow], info: Info) -> list[Price]:
        variants = children(info, "display_variants", key(root), queries.variants_by_display)
        return display_prices(  # type: ignore[return-value]
            info.context.session,
            root.store_id,
            root.product_id,
            [v.id for v in variants],
        )


@read_permission("Display:read")
@strawberry.type(
    description="A product variant activated on a display; its id is the product id of the "
    "Checkout API in Centra."
)
class DisplayItem:
    id: int

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, DisplayVariantRow)

    @strawberry.field
    @staticmethod
    def display(root: Parent[DisplayVariantRow], info: Info) -> Display:
        return info.context.session.get(DisplayRow, root.display_id)

    @strawberry.field
    @staticmethod
    def product_variant(root: Parent[DisplayVariantRow], info: Info) -> ProductVariant:
        return info.context.session.get(VariantRow, root.variant_id)


@read_permission("Campaign:read")
@strawberry.type(description="A variant's price in a campaign. Campaigns are not modelled.")
class CampaignVariant:
    id: int
    discount_percent: float | None
    fixed_price: MonetaryValue | None
    status: Status
    show_sale: bool
    show_news: bool
    created_at: DateTimeTz
    start_at: DateTimeTz
    stop_at: DateTimeTz
    campaign: Annotated["Campaign", strawberry.lazy(_WHOLESALE)]
    product_variant: ProductVariant


@strawberry.type(description="A tax group. Tax groups are not stored by mockcentra.")
class TaxGroup:
    id: int
    name: str


@read_permission("Display:read")
@strawberry.type(description="A display shown with another one. Not modelled.")
class DisplayRelation:
    id: int
    type: str
    target_display: Display


def announce_displays(info: Info, ids: list[int]) -> None:
    """A display list: load variants, markets and categories for all of them at once."""
    for kind in (
        "display_variants",
        "display_items",
        "display_markets",
        "display_categories",
        "display_media",
    ):
        announce(info, kind, ids)
    announce(info, "translations:Display", ids)
