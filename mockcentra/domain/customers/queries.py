"""Reading customers: lists by email and change time, and the address last used on an order.

mockcentra keeps no address book on the customer; the customer's address is the billing
address of their latest order (an empty address when they have none).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.listing import count, page, sliced, text_filtered
from mockcentra.storage.statements import rows
from mockcentra.storage.tables import CustomerRow, OrderRow, StoreRow


def find_customers(
    session: Session,
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
        stmt = stmt.where(CustomerRow.email == normalize_email(email))
    if created_after is not None:
        stmt = stmt.where(CustomerRow.created_at >= created_after)
    if modified_after is not None:
        stmt = stmt.where(CustomerRow.updated_at >= modified_after)
    return list(session.exec(sliced(stmt.order_by(CustomerRow.id), limit, offset)))


def latest_addresses(session: Session, customer_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The billing address of each customer's latest order (customers without orders are left
    out); one query for all customers."""
    ids = list(dict.fromkeys(customer_ids))
    if not ids:
        return {}
    found = rows(
        session,
        select(OrderRow.customer_id, OrderRow.billing_address)
        .where(OrderRow.customer_id.in_(ids))
        .order_by(OrderRow.id),
    )
    return {customer_id: dict(address or {}) for customer_id, address in found}


def customers_matching(
    *,
    ids: Sequence[int] | None = None,
    store_ids: Sequence[int] | None = None,
    email: Any = None,
    is_registered: bool | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    updated_from: datetime | None = None,
    updated_to: datetime | None = None,
) -> Any:
    """The Integration API's customers a `CustomerFilter` matches, unsorted; `email` is a
    StringMatch (case-insensitive).

    Wholesale orders record their buyer as a customer of the wholesale store internally; those
    rows are not customers in Centra's sense (buyers are) and are left out.
    """
    wholesale = select(StoreRow.id).where(StoreRow.type == "WHOLESALE")
    stmt = select(CustomerRow).where(
        CustomerRow.store_id.is_(None) | CustomerRow.store_id.not_in(wholesale)
    )
    if ids:
        stmt = stmt.where(CustomerRow.id.in_(list(ids)))
    if store_ids:
        stmt = stmt.where(CustomerRow.store_id.in_(list(store_ids)))
    stmt = text_filtered(stmt, CustomerRow.email, email, normalize_email)
    if is_registered is not None:
        stmt = stmt.where(CustomerRow.registered == is_registered)
    if created_from is not None:
        stmt = stmt.where(CustomerRow.created_at >= created_from)
    if created_to is not None:
        stmt = stmt.where(CustomerRow.created_at <= created_to)
    if updated_from is not None:
        stmt = stmt.where(CustomerRow.updated_at >= updated_from)
    if updated_to is not None:
        stmt = stmt.where(CustomerRow.updated_at <= updated_to)
    return stmt


def list_customers(
    session: Session,
    *,
    limit: int | None = None,
    page_number: int | None = None,
    **filters: Any,
) -> Sequence[CustomerRow]:
    """The Integration API's `customers` in id order (see `customers_matching`)."""

    stmt = customers_matching(**filters).order_by(CustomerRow.id)
    return page(session, stmt, limit, page_number)


def count_customers(session: Session, **filters: Any) -> int:
    """`counters { customers(where:) }`: the customers `customers(where:)` finds, all pages."""
    return count(session, customers_matching(**filters))
