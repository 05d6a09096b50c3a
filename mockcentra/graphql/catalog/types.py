"""Catalogue types: products, their variants and their sizes (the other catalogue types have
modules of their own: chart_types, grouping_types, bundle_types).

Types resolve straight from storage rows: `self` in a resolver is the row. Lists of children
(variants of products, sizes of variants) load through `loading.children`, which in a query
fetches the children of every parent listed so far in one statement.
"""

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.catalog import queries
from mockcentra.domain.catalog.skus import sku
from mockcentra.domain.catalog.weight import weight_of
from mockcentra.domain.displays import queries as display_queries
from mockcentra.domain.listing import MAX_LIMIT
from mockcentra.domain.media.media import product_media
from mockcentra.domain.stock.levels import totals_for_size
from mockcentra.domain.wholesale.queries import preorder_variant_ids
from mockcentra.graphql.attributes.types import ObjectWithAttributes, attributes_field
from mockcentra.graphql.catalog.chart_types import MeasurementTable, Size, SizeChart
from mockcentra.graphql.catalog.enums import ProductStatus, Status, WeightUnit
from mockcentra.graphql.catalog.grouping_types import Brand, Collection, Folder
from mockcentra.graphql.catalog.loading import children
from mockcentra.graphql.common import MonetaryValue, StringMatch, currency_by_code, row_or_none
from mockcentra.graphql.media.types import ProductMedia, ProductMediaSort
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Country
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.translations.types import Localizable, ObjectWithTranslations
from mockcentra.storage.tables import (
    BrandRow,
    CollectionRow,
    CountryRow,
    FolderRow,
    MeasurementChartRow,
    ProductRow,
    ProductSizeRow,
    SizeChartRow,
    SizeRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key

if TYPE_CHECKING:
    from mockcentra.graphql.catalog.bundle_types import Bundle
    from mockcentra.graphql.displays.types import Display, DisplayFilter

_BUNDLES = "mockcentra.graphql.catalog.bundle_types"
_DISPLAYS = "mockcentra.graphql.displays.types"


@strawberry.type
class Weight:
    value: float
    unit: WeightUnit
    formatted_value: str

    @classmethod
    def of(cls, product: ProductRow) -> "Weight":
        weight = weight_of(product.weight, product.weight_unit)
        return cls(value=float(weight.value), unit=weight.unit, formatted_value=weight.formatted)


@read_permission("Product:read")
@strawberry.type
class Product(ObjectWithAttributes, ObjectWithTranslations, Localizable):
    id: int
    name: str
    status: ProductStatus
    product_number: str
    harmonized_commodity_code: str | None
    harmonized_commodity_code_description: str | None
    internal_comment: str | None = field(permission="Product.internalComment:read", default=None)
    is_bundle: bool
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def is_serializable_product(root: Parent[ProductRow]) -> bool:
        return root.is_serializable

    @strawberry.field(description="The product's weight (its sizes show the same weight).")
    @staticmethod
    def weight(root: Parent[ProductRow]) -> Weight:
        return Weight.of(root)

    @strawberry.field(description="The product's images (its variants' too), by position.")
    @staticmethod
    def media(
        root: Parent[ProductRow],
        info: Info,
        sort: list[ProductMediaSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[ProductMedia]:
        rows = list(
            product_media(
                info.context.session,
                product_ids=[key(root)],
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )
        return rows  # type: ignore[return-value]

    @field(permission="Product.MeasurementTable:read")
    @staticmethod
    def measurement_table(root: Parent[ProductRow], info: Info) -> MeasurementTable | None:
        chart_id = root.measurement_chart_id
        if chart_id is None:
            return None
        chart = info.context.session.get(MeasurementChartRow, chart_id)
        return MeasurementTable(row=chart, inherited=root.measurement_inherited)

    @field(permission="Brand:read", deprecated="Product.Brand:read")
    @staticmethod
    def brand(root: Parent[ProductRow], info: Info) -> Brand | None:
        return row_or_none(info, BrandRow, root.brand_id)

    @field(permission="Collection:read", deprecated="Product.Collection:read")
    @staticmethod
    def collection(root: Parent[ProductRow], info: Info) -> Collection | None:
        return row_or_none(info, CollectionRow, root.collection_id)

    @field(permission="Folder:read", deprecated="Product.Folder:read")
    @staticmethod
    def folder(root: Parent[ProductRow], info: Info) -> Folder | None:
        return row_or_none(info, FolderRow, root.folder_id)

    @field(permission="Product.countryOfOrigin:read")
    @staticmethod
    def country_of_origin(root: Parent[ProductRow], info: Info) -> Country | None:
        return row_or_none(info, CountryRow, root.country_of_origin_id)

    attributes = attributes_field("Product.attributes:read")

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, ProductRow)

    @strawberry.field
    @staticmethod
    def variants(root: Parent[ProductRow], info: Info) -> "list[ProductVariant]":
        return children(
            info,
            "variants",
            key(root),
            queries.variants_by_product,
            then=("sizes", "attributes:ProductVariant", "translations:ProductVariant"),
        )

    @strawberry.field(description="The product's displays (one per store at most), by id.")
    @staticmethod
    def displays(
        root: Parent[ProductRow],
        info: Info,
        where: Annotated["DisplayFilter", strawberry.lazy(_DISPLAYS)] | None = None,
    ) -> list[Annotated["Display", strawberry.lazy(_DISPLAYS)]]:
        if where is None:
            return children(
                info,
                "product_displays",
                key(root),
                display_queries.displays_by_product,
                then=("display_variants", "display_items", "display_markets"),
            )
        found = list(
            display_queries.displays_of_product(
                info.context.session, key(root), **display_queries.filter_of(where)
            )
        )
        return found  # type: ignore[return-value]

    @field(permission="Bundle:read")
    @staticmethod
    def bundle(
        root: Parent[ProductRow], info: Info
    ) -> Annotated["Bundle", strawberry.lazy(_BUNDLES)] | None:
        if not root.is_bundle:
            return None
        return queries.bundle_of_product(info.context.session, key(root))  # type: ignore[return-value]


@strawberry.input
class ProductSizeFilter:
    id: list[int] | None = None
    size_id: list[int] | None = None
    product_variant_id: list[int] | None = None
    ean: StringMatch | None = strawberry.field(name="EAN", default=None)
    upc: StringMatch | None = strawberry.field(name="UPC", default=None)
    sku: StringMatch | None = strawberry.field(name="SKU", default=None)
    size_number: StringMatch | None = None


def size_query(where: ProductSizeFilter, **fixed: Any) -> queries.ProductSizeQuery:
    """A `ProductSizeFilter` as the domain's query (`fixed` narrows it, e.g. to one variant)."""
    found = queries.ProductSizeQuery(
        ids=where.id,
        size_ids=where.size_id,
        variant_ids=where.product_variant_id,
        ean=where.ean,
        upc=where.upc,
        size_number=where.size_number,
        sku=where.sku,
    )
    for name, value in fixed.items():
        setattr(found, name, value)
    return found


@read_permission("ProductVariant:read")
@strawberry.type
class ProductVariant(ObjectWithAttributes, ObjectWithTranslations, Localizable):
    id: int
    name: str
    status: Status
    variant_number: str | None
    internal_name: str | None
    created_at: DateTimeTz
    updated_at: DateTimeTz

    attributes = attributes_field("ProductVariant.attributes:read")

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, VariantRow)

    @strawberry.field
    @staticmethod
    def unit_cost(root: Parent[VariantRow], info: Info) -> MonetaryValue | None:
        amount = root.unit_cost
        code = root.unit_cost_currency
        if amount is None or code is None:
            return None
        return MonetaryValue.of(amount, currency_by_code(info, code))

    @strawberry.field(description="The images of this variant.")
    @staticmethod
    def media(
        root: Parent[VariantRow],
        info: Info,
        sort: list[ProductMediaSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[ProductMedia]:
        rows = list(
            product_media(
                info.context.session,
                variant_ids=[key(root)],
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )
        return rows  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def size_chart(root: Parent[VariantRow], info: Info) -> SizeChart:
        return info.context.session.get(SizeChartRow, root.size_chart_id)

    @strawberry.field
    @staticmethod
    def product(root: Parent[VariantRow], info: Info) -> Product:
        return info.context.session.get(ProductRow, root.product_id)

    @strawberry.field
    @staticmethod
    def product_sizes(
        root: Parent[VariantRow], info: Info, where: ProductSizeFilter | None = None
    ) -> "list[ProductSize]":
        if where is None:
            return children(info, "sizes", key(root), queries.sizes_by_variant)
        if where.product_variant_id is not None and root.id not in where.product_variant_id:
            return []
        query = size_query(where, variant_ids=[root.id])
        found = list(queries.product_sizes(info.context.session, query, MAX_LIMIT, None))
        return found  # type: ignore[return-value]


@strawberry.type(name="StockTotals")
class ProductSizeStockTotals:
    """A product size's stock summed over all warehouses."""

    physical_quantity: int
    allocated_quantity: int
    free_to_allocate_quantity: int
    available_now_quantity: int
    available_quantity: int
    demand_quantity: int
    unshipped_quantity: int
    incoming_quantity: int = 0
    on_delivery_quantity: int = 0
    linked_incoming_quantity: int = 0
    unlinked_incoming_quantity: int = 0


@read_permission("ProductSize:read")
@strawberry.type
class ProductSize:
    id: int
    ean: str | None = strawberry.field(name="EAN")
    upc: str | None = strawberry.field(name="UPC")
    size_number: str | None

    @strawberry.field(name="GTIN", deprecation_reason="Use EAN.")
    @staticmethod
    def gtin(root: Parent[ProductSizeRow]) -> str | None:
        return root.ean

    @strawberry.field(name="SKU")
    @staticmethod
    def sku(root: Parent[ProductSizeRow], info: Info) -> str:
        """Read-only: product number + variant number + size number."""
        key = ("sku-parts", root.variant_id)
        parts = info.context.cache.get(key)
        if parts is None:
            session = info.context.session
            variant = session.get(VariantRow, root.variant_id)
            product = session.get(ProductRow, variant.product_id)
            parts = info.context.cache[key] = (product.product_number, variant.variant_number)
        return sku(parts[0], parts[1], root.size_number)

    @field(permission="")
    @staticmethod
    def size(root: Parent[ProductSizeRow], info: Info) -> Size:
        return info.context.session.get(SizeRow, root.size_id)

    @strawberry.field(description='The size\'s name in its size chart (e.g. "M").')
    @staticmethod
    def description(root: Parent[ProductSizeRow], info: Info) -> str:
        return info.context.session.get(SizeRow, root.size_id).name

    @strawberry.field(
        description="Sold as a preorder: its variant is PREORDER in an active delivery window."
    )
    @staticmethod
    def preorder(root: Parent[ProductSizeRow], info: Info) -> bool:
        key = ("preorder-variants",)
        if key not in info.context.cache:
            info.context.cache[key] = preorder_variant_ids(info.context.session)
        return root.variant_id in info.context.cache[key]

    @strawberry.field(description="The product's weight: Centra keeps one weight per product.")
    @staticmethod
    def weight(root: Parent[ProductSizeRow], info: Info) -> Weight:
        variant = info.context.session.get(VariantRow, root.variant_id)
        return Weight.of(info.context.session.get(ProductRow, variant.product_id))

    @strawberry.field
    @staticmethod
    def product_variant(root: Parent[ProductSizeRow], info: Info) -> ProductVariant:
        return info.context.session.get(VariantRow, root.variant_id)

    @field(permission="ProductSize.stockTotals:read")
    @staticmethod
    def stock_totals(root: Parent[ProductSizeRow], info: Info) -> ProductSizeStockTotals:
        totals = totals_for_size(info.context.session, key(root))
        return ProductSizeStockTotals(
            physical_quantity=totals.physical,
            allocated_quantity=totals.allocated,
            free_to_allocate_quantity=totals.free_to_allocate,
            available_now_quantity=totals.available,
            available_quantity=totals.available,
            demand_quantity=totals.demand,
            unshipped_quantity=totals.unshipped,
        )
