"""Reading the catalogue: filtered, sorted, paged lists, and children of many parents at once.

The `*_by_*` loaders take many parent ids and answer with one query, so that a list of products
with their variants and sizes costs one query per level, never one per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.catalog import skus
from mockcentra.domain.listing import (
    count,
    grouped_by,
    grouped_pairs,
    ids_filter,
    page,
    sorted_by,
    text_filtered,
)
from mockcentra.storage.tables import (
    BrandRow,
    BrandStoreRow,
    BundleRow,
    BundleSectionRow,
    BundleSectionVariantRow,
    CollectionRow,
    FolderRow,
    ProductRow,
    ProductSizeRow,
    SizeRow,
    StoreRow,
    VariantRow,
)


def _in(stmt: Any, column: Any, values: Any) -> Any:
    values = ids_filter(values) if isinstance(values, int) else values
    if values is None:
        return stmt
    return stmt.where(column.in_(list(values)))


# --- groups --------------------------------------------------------------------------------


def _by_id_or_name(table: Any) -> dict[str, Any]:
    return {"id": table.id, "name": table.name}


def brands(
    session: Session, *, ids=None, name=None, sort=None, limit=None, page_number=None
) -> Sequence[Any]:
    stmt = text_filtered(_in(select(BrandRow), BrandRow.id, ids), BrandRow.name, name)
    stmt = sorted_by(stmt, sort, _by_id_or_name(BrandRow), BrandRow.id)
    return page(session, stmt, limit, page_number)


def collections(
    session: Session, *, ids=None, name=None, statuses=None, sort=None, limit=None, page_number=None
):
    stmt = text_filtered(
        _in(select(CollectionRow), CollectionRow.id, ids), CollectionRow.name, name
    )
    stmt = _in(stmt, CollectionRow.status, statuses)
    stmt = sorted_by(stmt, sort, _by_id_or_name(CollectionRow), CollectionRow.id)
    return page(session, stmt, limit, page_number)


def stores_by_brand(session: Session, brand_ids: Sequence[int]) -> dict[int, list[Any]]:
    """The stores each brand is enabled in, in store id order, in one query."""
    stmt = (
        select(BrandStoreRow.brand_id, StoreRow)
        .join(StoreRow, StoreRow.id == BrandStoreRow.store_id)
        .where(BrandStoreRow.brand_id.in_(list(brand_ids)))
        .order_by(StoreRow.id)
    )
    return grouped_pairs(session, stmt)


def products_by_folder(session: Session, folder_ids: Sequence[int]) -> dict[int, list[ProductRow]]:
    """The products filed directly in each folder, in id order, in one query."""
    return grouped_by(session, ProductRow.folder_id, folder_ids, order_by=ProductRow.id)


def folders(
    session: Session,
    *,
    ids=None,
    name=None,
    is_top_folder: bool | None = None,
    parent_ids=None,
    sort=None,
    limit=None,
    page_number=None,
) -> Sequence[Any]:
    stmt = select(FolderRow)
    stmt = text_filtered(_in(stmt, FolderRow.id, ids), FolderRow.name, name)
    stmt = _in(stmt, FolderRow.parent_id, parent_ids)
    if is_top_folder is True:
        stmt = stmt.where(FolderRow.parent_id.is_(None))
    elif is_top_folder is False:
        stmt = stmt.where(FolderRow.parent_id.is_not(None))
    return page(
        session, sorted_by(stmt, sort, _by_id_or_name(FolderRow), FolderRow.id), limit, page_number
    )


# --- products ------------------------------------------------------------------------------

#: The columns `ProductSort` names.
PRODUCT_SORT_COLUMNS = {
    "id": ProductRow.id,
    "name": ProductRow.name,
    "productNumber": ProductRow.product_number,
    "createdAt": ProductRow.created_at,
    "updatedAt": ProductRow.updated_at,
}


@dataclass
class ProductQuery:
    ids: Any = None
    statuses: Any = None
    name: Any = None
    product_number: Any = None
    brand_ids: Any = None
    collection_ids: Any = None
    folder_ids: Any = None
    is_bundle: bool | None = None


def products_matching(query: ProductQuery) -> Any:
    """The products a `ProductFilter` matches, unsorted (the plain list and
    `productConnection` each page it their way)."""
    stmt = select(ProductRow)
    stmt = _in(stmt, ProductRow.id, query.ids)
    stmt = _in(stmt, ProductRow.status, query.statuses)
    stmt = _in(stmt, ProductRow.brand_id, query.brand_ids)
    stmt = _in(stmt, ProductRow.collection_id, query.collection_ids)
    stmt = _in(stmt, ProductRow.folder_id, query.folder_ids)
    stmt = text_filtered(stmt, ProductRow.name, query.name)
    stmt = text_filtered(stmt, ProductRow.product_number, query.product_number)
    if query.is_bundle is not None:
        stmt = stmt.where(ProductRow.is_bundle == query.is_bundle)
    return stmt


def products(
    session: Session,
    query: ProductQuery,
    sort: Sequence[Any] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[ProductRow]:
    stmt = sorted_by(products_matching(query), sort, PRODUCT_SORT_COLUMNS, ProductRow.id)
    return page(session, stmt, limit, page_number)


def count_products(session: Session, query: ProductQuery) -> int:
    """`counters { products(where:) }`: the products `products(where:)` finds, all pages."""
    return count(session, products_matching(query))


@dataclass
class VariantQuery:
    ids: Any = None
    product_ids: Any = None
    statuses: Any = None
    name: Any = None
    variant_number: Any = None


def variants(
    session: Session, query: VariantQuery, limit: int | None = None, page_number: int | None = None
) -> Sequence[VariantRow]:
    stmt = select(VariantRow).order_by(VariantRow.id)
    stmt = _in(stmt, VariantRow.id, query.ids)
    stmt = _in(stmt, VariantRow.product_id, query.product_ids)
    stmt = _in(stmt, VariantRow.status, query.statuses)
    stmt = text_filtered(stmt, VariantRow.name, query.name)
    stmt = text_filtered(stmt, VariantRow.variant_number, query.variant_number)
    return page(session, stmt, limit, page_number)


@dataclass
class ProductSizeQuery:
    ids: Any = None
    size_ids: Any = None
    variant_ids: Any = None
    ean: Any = None
    upc: Any = None
    size_number: Any = None
    sku: Any = None


def product_sizes(
    session: Session,
    query: ProductSizeQuery,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[ProductSizeRow]:
    stmt = (
        select(ProductSizeRow)
        .join(VariantRow, VariantRow.id == ProductSizeRow.variant_id)
        .join(ProductRow, ProductRow.id == VariantRow.product_id)
        .order_by(ProductSizeRow.id)
    )
    stmt = _in(stmt, ProductSizeRow.id, query.ids)
    stmt = _in(stmt, ProductSizeRow.size_id, query.size_ids)
    stmt = _in(stmt, ProductSizeRow.variant_id, query.variant_ids)
    stmt = text_filtered(stmt, ProductSizeRow.ean, query.ean)
    stmt = text_filtered(stmt, ProductSizeRow.upc, query.upc)
    stmt = text_filtered(stmt, ProductSizeRow.size_number, query.size_number)
    stmt = text_filtered(stmt, skus.sku_sql(), query.sku)
    return page(session, stmt, limit, page_number)


def bundles(
    session: Session, *, ids=None, types=None, limit=None, page_number=None
) -> Sequence[BundleRow]:
    stmt = select(BundleRow).order_by(BundleRow.id)
    stmt = _in(_in(stmt, BundleRow.id, ids), BundleRow.type, types)
    return page(session, stmt, limit, page_number)


# --- children of many parents, one query each ------------------------------------------------


def variants_by_product(
    session: Session, product_ids: Sequence[int]
) -> dict[int, list[VariantRow]]:
    return grouped_by(session, VariantRow.product_id, product_ids, order_by=VariantRow.id)


def sizes_by_variant(
    session: Session, variant_ids: Sequence[int]
) -> dict[int, list[ProductSizeRow]]:
    """Each variant's product sizes in the order of its size chart."""
    stmt = (
        select(ProductSizeRow.variant_id, ProductSizeRow)
        .join(SizeRow, SizeRow.id == ProductSizeRow.size_id)
        .where(ProductSizeRow.variant_id.in_(variant_ids))
        .order_by(SizeRow.position, ProductSizeRow.id)
    )
    return grouped_pairs(session, stmt)


def sections_by_bundle(session: Session, bundle_ids: Sequence[int]) -> dict[int, list[Any]]:
    return grouped_by(session, BundleSectionRow.bundle_id, bundle_ids, order_by=BundleSectionRow.id)


def variants_by_section(
    session: Session, section_ids: Sequence[int]
) -> dict[int, list[VariantRow]]:
    stmt = (
        select(BundleSectionVariantRow.section_id, VariantRow)
        .join(VariantRow, VariantRow.id == BundleSectionVariantRow.variant_id)
        .where(BundleSectionVariantRow.section_id.in_(section_ids))
        .order_by(VariantRow.id)
    )
    return grouped_pairs(session, stmt)


def bundle_of_product(session: Session, product_id: int) -> BundleRow | None:
    return session.exec(select(BundleRow).where(BundleRow.product_id == product_id)).first()


def size_rows(session: Session, size_ids: Sequence[int]) -> list[SizeRow]:
    return list(
        session.exec(
            select(SizeRow).where(SizeRow.id.in_(size_ids)).order_by(SizeRow.position)
        ).all()
    )
