"""Products: their inputs, filter, queries (a list, a Relay connection, one) and mutations."""

from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.attributes import assignments as attribute_domain
from mockcentra.domain.catalog import measurements, products, queries
from mockcentra.domain.catalog.products import ProductSpec
from mockcentra.domain.cursors import StatementSource, keys_of
from mockcentra.domain.listing import as_list
from mockcentra.graphql.attributes.schema import MappedAttributeInput
from mockcentra.graphql.attributes.types import announce_attributes, attribute_config
from mockcentra.graphql.catalog.enums import ProductSort, ProductStatus, WeightUnit
from mockcentra.graphql.catalog.inputs import sent_fields
from mockcentra.graphql.catalog.loading import announce
from mockcentra.graphql.catalog.types import Product
from mockcentra.graphql.catalog.variants import ProductVariantOnProductCreateInput
from mockcentra.graphql.common import (
    BrandInput,
    CollectionInput,
    CountryInput,
    FolderInput,
    MeasurementChartInput,
    Payload,
    StringMatch,
)
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.errors import placed_warning, reading, run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.storage.tables import ProductRow


@strawberry.input
class WeightInput:
    value: float
    unit: WeightUnit

    def to_domain(self) -> tuple[Decimal, Any]:
        return Decimal(str(self.value)), self.unit


@strawberry.input
class MeasurementTableInput:
    measurement_chart: MeasurementChartInput
    inherited: bool = False

    def to_spec(self) -> measurements.MeasurementTableSpec:
        return measurements.MeasurementTableSpec(self.measurement_chart, self.inherited)


@strawberry.input
class ProductCreateInput:
    name: str
    status: ProductStatus
    product_number: str
    brand: BrandInput | None = None
    collection: CollectionInput | None = None
    folder: FolderInput | None = None
    country_of_origin: CountryInput | None = None
    harmonized_commodity_code: str | None = None
    harmonized_commodity_code_description: str | None = None
    internal_comment: str | None = None
    is_serializable_product: bool = False
    weight: WeightInput | None = None
    measurement_table: MeasurementTableInput | None = None
    add_product_variants: list[ProductVariantOnProductCreateInput] | None = None
    external_id: str | None = strawberry.field(
        default=None,
        description="Your own id for the new object (an ID conversion entry of this "
        "integration); refused when it already names another one.",
    )

    def to_spec(self) -> ProductSpec:
        return ProductSpec(
            name=self.name,
            status=self.status,
            product_number=self.product_number,
            brand=self.brand,
            collection=self.collection,
            folder=self.folder,
            country_of_origin=self.country_of_origin,
            harmonized_commodity_code=self.harmonized_commodity_code,
            harmonized_commodity_code_description=self.harmonized_commodity_code_description,
            internal_comment=self.internal_comment,
            is_serializable_product=self.is_serializable_product,
            weight=self.weight.to_domain() if self.weight else None,
            measurement_table=self.measurement_table.to_spec() if self.measurement_table else None,
            variants=[v.to_spec() for v in self.add_product_variants or []],
            external_id=self.external_id,
        )


@strawberry.input
class ProductUpdateInput:
    name: str | None = strawberry.UNSET
    status: ProductStatus | None = strawberry.UNSET
    product_number: str | None = strawberry.UNSET
    brand: BrandInput | None = strawberry.UNSET
    collection: CollectionInput | None = strawberry.UNSET
    folder: FolderInput | None = strawberry.UNSET
    country_of_origin: CountryInput | None = strawberry.UNSET
    harmonized_commodity_code: str | None = strawberry.UNSET
    harmonized_commodity_code_description: str | None = strawberry.UNSET
    internal_comment: str | None = strawberry.UNSET
    is_serializable_product: bool | None = strawberry.UNSET
    weight: WeightInput | None = strawberry.field(
        default=strawberry.UNSET, description="null removes the weight."
    )
    measurement_table: MeasurementTableInput | None = strawberry.field(
        default=strawberry.UNSET,
        description="`measurementChart: {id: null}` (or null) removes the measurement table.",
    )
    assign_mapped_attributes: list[MappedAttributeInput] | None = strawberry.field(
        default=strawberry.UNSET, description="Select mapped attributes (as assignAttributes)."
    )
    unassign_mapped_attributes: list[MappedAttributeInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Deselect mapped attributes (as unassignAttributes).",
    )

    def attribute_changes(
        self,
    ) -> tuple[attribute_domain.AttributeChanges, attribute_domain.AttributeChanges]:
        def specs(items: Any) -> list[attribute_domain.MappedAttributeSpec]:
            return [m.to_spec() for m in items or []] if items is not strawberry.UNSET else []

        return (
            attribute_domain.AttributeChanges(mapped=specs(self.assign_mapped_attributes)),
            attribute_domain.AttributeChanges(mapped=specs(self.unassign_mapped_attributes)),
        )

    def changes(self) -> dict[str, Any]:
        found = sent_fields(self, products.PRODUCT_FIELDS)
        if found.get("weight") is not None:
            found["weight"] = found["weight"].to_domain()
        if found.get("measurement_table") is not None:
            found["measurement_table"] = found["measurement_table"].to_spec()
        if "is_serializable_product" in found and found["is_serializable_product"] is None:
            del found["is_serializable_product"]
        return found


