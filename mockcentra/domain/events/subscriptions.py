"""Webhook subscriptions (the "Centra Webhook" plugin settings) and which events feed them.

Centra allows only ports 80 and 443 and at most 3 retries; mockcentra allows any port (receivers
run on loopback in tests) and keeps the 3-retry cap. `Lifecycle` is a mockcentra version that
sends the lifecycle moments marketing plugins react to, with their data fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.events.status import DeliveryStatus, Trigger
from mockcentra.storage.tables import (
    StoreRow,
    WebhookDeliveryRow,
    WebhookOutboxRow,
    WebhookSubscriptionRow,
)
from mockcentra.storage.uow import UnitOfWork


class WebhookVersion(StrEnum):
    INTEGRATION_API = "Integration API"  # {"events":[{"type":"order","action":"update",...}]}
    CHECKOUT_API = "Checkout API"  # {"products":["12"],"brands":["5"]}
    LIFECYCLE = "Lifecycle"  # mockcentra: {"events":[{"trigger":"OrderShipped","fields":{...}}]}


#: Integration API webhook `type` per event object type.
INTEGRATION_TYPES: dict[str, str] = {
    "Order": "order",
    "Shipment": "shipment",
    "Customer": "customer",
    "Account": "account",
    "Return": "return",
}

#: Checkout API payload key per event object type (display-item ids for product changes).
CHECKOUT_KEYS: dict[str, str] = {
    "Product": "products",
    "ProductVariant": "products",
    "ProductSize": "products",
    "Display": "products",
    "Bundle": "products",
    "Category": "categories",
    "Pricelist": "pricelists",
    "Warehouse": "warehouses",
    "Brand": "brands",
    "Market": "markets",
}

#: Every key the Checkout API version documents (mockcentra fills the mapped ones).
CHECKOUT_ALL_KEYS = (
    "products",
    "categories",
    "pricelists",
    "warehouses",
    "warehouseGroups",
    "brands",
    "markets",
    "campaigns",
    "campaignSites",
    "affiliates",
    "giftCertificates",
    "statics",
    "cmsArticles",
    "mapsLocations",
    "mapsRegion",
)

EVENT_CHOICES: dict[WebhookVersion, tuple[str, ...]] = {
    WebhookVersion.INTEGRATION_API: ("order", "shipment", "customer", "account", "return"),
    WebhookVersion.CHECKOUT_API: CHECKOUT_ALL_KEYS,
    WebhookVersion.LIFECYCLE: tuple(t.value for t in Trigger),
}

MAX_RETRIES = 3


@dataclass
class SubscriptionSpec:
    """The plugin settings as the control plane receives them (camelCase keys)."""

    url: str
    secret: str
    version: str = WebhookVersion.INTEGRATION_API.value
    events: list[str] = field(default_factory=list)
    name: str = ""
    store_id: int | None = None
    batch_size: int = 100
    timeout_seconds: float = 5.0
    retries: int = 0
    retry_delay_seconds: float = 60.0
    validate_ssl: bool = True

    @classmethod
    def from_json(cls, body: dict[str, Any], secret: str) -> SubscriptionSpec:
        known = {
            "url": "url",
            "secret": "secret",
            "version": "version",
            "events": "events",
            "name": "name",
            "storeId": "store_id",
            "batchSize": "batch_size",
            "timeoutSeconds": "timeout_seconds",
            "retries": "retries",
            "retryDelaySeconds": "retry_delay_seconds",
            "validateSsl": "validate_ssl",
        }
        unknown = sorted(set(body) - set(known))
        if unknown:
            raise invalid(
                f"Unknown setting(s): {', '.join(unknown)}. Known: {', '.join(known)}.",
                [unknown[0]],
            )
        values: dict[str, Any] = {"secret": secret}
        for key, attr in known.items():
            if body.get(key) is not None:
                values[attr] = body[key]
        if "url" not in values:
            raise DomainError(ErrorCode.REQUIRED, "Give the webhook 'url'.", ["url"])
        return cls(**values)


def _number(value: Any, name: str, low: float, high: float | None, *, integer: bool) -> Any:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise invalid(f"'{name}' must be a {'whole ' if integer else ''}number.", [name])
    if value < low or (high is not None and value > high):
        upper = f" and {high}" if high is not None else " or more"
        word = "between " if high is not None else ""
        raise invalid(f"'{name}' must be {word}{low}{upper}.", [name])
    return value


def create_subscription(uow: UnitOfWork, spec: SubscriptionSpec) -> WebhookSubscriptionRow:
    parts = urlsplit(spec.url if isinstance(spec.url, str) else "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise invalid("'url' must be an http:// or https:// URL with a host.", ["url"])
    if not isinstance(spec.secret, str) or not spec.secret:
        raise invalid("'secret' must be a non-empty string.", ["secret"])
    try:
        version = WebhookVersion(spec.version)
    except ValueError:
        choices = ", ".join(f"'{v.value}'" for v in WebhookVersion)
        raise invalid(f"'version' must be one of {choices}.", ["version"]) from None
    if not isinstance(spec.events, list) or not all(isinstance(e, str) for e in spec.events):
        raise invalid("'events' must be a list of strings.", ["events"])
    allowed = EVENT_CHOICES[version]
    for i, name in enumerate(spec.events):
        if name not in allowed:
            raise invalid(
                f"'{name}' is not an event of the {version.value} version. "
                f"Choose from: {', '.join(allowed)}.",
                ["events", i],
            )
    if spec.store_id is not None:
        _number(spec.store_id, "storeId", 1, None, integer=True)
        if uow.session.get(StoreRow, spec.store_id) is None:
            raise not_found("store", spec.store_id, ["storeId"])
    now = uow.clock.now()
    row = WebhookSubscriptionRow(
        name=str(spec.name or ""),
        url=spec.url,
        secret=spec.secret,
        version=version.value,
        events=list(dict.fromkeys(spec.events)),
        store_id=spec.store_id,
        batch_size=_number(spec.batch_size, "batchSize", 1, 1000, integer=True),
        timeout_seconds=float(
            _number(spec.timeout_seconds, "timeoutSeconds", 0.01, 120, integer=False)
        ),
        retries=_number(spec.retries, "retries", 0, MAX_RETRIES, integer=True),
        retry_delay_seconds=float(
            _number(spec.retry_delay_seconds, "retryDelaySeconds", 0, 86400, integer=False)
        ),
        validate_ssl=bool(spec.validate_ssl),
        created_at=now,
        updated_at=now,
    )
    uow.session.add(row)
    uow.session.flush()
    return row


def list_subscriptions(session: Session) -> list[WebhookSubscriptionRow]:
    return list(session.exec(select(WebhookSubscriptionRow).order_by(WebhookSubscriptionRow.id)))


def delete_subscription(uow: UnitOfWork, subscription_id: int) -> WebhookSubscriptionRow:
    """Remove it with the events it had not sent yet; the delivery log stays."""
    row = uow.session.get(WebhookSubscriptionRow, subscription_id)
    if row is None:
        raise not_found("webhook subscription", subscription_id, ["id"])
    for item in uow.session.exec(
        select(WebhookOutboxRow).where(WebhookOutboxRow.subscription_id == row.id)
    ):
        uow.session.delete(item)
    for delivery in uow.session.exec(
        select(WebhookDeliveryRow).where(
            WebhookDeliveryRow.subscription_id == row.id,
            WebhookDeliveryRow.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
        )
    ):
        delivery.status = DeliveryStatus.CANCELLED.value
        delivery.claim = None
        delivery.next_attempt_at = None
        uow.session.add(delivery)
    uow.session.flush()
    uow.session.delete(row)
    uow.session.flush()
    return row


def replay_delivery(uow: UnitOfWork, delivery_id: int) -> WebhookDeliveryRow:
    """Send a delivery again: a new delivery with the same events and body (signed anew when
    it is sent), queued for its subscription now, whatever became of the original."""
    original = uow.session.get(WebhookDeliveryRow, delivery_id)
    if original is None:
        raise not_found("webhook delivery", delivery_id, ["id"])
    if not original.body:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Webhook delivery {delivery_id} sent nothing ({original.status}); nothing to replay.",
            ["id"],
        )
    sub = uow.session.get(WebhookSubscriptionRow, original.subscription_id)
    if sub is None or not sub.active:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Webhook subscription {original.subscription_id} is deleted or inactive; "
            "its deliveries cannot be replayed.",
            ["id"],
        )
    now = uow.clock.now()
    replay = WebhookDeliveryRow(
        subscription_id=original.subscription_id,
        status=DeliveryStatus.PENDING.value,
        body=original.body,
        event_ids=list(original.event_ids),
        next_attempt_at=now,
        created_at=now,
    )
    uow.session.add(replay)
    uow.session.flush()
    return replay


def wants(
    sub: WebhookSubscriptionRow, object_type: str, store_id: int | None, triggers: list[str]
) -> bool:
    """Whether an event goes into this subscription's outbox."""
    if not sub.active:
        return False
    if sub.store_id is not None and store_id is not None and store_id != sub.store_id:
        return False
    chosen = set(sub.events)
    if sub.version == WebhookVersion.INTEGRATION_API:
        kind = INTEGRATION_TYPES.get(object_type)
        return kind is not None and (not chosen or kind in chosen)
    if sub.version == WebhookVersion.CHECKOUT_API:
        key = CHECKOUT_KEYS.get(object_type)
        return key is not None and (not chosen or key in chosen)
    if sub.version == WebhookVersion.LIFECYCLE:
        return any(not chosen or t in chosen for t in triggers)
    return False
