"""Customers: found or created by email when an order is placed, as Centra does for guests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam
from sqlmodel import col, select

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.errors import invalid
from mockcentra.storage.tables import CustomerRow
from mockcentra.storage.tables.base import built_once
from mockcentra.storage.uow import PendingEvent, UnitOfWork, insert_new


def find_or_create_customer(
    uow: UnitOfWork,
    *,
    email: str,
    first_name: str | None,
    last_name: str | None,
    store_id: int | None,
    registered: bool = False,
) -> CustomerRow:
    """The customer with this email and registration state; a new one is created if none."""
    email = normalize_email(email)
    if "@" not in email:
        raise invalid("A valid email address is required.", ["email"])
    row: CustomerRow | None = uow.session.exec(
        _customer_by_email(), params={"email": email, "registered": registered}
    ).first()
    now = uow.clock.now()
    if row is None:
        row = CustomerRow(
            email=email,
            first_name=first_name,
            last_name=last_name,
            registered=registered,
            store_id=store_id,
            created_at=now,
            updated_at=now,
        )
        insert_new(uow.session, row)
        uow.emit(PendingEvent("Customer", "CREATED", str(row.id), store_id=store_id))
    return row


def _customer_by_email() -> Any:
    """The customers with an email (`email`) and registration state (`registered`), first by
    id; built once."""
    return built_once(
        ("customer by email",),
        lambda: (
            select(CustomerRow)
            .where(
                CustomerRow.email == bindparam("email"),
                CustomerRow.registered == bindparam("registered"),
            )
            .order_by(col(CustomerRow.id))
        ),
    )
