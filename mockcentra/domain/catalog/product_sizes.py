"""Product sizes: one size of a variant's size chart activated on the variant, the unit
stock is kept for (with its EAN, UPC and size number).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from mockcentra.domain.catalog import rules
from mockcentra.domain.catalog.rules import Path
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.refs import Ref, resolve
from mockcentra.storage.tables import ProductSizeRow, SizeChartRow, SizeRow, VariantRow
from mockcentra.storage.tables.base import column_values, key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork


@dataclass
class SizeSpec:
    """A size to activate on a variant; `size` is a reference (`{id}`, `{externalId}`, `{name}`)."""

    size: Any
    ean: str | None = None
    upc: str | None = None
    size_number: str | None = None
    gtin: str | None = None  # the old name of `ean`, still sent by Centra's guides


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
    before = column_values(row)
    if "ean" in changes:
        row.ean = rules.gtin(changes["ean"], "EAN", ["EAN"])
    for attr in ("upc", "size_number"):
        if attr in changes:
            setattr(row, attr, rules.optional_text(changes[attr]))
    if column_values(row) != before:
        uow.session.add(row)
        uow.session.flush()
        uow.emit(PendingEvent("ProductSize", "UPDATED", str(row.id)))
    return row
