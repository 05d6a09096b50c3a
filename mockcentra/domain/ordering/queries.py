"""Read-side queries over orders, shipments and returns, shared by the transports.

Each function takes plain filter values and a session, applies them in SQL (indexed columns),
and returns rows; the transports shape them. Ranges are [newer_than, older_than): inclusive
from, exclusive to, as Centra documents for its REST lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.catalog import skus
from mockcentra.domain.listing import sliced
from mockcentra.domain.orders import listing
from mockcentra.domain.shipments.status import ShipmentStatus
from mockcentra.storage.records import rows_where_in
from mockcentra.storage.tables import (
    OrderRow,
    PaymentEntryRow,
    ProductRow,
    ProductSizeRow,
    ShipmentRow,
    StockChangeLineRow,
    StockChangeRow,
    VariantRow,
)


def _window(stmt: Any, column: Any, newer_than: datetime | None, older_than: datetime | None):
    if newer_than is not None:
        stmt = stmt.where(column >= newer_than)
    if older_than is not None:
        stmt = stmt.where(column < older_than)
    return stmt


def find_orders(
    session: Session,
    *,
    number: int | None = None,
    customer_id: int | None = None,
    newer_than: datetime | None = None,
    older_than: datetime | None = None,
    newest_first: bool = False,
    limit: int | None = 20,
    offset: int | None = None,
) -> list[OrderRow]:
    """Orders by number, customer and placement time, held or not; oldest first (by placement
    time, then id) unless asked otherwise. The order list of `listing` reads them."""
    f = listing.OrderListFilter(
        numbers=[number] if number is not None else (),
        customer_ids=[customer_id] if customer_id is not None else (),
        placed=listing.TimeRange(newer_than, older_than, end_inclusive=False),
        is_on_hold=None,
    )
    keys = listing.sort_keys(["createdAt_DESC" if newest_first else "createdAt_ASC"])
    return listing.slice_orders(session, f, keys, limit=limit, offset=offset)


def find_shipments(
    session: Session,
    *,
    state: ShipmentStatus = ShipmentStatus.GOOD_TO_GO,
    order_number: int | None = None,
    newer_than: datetime | None = None,
    older_than: datetime | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[ShipmentRow]:
    """Shipments in one of the three states, oldest first (by creation)."""
    stmt = select(ShipmentRow)
    if state == ShipmentStatus.COMPLETED:
        stmt = stmt.where(ShipmentRow.shipped_at.is_not(None))
    else:
        stmt = stmt.where(
            ShipmentRow.shipped_at.is_(None),
            ShipmentRow.is_good_to_go == (state == ShipmentStatus.GOOD_TO_GO),
        )
    if order_number is not None:
        stmt = stmt.join(OrderRow, OrderRow.id == ShipmentRow.order_id).where(
            OrderRow.number == order_number
        )
    stmt = _window(stmt, ShipmentRow.created_at, newer_than, older_than)
    stmt = stmt.order_by(ShipmentRow.created_at.asc(), ShipmentRow.id.asc())
    return list(session.exec(sliced(stmt, limit, offset)))


def shipment_by_number(session: Session, number: str) -> ShipmentRow | None:
    """A shipment by its Centra number `<order number>-<n>`."""
    return session.exec(select(ShipmentRow).where(ShipmentRow.number == number)).first()


def payment_entries(session: Session, order_ids: Sequence[int]) -> dict[int, list[PaymentEntryRow]]:
    """Payment history of many orders in one query, oldest entry first (records in a read
    unit of work)."""
    by_order: dict[int, list[PaymentEntryRow]] = {i: [] for i in order_ids}
    for row in rows_where_in(session, PaymentEntryRow, "order_id", order_ids):
        by_order[row.order_id].append(row)
    return by_order


# ---------------------------------------------------------------- product items (stock keeping)


def find_product_items(
    session: Session,
    *,
    sku: str | None = None,
    ean: str | None = None,
    product_id: int | None = None,
    variant_id: int | None = None,
    size_id: int | None = None,
    created_after: datetime | None = None,
    modified_after: datetime | None = None,
    stock_modified_after: datetime | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[ProductSizeRow]:
    """Product sizes (Centra's stock items) in product, variant, size order.

    `sku` keeps sizes as `skus.lists_sizes` says; `created_after` and
    `modified_after` look at the product; `stock_modified_after` at recorded stock changes.
    """
    stmt = skus.sizes_query()
    if sku is not None:
        stmt = stmt.where(skus.lists_sizes(sku))
    if ean is not None:
        stmt = stmt.where(ProductSizeRow.ean == ean)
    if product_id is not None:
        stmt = stmt.where(ProductRow.id == product_id)
    if variant_id is not None:
        stmt = stmt.where(VariantRow.id == variant_id)
    if size_id is not None:
        stmt = stmt.where(ProductSizeRow.id == size_id)
    if created_after is not None:
        stmt = stmt.where(ProductRow.created_at >= created_after)
    if modified_after is not None:
        stmt = stmt.where(ProductRow.updated_at >= modified_after)
    if stock_modified_after is not None:
        changed = (
            select(StockChangeLineRow.product_size_id)
            .join(StockChangeRow, StockChangeRow.id == StockChangeLineRow.stock_change_id)
            .where(StockChangeRow.created_at >= stock_modified_after)
        )
        stmt = stmt.where(ProductSizeRow.id.in_(changed))
    stmt = stmt.order_by(ProductRow.id, VariantRow.id, ProductSizeRow.id)
    return list(session.exec(sliced(stmt, limit, offset)))
