"""Reading customers: lists by email and change time, and the address last used on an order.

mockcentra keeps no address book on the customer; the customer's address is the billing
address of their latest order (an empty address when they have none).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from mockcentra.domain.errors import invalid
from mockcentra.storage.tables import CustomerRow, OrderRow


def find_customers(
    session: Any,
    *,
    email: str | None = None,
    created_after: datetime | None = None,
    modified_after: datetime | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[CustomerRow]:
    """Customers in id order; an email matches case-insensitively and may match two customers
    (a registered one and a guest), as in Centra."""
    stmt = select(CustomerRow)
    if email is not None:
        stmt = stmt.where(CustomerRow.email == email.strip().lower())
    if created_after is not None:
        stmt = stmt.where(CustomerRow.created_at >= created_after)
    if modified_after is not None:
        stmt = stmt.where(CustomerRow.updated_at >= modified_after)
    stmt = stmt.order_by(col(CustomerRow.id))
    if limit is not None:
        if limit < 0:
            raise invalid("limit must be 0 or more.", ["limit"])
        stmt = stmt.limit(limit)
    if offset:
        if offset < 0:
            raise invalid("offset must be 0 or more.", ["offset"])
        stmt = stmt.offset(offset)
    return list(session.exec(stmt))


def latest_addresses(session: Any, customer_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The billing address of each customer's latest order (customers without orders are left
    out); one query for all customers."""
    ids = list(dict.fromkeys(customer_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(OrderRow.customer_id, OrderRow.billing_address)
        .where(col(OrderRow.customer_id).in_(ids))
        .order_by(col(OrderRow.id))
    )
    return {customer_id: dict(address or {}) for customer_id, address in rows}
