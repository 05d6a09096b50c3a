"""Reading warehouses, per-warehouse stock and stock-change history for list queries.

Each function issues one statement for a whole page (no per-row loading).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, func, true
from sqlmodel import Session, select

from mockcentra.domain.listing import page, paged, sorted_by
from mockcentra.domain.stock.levels import StockLevel
from mockcentra.storage.statements import rows
from mockcentra.storage.tables import (
    ProductSizeRow,
    SizeRow,
    StockChangeLineRow,
    StockChangeRow,
    StockRow,
    VariantRow,
    WarehouseRow,
)


def warehouses(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    name_equals: str | None = None,
    name_contains: str | None = None,
    statuses: Sequence[str] | None = None,
    sort: Sequence[Any] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> list[WarehouseRow]:
    """Warehouses by `sort`, else in allocation order (priority, then id)."""
    stmt = select(WarehouseRow)
    if sort:
        columns = {"id": WarehouseRow.id, "name": WarehouseRow.name}
        stmt = sorted_by(stmt, sort, columns, WarehouseRow.id)
    else:
        stmt = stmt.order_by(WarehouseRow.priority, WarehouseRow.id)
    if statuses:
        stmt = stmt.where(WarehouseRow.status.in_([str(s) for s in statuses]))
    if ids:
        stmt = stmt.where(WarehouseRow.id.in_(ids))
    if name_equals is not None:
        stmt = stmt.where(WarehouseRow.name == name_equals)
    if name_contains is not None:
        stmt = stmt.where(WarehouseRow.name.contains(name_contains))
    return list(page(session, stmt, limit, page_number))


def stock_levels(
    session: Session,
    *,
    warehouse_ids: Sequence[int] | None = None,
    product_ids: Sequence[int] | None = None,
    product_variant_ids: Sequence[int] | None = None,
    product_size_ids: Sequence[int] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> list[StockLevel]:
    """Every (product size, warehouse) pair, stock or not, ordered by product, variant, size
    position and warehouse priority (Centra's default stock sort). Bundle variants have no stock
    of their own and are left out."""
    stmt = (
        select(
            WarehouseRow.id,
            ProductSizeRow.id,
            func.coalesce(StockRow.physical, 0),
            func.coalesce(StockRow.allocated, 0),
        )
        .select_from(ProductSizeRow)
        .join(VariantRow, VariantRow.id == ProductSizeRow.variant_id)
        .join(SizeRow, SizeRow.id == ProductSizeRow.size_id)
        .join(WarehouseRow, true())
        .outerjoin(
            StockRow,
            and_(
                StockRow.product_size_id == ProductSizeRow.id,
                StockRow.warehouse_id == WarehouseRow.id,
            ),
        )
        .where(VariantRow.is_bundle_variant == False)  # noqa: E712
        .order_by(
            VariantRow.product_id,
            VariantRow.id,
            SizeRow.position,
            ProductSizeRow.id,
            WarehouseRow.priority,
            WarehouseRow.id,
        )
    )
    if warehouse_ids:
        stmt = stmt.where(WarehouseRow.id.in_(warehouse_ids))
    if product_ids:
        stmt = stmt.where(VariantRow.product_id.in_(product_ids))
    if product_variant_ids:
        stmt = stmt.where(VariantRow.id.in_(product_variant_ids))
    if product_size_ids:
        stmt = stmt.where(ProductSizeRow.id.in_(product_size_ids))
    found = rows(session, paged(stmt, limit, page_number))
    return [StockLevel(int(w), int(p), int(ph), int(al)) for w, p, ph, al in found]


def stock_changes_matching(
    *,
    ids: Sequence[int] | None = None,
    warehouse_ids: Sequence[int] | None = None,
    product_size_ids: Sequence[int] | None = None,
    types: Sequence[str] | None = None,
) -> Any:
    """The stock changes a `StockChangeFilter` matches, as one unsorted statement (the plain
    list and `stockChangeConnection` each page it their way)."""
    stmt = select(StockChangeRow)
    if ids:
        stmt = stmt.where(StockChangeRow.id.in_(ids))
    if types:
        stmt = stmt.where(StockChangeRow.kind.in_(list(types)))
    if warehouse_ids or product_size_ids:
        lines = select(StockChangeLineRow.stock_change_id)
        if warehouse_ids:
            lines = lines.where(StockChangeLineRow.warehouse_id.in_(warehouse_ids))
        if product_size_ids:
            lines = lines.where(StockChangeLineRow.product_size_id.in_(product_size_ids))
        stmt = stmt.where(StockChangeRow.id.in_(lines))
    return stmt


#: The columns `StockChangeSort` names.
STOCK_CHANGE_SORT_COLUMNS = {"id": StockChangeRow.id}


def stock_changes(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    warehouse_ids: Sequence[int] | None = None,
    product_size_ids: Sequence[int] | None = None,
    types: Sequence[str] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> list[StockChangeRow]:
    """Stock changes, newest first (Centra's default `id_DESC`)."""
    stmt = stock_changes_matching(
        ids=ids, warehouse_ids=warehouse_ids, product_size_ids=product_size_ids, types=types
    )
    return list(page(session, stmt.order_by(StockChangeRow.id.desc()), limit, page_number))


def lines_by_change(
    session: Session, change_ids: Iterable[int]
) -> dict[int, list[StockChangeLineRow]]:
    """The lines of many stock changes at once, in the order they were written."""
    ids = sorted(set(change_ids))
    result: dict[int, list[StockChangeLineRow]] = defaultdict(list)
    if not ids:
        return result
    rows = session.exec(
        select(StockChangeLineRow)
        .where(StockChangeLineRow.stock_change_id.in_(ids))
        .order_by(StockChangeLineRow.id)
    )
    for line in rows:
        result[line.stock_change_id].append(line)
    return result


def main_warehouse_id(lines: Sequence[StockChangeLineRow]) -> int | None:
    """A change's warehouse: the one stock went into, else the one it left (moves touch two)."""
    for line in lines:
        if line.physical_delta > 0 or line.allocated_delta > 0:
            return line.warehouse_id
    return lines[0].warehouse_id if lines else None
