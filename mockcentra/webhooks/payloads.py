"""Webhook payloads by plugin version, built when a batch is formed (objects as they are then).

- Integration API: `{"events":[{"type":"order","action":"update","date":"2021-01-29
  14:40:58.628033","id":2735}, ...]}`; `id` is an integer (the order *number* for orders),
  `date` is local time with microseconds and no zone. Actions: create, update, good_to_go
  (documented) and delete (mockcentra's guess; Centra's full list is not public). COMPLETED
  and DEPENDENT_DATA_CHANGED are sent as update.
- Checkout API: `{"products":["12","13"],"brands":["5"]}`; product changes send the ids of
  the product's displays in the plugin's store, or nothing when it has none there.
- Lifecycle (mockcentra): `{"events":[{"trigger":"OrderShipped","date":...,"event":{...},
  "fields":{"Order.Number":...}}]}` with the data fields e-mail/CRM plugins (Rule, Voyado) read.
  Money is exact text: formatted (`"1 500.00 SEK"`) and `...Amount` (`"1500.00"`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from mockcentra.domain.events.status import Trigger
from mockcentra.domain.events.subscriptions import (
    CHECKOUT_KEYS,
    INTEGRATION_TYPES,
    WebhookVersion,
)
from mockcentra.storage.tables import (
    BundleRow,
    DisplayRow,
    EventRow,
    OrderRow,
    ProductSizeRow,
    VariantRow,
    WebhookSubscriptionRow,
)
from mockcentra.webhooks.dates import webhook_date
from mockcentra.webhooks.lifecycle import lifecycle_item

ACTIONS = {"CREATED": "create", "DELETED": "delete"}


def build_payload(
    session: Session, sub: WebhookSubscriptionRow, events: list[EventRow], zone: ZoneInfo
) -> dict[str, Any] | None:
    """The JSON of one webhook call for these events, or None when there is nothing to say."""
    if sub.version == WebhookVersion.INTEGRATION_API:
        items = [item for ev in events for item in integration_items(session, ev, zone)]
        return {"events": items} if items else None
    if sub.version == WebhookVersion.CHECKOUT_API:
        keys = checkout_keys(session, events, sub.store_id)
        return keys or None
    if sub.version == WebhookVersion.LIFECYCLE:
        chosen = set(sub.events)
        items = [
            lifecycle_item(session, ev, trigger, zone)
            for ev in events
            for trigger in ev.triggers
            if not chosen or trigger in chosen
        ]
        return {"events": items} if items else None
    return None


# ---------------------------------------------------------------- Integration API


def _object_id(session: Session, ev: EventRow) -> int | str:
    if ev.object_type == "Order":
        number = ev.data.get("number")
        if number is None:
            number = session.exec(
                select(OrderRow.number).where(OrderRow.hash == ev.object_ref)
            ).first()
        return int(number) if number is not None else ev.object_ref
    return int(ev.object_ref) if ev.object_ref.isdigit() else ev.object_ref


def integration_items(session: Session, ev: EventRow, zone: ZoneInfo) -> list[dict[str, Any]]:
    kind = INTEGRATION_TYPES.get(ev.object_type)
    if kind is None:
        return []
    base = {
        "type": kind,
        "action": ACTIONS.get(ev.change_type, "update"),
        "date": webhook_date(ev.created_at, zone),
        "id": _object_id(session, ev),
    }
    items = [base]
    if Trigger.ShipmentGoodToGo in ev.triggers:
        items.append({**base, "action": "good_to_go"})
    return items


# ---------------------------------------------------------------- Checkout API


def _product_id(session: Session, ev: EventRow) -> int | None:
    if not ev.object_ref.isdigit():
        return None
    ref = int(ev.object_ref)
    if ev.object_type == "Product":
        return ref
    if ev.object_type == "ProductVariant":
        variant = session.get(VariantRow, ref)
        return variant.product_id if variant else None
    if ev.object_type == "ProductSize":
        size = session.get(ProductSizeRow, ref)
        variant = session.get(VariantRow, size.variant_id) if size else None
        return variant.product_id if variant else None
    if ev.object_type == "Bundle":
        bundle = session.get(BundleRow, ref)
        return bundle.product_id if bundle else None
    return None


def checkout_keys(
    session: Session, events: Iterable[EventRow], store_id: int | None
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ev in events:
        key = CHECKOUT_KEYS.get(ev.object_type)
        if key is None:
            continue
        if key != "products":
            ids = [ev.object_ref]
        elif ev.object_type == "Display":
            display = (
                session.get(DisplayRow, int(ev.object_ref)) if ev.object_ref.isdigit() else None
            )
            shown = display is None or store_id is None or display.store_id == store_id
            ids = [ev.object_ref] if shown else []
        else:
            product_id = _product_id(session, ev)
            stmt = select(DisplayRow.id).where(DisplayRow.product_id == product_id)
            if store_id is not None:
                stmt = stmt.where(DisplayRow.store_id == store_id)
            ids = [str(i) for i in session.exec(stmt.order_by(DisplayRow.id))]
        if ids:
            bucket = out.setdefault(key, [])
            bucket.extend(i for i in ids if i not in bucket)
    return out
