"""Wholesale price alterations: another price point per pricelist from a start date on.

Only wholesale stores have them, and a store has at most one ACTIVE price alteration. Prices
are set with `prices.set_altered_prices`.

Gap: `deliveryWindows` (the windows an alteration affects) is always empty until wholesale
delivery windows exist in mockcentra.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.pricing import rules
from mockcentra.domain.pricing.status import PriceAlterationStatus
from mockcentra.domain.refs import existing, resolve
from mockcentra.storage.tables import AlteredPriceRow, PriceAlterationRow, StoreRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

Path = Sequence[str | int]
CLEAR = ""  # `endDate: ""` clears the end date (Centra's ClearableDate)


@dataclass
class PriceAlterationSpec:
    name: str | None = None
    status: str | None = None
    store: Any = None
    start_date: str | None = None
    end_date: str | None = None


def create_price_alteration(uow: UnitOfWork, spec: PriceAlterationSpec) -> PriceAlterationRow:
    name = rules.require_name(spec.name, "Price alteration", ["name"])
    store = _store(uow, spec.store)
    status = _status(spec.status)
    zone = uow.clock.zone
    start = rules.parse_date(spec.start_date or "", zone, ["startDate"])
    end = None
    if spec.end_date not in (None, CLEAR):
        end = rules.parse_date(spec.end_date, zone, ["endDate"])
    alteration = PriceAlterationRow(
        name=name, status=status, store_id=key(store), start_date=start, end_date=end
    )
    _check_dates(alteration)
    _check_single_active(uow, alteration)
    uow.session.add(alteration)
    uow.session.flush()
    return alteration


def alteration_to_change(uow: UnitOfWork, alteration_id: int) -> PriceAlterationRow:
    """The price alteration `updatePriceAlteration` changes (errors point at the id)."""
    return existing(uow, PriceAlterationRow, alteration_id, kind="PriceAlteration")


def update_price_alteration(
    uow: UnitOfWork, alteration: PriceAlterationRow, spec: PriceAlterationSpec
) -> PriceAlterationRow:
    """Change what the input gives. Moving to another store is allowed if it has no prices."""
    zone = uow.clock.zone
    if spec.name is not None:
        alteration.name = rules.require_name(spec.name, "Price alteration", ["name"])
    if spec.store is not None:
        store = _store(uow, spec.store)
        if store.id != alteration.store_id and _has_prices(uow, key(alteration)):
            raise DomainError(
                ErrorCode.NOT_ALLOWED,
                "The store of a price alteration with prices cannot be changed.",
                ["store"],
            )
        alteration.store_id = key(store)
    if spec.status is not None:
        alteration.status = _status(spec.status)
    if spec.start_date is not None:
        alteration.start_date = rules.parse_date(spec.start_date, zone, ["startDate"])
    if spec.end_date is not None:
        alteration.end_date = (
            None if spec.end_date == CLEAR else rules.parse_date(spec.end_date, zone, ["endDate"])
        )
    _check_dates(alteration)
    _check_single_active(uow, alteration)
    uow.session.add(alteration)
    uow.session.flush()
    return alteration


def _store(uow: UnitOfWork, ref: Any) -> StoreRow:
    store = resolve(uow, StoreRow, ref, ["store"], kind="Store", object_type="Store")
    rules.alterations_allowed(store.type, ["store"])
    return store


def _status(value: Any) -> str:
    raw = value or PriceAlterationStatus.INACTIVE
    return PriceAlterationStatus(raw).value


def _check_dates(alteration: PriceAlterationRow) -> None:
    if alteration.end_date is not None and alteration.end_date < alteration.start_date:
        raise invalid("The end date cannot be before the start date.", ["endDate"])


def _check_single_active(uow: UnitOfWork, alteration: PriceAlterationRow) -> None:
    """One ACTIVE price alteration per wholesale store."""
    if alteration.status != PriceAlterationStatus.ACTIVE:
        return
    stmt = select(PriceAlterationRow).where(
        PriceAlterationRow.store_id == alteration.store_id,
        PriceAlterationRow.status == PriceAlterationStatus.ACTIVE,
    )
    if alteration.id is not None:
        stmt = stmt.where(PriceAlterationRow.id != alteration.id)
    other = uow.session.exec(stmt).first()
    if other is not None:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Only one price alteration can be active per store; {other.name} is already active.",
            ["status"],
        )


def _has_prices(uow: UnitOfWork, alteration_id: int) -> bool:
    return (
        uow.session.exec(
            select(AlteredPriceRow.id).where(AlteredPriceRow.price_alteration_id == alteration_id)
        ).first()
        is not None
    )
