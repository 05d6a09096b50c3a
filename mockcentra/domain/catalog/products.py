"""Products, their variants and the sizes activated on each variant.

A product holds the general data; a variant (often a colour) picks a size chart; a product size
is one size of that chart activated on the variant, and is the unit stock is kept for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlmodel import select

from mockcentra.domain import idconversion
from mockcentra.domain.catalog import rules
from mockcentra.domain.catalog.measurements import MeasurementTableSpec, measurement_table
from mockcentra.domain.catalog.status import ProductStatus, VariantStatus, WeightUnit
from mockcentra.domain.catalog.weight import checked_weight
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, not_found
from mockcentra.domain.refs import Ref, resolve, resolve_optional
from mockcentra.storage.tables import (
    BrandRow,
    CollectionRow,
    CountryRow,
    CurrencyRow,
    FolderRow,
    ProductRow,
    ProductSizeRow,
    SizeChartRow,
    SizeRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]


@dataclass
class SizeSpec:
    """A size to activate on a variant; `size` is a reference (`{id}`, `{externalId}`, `{name}`)."""

    size: Any
    ean: str | None = None
    upc: str | None = None
    size_number: str | None = None
    gtin: str | None = None  # the old name of `ean`, still sent by Centra's guides


@dataclass
class VariantSpec:
    name: str
    status: str
    size_chart: Any = None
    variant_number: str | None = None
    internal_name: str | None = None
    unit_cost: Decimal | None = None
    unit_cost_currency: str | None = None
    product_sizes: list[SizeSpec] = field(default_factory=list)
    #: An ID conversion entry to create with the variant (see `idconversion.assign_new`).
    external_id: str | None = None


@dataclass
class ProductSpec:
    name: str
    status: str
    product_number: str
    brand: Any = None
    collection: Any = None
    folder: Any = None
    country_of_origin: Any = None
    harmonized_commodity_code: str | None = None
    harmonized_commodity_code_description: str | None = None
    internal_comment: str | None = None
    is_serializable_product: bool = False
    #: (value, unit) or None for no weight.
    weight: tuple[Decimal, WeightUnit] | None = None
    measurement_table: MeasurementTableSpec | None = None
    variants: list[VariantSpec] = field(default_factory=list)
    #: An ID conversion entry to create with the product (see `idconversion.assign_new`).
    external_id: str | None = None


# Updatable product fields and their names in the input (for error paths).
PRODUCT_FIELDS = {
    "name": "name",
    "status": "status",
    "product_number": "productNumber",
    "brand": "brand",
    "collection": "collection",
    "folder": "folder",
    "country_of_origin": "countryOfOrigin",
    "harmonized_commodity_code": "harmonizedCommodityCode",
    "harmonized_commodity_code_description": "harmonizedCommodityCodeDescription",
    "internal_comment": "internalComment",
    "is_serializable_product": "isSerializableProduct",
    "weight": "weight",
    "measurement_table": "measurementTable",
}
VARIANT_FIELDS = {
    "name": "name",
    "status": "status",
    "variant_number": "variantNumber",
    "internal_name": "internalName",
    "unit_cost": "unitCost",
    "size_chart": "sizeChart",
}


# --- products ------------------------------------------------------------------------------


def get_product(uow: UnitOfWork, product_id: int, path: Path = ()) -> ProductRow:
    """The product with this id (errors point at `path`, by default the id itself)."""
    return resolve(uow, ProductRow, Ref(id=product_id), path, kind="Product")


def _check_product_number(
    uow: UnitOfWork, number: str, path: Path, own_id: int | None = None
) -> None:
    """Product numbers are unique: they start every SKU."""
    stmt = select(ProductRow.id).where(ProductRow.product_number == number)
    if own_id is not None:
        stmt = stmt.where(ProductRow.id != own_id)
    if uow.session.exec(stmt).first():
        raise DomainError(
            ErrorCode.DUPLICATE, f"Product number {number} is already in use.", [*path]
        )


def _status(enum: type[StrEnum], value: Any, path: Path) -> str:
    """A status value of the given vocabulary, stored as its text."""
    try:
        return str(enum(value))
    except ValueError:
        raise DomainError(ErrorCode.INVALID, f"Invalid status {value}.", [*path]) from None


def _group(uow: UnitOfWork, row_type: type, ref: Any, path: Path, kind: str) -> int | None:
    row = resolve_optional(uow, row_type, ref, path, kind=kind, object_type=kind)
    return row.id if row else None


def create_product(
    uow: UnitOfWork, spec: ProductSpec, *, path: Path = (), is_bundle: bool = False
) -> ProductRow:
    """Create a product (and the variants given with it) in one go; any error undoes all."""
    name = rules.required_text(spec.name, "Product name cannot be empty.", [*path, "name"])
    number = rules.required_text(
        spec.product_number, "Product number cannot be empty.", [*path, "productNumber"]
    )
    _check_product_number(uow, number, [*path, "productNumber"])
    weight = None
    if spec.weight is not None:
        value, unit = spec.weight
        weight, _ = checked_weight(value, unit, unit, [*path, "weight"])
    now = uow.clock.now()
    product = ProductRow(
        name=name,
        status=_status(ProductStatus, spec.status, [*path, "status"]),
        product_number=number,
        brand_id=_group(uow, BrandRow, spec.brand, [*path, "brand"], "Brand"),
        collection_id=_group(
            uow, CollectionRow, spec.collection, [*path, "collection"], "Collection"
        ),
        folder_id=_group(uow, FolderRow, spec.folder, [*path, "folder"], "Folder"),
        country_of_origin_id=_group(
            uow, CountryRow, spec.country_of_origin, [*path, "countryOfOrigin"], "Country"
        ),
        harmonized_commodity_code=rules.optional_text(spec.harmonized_commodity_code),
        harmonized_commodity_code_description=rules.optional_text(
            spec.harmonized_commodity_code_description
        ),
        internal_comment=rules.optional_text(spec.internal_comment),
        is_bundle=is_bundle,
        is_serializable=bool(spec.is_serializable_product),
        weight=weight.value if weight else None,
        weight_unit=weight.unit if weight else WeightUnit.KILOGRAMS,
        created_at=now,
        updated_at=now,
    )
    if spec.measurement_table is not None:
        measurement_table(uow, product, spec.measurement_table, [*path, "measurementTable"])
    uow.session.add(product)
    uow.session.flush()
    idconversion.assign_new(uow, "Product", key(product), spec.external_id, path)
    uow.emit(PendingEvent("Product", "CREATED", str(product.id)))
    for i, variant in enumerate(spec.variants):
        add_variant(uow, product, variant, [*path, "addProductVariants", i])
    return product


def update_product(
    uow: UnitOfWork, product: ProductRow, changes: dict[str, Any]
) -> tuple[ProductRow, list[DomainWarning]]:
    """Apply the given fields (a key present with None clears an optional field)."""
    before = product.model_dump()
    warnings: list[DomainWarning] = []
    for attr, value in changes.items():
        path = [PRODUCT_FIELDS[attr]]
        if attr == "name":
            product.name = rules.required_text(value, "Product name cannot be empty.", path)
        elif attr == "status":
            product.status = _status(ProductStatus, value, path)
        elif attr == "product_number":
            number = rules.required_text(value, "Product number cannot be empty.", path)
            _check_product_number(uow, number, path, own_id=product.id)
            product.product_number = number
        elif attr == "brand":
            product.brand_id = _group(uow, BrandRow, value, path, "Brand")
        elif attr == "collection":
            product.collection_id = _group(uow, CollectionRow, value, path, "Collection")
        elif attr == "folder":
            product.folder_id = _group(uow, FolderRow, value, path, "Folder")
        elif attr == "country_of_origin":
            product.country_of_origin_id = _group(uow, CountryRow, value, path, "Country")
        elif attr == "is_serializable_product":
            product.is_serializable = bool(value)
        elif attr == "measurement_table":
            measurement_table(uow, product, value or MeasurementTableSpec(None), path)
        elif attr == "weight":
            if value is None:
                product.weight = None
                continue
            weight, notes = checked_weight(value[0], value[1], product.weight_unit, path)
            product.weight, product.weight_unit = weight.value, weight.unit
            warnings.extend(notes)
        else:
            setattr(product, attr, rules.optional_text(value))
    if product.model_dump() != before:
        product.updated_at = uow.clock.now()
        uow.session.add(product)
        uow.session.flush()
        uow.emit(PendingEvent("Product", "UPDATED", str(product.id)))
    return product, warnings


# --- variants ------------------------------------------------------------------------------


def get_variant(uow: UnitOfWork, variant_id: int, path: Path = ()) -> VariantRow:
    """The variant with this id (errors point at `path`, by default the id itself)."""
    return resolve(uow, VariantRow, Ref(id=variant_id), path, kind="ProductVariant")


def _check_variant_number(
    uow: UnitOfWork, product: ProductRow, number: str | None, path: Path, own_id: int | None = None
) -> None:
    """Variant numbers are unique within their product (together they make the SKU)."""
    if number is None:
        return
    stmt = select(VariantRow.id).where(
        VariantRow.product_id == product.id, VariantRow.variant_number == number
    )
    if own_id is not None:
        stmt = stmt.where(VariantRow.id != own_id)
    if uow.session.exec(stmt).first():
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Variant number {number} is already in use in product {product.product_number}.",
            [*path],
        )


def _currency(uow: UnitOfWork, code: str | None, path: Path) -> str:
    code = (code or "").strip().upper()
    row = uow.session.exec(select(CurrencyRow).where(CurrencyRow.code == code)).first()
    if row is None:
        raise not_found("Currency", code, [*path], by="code")
    return row.code


def _size_chart(uow: UnitOfWork, ref: Any, path: Path) -> SizeChartRow:
    return resolve(uow, SizeChartRow, ref, path, kind="SizeChart", object_type="SizeChart")


def add_variant(
    uow: UnitOfWork,
    product: ProductRow,
    spec: VariantSpec,
    path: Path,
    *,
    is_bundle_variant: bool = False,
) -> VariantRow:
    """Create a variant of `product` with its size chart and any sizes to activate."""
    name = rules.required_text(spec.name, "Variant name cannot be empty.", [*path, "name"])
    number = rules.optional_text(spec.variant_number)
    _check_variant_number(uow, product, number, [*path, "variantNumber"])
    chart = _size_chart(uow, spec.size_chart, [*path, "sizeChart"])
    cost = rules.unit_cost(spec.unit_cost, [*path, "unitCost"])
    currency = (
        _currency(uow, spec.unit_cost_currency, [*path, "unitCost", "currencyIsoCode"])
        if cost is not None
        else None
    )
    now = uow.clock.now()
    variant = VariantRow(
        product_id=key(product),
        name=name,
        status=_status(VariantStatus, spec.status, [*path, "status"]),
        variant_number=number,
        internal_name=rules.optional_text(spec.internal_name),
        unit_cost=cost,
        unit_cost_currency=currency,
        size_chart_id=key(chart),
        is_bundle_variant=is_bundle_variant,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(variant)
    uow.session.flush()
    idconversion.assign_new(uow, "ProductVariant", key(variant), spec.external_id, path)
    uow.emit(PendingEvent("ProductVariant", "CREATED", str(variant.id)))
    for i, size in enumerate(spec.product_sizes):
        activate_size(uow, variant, chart, size, [*path, "productSizes", i])
    return variant


def create_variant(uow: UnitOfWork, product_ref: Any, spec: VariantSpec) -> VariantRow:
    product = resolve(uow, ProductRow, product_ref, ["product"], kind="Product")
    if product.is_bundle:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Product {product.id} is a bundle: it has only its own bundle variant.",
            ["product"],
        )
    return add_variant(uow, product, spec, [])


def _has_sizes(uow: UnitOfWork, variant_id: int) -> bool:
    stmt = select(ProductSizeRow.id).where(ProductSizeRow.variant_id == variant_id)
    return uow.session.exec(stmt).first() is not None


def update_variant(uow: UnitOfWork, variant: VariantRow, changes: dict[str, Any]) -> VariantRow:
    """Apply the given fields; `unit_cost` is `(amount, currency code)` or None to clear it."""
    product = stored(uow.session, ProductRow, variant.product_id)
    before = variant.model_dump()
    for attr, value in changes.items():
        path = [VARIANT_FIELDS[attr]]
        if attr == "name":
            variant.name = rules.required_text(value, "Variant name cannot be empty.", path)
        elif attr == "status":
            variant.status = _status(VariantStatus, value, path)
        elif attr == "variant_number":
            number = rules.optional_text(value)
            _check_variant_number(uow, product, number, path, own_id=variant.id)
            variant.variant_number = number
        elif attr == "internal_name":
            variant.internal_name = rules.optional_text(value)
        elif attr == "unit_cost":
            amount, code = value if value is not None else (None, None)
            variant.unit_cost = rules.unit_cost(amount, path)
            variant.unit_cost_currency = (
                _currency(uow, code, [*path, "currencyIsoCode"]) if amount is not None else None
            )
        elif attr == "size_chart":
            chart = _size_chart(uow, value, path)
            if not rules.can_change_size_chart(
                variant.size_chart_id, key(chart), _has_sizes(uow, key(variant))
            ):
                raise DomainError(
                    ErrorCode.NOT_ALLOWED,
                    "The size chart cannot be changed once the variant has active sizes.",
                    path,
                )
            variant.size_chart_id = key(chart)
    if variant.model_dump() != before:
        variant.updated_at = uow.clock.now()
        uow.session.add(variant)
        uow.session.flush()
        uow.emit(PendingEvent("ProductVariant", "UPDATED", str(variant.id)))
    return variant


# --- product sizes -------------------------------------------------------------------------


def size_in_chart(uow: UnitOfWork, chart: SizeChartRow, ref: Any, path: Path) -> SizeRow:
    """A size of the given chart, by id, external id or name (names are unique per chart)."""
    r = Ref.of(ref)
    if r is not None and r.id is None and r.external_id is None and r.name is not None:
        size = uow.session.exec(
            select(SizeRow).where(SizeRow.size_chart_id == chart.id, SizeRow.name == r.name)
        ).first()
        if size is None:
            raise _not_in_chart(r.name, chart, path)
        return size
    size = resolve(uow, SizeRow, r, path, kind="Size", object_type="Size")
    if size.size_chart_id != chart.id:
        raise _not_in_chart(size.name, chart, path)
    return size


def _not_in_chart(size_name: str, chart: SizeChartRow, path: Path) -> DomainError:
    return DomainError(
        ErrorCode.CONFLICT,
        f"Size {size_name} does not belong to size chart {chart.name}.",
        [*path],
    )


def activate_size(
    uow: UnitOfWork, variant: VariantRow, chart: SizeChartRow, spec: SizeSpec, path: Path
) -> ProductSizeRow:
    size = size_in_chart(uow, chart, spec.size, [*path, "size"])
    taken = select(ProductSizeRow.id).where(
        ProductSizeRow.variant_id == variant.id, ProductSizeRow.size_id == size.id
    )
    if uow.session.exec(taken).first():
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Size {size.name} is already active on variant {variant.name}.",
            [*path, "size"],
        )
    ean, ean_name = rules.ean_or_gtin(spec.ean, spec.gtin, [*path, "gtin"])
    row = ProductSizeRow(
        variant_id=key(variant),
        size_id=key(size),
        ean=rules.gtin(ean, ean_name, [*path, ean_name]),
        upc=rules.optional_text(spec.upc),
        size_number=rules.optional_text(spec.size_number),
    )
    uow.session.add(row)
    uow.session.flush()
    uow.emit(PendingEvent("ProductSize", "CREATED", str(row.id)))
    return row


def create_product_size(uow: UnitOfWork, variant_ref: Any, spec: SizeSpec) -> ProductSizeRow:
    variant = resolve(uow, VariantRow, variant_ref, ["productVariant"], kind="ProductVariant")
    chart = stored(uow.session, SizeChartRow, variant.size_chart_id)
    row = activate_size(uow, variant, chart, spec, [])
    variant.updated_at = uow.clock.now()
    uow.session.add(variant)
    return row


def get_product_size(uow: UnitOfWork, product_size_id: int) -> ProductSizeRow:
    """The product size with this id (errors point at the id)."""
    return resolve(uow, ProductSizeRow, Ref(id=product_size_id), [], kind="ProductSize")


def update_product_size(
    uow: UnitOfWork, row: ProductSizeRow, changes: dict[str, Any]
) -> ProductSizeRow:
    """Change EAN, UPC or size number; empty text clears the value, as in Centra."""
    before = row.model_dump()
    if "ean" in changes:
        row.ean = rules.gtin(changes["ean"], "EAN", ["EAN"])
    for attr in ("upc", "size_number"):
        if attr in changes:
            setattr(row, attr, rules.optional_text(changes[attr]))
    if row.model_dump() != before:
        uow.session.add(row)
        uow.session.flush()
        uow.emit(PendingEvent("ProductSize", "UPDATED", str(row.id)))
    return row
