"""Bundles: products sold as sections of other products' variants; inputs, queries, mutations."""

import strawberry
from strawberry.types import Info

from mockcentra.domain.catalog import bundles, queries
from mockcentra.graphql.catalog.bundle_types import Bundle
from mockcentra.graphql.catalog.enums import BundlePriceType, BundleType
from mockcentra.graphql.catalog.loading import announce
from mockcentra.graphql.catalog.products import ProductCreateInput
from mockcentra.graphql.common import Payload, ProductVariantInput, SizeChartInput, SizeInput
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.storage.tables import BundleRow


@strawberry.input
class BundleSectionCreateInput:
    quantity: int
    product_variants: list[ProductVariantInput]


@strawberry.input
class BundleCreateInput:
    product: ProductCreateInput
    type: BundleType
    price_type: BundlePriceType
    size_chart: SizeChartInput | None = None
    sizes: list[SizeInput] | None = None
    add_bundle_sections: list[BundleSectionCreateInput]


@strawberry.type
class BundleCreatePayload(Payload):
    bundle: Bundle | None = None


@strawberry.input
class BundleFilter:
    id: list[int] | None = None
    type: list[BundleType] | None = None


@strawberry.type
class Query:
    @strawberry.field
    def bundles(
        self,
        info: Info,
        where: BundleFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Bundle]:
        w = where or BundleFilter()
        rows = list(
            queries.bundles(
                info.context.session, ids=w.id, types=w.type, limit=limit, page_number=page
            )
        )
        announce(info, "sections", (b.id for b in rows))
        return rows  # type: ignore[return-value]

    @strawberry.field
    def bundle(self, info: Info, id: int) -> Bundle | None:
        return info.context.session.get(BundleRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Bundle:write")
    def create_bundle(self, info: Info, input: BundleCreateInput) -> BundleCreatePayload:
        return run_mutation(
            info,
            BundleCreatePayload,
            lambda: {
                "bundle": bundles.create_bundle(
                    info.context.uow,
                    product=input.product.to_spec(),
                    bundle_type=input.type,
                    price_type=input.price_type,
                    size_chart=input.size_chart,
                    sizes=input.sizes,
                    sections=[
                        bundles.SectionSpec(
                            quantity=s.quantity, product_variants=list(s.product_variants)
                        )
                        for s in input.add_bundle_sections
                    ],
                )
            },
            reads="input",
        )
