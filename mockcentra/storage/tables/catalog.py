"""The product catalogue: size charts, products, variants, sizes, bundles and their groupings."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_dict, empty_list
from mockcentra.storage.types import AwareDateTime, JsonDict, JsonList, Money, Thousandths

__all__ = [
    "BrandRow",
    "BrandStoreRow",
    "CollectionRow",
    "FolderRow",
    "SizeChartRow",
    "MeasurementChartRow",
    "SizeRow",
    "ProductRow",
    "VariantRow",
    "ProductSizeRow",
    "BundleRow",
    "BundleSectionRow",
    "BundleSectionVariantRow",
]


class BrandRow(Row):
    __tablename__ = "brand"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    uri: Mapped[str | None]


class BrandStoreRow(Row):
    """A store a brand is enabled in (`createBrand(addToStores:)`)."""

    __tablename__ = "brand_store"
    brand_id: Mapped[int] = mapped_column(ForeignKey("brand.id"), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), primary_key=True)


class CollectionRow(Row):
    __tablename__ = "collection"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # Status
    uri: Mapped[str | None]


class FolderRow(Row):
    __tablename__ = "folder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("folder.id"))


class SizeChartRow(Row):
    __tablename__ = "size_chart"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    horizontal_labels: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    vertical_labels: Mapped[list[str] | None] = mapped_column(JsonList)
    divider_symbol: Mapped[str] = mapped_column(default="x")
    display_unit: Mapped[str | None]  # e.g. "cm": the unit sizes are shown in
    display_divided_by: Mapped[int] = mapped_column(
        default=0
    )  # shown values are the labels divided by this (0: as they are)


class MeasurementChartRow(Row):
    """Measurements per size: `content` maps a vertical label (e.g. "Chest") to the value of
    each horizontal label (e.g. "S") that has one."""

    __tablename__ = "measurement_chart"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    horizontal_labels: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    vertical_labels: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    display_unit: Mapped[str | None]
    content: Mapped[dict[str, dict[str, str]]] = mapped_column(JsonDict, default=empty_dict)


class SizeRow(Row):
    __tablename__ = "size"
    __table_args__ = (UniqueConstraint("size_chart_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    size_chart_id: Mapped[int] = mapped_column(ForeignKey("size_chart.id"), index=True)
    name: Mapped[str]
    position: Mapped[int] = mapped_column(default=0)


class ProductRow(Row):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # ProductStatus
    product_number: Mapped[str] = mapped_column(index=True)
    brand_id: Mapped[int | None] = mapped_column(ForeignKey("brand.id"))
    collection_id: Mapped[int | None] = mapped_column(ForeignKey("collection.id"))
    folder_id: Mapped[int | None] = mapped_column(ForeignKey("folder.id"))
    country_of_origin_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"))
    harmonized_commodity_code: Mapped[str | None]
    harmonized_commodity_code_description: Mapped[str | None]
    internal_comment: Mapped[str | None]
    is_bundle: Mapped[bool] = mapped_column(default=False)
    is_serializable: Mapped[bool] = mapped_column(default=False)
    weight: Mapped[Decimal | None] = mapped_column(Thousandths)
    weight_unit: Mapped[str] = mapped_column(default="KILOGRAMS")  # WeightUnit
    measurement_chart_id: Mapped[int | None] = mapped_column(ForeignKey("measurement_chart.id"))
    measurement_inherited: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, index=True)


class VariantRow(Row):
    __tablename__ = "product_variant"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # ProductStatus
    variant_number: Mapped[str | None]
    internal_name: Mapped[str | None]
    unit_cost: Mapped[Decimal | None] = mapped_column(Money)
    unit_cost_currency: Mapped[str | None]
    size_chart_id: Mapped[int] = mapped_column(ForeignKey("size_chart.id"))
    is_bundle_variant: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class ProductSizeRow(Row):
    """A size activated on a variant: the unit stock is kept for."""

    __tablename__ = "product_size"
    __table_args__ = (UniqueConstraint("variant_id", "size_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variant.id"), index=True)
    size_id: Mapped[int] = mapped_column(ForeignKey("size.id"))
    ean: Mapped[str | None]
    upc: Mapped[str | None]
    size_number: Mapped[str | None]


class BundleRow(Row):
    __tablename__ = "bundle"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), unique=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variant.id"))
    type: Mapped[str] = mapped_column(default="FIXED")  # BundleType
    price_type: Mapped[str] = mapped_column(default="STATIC")  # BundlePriceType


class BundleSectionRow(Row):
    __tablename__ = "bundle_section"
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundle.id"), index=True)
    quantity: Mapped[int] = mapped_column(default=1)


class BundleSectionVariantRow(Row):
    __tablename__ = "bundle_section_variant"
    section_id: Mapped[int] = mapped_column(ForeignKey("bundle_section.id"), primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variant.id"), primary_key=True)
