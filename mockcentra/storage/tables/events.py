"""The event log, per-integration event queues, and the webhook outbox with its delivery log.

Everything here is written in the transaction that made the change, so a rolled-back change
leaves no event, no queued event and no webhook.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

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


class EventRow(Row, table=True):
    """One change to one object. `triggers` are the lifecycle moments it marks (OrderShipped...)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_object_ref", "object_type", "object_ref", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    object_type: str = Field(index=True)
    change_type: str
    object_ref: str
    store_id: int | None = None
    market_id: int | None = None
    data: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    triggers: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    created_at: datetime = Field(sa_type=AwareDateTime)
    #: The request journal id of the API request whose transaction wrote it (None: seeding,
    #: the control plane, background work); the order timeline links events to requests by it.
    request_id: int | None = None


class EventListenerRow(Row, table=True):
    """What one integration (token integration name) listens to: an object type, change types."""

    __tablename__ = "event_listener"
    __table_args__ = (UniqueConstraint("integration_name", "object_type"),)
    id: int | None = Field(default=None, primary_key=True)
    integration_name: str = Field(index=True)
    object_type: str
    change_types: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class EventQueueRow(Row, table=True):
    """An event queued for one integration; `confirmed_at` is set by `confirmEvents`."""

    __tablename__ = "event_queue"
    __table_args__ = (
        Index("ix_event_queue_pending", "integration_name", "confirmed_at", "event_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id")
    integration_name: str
    object_type: str
    change_type: str
    confirmed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class WebhookSubscriptionRow(Row, table=True):
    """A "Centra Webhook" plugin instance: where to POST, how to sign, what to send."""

    __tablename__ = "webhook_subscription"
    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    url: str
    secret: str
    version: str = "Integration API"  # WebhookVersion
    events: list[str] = Field(default_factory=empty_list, sa_type=JsonList)  # empty: every type
    store_id: int | None = None  # None: every store
    batch_size: int = 100
    timeout_seconds: float = 5.0
    retries: int = 0
    retry_delay_seconds: float = 60.0
    validate_ssl: bool = True
    active: bool = True
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class WebhookOutboxRow(Row, table=True):
    """An event waiting for (or already put into) a delivery to one subscription."""

    __tablename__ = "webhook_outbox"
    __table_args__ = (Index("ix_webhook_outbox_waiting", "subscription_id", "delivery_id", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="webhook_subscription.id")
    event_id: int = Field(foreign_key="event.id")
    delivery_id: int | None = None
    created_at: datetime = Field(sa_type=AwareDateTime)


class WebhookDeliveryRow(Row, table=True):
    """One webhook call (a batch of events) and where it stands; the body never changes."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (Index("ix_webhook_delivery_open", "subscription_id", "status", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int  # kept after the subscription is deleted, for the log
    status: str = "PENDING"  # DeliveryStatus
    body: str = ""
    event_ids: list[int] = Field(default_factory=empty_list, sa_type=JsonList)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    claim: str | None = None  # set while one worker is sending it
    last_status_code: int | None = None
    last_error: str | None = None
    created_at: datetime = Field(sa_type=AwareDateTime)
    delivered_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class WebhookAttemptRow(Row, table=True):
    """One HTTP attempt of a delivery: what was signed, what came back, how long it took."""

    __tablename__ = "webhook_attempt"
    id: int | None = Field(default=None, primary_key=True)
    delivery_id: int = Field(index=True)
    attempt: int
    at: datetime = Field(sa_type=AwareDateTime)
    signature: str
    ok: bool = False
    status_code: int | None = None
    error: str | None = None
    duration_ms: int = 0
    response_excerpt: str | None = None
