"""Customers: found or created by email when an order is placed, as Centra does for guests."""

from __future__ import annotations

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.errors import invalid
from mockcentra.storage.loads import loader_of
from mockcentra.storage.tables import CustomerRow
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
    with_email = loader_of(CustomerRow).where_in(uow.session, "email", (email,))
    row = next((c for c in with_email if c.registered == registered), None)
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
