"""Display and category queries and mutations.

The guide's `updateDisplay(id:, input: [ addProductVariants: ... ])` is not valid GraphQL;
the input is an object: `input: { addProductVariants: ... }`.
"""

from enum import StrEnum
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.cursors import StatementSource, keys_of
from mockcentra.domain.displays import categories, displays, queries
from mockcentra.domain.displays.status import DisplayStatus
from mockcentra.domain.listing import as_list
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.common import (
    CategoryInput,
    MarketInput,
    Payload,
    ProductInput,
    ProductVariantInput,
    StoreInput,
    TaxGroupInput,
)
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.displays.types import (
    Category,
    Display,
    DisplayFilter,
    DisplayItem,
    announce_displays,
)
from mockcentra.graphql.errors import placed_warning, reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.pricing.types import announce
from mockcentra.storage.tables import CategoryRow, DisplayRow
from mockcentra.storage.tables.base import key


@strawberry.input
class ProductMediaInput:
    id: int


@strawberry.input
class ProductMediaAddInput:
    """A media of the display's product; `before` places it before one already shown."""

    product_media: ProductMediaInput
    before: ProductMediaInput | None = None


@strawberry.input
class ProductVariantAddInput:
    product_variant: ProductVariantInput


@strawberry.input
class DisplayCreateInput:
    store: StoreInput
    product: ProductInput
    name: str
    status: Status
    uri: str | None = strawberry.field(
        default=None, description="If not given, it is generated from the display name."
    )
    minimum_order_quantity: int | None = None
    order_quantity_denominator: int | None = None
    description: str | None = None
    short_description: str | None = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None
    comment: str | None = None
    tags: list[str] | None = None
    canonical_category: CategoryInput | None = None
    add_categories: list[CategoryInput] | None = None
    add_markets: list[MarketInput] | None = None
    add_product_media: list[ProductMediaAddInput] | None = None
    add_product_variants: list[ProductVariantAddInput] | None = None
    tax_group: TaxGroupInput | None = None


@strawberry.input
class DisplayUpdateInput:
    name: str | None = None
    status: Status | None = None
    uri: str | None = strawberry.field(
        default=None, description="An empty string generates it again from the display name."
    )
    minimum_order_quantity: int | None = None
    order_quantity_denominator: int | None = None
    description: str | None = None
    short_description: str | None = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None
    comment: str | None = None
    tags: list[str] | None = None
    canonical_category: CategoryInput | None = None
    add_categories: list[CategoryInput] | None = None
    remove_categories: list[CategoryInput] | None = None
    add_markets: list[MarketInput] | None = None
    remove_markets: list[MarketInput] | None = None
    add_product_media: list[ProductMediaAddInput] | None = None
    remove_product_media: list[ProductMediaInput] | None = None
    add_product_variants: list[ProductVariantAddInput] | None = None
    remove_product_variants: list[ProductVariantInput] | None = None
    tax_group: TaxGroupInput | None = None


@strawberry.input
class CategoryCreateInput:
    name: str
    status: Status
    store: StoreInput
    uri: str | None = strawberry.field(
        default=None,
        description="This level's part of the uri; generated from the name if left out.",
    )
    parent_category: CategoryInput | None = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None


@strawberry.input
class CategoryUpdateInput:
    """The uri and the parent stay as they are (children's uris are built from them)."""

    name: str | None = strawberry.UNSET
    status: Status | None = strawberry.UNSET
    meta_title: str | None = strawberry.UNSET
    meta_description: str | None = strawberry.UNSET
    meta_keywords: str | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        names = ("name", "status", *categories.CATEGORY_TEXT_FIELDS)
        found = {n: getattr(self, n) for n in names if getattr(self, n) is not strawberry.UNSET}
        return {k: v for k, v in found.items() if v is not None or k not in ("name", "status")}


@strawberry.enum
class DisplaySort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


@strawberry.input
class DisplayItemFilter:
    id: list[int] | None = None
    display_id: list[int] | None = None
    product_variant_id: list[int] | None = None
    store_id: list[int] | None = None


@strawberry.input
class CategoryFilter:
    id: list[int] | None = None
    store_id: list[int] | None = None
    is_top_category: bool | None = None


@strawberry.type
class DisplayPayload(Payload):
    display: Display | None = None


@strawberry.type
class CategoryPayload(Payload):
    category: Category | None = None


_FIELDS = (
    "name",
    "status",
    "uri",
    "minimum_order_quantity",
    "order_quantity_denominator",
    "description",
    "short_description",
    "meta_title",
    "meta_description",
    "meta_keywords",
    "comment",
    "tags",
    "canonical_category",
    "tax_group",
)


