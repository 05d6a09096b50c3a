"""Customers as the Order API shows them: the latest address they used and whether they take
the newsletter (by their own flag or a subscription of their email)."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from mockcentra.domain.customers.queries import latest_addresses
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.order_serializers.values import text
from mockcentra.storage.tables import CustomerRow, NewsletterSubscriptionRow
from mockcentra.storage.tables.base import key


def shape_customers(shapes: Shapes, customers: list[CustomerRow]) -> list[dict[str, Any]]:
    """A page of customers, their addresses and subscriptions loaded for all of them at once."""
    addresses = latest_addresses(shapes.session, [key(c) for c in customers])
    emails = [c.email for c in customers]
    subscribed = (
        set(
            shapes.session.exec(
                select(NewsletterSubscriptionRow.email).where(
                    NewsletterSubscriptionRow.email.in_(emails)
                )
            )
        )
        if emails
        else set()
    )
    return [
        _customer(shapes, c, addresses.get(key(c), {}), c.email in subscribed) for c in customers
    ]


def _customer(
    shapes: Shapes, c: CustomerRow, address: dict[str, Any], subscribed: bool
) -> dict[str, Any]:
    return {
        "customerId": str(c.id),
        "email": c.email,
        "firstName": text(c.first_name),
        "lastName": text(c.last_name),
        "address1": text(address.get("address1")),
        "address2": text(address.get("address2")),
        "zipCode": text(address.get("zipCode")),
        "city": text(address.get("city")),
        "state": text(address.get("stateOrProvince")),
        "country": text(address.get("country")),
        "phoneNumber": text(address.get("phoneNumber")),
        "newsletter": bool(c.newsletter or subscribed),
        "gender": "",
        "registered": bool(c.registered),
        "consents": [],
        "created": shapes.date(c.created_at),
        "modified": shapes.date(c.updated_at),
    }