@strawberry.type
class ProductCreatePayload(Payload):
    product: Product | None = None


@strawberry.type
class ProductUpdatePayload(Payload):
    product: Product | None = None


@strawberry.input
class ProductFilter:
    id: list[int] | None = None
    status: list[ProductStatus] | None = None
    name: StringMatch | None = None
    product_number: StringMatch | None = None
    brand_id: list[int] | None = None
    collection_id: list[int] | None = None
    folder_id: list[int] | None = None
    is_bundle: bool | None = None


def product_query(where: ProductFilter | None) -> queries.ProductQuery:
    w = where or ProductFilter()
    return queries.ProductQuery(
        ids=w.id,
        statuses=w.status,
        name=w.name,
        product_number=w.product_number,
        brand_ids=w.brand_id,
        collection_ids=w.collection_id,
        folder_ids=w.folder_id,
        is_bundle=w.is_bundle,
    )


@strawberry.type
class Query:
    @strawberry.field
    def products(
        self,
        info: Info,
        where: ProductFilter | None = None,
        sort: list[ProductSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Product]:
        rows = list(queries.products(info.context.session, product_query(where), sort, limit, page))
        announce(info, "variants", (p.id for p in rows))
        announce_attributes(info, "Product", [p.id for p in rows])
        announce(info, "translations:Product", [p.id for p in rows])
        return rows  # type: ignore[return-value]

    @strawberry.field
    def product_connection(
        self,
        info: Info,
        where: ProductFilter | None = None,
        sort: list[ProductSort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Product]:
        """Products as a Relay connection, by id unless sorted."""
        keys = keys_of(
            [s.value for s in as_list(sort)], queries.PRODUCT_SORT_COLUMNS, ProductRow.id
        )
        stmt = queries.products_matching(product_query(where))
        return connection(
            StatementSource(info.context.session, stmt),
            keys,
            first=first,
            after=after,
            last=last,
            before=before,
            loaded=lambda rows: announce(info, "variants", (p.id for p in rows)),
        )

    @strawberry.field
    def product(self, info: Info, id: int) -> Product | None:
        return info.context.session.get(ProductRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Product:write")
    def create_product(self, info: Info, input: ProductCreateInput) -> ProductCreatePayload:
        return run_mutation(
            info,
            ProductCreatePayload,
            lambda: {"product": products.create_product(info.context.uow, input.to_spec())},
            reads="input",
        )

    @mutation(permission="Product:write")
    def update_product(
        self, info: Info, id: int, input: ProductUpdateInput
    ) -> ProductUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                product = products.get_product(uow, id)
            with reading("input"):
                product, warnings = products.update_product(uow, product, input.changes())
                assign, unassign = input.attribute_changes()
                config = attribute_config(info)
                if assign.mapped:
                    attribute_domain.apply(
                        uow, config, product, assign, [], "assignMappedAttributes"
                    )
                if unassign.mapped:
                    warnings += attribute_domain.remove(
                        uow, config, product, unassign, [], "unassignMappedAttributes"
                    )
            return {"product": product, "warnings": [placed_warning(w, "input") for w in warnings]}

        return run_mutation(info, ProductUpdatePayload, action)
