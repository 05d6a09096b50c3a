"""Newsletter sign-ups from the storefront."""

from __future__ import annotations

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.errors import invalid
from mockcentra.storage.tables import NewsletterSubscriptionRow
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def subscribe_newsletter(
    uow: UnitOfWork, email: str, country: str | None, store_id: int = 1
) -> None:
    if not email or "@" not in email:
        raise invalid("A valid email address is required.", ["email"])
    uow.session.add(
        NewsletterSubscriptionRow(
            email=normalize_email(email),
            country_code=country,
            store_id=store_id,
            created_at=uow.clock.now(),
        )
    )
    uow.session.flush()
    uow.emit(
        PendingEvent(
            "Newsletter",
            "CREATED",
            normalize_email(email),
            store_id=store_id,
            data={"email": normalize_email(email), "country": country},
        )
    )
