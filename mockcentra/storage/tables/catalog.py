"""The product catalogue: size charts, products, variants, sizes, bundles and their groupings."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

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


class BrandRow(Row, table=True):
    __tablename__ = "brand"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    uri: str | None = None


class BrandStoreRow(Row, table=True):
    """A store a brand is enabled in (`createBrand(addToStores:)`)."""

    __tablename__ = "brand_store"
    brand_id: int = Field(foreign_key="brand.id", primary_key=True)
    store_id: int = Field(foreign_key="store.id", primary_key=True)


class CollectionRow(Row, table=True):
    __tablename__ = "collection"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    status: str = "ACTIVE"  # Status
    uri: str | None = None


class FolderRow(Row, table=True):
    __tablename__ = "folder"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    parent_id: int | None = Field(default=None, foreign_key="folder.id")


class SizeChartRow(Row, table=True):
    __tablename__ = "size_chart"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    horizontal_labels: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    vertical_labels: list[str] | None = Field(default=None, sa_type=JsonList)
    divider_symbol: str = "x"
    display_unit: str | None = None  # e.g. "cm": the unit sizes are shown in
    display_divided_by: int = 0  # shown values are the labels divided by this (0: as they are)


class MeasurementChartRow(Row, table=True):
    """Measurements per size: `content` maps a vertical label (e.g. "Chest") to the value of
    each horizontal label (e.g. "S") that has one."""

    __tablename__ = "measurement_chart"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    horizontal_labels: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    vertical_labels: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    display_unit: str | None = None
    content: dict[str, dict[str, str]] = Field(default_factory=empty_dict, sa_type=JsonDict)


class SizeRow(Row, table=True):
    __tablename__ = "size"
    __table_args__ = (UniqueConstraint("size_chart_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    size_chart_id: int = Field(foreign_key="size_chart.id", index=True)
    name: str
    position: int = 0


class ProductRow(Row, table=True):
    __tablename__ = "product"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    status: str = "ACTIVE"  # ProductStatus
    product_number: str = Field(index=True)
    brand_id: int | None = Field(default=None, foreign_key="brand.id")
    collection_id: int | None = Field(default=None, foreign_key="collection.id")
    folder_id: int | None = Field(default=None, foreign_key="folder.id")
    country_of_origin_id: int | None = Field(default=None, foreign_key="country.id")
    harmonized_commodity_code: str | None = None
    harmonized_commodity_code_description: str | None = None
    internal_comment: str | None = None
    is_bundle: bool = False
    is_serializable: bool = False
    weight: Decimal | None = Field(default=None, sa_type=Thousandths)
    weight_unit: str = "KILOGRAMS"  # WeightUnit
    measurement_chart_id: int | None = Field(default=None, foreign_key="measurement_chart.id")
    measurement_inherited: bool = False
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime, index=True)


class VariantRow(Row, table=True):
    __tablename__ = "product_variant"
    id: int | None = Field(default=None, primary_key=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    name: str
    status: str = "ACTIVE"  # ProductStatus
    variant_number: str | None = None
    internal_name: str | None = None
    unit_cost: Decimal | None = Field(default=None, sa_type=Money)
    unit_cost_currency: str | None = None
    size_chart_id: int = Field(foreign_key="size_chart.id")
    is_bundle_variant: bool = False
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class ProductSizeRow(Row, table=True):
    """A size activated on a variant: the unit stock is kept for."""

    __tablename__ = "product_size"
    __table_args__ = (UniqueConstraint("variant_id", "size_id"),)
    id: int | None = Field(default=None, primary_key=True)
    variant_id: int = Field(foreign_key="product_variant.id", index=True)
    size_id: int = Field(foreign_key="size.id")
    ean: str | None = None
    upc: str | None = None
    size_number: str | None = None


class BundleRow(Row, table=True):
    __tablename__ = "bundle"
    id: int | None = Field(default=None, primary_key=True)
    product_id: int = Field(foreign_key="product.id", unique=True)
    variant_id: int = Field(foreign_key="product_variant.id")
    type: str = "FIXED"  # BundleType
    price_type: str = "STATIC"  # BundlePriceType


class BundleSectionRow(Row, table=True):
    __tablename__ = "bundle_section"
    id: int | None = Field(default=None, primary_key=True)
    bundle_id: int = Field(foreign_key="bundle.id", index=True)
    quantity: int = 1


class BundleSectionVariantRow(Row, table=True):
    __tablename__ = "bundle_section_variant"
    section_id: int = Field(foreign_key="bundle_section.id", primary_key=True)
    variant_id: int = Field(foreign_key="product_variant.id", primary_key=True)
