"""Reading returns: one filter statement for the Integration API's lists and the Order API's
`GET returns`, each list sorting and paging it its own way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.listing import sliced
from mockcentra.domain.orders.listing import TimeRange
from mockcentra.storage.tables import OrderRow, ReturnRow, ShipmentRow

#: The columns `ReturnSort` names.
RETURN_SORT_COLUMNS = {"id": ReturnRow.id}


def returns_matching(
    *,
    ids: Sequence[int] = (),
    statuses: Sequence[str] = (),
    customer_ids: Sequence[int] = (),
    store_type: str | None = None,
    created: TimeRange | None = None,
    shipment_numbers: Sequence[str] = (),
    order_numbers: Sequence[int] = (),
    order_hashes: Sequence[str] = (),
) -> Any:
    """The returns that match every filter given, unsorted; customer, store type, order number
    and order id are the order's."""
    stmt = select(ReturnRow)
    if ids:
        stmt = stmt.where(ReturnRow.id.in_(list(ids)))
    if statuses:
        stmt = stmt.where(ReturnRow.status.in_(list(statuses)))
    if shipment_numbers:
        stmt = stmt.join(ShipmentRow, ShipmentRow.id == ReturnRow.shipment_id).where(
            ShipmentRow.number.in_(list(shipment_numbers))
        )
    if customer_ids or store_type or order_numbers or order_hashes:
        stmt = stmt.join(OrderRow, OrderRow.id == ReturnRow.order_id)
        if customer_ids:
            stmt = stmt.where(OrderRow.customer_id.in_(list(customer_ids)))
        if store_type:
            stmt = stmt.where(OrderRow.store_type == store_type)
        if order_numbers:
            stmt = stmt.where(OrderRow.number.in_(list(order_numbers)))
        if order_hashes:
            stmt = stmt.where(OrderRow.hash.in_(list(order_hashes)))
    if created is not None and created.start is not None:
        stmt = stmt.where(ReturnRow.created_at >= created.start)
    if created is not None and created.end is not None:
        end = created.end
        stmt = stmt.where(
            ReturnRow.created_at <= end if created.end_inclusive else ReturnRow.created_at < end
        )
    return stmt


def find_returns(
    session: Session,
    *,
    return_id: int | None = None,
    shipment_number: str | None = None,
    order_number: int | None = None,
    order_hash: str | None = None,
    customer_id: int | None = None,
    newer_than: datetime | None = None,
    older_than: datetime | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[ReturnRow]:
    """The Order API's returns: newest first, from `newer_than` up to (not including)
    `older_than`."""
    stmt = returns_matching(
        ids=[return_id] if return_id is not None else (),
        shipment_numbers=[shipment_number] if shipment_number is not None else (),
        order_numbers=[order_number] if order_number is not None else (),
        order_hashes=[order_hash] if order_hash is not None else (),
        customer_ids=[customer_id] if customer_id is not None else (),
        created=TimeRange(newer_than, older_than, end_inclusive=False),
    )
    stmt = stmt.order_by(ReturnRow.created_at.desc(), ReturnRow.id.desc())
    return list(session.exec(sliced(stmt, limit, offset)))
