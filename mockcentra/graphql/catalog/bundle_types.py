"""Bundles: a product sold as sections of other products' variants, and its sections."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from mockcentra.domain.catalog import bundles as bundle_domain
from mockcentra.domain.catalog import queries
from mockcentra.graphql.catalog.chart_types import Size, SizeChart
from mockcentra.graphql.catalog.enums import BundlePriceType, BundleType
from mockcentra.graphql.catalog.loading import children
from mockcentra.graphql.catalog.types import Product, ProductVariant
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import BundleRow, ProductRow, SizeChartRow, VariantRow


@strawberry.type
class BundleSection:
    id: int
    quantity: int

    @field(permission="")
    def product_variants(self, info: Info) -> list[ProductVariant]:
        return children(info, "section_variants", self.id, queries.variants_by_section)


@read_permission("Bundle:read")
@strawberry.type
class Bundle:
    id: int
    type: BundleType
    price_type: BundlePriceType

    @strawberry.field
    def created_at(self, info: Info) -> DateTimeTz:
        return _bundle_product(info, self).created_at

    @strawberry.field
    def updated_at(self, info: Info) -> DateTimeTz:
        return _bundle_product(info, self).updated_at

    @field(permission="")
    def product(self, info: Info) -> Product:
        return _bundle_product(info, self)

    @strawberry.field
    def bundle_variant(self, info: Info) -> ProductVariant:
        return info.context.session.get(VariantRow, self.variant_id)  # type: ignore[attr-defined]

    @strawberry.field
    def size_chart(self, info: Info) -> SizeChart | None:
        variant = info.context.session.get(VariantRow, self.variant_id)  # type: ignore[attr-defined]
        return info.context.session.get(SizeChartRow, variant.size_chart_id)

    @field(permission="")
    def sizes(self, info: Info) -> list[Size]:
        """The sizes active on the bundle variant, in size chart order."""
        variant_id = self.variant_id  # type: ignore[attr-defined]
        rows = queries.sizes_by_variant(info.context.session, [variant_id]).get(variant_id, [])
        return queries.size_rows(info.context.session, [r.size_id for r in rows])

    @field(permission="")
    def sections(self, info: Info) -> list[BundleSection]:
        return children(
            info, "sections", self.id, queries.sections_by_bundle, then="section_variants"
        )

    @field(permission="")
    def available_quantity(self, info: Info) -> int:
        """Bundles the section variants' free stock makes up (see `bundles.available_quantity`)."""
        return bundle_domain.available_quantity(info.context.session, self.id)


def _bundle_product(info: Info, bundle: BundleRow) -> ProductRow:
    return info.context.session.get(ProductRow, bundle.product_id)
