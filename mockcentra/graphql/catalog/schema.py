"""Catalogue queries and mutations: size charts, groupings, products, variants, sizes, bundles."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.attributes import assignments as attribute_domain
from mockcentra.domain.catalog import bundles, groups, measurements, products, queries, sizecharts
from mockcentra.domain.catalog.products import ProductSpec, SizeSpec, VariantSpec
from mockcentra.domain.cursors import StatementSource, keys_of
from mockcentra.domain.listing import as_list
from mockcentra.graphql.attributes.schema import MappedAttributeInput
from mockcentra.graphql.attributes.types import announce_attributes, attribute_config
from mockcentra.graphql.catalog.types import (
    Brand,
    BrandSort,
    Bundle,
    BundlePriceType,
    BundleType,
    Collection,
    CollectionSort,
    Folder,
    FolderSort,
    MeasurementChart,
    Product,
    ProductSize,
    ProductSizeFilter,
    ProductSort,
    ProductStatus,
    ProductVariant,
    SizeChart,
    SizeChartSort,
    Status,
    WeightUnit,
    announce,
    size_query,
)
from mockcentra.graphql.common import (
    BrandInput,
    CollectionInput,
    CountryInput,
    FolderInput,
    MeasurementChartInput,
    MonetaryValueInput,
    Payload,
    ProductInput,
    ProductVariantInput,
    SizeChartInput,
    SizeInput,
    StoreInput,
    StringMatch,
)
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import field, mutation
from mockcentra.storage.tables import (
    BrandRow,
    BundleRow,
    CollectionRow,
    FolderRow,
    MeasurementChartRow,
    ProductRow,
    ProductSizeRow,
    SizeChartRow,
    VariantRow,
)

# --- size charts -------------------------------------------------------------------------------


@strawberry.input
class SizeChartCreateInput:
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str] | None = None
    divider_symbol: str | None = None
    display_unit: str | None = strawberry.field(
        default=None, description='The unit sizes are shown in, e.g. "cm"; "" for none.'
    )
    display_divided_by: int | None = strawberry.field(
        default=None, description="Shown values are the labels divided by this; 0 for none."
    )
    external_id: str | None = strawberry.field(
        default=None,
        description="Your own id for the new object (an ID conversion entry of this "
        "integration); refused when it already names another one.",
    )


@strawberry.type
class SizeChartPayload(Payload):
    size_chart: SizeChart | None = None


@strawberry.type
class SizeChartDeletePayload(Payload):
    pass


@strawberry.input
class MeasurementChartValueInput:
    horizontal_label: str
    vertical_label: str
    value: str


@strawberry.input
class MeasurementChartCreateInput:
    name: str
    horizontal_labels: list[str]
    vertical_labels: list[str]
    display_unit: str | None = None
    values: list[MeasurementChartValueInput] | None = None


@strawberry.type
class MeasurementChartPayload(Payload):
    measurement_chart: MeasurementChart | None = None


@strawberry.type
class MeasurementChartDeletePayload(Payload):
    pass


@strawberry.input
class MeasurementChartFilter:
    id: list[int] | None = None
    name: StringMatch | None = None


@strawberry.input
class SizeChartFilter:
    id: list[int] | None = None
    name: StringMatch | None = None


# --- groupings ---------------------------------------------------------------------------------


@strawberry.input
class BrandCreateInput:
    name: str
    uri: str | None = strawberry.field(
        default=None, description="Generated from the name when left out."
    )
    add_to_stores: list[StoreInput] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="The stores to enable the brand in."
    )


@strawberry.input
class BrandUpdateInput:
    name: str | None = None
    uri: str | None = strawberry.field(
        default=None, description='"" generates it from the name again.'
    )
    add_to_stores: list[StoreInput] | None = None  # type: ignore[valid-type]
    remove_from_stores: list[StoreInput] | None = None  # type: ignore[valid-type]


@strawberry.input
class CollectionCreateInput:
    name: str
    status: Status = Status.ACTIVE  # type: ignore[valid-type]
    uri: str | None = strawberry.field(
        default=None, description="Generated from the name when left out."
    )


@strawberry.input
class CollectionUpdateInput:
    name: str | None = None
    status: Status | None = None  # type: ignore[valid-type]
    uri: str | None = strawberry.field(
        default=None, description='"" generates it from the name again.'
    )


@strawberry.input
class FolderCreateInput:
    name: str
    parent: FolderInput | None = None


@strawberry.type
class BrandCreatePayload(Payload):
    brand: Brand | None = None


@strawberry.type
class BrandUpdatePayload(Payload):
    brand: Brand | None = None


@strawberry.type
class CollectionCreatePayload(Payload):
    collection: Collection | None = None


@strawberry.type
class CollectionUpdatePayload(Payload):
    collection: Collection | None = None


@strawberry.type
class FolderCreatePayload(Payload):
    folder: Folder | None = None


@strawberry.input
class BrandFilter:
    id: list[int] | None = None
    name: StringMatch | None = None


@strawberry.input
class CollectionFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    status: list[Status] | None = None  # type: ignore[valid-type]


@strawberry.input
class FolderFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    is_top_folder: bool | None = None
    parent_id: list[int] | None = None


# --- products, variants, sizes -----------------------------------------------------------------


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
        found = _given(self, products.VARIANT_FIELDS)
        if "unit_cost" in found and found["unit_cost"] is not None:
            cost = found["unit_cost"]
            found["unit_cost"] = (cost.to_decimal(), cost.currency_iso_code)
        return found


@strawberry.input
class WeightInput:
    value: float
    unit: WeightUnit  # type: ignore[valid-type]

    def to_domain(self) -> tuple[Decimal, Any]:
        return Decimal(str(self.value)), self.unit


@strawberry.input
class MeasurementTableInput:
    measurement_chart: MeasurementChartInput  # type: ignore[valid-type]
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
        found = _given(self, products.PRODUCT_FIELDS)
        if found.get("weight") is not None:
            found["weight"] = found["weight"].to_domain()
        if found.get("measurement_table") is not None:
            found["measurement_table"] = found["measurement_table"].to_spec()
        if "is_serializable_product" in found and found["is_serializable_product"] is None:
            del found["is_serializable_product"]
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
        return _given(self, {"ean": "EAN", "upc": "UPC", "size_number": "sizeNumber"})


def _given(input_obj: Any, names: dict[str, str]) -> dict[str, Any]:
    """The fields the client actually sent (an explicit null is kept, an omitted field is not)."""
    return {
        key: getattr(input_obj, key)
        for key in names
        if hasattr(input_obj, key) and getattr(input_obj, key) is not strawberry.UNSET
    }


@strawberry.type
class ProductCreatePayload(Payload):
    product: Product | None = None


@strawberry.type
class ProductUpdatePayload(Payload):
    product: Product | None = None


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


@strawberry.input
class ProductVariantFilter:
    id: list[int] | None = None
    product_id: list[int] | None = None
    status: list[Status] | None = None
    name: StringMatch | None = None
    variant_number: StringMatch | None = None


# --- bundles -----------------------------------------------------------------------------------


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


# --- root fields -------------------------------------------------------------------------------


@strawberry.type
class Query:
    @strawberry.field
    def size_charts(
        self,
        info: Info,
        where: SizeChartFilter | None = None,
        sort: list[SizeChartSort] | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        page: int | None = None,
    ) -> list[SizeChart]:
        w = where or SizeChartFilter()
        return list(
            sizecharts.size_charts(
                info.context.session,
                ids=w.id,
                name=w.name,
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )

    @strawberry.field
    def size_chart(self, info: Info, id: int) -> SizeChart | None:
        return info.context.session.get(SizeChartRow, id)

    @field(permission="MeasurementChart:read")
    def measurement_charts(
        self,
        info: Info,
        where: MeasurementChartFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[MeasurementChart]:
        w = where or MeasurementChartFilter()
        return list(
            measurements.measurement_charts(
                info.context.session, ids=w.id, name=w.name, limit=limit, page_number=page
            )
        )

    @field(permission="MeasurementChart:read")
    def measurement_chart(self, info: Info, id: int) -> MeasurementChart | None:
        return info.context.session.get(MeasurementChartRow, id)

    @field(permission="Brand:read")
    def brands(
        self,
        info: Info,
        where: BrandFilter | None = None,
        sort: list[BrandSort] | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Brand]:
        w = where or BrandFilter()
        rows = queries.brands(
            info.context.session, ids=w.id, name=w.name, sort=sort, limit=limit, page_number=page
        )
        announce(info, "brand_stores", (b.id for b in rows))
        return list(rows)

    @field(permission="Brand:read")
    def brand(self, info: Info, id: int) -> Brand | None:
        return info.context.session.get(BrandRow, id)

    @field(permission="Collection:read")
    def collections(
        self,
        info: Info,
        where: CollectionFilter | None = None,
        sort: list[CollectionSort] | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Collection]:
        w = where or CollectionFilter()
        return list(
            queries.collections(
                info.context.session,
                ids=w.id,
                name=w.name,
                statuses=w.status,
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )

    @field(permission="Collection:read")
    def collection(self, info: Info, id: int) -> Collection | None:
        return info.context.session.get(CollectionRow, id)

    @field(permission="Folder:read")
    def folders(
        self,
        info: Info,
        where: FolderFilter | None = None,
        sort: list[FolderSort] | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Folder]:
        w = where or FolderFilter()
        rows = queries.folders(
            info.context.session,
            ids=w.id,
            name=w.name,
            is_top_folder=w.is_top_folder,
            parent_ids=w.parent_id,
            sort=sort,
            limit=limit,
            page_number=page,
        )
        announce(info, "folder_products", (f.id for f in rows))
        return list(rows)

    @field(permission="Folder:read")
    def folder(self, info: Info, id: int) -> Folder | None:
        return info.context.session.get(FolderRow, id)

    @strawberry.field
    def products(
        self,
        info: Info,
        where: ProductFilter | None = None,
        sort: list[ProductSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Product]:
        rows = queries.products(info.context.session, product_query(where), sort, limit, page)
        announce(info, "variants", (p.id for p in rows))
        announce_attributes(info, "Product", [p.id for p in rows])
        announce(info, "translations:Product", [p.id for p in rows])
        return list(rows)

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

    @strawberry.field
    def product_variants(
        self,
        info: Info,
        where: ProductVariantFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[ProductVariant]:
        w = where or ProductVariantFilter()
        rows = queries.variants(
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
        announce(info, "sizes", (v.id for v in rows))
        announce_attributes(info, "ProductVariant", [v.id for v in rows])
        return list(rows)

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
        return list(queries.product_sizes(info.context.session, query, limit, page))

    @strawberry.field
    def product_size(self, info: Info, id: int) -> ProductSize | None:
        return info.context.session.get(ProductSizeRow, id)

    @strawberry.field
    def bundles(
        self,
        info: Info,
        where: BundleFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Bundle]:
        w = where or BundleFilter()
        rows = queries.bundles(
            info.context.session, ids=w.id, types=w.type, limit=limit, page_number=page
        )
        announce(info, "sections", (b.id for b in rows))
        return list(rows)

    @strawberry.field
    def bundle(self, info: Info, id: int) -> Bundle | None:
        return info.context.session.get(BundleRow, id)


def _delete_measurement_chart(info: Info, chart_id: int) -> MeasurementChartDeletePayload:
    def action() -> dict[str, Any]:
        measurements.delete_measurement_chart(info.context.uow, chart_id)
        return {}

    return run_mutation(info, MeasurementChartDeletePayload, action)


def _delete_size_chart(info: Info, chart_id: int) -> SizeChartDeletePayload:
    def action() -> dict[str, Any]:
        sizecharts.delete_size_chart(info.context.uow, chart_id)
        return {}

    return run_mutation(info, SizeChartDeletePayload, action)


@strawberry.type
class Mutation:
    @mutation(permission="SizeChart:write")
    def create_size_chart(self, info: Info, input: SizeChartCreateInput) -> SizeChartPayload:
        return run_mutation(
            info,
            SizeChartPayload,
            lambda: {
                "size_chart": sizecharts.create_size_chart(
                    info.context.uow,
                    name=input.name,
                    horizontal_labels=input.horizontal_labels,
                    vertical_labels=input.vertical_labels,
                    divider_symbol=input.divider_symbol,
                    display_unit=input.display_unit,
                    display_divided_by=input.display_divided_by,
                    external_id=input.external_id,
                )
            },
        )

    @mutation(permission="MeasurementChart:write")
    def create_measurement_chart(
        self, info: Info, input: MeasurementChartCreateInput
    ) -> MeasurementChartPayload:
        return run_mutation(
            info,
            MeasurementChartPayload,
            lambda: {
                "measurement_chart": measurements.create_measurement_chart(
                    info.context.uow,
                    name=input.name,
                    horizontal_labels=input.horizontal_labels,
                    vertical_labels=input.vertical_labels,
                    display_unit=input.display_unit,
                    values=[
                        measurements.CellValue(v.horizontal_label, v.vertical_label, v.value)
                        for v in input.values or []
                    ],
                )
            },
        )

    @mutation(permission="MeasurementChart:write")
    def delete_measurement_chart(self, info: Info, id: int) -> MeasurementChartDeletePayload:
        return _delete_measurement_chart(info, id)

    @mutation(permission="MeasurementChart:write", deprecation_reason="Use deleteMeasurementChart.")
    def remove_measurement_chart(self, info: Info, id: int) -> MeasurementChartDeletePayload:
        return _delete_measurement_chart(info, id)

    @mutation(permission="SizeChart:write")
    def delete_size_chart(self, info: Info, id: int) -> SizeChartDeletePayload:
        return _delete_size_chart(info, id)

    @mutation(permission="SizeChart:write", deprecation_reason="Use deleteSizeChart.")
    def remove_size_chart(self, info: Info, id: int) -> SizeChartDeletePayload:
        return _delete_size_chart(info, id)

    @mutation(permission="Brand:write")
    def create_brand(self, info: Info, input: BrandCreateInput) -> BrandCreatePayload:
        return run_mutation(
            info,
            BrandCreatePayload,
            lambda: {
                "brand": groups.create_brand(
                    info.context.uow,
                    name=input.name,
                    uri=input.uri,
                    add_to_stores=list(input.add_to_stores or []),
                )
            },
        )

    @mutation(permission="Brand:write")
    def update_brand(self, info: Info, id: int, input: BrandUpdateInput) -> BrandUpdatePayload:
        return run_mutation(
            info,
            BrandUpdatePayload,
            lambda: {
                "brand": groups.update_brand(
                    info.context.uow,
                    id,
                    name=input.name,
                    uri=input.uri,
                    add_to_stores=list(input.add_to_stores or []),
                    remove_from_stores=list(input.remove_from_stores or []),
                )
            },
        )

    @mutation(permission="Collection:write")
    def create_collection(
        self, info: Info, input: CollectionCreateInput
    ) -> CollectionCreatePayload:
        return run_mutation(
            info,
            CollectionCreatePayload,
            lambda: {
                "collection": groups.create_collection(
                    info.context.uow, name=input.name, status=input.status, uri=input.uri
                )
            },
        )

    @mutation(permission="Collection:write")
    def update_collection(
        self, info: Info, id: int, input: CollectionUpdateInput
    ) -> CollectionUpdatePayload:
        return run_mutation(
            info,
            CollectionUpdatePayload,
            lambda: {
                "collection": groups.update_collection(
                    info.context.uow, id, name=input.name, status=input.status, uri=input.uri
                )
            },
        )

    @mutation(permission="Folder:write")
    def create_folder(self, info: Info, input: FolderCreateInput) -> FolderCreatePayload:
        return run_mutation(
            info,
            FolderCreatePayload,
            lambda: {
                "folder": groups.create_folder(
                    info.context.uow, name=input.name, parent=input.parent
                )
            },
        )

    @mutation(permission="Product:write")
    def create_product(self, info: Info, input: ProductCreateInput) -> ProductCreatePayload:
        return run_mutation(
            info,
            ProductCreatePayload,
            lambda: {"product": products.create_product(info.context.uow, input.to_spec())},
        )

    @mutation(permission="Product:write")
    def update_product(
        self, info: Info, id: int, input: ProductUpdateInput
    ) -> ProductUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            product, warnings = products.update_product(uow, id, input.changes())
            assign, unassign = input.attribute_changes()
            config = attribute_config(info)
            if assign.mapped:
                attribute_domain.apply(
                    uow, config, product, assign, ["input"], "assignMappedAttributes"
                )
            if unassign.mapped:
                warnings += attribute_domain.remove(
                    uow, config, product, unassign, ["input"], "unassignMappedAttributes"
                )
            return {"product": product, "warnings": warnings}

        return run_mutation(info, ProductUpdatePayload, action)

    @mutation(permission="ProductVariant:write")
    def create_product_variant(
        self, info: Info, input: ProductVariantCreateInput
    ) -> ProductVariantCreatePayload:
        return run_mutation(
            info,
            ProductVariantCreatePayload,
            lambda: {
                "product_variant": products.create_variant(
                    info.context.uow, input.product, input.to_spec()
                )
            },
        )

    @mutation(permission="ProductVariant:write")
    def update_product_variant(
        self, info: Info, id: int, input: ProductVariantUpdateInput
    ) -> ProductVariantUpdatePayload:
        return run_mutation(
            info,
            ProductVariantUpdatePayload,
            lambda: {
                "product_variant": products.update_variant(info.context.uow, id, input.changes())
            },
        )

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
                "product_size": products.create_product_size(
                    info.context.uow, input.product_variant, spec
                )
            },
        )

    @mutation(permission="ProductVariant:write")
    def update_product_size(
        self, info: Info, id: int, input: ProductSizeUpdateInput
    ) -> ProductSizeUpdatePayload:
        return run_mutation(
            info,
            ProductSizeUpdatePayload,
            lambda: {
                "product_size": products.update_product_size(info.context.uow, id, input.changes())
            },
        )

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
        )
