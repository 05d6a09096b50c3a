"""Bundles: a product sold as sections of other products' variants, and its sections."""

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.catalog import bundles as bundle_domain
from mockcentra.domain.catalog import queries
from mockcentra.graphql.catalog.chart_types import Size, SizeChart
from mockcentra.graphql.catalog.enums import BundlePriceType, BundleType
from mockcentra.graphql.catalog.loading import children
from mockcentra.graphql.catalog.types import Product, ProductVariant
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import (
    BundleRow,
    BundleSectionRow,
    ProductRow,
    SizeChartRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key


@strawberry.type
class BundleSection:
    id: int
    quantity: int

    @field(permission="")
    @staticmethod
    def product_variants(root: Parent[BundleSectionRow], info: Info) -> list[ProductVariant]:
        return children(info, "section_variants", key(root), queries.variants_by_section)


@read_permission("Bundle:read")
@strawberry.type
class Bundle:
    id: int
    type: BundleType
    price_type: BundlePriceType

    @strawberry.field
    @staticmethod
    def created_at(root: Parent[BundleRow], info: Info) -> DateTimeTz:
        return _bundle_product(info, root).created_at  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def updated_at(root: Parent[BundleRow], info: Info) -> DateTimeTz:
        return _bundle_product(info, root).updated_at  # type: ignore[return-value]

    @field(permission="")
    @staticmethod
    def product(root: Parent[BundleRow], info: Info) -> Product:
        return _bundle_product(info, root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def bundle_variant(root: Parent[BundleRow], info: Info) -> ProductVariant:
        return info.context.session.get(VariantRow, root.variant_id)

    @strawberry.field
    @staticmethod
    def size_chart(root: Parent[BundleRow], info: Info) -> SizeChart | None:
        variant = info.context.session.get(VariantRow, root.variant_id)
        return info.context.session.get(SizeChartRow, variant.size_chart_id)

    @field(permission="")
    @staticmethod
    def sizes(root: Parent[BundleRow], info: Info) -> list[Size]:
        """The sizes active on the bundle variant, in size chart order."""
        variant_id = root.variant_id
        rows = queries.sizes_by_variant(info.context.session, [variant_id]).get(variant_id, [])
        return queries.size_rows(info.context.session, [r.size_id for r in rows])  # type: ignore[return-value]

    @field(permission="")
    @staticmethod
    def sections(root: Parent[BundleRow], info: Info) -> list[BundleSection]:
        return children(
            info, "sections", key(root), queries.sections_by_bundle, then="section_variants"
        )

    @field(permission="")
    @staticmethod
    def available_quantity(root: Parent[BundleRow], info: Info) -> int:
        """Bundles the section variants' free stock makes up (see `bundles.available_quantity`)."""
        return bundle_domain.available_quantity(info.context.session, key(root))


def _bundle_product(info: Info, bundle: BundleRow) -> ProductRow:
    return info.context.session.get(ProductRow, bundle.product_id)
