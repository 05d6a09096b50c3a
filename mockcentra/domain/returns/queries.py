"""Reading returns for the Integration API's lists: one filter statement, paged by each list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import col, select

from mockcentra.domain.orders.listing import TimeRange
from mockcentra.storage.tables import OrderRow, ReturnRow

#: The columns `ReturnSort` names.
RETURN_SORT_COLUMNS = {"id": ReturnRow.id}


def returns_matching(
    *,
    ids: Sequence[int] = (),
    statuses: Sequence[str] = (),
    customer_ids: Sequence[int] = (),
    store_type: str | None = None,
    created: TimeRange | None = None,
) -> Any:
    """The returns a `ReturnFilter` matches, unsorted; customer and store type are the
    order's."""
    stmt = select(ReturnRow)
    if ids:
        stmt = stmt.where(col(ReturnRow.id).in_(list(ids)))
    if statuses:
        stmt = stmt.where(col(ReturnRow.status).in_(list(statuses)))
    if customer_ids or store_type:
        stmt = stmt.join(OrderRow, col(OrderRow.id) == ReturnRow.order_id)
        if customer_ids:
            stmt = stmt.where(col(OrderRow.customer_id).in_(list(customer_ids)))
        if store_type:
            stmt = stmt.where(OrderRow.store_type == store_type)
    if created is not None and created.start is not None:
        stmt = stmt.where(ReturnRow.created_at >= created.start)
    if created is not None and created.end is not None:
        stmt = stmt.where(ReturnRow.created_at <= created.end)
    return stmt
