"""The event log, per-integration event queues, and the webhook outbox with its delivery log.

Everything here is written in the transaction that made the change, so a rolled-back change
leaves no event, no queued event and no webhook.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_dict, empty_list
from mockcentra.storage.types import AwareDateTime, JsonDict, JsonList

__all__ = [
    "EventRow",
    "EventListenerRow",
    "EventQueueRow",
    "WebhookSubscriptionRow",
    "WebhookOutboxRow",
    "WebhookDeliveryRow",
    "WebhookAttemptRow",
]


class EventRow(Row):
    """One change to one object. `triggers` are the lifecycle moments it marks (OrderShipped...)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_object_ref", "object_type", "object_ref", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(index=True)
    change_type: Mapped[str]
    object_ref: Mapped[str]
    store_id: Mapped[int | None]
    market_id: Mapped[int | None]
    data: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    triggers: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    #: The request journal id of the API request whose transaction wrote it (None: seeding,
    #: the control plane, background work); the order timeline links events to requests by it.
    request_id: Mapped[int | None]


class EventListenerRow(Row):
    """What one integration (token integration name) listens to: an object type, change types."""

    __tablename__ = "event_listener"
    __table_args__ = (UniqueConstraint("integration_name", "object_type"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    integration_name: Mapped[str] = mapped_column(index=True)
    object_type: Mapped[str]
    change_types: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class EventQueueRow(Row):
    """An event queued for one integration; `confirmed_at` is set by `confirmEvents`."""

    __tablename__ = "event_queue"
    __table_args__ = (
        Index("ix_event_queue_pending", "integration_name", "confirmed_at", "event_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"))
    integration_name: Mapped[str]
    object_type: Mapped[str]
    change_type: Mapped[str]
    confirmed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class WebhookSubscriptionRow(Row):
    """A "Centra Webhook" plugin instance: where to POST, how to sign, what to send."""

    __tablename__ = "webhook_subscription"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(default="")
    url: Mapped[str]
    secret: Mapped[str]
    version: Mapped[str] = mapped_column(default="Integration API")  # WebhookVersion
    events: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)  # empty: every type
    store_id: Mapped[int | None]  # None: every store
    batch_size: Mapped[int] = mapped_column(default=100)
    timeout_seconds: Mapped[float] = mapped_column(default=5.0)
    retries: Mapped[int] = mapped_column(default=0)
    retry_delay_seconds: Mapped[float] = mapped_column(default=60.0)
    validate_ssl: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class WebhookOutboxRow(Row):
    """An event waiting for (or already put into) a delivery to one subscription."""

    __tablename__ = "webhook_outbox"
    __table_args__ = (Index("ix_webhook_outbox_waiting", "subscription_id", "delivery_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("webhook_subscription.id"))
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"))
    delivery_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)


class WebhookDeliveryRow(Row):
    """One webhook call (a batch of events) and where it stands; the body never changes."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (Index("ix_webhook_delivery_open", "subscription_id", "status", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int]  # kept after the subscription is deleted, for the log
    status: Mapped[str] = mapped_column(default="PENDING")  # DeliveryStatus
    body: Mapped[str] = mapped_column(default="")
    event_ids: Mapped[list[int]] = mapped_column(JsonList, default=empty_list)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    claim: Mapped[str | None]  # set while one worker is sending it
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class WebhookAttemptRow(Row):
    """One HTTP attempt of a delivery: what was signed, what came back, how long it took."""

    __tablename__ = "webhook_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(index=True)
    attempt: Mapped[int]
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    signature: Mapped[str]
    ok: Mapped[bool] = mapped_column(default=False)
    status_code: Mapped[int | None]
    error: Mapped[str | None]
    duration_ms: Mapped[int] = mapped_column(default=0)
    response_excerpt: Mapped[str | None]
