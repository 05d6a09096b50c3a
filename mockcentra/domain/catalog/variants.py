"""Product variants (often a colour): each picks a size chart, whose sizes are activated
on it; variant numbers are unique within their product, since together they make the SKU.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain import idconversion
from mockcentra.domain.catalog import rules
from mockcentra.domain.catalog.product_sizes import SizeSpec, activate_size
from mockcentra.domain.catalog.rules import Path
from mockcentra.domain.catalog.status import VariantStatus
from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.domain.refs import Ref, resolve
from mockcentra.storage.tables import (
    CurrencyRow,
    ProductRow,
    ProductSizeRow,
    SizeChartRow,
    VariantRow,
)
from mockcentra.storage.tables.base import column_values, key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork


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


VARIANT_FIELDS = {
    "name": "name",
    "status": "status",
    "variant_number": "variantNumber",
    "internal_name": "internalName",
    "unit_cost": "unitCost",
    "size_chart": "sizeChart",
}


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
        status=rules.status_text(VariantStatus, spec.status, [*path, "status"]),
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
    before = column_values(variant)
    for attr, value in changes.items():
        path = [VARIANT_FIELDS[attr]]
        if attr == "name":
            variant.name = rules.required_text(value, "Variant name cannot be empty.", path)
        elif attr == "status":
            variant.status = rules.status_text(VariantStatus, value, path)
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
    if column_values(variant) != before:
        variant.updated_at = uow.clock.now()
        uow.session.add(variant)
        uow.session.flush()
        uow.emit(PendingEvent("ProductVariant", "UPDATED", str(variant.id)))
    return variant
