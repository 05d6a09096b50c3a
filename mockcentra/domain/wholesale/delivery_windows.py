"""Delivery windows: when and how wholesale goods are sold.

A window is created either `atOnce` (sells current stock, optionally from some days from now)
or `preorder` (takes orders within sales dates, for delivery within delivery dates). It sells
only the variants set on it (`setDeliveryWindowVariants`, at most 100 per call), each with a
variant delivery type (PREORDER, STOCK, LINK, STOCK_LINK) and an optional quantity limit, in
the markets it names (at least one, all in one wholesale store).

Gaps: campaigns are not modelled (always empty); LINK and STOCK_LINK sell like STOCK, since
the supplier module is not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import delete, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.pricing.rules import parse_date
from mockcentra.domain.refs import existing, resolve
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.rules import Path
from mockcentra.domain.wholesale.status import (
    DeliveryWindowKind,
    DeliveryWindowStatus,
    PreorderAllocationOrder,
    VariantDeliveryType,
)
from mockcentra.storage.tables import (
    AllocationRuleRow,
    DeliveryWindowMarketRow,
    DeliveryWindowRow,
    DeliveryWindowVariantRow,
    MarketRow,
    PriceAlterationRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def get_window(uow: UnitOfWork, ref: Any, path: Path) -> DeliveryWindowRow:
    """A delivery window by `{id}` or `{externalId}` (ID conversion type "DeliveryWindow")."""
    return resolve(
        uow, DeliveryWindowRow, ref, path, kind="DeliveryWindow", object_type="DeliveryWindow"
    )


@dataclass
class DateRangeSpec:
    start: str | None = None
    end: str | None = None


@dataclass
class PreorderSpec:
    delivery_dates: DateRangeSpec | None = None
    sales_dates: DateRangeSpec | None = None
    allocation_order: str | None = None


@dataclass
class AtOnceSpec:
    days_from_now: int | None = None
    selectable_date: bool | None = None


@dataclass
class WindowSpec:
    """What createDeliveryWindow / updateDeliveryWindow carry; None leaves a value as it is."""

    name: str | None = None
    status: str | None = None
    delivery_dates_visible: bool | None = None
    selectable_by_buyers: bool | None = None
    selected_by_default: bool | None = None
    default_variant_delivery_type: str | None = None
    allocation_rule: Any = None
    markets: list[Any] | None = None
    price_alteration: Any = None
    preorder: PreorderSpec | None = None
    at_once: AtOnceSpec | None = None


def create_window(uow: UnitOfWork, spec: WindowSpec) -> DeliveryWindowRow:
    name = rules.require_name(spec.name, "Delivery window", ["name"])
    if spec.preorder is not None and spec.at_once is not None:
        raise invalid("Give either preorder or atOnce, not both.", [])
    if spec.preorder is None and spec.at_once is None:
        raise DomainError(
            ErrorCode.REQUIRED, "A delivery window needs preorder or atOnce fields.", []
        )
    if not spec.markets:
        raise DomainError(ErrorCode.REQUIRED, "At least one market is required.", ["markets"])
    now = uow.clock.now()
    window = DeliveryWindowRow(
        name=name,
        status=DeliveryWindowStatus(spec.status or DeliveryWindowStatus.ACTIVE).value,
        store_id=0,
        kind=(
            DeliveryWindowKind.PREORDER if spec.preorder is not None else DeliveryWindowKind.AT_ONCE
        ).value,
        created_at=now,
        updated_at=now,
    )
    _apply(uow, window, spec)
    uow.emit(PendingEvent("DeliveryWindow", "CREATED", str(window.id), store_id=window.store_id))
    return window


def window_to_change(uow: UnitOfWork, window_id: int) -> DeliveryWindowRow:
    """The delivery window `updateDeliveryWindow` changes (errors point at the id)."""
    return existing(uow, DeliveryWindowRow, window_id, kind="DeliveryWindow")


def update_window(
    uow: UnitOfWork, window: DeliveryWindowRow, spec: WindowSpec
) -> DeliveryWindowRow:
    if spec.name is not None:
        window.name = rules.require_name(spec.name, "Delivery window", ["name"])
    if spec.status is not None:
        window.status = DeliveryWindowStatus(spec.status).value
    if spec.preorder is not None and window.kind != DeliveryWindowKind.PREORDER:
        raise invalid(
            f"Delivery window {window.id} is an at once window; it has no preorder fields.",
            ["preorder"],
        )
    if spec.at_once is not None and window.kind != DeliveryWindowKind.AT_ONCE:
        raise invalid(
            f"Delivery window {window.id} is a preorder window; it has no atOnce fields.",
            ["atOnce"],
        )
    if spec.markets is not None and not spec.markets:
        raise DomainError(ErrorCode.REQUIRED, "At least one market is required.", ["markets"])
    window.updated_at = uow.clock.now()
    _apply(uow, window, spec)
    uow.emit(PendingEvent("DeliveryWindow", "UPDATED", str(window.id), store_id=window.store_id))
    return window


def _apply(uow: UnitOfWork, window: DeliveryWindowRow, spec: WindowSpec) -> None:
    session = uow.session
    for name in ("delivery_dates_visible", "selectable_by_buyers", "selected_by_default"):
        if getattr(spec, name) is not None:
            setattr(window, name, getattr(spec, name))
    if spec.default_variant_delivery_type is not None:
        window.default_variant_delivery_type = VariantDeliveryType(
            spec.default_variant_delivery_type
        ).value
    if spec.allocation_rule is not None:
        window.allocation_rule_id = resolve(
            uow,
            AllocationRuleRow,
            spec.allocation_rule,
            ["allocationRule"],
            kind="AllocationRule",
            object_type="AllocationRule",
        ).id
    markets = _markets(uow, window, spec.markets) if spec.markets is not None else []
    if spec.price_alteration is not None:
        alteration = resolve(
            uow,
            PriceAlterationRow,
            spec.price_alteration,
            ["priceAlteration"],
            kind="PriceAlteration",
            object_type="PriceAlteration",
        )
        if alteration.store_id != window.store_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Price alteration {alteration.id} does not belong to the store of the "
                "delivery window.",
                ["priceAlteration"],
            )
        window.price_alteration_id = alteration.id
    if spec.preorder is not None:
        _apply_preorder(uow, window, spec.preorder)
    if spec.at_once is not None:
        if spec.at_once.days_from_now is not None:
            if spec.at_once.days_from_now < 0:
                raise invalid("daysFromNow cannot be negative.", ["atOnce", "daysFromNow"])
            window.days_from_now = spec.at_once.days_from_now or None
        if spec.at_once.selectable_date is not None:
            window.selectable_date = spec.at_once.selectable_date
    session.add(window)
    session.flush()
    if spec.markets is not None:
        session.exec(
            delete(DeliveryWindowMarketRow).where(
                DeliveryWindowMarketRow.delivery_window_id == window.id
            )
        )
        for market in markets:
            session.add(
                DeliveryWindowMarketRow(delivery_window_id=key(window), market_id=key(market))
            )
        session.flush()


def _markets(uow: UnitOfWork, window: DeliveryWindowRow, refs: list[Any]) -> list[MarketRow]:
    """The markets a window is offered in: wholesale, all of one store, which becomes the
    window's (a window with variants cannot change store)."""
    session = uow.session
    markets: list[MarketRow] = []
    for i, ref in enumerate(refs):
        path: list[str | int] = ["markets", i]
        market = resolve(uow, MarketRow, ref, path, kind="Market", object_type="Market")
        store = stored(session, StoreRow, market.store_id)
        rules.check_wholesale_store(store.type, f"Market {market.id}", path)
        if markets and market.store_id != markets[0].store_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                "The markets of a delivery window must belong to one store.",
                path,
            )
        if market not in markets:
            markets.append(market)
    if window.id is not None and markets[0].store_id != window.store_id:
        if session.exec(
            select(DeliveryWindowVariantRow.id).where(
                DeliveryWindowVariantRow.delivery_window_id == window.id
            )
        ).first():
            raise DomainError(
                ErrorCode.NOT_ALLOWED,
                f"Delivery window {window.id} has variants and cannot move to another store.",
                ["markets"],
            )
    window.store_id = markets[0].store_id
    return markets


