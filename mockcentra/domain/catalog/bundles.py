"""Bundles: a virtual product with one internal variant, sold as sections of other variants."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.catalog import rules
from mockcentra.domain.catalog.product_sizes import SizeSpec, size_in_chart
from mockcentra.domain.catalog.products import ProductSpec, create_product
from mockcentra.domain.catalog.sizecharts import sizes_of
from mockcentra.domain.catalog.status import (
    BundlePriceType,
    BundleType,
    ProductStatus,
    VariantStatus,
)
from mockcentra.domain.catalog.variants import VariantSpec, add_variant
from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.refs import Ref, resolve
from mockcentra.domain.stock.levels import totals_for_sizes
from mockcentra.storage.statements import rows
from mockcentra.storage.tables import (
    BundleRow,
    BundleSectionRow,
    BundleSectionVariantRow,
    ProductRow,
    ProductSizeRow,
    SizeChartRow,
    SizeRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

DEFAULT_CHART_NAME = "One Size"


@dataclass
class SectionSpec:
    quantity: int
    product_variants: list[Any] = field(default_factory=list)  # variant references


def _chart(uow: UnitOfWork, bundle_type: BundleType, ref: Any) -> SizeChartRow:
    """A fixed bundle names its chart; a flexible one without a chart gets the one-size chart."""
    if ref is not None:
        return resolve(
            uow,
            SizeChartRow,
            ref,
            ["sizeChart"],
            kind="SizeChart",
            object_type="SizeChart",
        )
    if bundle_type == BundleType.FIXED:
        raise DomainError(ErrorCode.REQUIRED, "A fixed bundle needs a size chart.", ["sizeChart"])
    chart = (
        uow.session.exec(
            select(SizeChartRow).where(SizeChartRow.name == DEFAULT_CHART_NAME)
        ).first()
        or uow.session.exec(select(SizeChartRow).order_by(SizeChartRow.id)).first()
    )
    if chart is None:
        raise DomainError(ErrorCode.REQUIRED, "A size chart is needed.", ["sizeChart"])
    return chart


def _sizes(
    uow: UnitOfWork, bundle_type: BundleType, chart: SizeChartRow, refs: Sequence[Any] | None
) -> list[SizeRow]:
    if not refs:
        if bundle_type == BundleType.FIXED:
            raise DomainError(
                ErrorCode.REQUIRED, "A fixed bundle needs at least one size.", ["sizes"]
            )
        return sizes_of(uow, key(chart))
    sizes: list[SizeRow] = []
    for i, ref in enumerate(refs):
        size = size_in_chart(uow, chart, ref, ["sizes", i])
        if any(s.id == size.id for s in sizes):
            raise invalid(f"Size {size.name} is given more than once.", ["sizes", i])
        sizes.append(size)
    return sizes


def _section_variants(
    uow: UnitOfWork, bundle_type: BundleType, section: SectionSpec, path: list[str | int]
) -> list[VariantRow]:
    rules.check_section_quantity(section.quantity, path)
    rules.check_section_variant_count(bundle_type, len(section.product_variants), path)
    variants: list[VariantRow] = []
    for j, ref in enumerate(section.product_variants):
        vpath = [*path, "productVariants", j]
        variant = resolve(uow, VariantRow, ref, vpath, kind="ProductVariant")
        if variant.is_bundle_variant:
            raise invalid(
                f"Product variant {variant.id} is a bundle variant; bundles cannot contain bundles.",
                vpath,
            )
        if any(v.id == variant.id for v in variants):
            raise invalid(
                f"Product variant {variant.id} is given more than once in the section.", vpath
            )
        variants.append(variant)
    return variants


def _bundle_variant(
    uow: UnitOfWork, product_row: ProductRow, chart: SizeChartRow, size_rows: list[SizeRow]
) -> VariantRow:
    """The bundle's own variant, active when its product is, in the bundle's sizes."""
    return add_variant(
        uow,
        product_row,
        VariantSpec(
            name=product_row.name,
            status=VariantStatus.ACTIVE
            if product_row.status == ProductStatus.ACTIVE
            else VariantStatus.INACTIVE,
            size_chart=Ref(id=chart.id),
            product_sizes=[SizeSpec(size=Ref(id=s.id)) for s in size_rows],
        ),
        [],
        is_bundle_variant=True,
    )


def _add_sections(
    uow: UnitOfWork,
    bundle: BundleRow,
    sections: Sequence[SectionSpec],
    section_variants: list[list[VariantRow]],
) -> None:
    """Store each section (flushed for its id) and the variants it offers."""
    for section, variants in zip(sections, section_variants, strict=True):
        section_row = BundleSectionRow(bundle_id=key(bundle), quantity=section.quantity)
        uow.session.add(section_row)
        uow.session.flush()
        uow.session.add_all(
            BundleSectionVariantRow(section_id=key(section_row), variant_id=key(v))
            for v in variants
        )
    uow.session.flush()


def create_bundle(
    uow: UnitOfWork,
    *,
    product: ProductSpec,
    bundle_type: str,
    price_type: str,
    size_chart: Any = None,
    sizes: Sequence[Any] | None = None,
    sections: Sequence[SectionSpec] = (),
) -> BundleRow:
    """Create the bundle product, its one bundle variant with the given sizes, and the sections."""
    kind = BundleType(bundle_type)
    pricing = BundlePriceType(price_type)
    if product.variants:
        raise invalid(
            "A bundle has only its own bundle variant; product variants cannot be added.",
            ["product", "addProductVariants"],
        )
    product_row = create_product(uow, product, path=["product"], is_bundle=True)
    chart = _chart(uow, kind, size_chart)
    size_rows = _sizes(uow, kind, chart, sizes)
    if not sections:
        raise DomainError(
            ErrorCode.REQUIRED,
            "A bundle needs at least one section.",
            ["addBundleSections"],
        )
    section_variants = [
        _section_variants(uow, kind, section, ["addBundleSections", i])
        for i, section in enumerate(sections)
    ]
    variant = _bundle_variant(uow, product_row, chart, size_rows)
    bundle = BundleRow(
        product_id=key(product_row), variant_id=key(variant), type=kind, price_type=pricing
    )
    uow.session.add(bundle)
    uow.session.flush()
    _add_sections(uow, bundle, sections, section_variants)
    uow.emit(PendingEvent("Bundle", "CREATED", str(bundle.id)))
    return bundle


def available_quantity(session: Session, bundle_id: int) -> int:
    """How many of this bundle the free-to-allocate stock of its section variants makes up.

    Each section needs `quantity` units from the free stock of its variants (all sizes pooled);
    the bundle's availability is the smallest number of complete sets. Simplification: Centra
    works this out per bundle size and, for flexible bundles, per shopper choice.
    """
    sections = session.exec(
        select(BundleSectionRow).where(BundleSectionRow.bundle_id == bundle_id)
    ).all()
    links = session.exec(
        select(BundleSectionVariantRow).where(
            BundleSectionVariantRow.section_id.in_([s.id for s in sections])
        )
    ).all()
    sizes = rows(
        session,
        select(ProductSizeRow.id, ProductSizeRow.variant_id).where(
            ProductSizeRow.variant_id.in_({link.variant_id for link in links})
        ),
    )
    totals = totals_for_sizes(session, [size_id for size_id, _ in sizes], with_orders=False)
    free_by_variant: dict[int, int] = defaultdict(int)
    for size_id, variant_id in sizes:
        free_by_variant[variant_id] += totals[size_id].free_to_allocate
    free_by_section: dict[int, int] = defaultdict(int)
    for link in links:
        free_by_section[link.section_id] += free_by_variant[link.variant_id]
    return rules.bundle_availability((s.quantity, free_by_section[key(s)]) for s in sections)
