"""Products: the general data of what is sold (its variants are in `variants`, the sizes
activated on each variant in `product_sizes`).

A product holds the general data; a variant (often a colour) picks a size chart; a product size
is one size of that chart activated on the variant, and is the unit stock is kept for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain import idconversion
from mockcentra.domain.catalog import rules
from mockcentra.domain.catalog.measurements import MeasurementTableSpec, measurement_table
from mockcentra.domain.catalog.rules import Path
from mockcentra.domain.catalog.status import ProductStatus, WeightUnit
from mockcentra.domain.catalog.variants import VariantSpec, add_variant
from mockcentra.domain.catalog.weight import checked_weight
from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode
from mockcentra.domain.refs import Ref, resolve, resolve_optional
from mockcentra.storage.tables import BrandRow, CollectionRow, CountryRow, FolderRow, ProductRow
from mockcentra.storage.tables.base import column_values, key
from mockcentra.storage.uow import PendingEvent, UnitOfWork


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
        status=rules.status_text(ProductStatus, spec.status, [*path, "status"]),
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
    before = column_values(product)
    warnings: list[DomainWarning] = []
    for attr, value in changes.items():
        path = [PRODUCT_FIELDS[attr]]
        if attr == "name":
            product.name = rules.required_text(value, "Product name cannot be empty.", path)
        elif attr == "status":
            product.status = rules.status_text(ProductStatus, value, path)
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
    if column_values(product) != before:
        product.updated_at = uow.clock.now()
        uow.session.add(product)
        uow.session.flush()
        uow.emit(PendingEvent("Product", "UPDATED", str(product.id)))
    return product, warnings
