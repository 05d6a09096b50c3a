"""Product variants and their sizes: inputs (also those nested in a new product), queries,
mutations."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.catalog import product_sizes, queries, variants
from mockcentra.domain.catalog.product_sizes import SizeSpec
from mockcentra.domain.catalog.variants import VariantSpec
from mockcentra.graphql.attributes.types import announce_attributes
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.inputs import sent_fields
from mockcentra.graphql.catalog.loading import announce
from mockcentra.graphql.catalog.types import (
    ProductSize,
    ProductSizeFilter,
    ProductVariant,
    size_query,
)
from mockcentra.graphql.common import (
    MonetaryValueInput,
    Payload,
    ProductInput,
    ProductVariantInput,
    SizeChartInput,
    SizeInput,
    StringMatch,
)
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.storage.tables import ProductSizeRow, VariantRow


@strawberry.input
class ProductSizeCreateOnProductVariantInput:
    size: SizeInput
    ean: str | None = strawberry.field(name="EAN", default=None)
    upc: str | None = strawberry.field(name="UPC", default=None)
    size_number: str | None = None

    def to_spec(self) -> SizeSpec:
        return SizeSpec(size=self.size, ean=self.ean, upc=self.upc, size_number=self.size_number)


@strawberry.input
class ProductVariantOnProductCreateInput:
    name: str
    status: Status
    variant_number: str | None = None
    internal_name: str | None = None
    unit_cost: MonetaryValueInput | None = None
    size_chart: SizeChartInput | None = None
    product_sizes: list[ProductSizeCreateOnProductVariantInput] | None = None

    def to_spec(self) -> VariantSpec:
        return VariantSpec(
            name=self.name,
            status=self.status,
            size_chart=self.size_chart,
            variant_number=self.variant_number,
            internal_name=self.internal_name,
            unit_cost=self.unit_cost.to_decimal() if self.unit_cost else None,
            unit_cost_currency=self.unit_cost.currency_iso_code if self.unit_cost else None,
            product_sizes=[s.to_spec() for s in self.product_sizes or []],
        )


@strawberry.input
class ProductVariantCreateInput(ProductVariantOnProductCreateInput):
    product: ProductInput
    external_id: str | None = strawberry.field(
        default=None,
        description="Your own id for the new object (an ID conversion entry of this "
        "integration); refused when it already names another one.",
    )

    def to_spec(self) -> VariantSpec:
        spec = super().to_spec()
        spec.external_id = self.external_id
        return spec


@strawberry.input
class ProductVariantUpdateInput:
    name: str | None = strawberry.UNSET
    status: Status | None = strawberry.UNSET
    variant_number: str | None = strawberry.UNSET
    internal_name: str | None = strawberry.UNSET
    unit_cost: MonetaryValueInput | None = strawberry.UNSET
    size_chart: SizeChartInput | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        found = sent_fields(self, variants.VARIANT_FIELDS)
        if "unit_cost" in found and found["unit_cost"] is not None:
            cost = found["unit_cost"]
            found["unit_cost"] = (cost.to_decimal(), cost.currency_iso_code)
        return found


@strawberry.input
class ProductSizeCreateInput:
    product_variant: ProductVariantInput
    size: SizeInput
    ean: str | None = strawberry.field(name="EAN", default=None)
    upc: str | None = strawberry.field(name="UPC", default=None)
    size_number: str | None = None
    gtin: str | None = strawberry.field(
        default=None,
        deprecation_reason="Use EAN.",
        description="The old name of EAN (Centra's guides still send it); read back as EAN.",
    )


@strawberry.input
class ProductSizeUpdateInput:
    ean: str | None = strawberry.field(name="EAN", default=strawberry.UNSET)
    upc: str | None = strawberry.field(name="UPC", default=strawberry.UNSET)
    size_number: str | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        return sent_fields(self, {"ean": "EAN", "upc": "UPC", "size_number": "sizeNumber"})


@strawberry.type
class ProductVariantCreatePayload(Payload):
    product_variant: ProductVariant | None = None


@strawberry.type
class ProductVariantUpdatePayload(Payload):
    product_variant: ProductVariant | None = None


@strawberry.type
class ProductSizeCreatePayload(Payload):
    product_size: ProductSize | None = None


@strawberry.type
class ProductSizeUpdatePayload(Payload):
    product_size: ProductSize | None = None


@strawberry.input
class ProductVariantFilter:
    id: list[int] | None = None
    product_id: list[int] | None = None
    status: list[Status] | None = None
    name: StringMatch | None = None
    variant_number: StringMatch | None = None


@strawberry.type
class Query:
    @strawberry.field
    def product_variants(
        self,
        info: Info,
        where: ProductVariantFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[ProductVariant]:
        w = where or ProductVariantFilter()
        rows = list(
            queries.variants(
                info.context.session,
                queries.VariantQuery(
                    ids=w.id,
                    product_ids=w.product_id,
                    statuses=w.status,
                    name=w.name,
                    variant_number=w.variant_number,
                ),
                limit,
                page,
            )
        )
        announce(info, "sizes", (v.id for v in rows))
        announce_attributes(info, "ProductVariant", [v.id for v in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def product_variant(self, info: Info, id: int) -> ProductVariant | None:
        return info.context.session.get(VariantRow, id)

    @strawberry.field
    def product_sizes(
        self,
        info: Info,
        where: ProductSizeFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[ProductSize]:
        query = size_query(where or ProductSizeFilter())
        rows = list(queries.product_sizes(info.context.session, query, limit, page))
        return rows  # type: ignore[return-value]

    @strawberry.field
    def product_size(self, info: Info, id: int) -> ProductSize | None:
        return info.context.session.get(ProductSizeRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="ProductVariant:write")
    def create_product_variant(
        self, info: Info, input: ProductVariantCreateInput
    ) -> ProductVariantCreatePayload:
        return run_mutation(
            info,
            ProductVariantCreatePayload,
            lambda: {
                "product_variant": variants.create_variant(
                    info.context.uow, input.product, input.to_spec()
                )
            },
            reads="input",
        )

    @mutation(permission="ProductVariant:write")
    def update_product_variant(
        self, info: Info, id: int, input: ProductVariantUpdateInput
    ) -> ProductVariantUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                variant = variants.get_variant(uow, id)
            with reading("input"):
                return {"product_variant": variants.update_variant(uow, variant, input.changes())}

        return run_mutation(info, ProductVariantUpdatePayload, action)

    @mutation(permission="ProductVariant:write")
    def create_product_size(
        self, info: Info, input: ProductSizeCreateInput
    ) -> ProductSizeCreatePayload:
        spec = SizeSpec(
            size=input.size,
            ean=input.ean,
            upc=input.upc,
            size_number=input.size_number,
            gtin=input.gtin,
        )
        return run_mutation(
            info,
            ProductSizeCreatePayload,
            lambda: {
                "product_size": product_sizes.create_product_size(
                    info.context.uow, input.product_variant, spec
                )
            },
            reads="input",
        )

    @mutation(permission="ProductVariant:write")
    def update_product_size(
        self, info: Info, id: int, input: ProductSizeUpdateInput
    ) -> ProductSizeUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                size = product_sizes.get_product_size(uow, id)
            with reading("input"):
                return {
                    "product_size": product_sizes.update_product_size(uow, size, input.changes())
                }

        return run_mutation(info, ProductSizeUpdatePayload, action)