def _spec(input: Any) -> displays.DisplaySpec:
    spec = displays.DisplaySpec(
        store=getattr(input, "store", None), product=getattr(input, "product", None)
    )
    for name in _FIELDS:
        setattr(spec, name, getattr(input, name, None))
    for name in ("add_categories", "remove_categories", "add_markets", "remove_markets"):
        setattr(spec, name, list(getattr(input, name, None) or []))
    spec.add_product_media = [(m.product_media, m.before) for m in input.add_product_media or []]
    spec.remove_product_media = list(getattr(input, "remove_product_media", None) or [])
    spec.add_product_variants = [v.product_variant for v in input.add_product_variants or []]
    spec.remove_product_variants = list(getattr(input, "remove_product_variants", None) or [])
    return spec


@strawberry.type
class Query:
    @strawberry.field
    def displays(
        self,
        info: Info,
        where: DisplayFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Display]:
        rows = queries.displays(
            info.context.session, **queries.filter_of(where), limit=limit, page_number=page
        )
        announce_displays(info, [key(r) for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def display_connection(
        self,
        info: Info,
        where: DisplayFilter | None = None,
        sort: list[DisplaySort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Display]:
        """Displays as a Relay connection, by id unless sorted."""
        stmt = queries.displays_matching(**queries.filter_of(where))
        return connection(
            StatementSource(info.context.session, stmt),
            keys_of([str(s) for s in as_list(sort)], queries.DISPLAY_SORT_COLUMNS, DisplayRow.id),
            first=first,
            after=after,
            last=last,
            before=before,
            loaded=lambda rows: announce_displays(info, [r.id for r in rows]),
        )

    @strawberry.field
    def display(self, info: Info, id: int) -> Display | None:
        return info.context.session.get(DisplayRow, id)

    @strawberry.field(
        description="Display items by id: from a Checkout API product (Centra's display item "
        "id) to its display and variant."
    )
    def display_items(
        self,
        info: Info,
        where: DisplayItemFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[DisplayItem]:
        w = where or DisplayItemFilter()
        rows = list(
            queries.display_items(
                info.context.session,
                ids=w.id,
                display_ids=w.display_id,
                variant_ids=w.product_variant_id,
                store_ids=w.store_id,
                limit=limit,
                page_number=page,
            )
        )
        return rows  # type: ignore[return-value]

    @strawberry.field
    def categories(
        self,
        info: Info,
        where: CategoryFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Category]:
        rows = queries.categories(
            info.context.session,
            ids=where.id if where else None,
            store_ids=where.store_id if where else None,
            is_top_category=where.is_top_category if where else None,
            limit=limit,
            page_number=page,
        )
        announce(info, "child_categories", (r.id for r in rows))
        announce(info, "translations:Category", [r.id for r in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def category(self, info: Info, id: int) -> Category | None:
        return info.context.session.get(CategoryRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Display:write")
    def create_display(self, info: Info, input: DisplayCreateInput) -> DisplayPayload:
        def action() -> dict[str, Any]:
            display, warnings = displays.create_display(info.context.uow, _spec(input))
            return {"display": display, "warnings": warnings}

        return run_mutation(info, DisplayPayload, action, reads="input")

    @mutation(permission="Display:write")
    def update_display(self, info: Info, id: int, input: DisplayUpdateInput) -> DisplayPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                display = displays.display_to_change(uow, id)
            with reading("input"):
                display, warnings = displays.update_display(uow, display, _spec(input))
            return {"display": display, "warnings": [placed_warning(w, "input") for w in warnings]}

        return run_mutation(info, DisplayPayload, action)

    @mutation(permission="Category:write")
    def create_category(self, info: Info, input: CategoryCreateInput) -> CategoryPayload:
        return run_mutation(
            info,
            CategoryPayload,
            lambda: {
                "category": categories.create_category(
                    info.context.uow,
                    categories.CategorySpec(
                        store=input.store,
                        name=input.name,
                        status=DisplayStatus(input.status),
                        uri=input.uri,
                        parent_category=input.parent_category,
                        meta_title=input.meta_title,
                        meta_description=input.meta_description,
                        meta_keywords=input.meta_keywords,
                    ),
                )
            },
            reads="input",
        )

    @mutation(permission="Category:write")
    def update_category(self, info: Info, id: int, input: CategoryUpdateInput) -> CategoryPayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                category = categories.category_to_change(uow, id)
            with reading("input"):
                return {"category": categories.update_category(uow, category, input.changes())}

        return run_mutation(info, CategoryPayload, action)