def _apply_preorder(uow: UnitOfWork, window: DeliveryWindowRow, spec: PreorderSpec) -> None:
    zone = uow.clock.zone
    base = ["preorder"]
    creating = window.delivery_start is None
    for argument, given, attrs in (
        ("deliveryDateRange", spec.delivery_dates, ("delivery_start", "delivery_end")),
        ("salesDateRange", spec.sales_dates, ("sales_start", "sales_end")),
    ):
        if given is None:
            if creating:
                raise DomainError(
                    ErrorCode.REQUIRED,
                    f"{argument} is required for a preorder delivery window.",
                    [*base, argument],
                )
            continue
        start: date | None = getattr(window, attrs[0])
        end: date | None = getattr(window, attrs[1])
        if given.start is not None:
            start = parse_date(given.start, zone, [*base, argument, "from"])
        if given.end is not None:
            end = parse_date(given.end, zone, [*base, argument, "to"])
        if start is None or end is None:
            raise DomainError(
                ErrorCode.REQUIRED, f"{argument} needs both from and to.", [*base, argument]
            )
        rules.check_date_range(start, end, [*base, argument, "to"])
        setattr(window, attrs[0], start)
        setattr(window, attrs[1], end)
    order = spec.allocation_order
    if order is not None or window.allocation_order is None:
        window.allocation_order = PreorderAllocationOrder(
            order or PreorderAllocationOrder.FIFO
        ).value
