"""/_mock/webhooks: subscriptions (the plugin settings), the delivery log, "deliver now";
/_mock/events: the event log with the lifecycle moments each event marks.
"""

from __future__ import annotations

import secrets
from typing import Any

from pydantic import Field
from sqlalchemy import Text, type_coerce
from sqlmodel import Session, select
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import (
    ControlModel,
    NotAnObject,
    error,
    path_int,
    query,
    read_object,
)
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.events import subscriptions as subs
from mockcentra.runtime.wire import INT64_MAX
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import (
    EventRow,
    WebhookAttemptRow,
    WebhookDeliveryRow,
    WebhookSubscriptionRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.webhooks import lifecycle, signing

DEFAULT_LIMIT = 100
#: The most deliveries or events one call lists.
MAX_LIMIT = 10_000


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def subscription_json(row: WebhookSubscriptionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "url": row.url,
        "secret": row.secret,
        "version": row.version,
        "events": row.events,
        "storeId": row.store_id,
        "batchSize": row.batch_size,
        "timeoutSeconds": row.timeout_seconds,
        "retries": row.retries,
        "retryDelaySeconds": row.retry_delay_seconds,
        "validateSsl": row.validate_ssl,
        "active": row.active,
        "createdAt": _iso(row.created_at),
    }


def delivery_json(row: WebhookDeliveryRow, attempts: list[WebhookAttemptRow]) -> dict[str, Any]:
    return {
        "id": row.id,
        "subscriptionId": row.subscription_id,
        "status": row.status,
        "eventIds": row.event_ids,
        "payload": signing.decode_body(row.body) if row.body else None,
        "body": row.body,
        "attempts": row.attempts,
        "nextAttemptAt": _iso(row.next_attempt_at),
        "lastStatusCode": row.last_status_code,
        "lastError": row.last_error,
        "createdAt": _iso(row.created_at),
        "deliveredAt": _iso(row.delivered_at),
        "attemptLog": [
            {
                "attempt": a.attempt,
                "at": _iso(a.at),
                "ok": a.ok,
                "statusCode": a.status_code,
                "error": a.error,
                "durationMs": a.duration_ms,
                "signature": a.signature,
                "response": a.response_excerpt,
            }
            for a in attempts
        ],
    }


class DeliveriesQuery(ControlModel):
    """GET /_mock/webhooks/deliveries."""

    subscription: int | None = Field(None, ge=1, le=INT64_MAX)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    status: str | None = None


class EventsQuery(ControlModel):
    """GET /_mock/events."""

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    after: int | None = Field(None, ge=0, le=INT64_MAX)
    trigger: str | None = None
    object_type: str | None = Field(None, alias="objectType")


def deliveries_json(session: Session, wanted: DeliveriesQuery) -> list[dict[str, Any]]:
    """The last `limit` deliveries (of a subscription, in a status), oldest first, each with
    its attempts."""
    stmt = select(WebhookDeliveryRow)
    if wanted.subscription is not None:
        stmt = stmt.where(WebhookDeliveryRow.subscription_id == wanted.subscription)
    if wanted.status:
        stmt = stmt.where(WebhookDeliveryRow.status == wanted.status.upper())
    rows = list(session.exec(stmt.order_by(WebhookDeliveryRow.id.desc()).limit(wanted.limit)))
    rows.reverse()
    attempts: dict[int, list[WebhookAttemptRow]] = {key(r): [] for r in rows}
    for a in session.exec(
        select(WebhookAttemptRow)
        .where(WebhookAttemptRow.delivery_id.in_(list(attempts)))
        .order_by(WebhookAttemptRow.id)
    ):
        attempts[a.delivery_id].append(a)
    return [delivery_json(r, attempts[key(r)]) for r in rows]


def events_json(session: Session, wanted: EventsQuery, zone: Any) -> list[dict[str, Any]]:
    """The last `limit` events (after an id, of an object type, marking a trigger), oldest
    first, each trigger with the lifecycle fields its webhook would carry."""
    stmt = select(EventRow)
    if wanted.after is not None:
        stmt = stmt.where(EventRow.id > wanted.after)
    if wanted.object_type:
        stmt = stmt.where(EventRow.object_type == wanted.object_type)
    if wanted.trigger:
        stmt = stmt.where(type_coerce(EventRow.triggers, Text).contains(f'"{wanted.trigger}"'))
    rows = list(session.exec(stmt.order_by(EventRow.id.desc()).limit(wanted.limit)))
    rows.reverse()
    return [
        {
            "id": r.id,
            "objectType": r.object_type,
            "changeType": r.change_type,
            "objectReference": r.object_ref,
            "storeId": r.store_id,
            "marketId": r.market_id,
            "createdAt": _iso(r.created_at),
            "data": r.data,
            "triggers": [
                {"trigger": t, "fields": lifecycle.lifecycle_fields(session, r, t, zone)}
                for t in r.triggers
            ],
        }
        for r in rows
    ]


def webhook_routes(rt: Runtime) -> list[Route]:
    """/webhooks/... and /events."""
    return [*subscription_routes(rt), *delivery_routes(rt), *event_routes(rt)]


def subscription_routes(rt: Runtime) -> list[Route]:
    """/webhooks/subscriptions: list, create, delete all; one by id: read, delete."""

    async def subscriptions(request: Request) -> JSONResponse:
        if request.method == "GET":
            with rt.unit_of_work(write=False) as uow:
                rows = subs.list_subscriptions(uow.session)
                return JSONResponse({"subscriptions": [subscription_json(r) for r in rows]})
        if request.method == "DELETE":
            with rt.unit_of_work() as uow:
                rows = subs.list_subscriptions(uow.session)
                for row in rows:
                    subs.delete_subscription(uow, key(row))
            return JSONResponse({"deleted": [r.id for r in rows]})
        try:
            body = await read_object(request)
        except NotAnObject:
            return error("Send the subscription settings as a JSON object.")
        try:
            spec = subs.SubscriptionSpec.from_json(body, secret=secrets.token_hex(16))
            with rt.unit_of_work() as uow:
                row = subs.create_subscription(uow, spec)
                out = subscription_json(row)
        except DomainError as refused:
            return error(refused.message, path=refused.path)
        return JSONResponse(out, status_code=201)

    async def subscription(request: Request) -> JSONResponse:
        sub_id = path_int(request, "id", "webhook subscription")
        try:
            with rt.unit_of_work(write=request.method == "DELETE") as uow:
                if request.method == "DELETE":
                    deleted = subs.delete_subscription(uow, sub_id)
                    return JSONResponse({"deleted": [deleted.id]})
                row = uow.session.get(WebhookSubscriptionRow, sub_id)
                if row is None:
                    return error(f"Could not find webhook subscription with ID {sub_id}.", 404)
                return JSONResponse(subscription_json(row))
        except DomainError as refused:
            return error(refused.message, 404, refused.path)

    return [
        Route("/webhooks/subscriptions", subscriptions, methods=["GET", "POST", "DELETE"]),
        Route("/webhooks/subscriptions/{id:int}", subscription, methods=["GET", "DELETE"]),
    ]


def delivery_routes(rt: Runtime) -> list[Route]:
    """/webhooks/deliveries (the log), .../{id}/replay and /webhooks/deliver (send what is due)."""

    async def deliveries(request: Request) -> JSONResponse:
        wanted = query(request, DeliveriesQuery)
        with rt.unit_of_work(write=False) as uow:
            out = deliveries_json(uow.session, wanted)
        return JSONResponse({"deliveries": out})

    async def replay(request: Request) -> JSONResponse:
        """Queue a delivery again (same events and body); the sender sends it when due."""
        try:
            with rt.unit_of_work() as uow:
                row = subs.replay_delivery(uow, path_int(request, "id", "webhook delivery"))
                body = delivery_json(row, [])
        except DomainError as refused:
            status = 404 if refused.code == ErrorCode.NOT_FOUND else 409
            return error(refused.message, status, refused.path)
        rt.outbox.notify()
        return JSONResponse(body, status_code=201)

    async def deliver(_: Request) -> JSONResponse:
        attempts = await rt.webhooks.adeliver_due()
        return JSONResponse({"attempts": attempts})

    return [
        Route("/webhooks/deliveries", deliveries, methods=["GET"]),
        Route("/webhooks/deliveries/{id:int}/replay", replay, methods=["POST"]),
        Route("/webhooks/deliver", deliver, methods=["POST"]),
    ]


def event_routes(rt: Runtime) -> list[Route]:
    """/events."""

    async def events(request: Request) -> JSONResponse:
        """The event log, newest last; `?trigger=OrderShipped` narrows to a lifecycle moment."""
        wanted = query(request, EventsQuery)
        with rt.unit_of_work(write=False) as uow:
            out = events_json(uow.session, wanted, rt.clock.zone)
        return JSONResponse({"events": out})

    return [Route("/events", events, methods=["GET"])]
