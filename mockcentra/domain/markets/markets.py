"""Creating and changing markets.

A market belongs to one store. Its name is unique among the store's markets. Countries are
assigned to markets of direct to consumer stores only (a wholesale account picks its market),
and a country belongs to at most one market per store: the country a shopper is in decides
their market. Assigning a country another market of the store has is refused; remove it
there first (`updateMarket(removeCountries:)`), as with pricelists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.listing import ids_filter, page, sorted_by, text_filtered
from mockcentra.domain.refs import Ref, resolve
from mockcentra.storage.tables import (
    AllocationRuleRow,
    CountryRow,
    MarketCountryRow,
    MarketRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]


@dataclass
class MarketSpec:
    """What createMarket / updateMarket carry; None leaves a value as it is."""

    name: str | None = None
    store: Any = None
    comment: str | None = None
    allocation_rule: Any = None
    add_countries: list[Any] = field(default_factory=list)
    remove_countries: list[Any] = field(default_factory=list)


def create_market(uow: UnitOfWork, spec: MarketSpec) -> MarketRow:
    store = resolve(uow, StoreRow, spec.store, ["store"], kind="Store", object_type="Store")
    market = MarketRow(name=_name(uow, spec.name, store, None), store_id=key(store))
    market.comment = spec.comment
    if spec.allocation_rule is not None:
        market.allocation_rule_id = _rule(uow, spec.allocation_rule).id
    uow.session.add(market)
    uow.session.flush()
    _add_countries(uow, market, store, spec.add_countries)
    uow.emit(PendingEvent("Market", "CREATED", str(market.id), store_id=store.id))
    return market


def market_to_change(uow: UnitOfWork, market_id: int) -> MarketRow:
    """The market `updateMarket` changes (errors point at the id)."""
    return resolve(uow, MarketRow, Ref(id=market_id), [], kind="Market")


def update_market(uow: UnitOfWork, market: MarketRow, spec: MarketSpec) -> MarketRow:
    """Rename, comment, change the allocation rule, add and remove countries (removing a
    country the market lacks, or adding one it has, is a no-op)."""
    store = stored(uow.session, StoreRow, market.store_id)
    if spec.name is not None:
        market.name = _name(uow, spec.name, store, market.id)
    if spec.comment is not None:
        market.comment = spec.comment or None
    if spec.allocation_rule is not None:
        market.allocation_rule_id = _rule(uow, spec.allocation_rule).id
    uow.session.add(market)
    for i, ref in enumerate(spec.remove_countries):
        country = _country(uow, ref, ["removeCountries", i])
        link = uow.session.get(MarketCountryRow, (market.id, country.id))
        if link is not None:
            uow.session.delete(link)
    uow.session.flush()
    _add_countries(uow, market, store, spec.add_countries)
    uow.emit(PendingEvent("Market", "UPDATED", str(market.id), store_id=store.id))
    return market


def markets(
    session: Session,
    *,
    ids=None,
    store_ids=None,
    name=None,
    sort=None,
    limit=None,
    page_number=None,
) -> Sequence[MarketRow]:
    """Markets by `sort` (id order when none is given)."""
    stmt = select(MarketRow)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(MarketRow.id.in_(wanted_ids))
    if wanted_ids := ids_filter(store_ids):
        stmt = stmt.where(MarketRow.store_id.in_(wanted_ids))
    stmt = text_filtered(stmt, MarketRow.name, name)
    by = {"id": MarketRow.id, "name": MarketRow.name}
    return page(session, sorted_by(stmt, sort, by, MarketRow.id), limit, page_number)


def _name(uow: UnitOfWork, value: str | None, store: StoreRow, own_id: int | None) -> str:
    name = (value or "").strip()
    if not name:
        raise DomainError(ErrorCode.REQUIRED, "Market name cannot be empty.", ["name"])
    stmt = select(MarketRow.id).where(MarketRow.store_id == store.id, MarketRow.name == name)
    if own_id is not None:
        stmt = stmt.where(MarketRow.id != own_id)
    if uow.session.exec(stmt).first() is not None:
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Market with name {name} already exists in store {store.name}.",
            ["name"],
        )
    return name


def _rule(uow: UnitOfWork, ref: Any) -> AllocationRuleRow:
    return resolve(uow, AllocationRuleRow, ref, ["allocationRule"], kind="AllocationRule")


def _country(uow: UnitOfWork, ref: Any, path: Path) -> CountryRow:
    return resolve(uow, CountryRow, ref, path, kind="Country", object_type="Country")


def _add_countries(uow: UnitOfWork, market: MarketRow, store: StoreRow, refs: list[Any]) -> None:
    if refs and store.type != "DIRECT_TO_CONSUMER":
        raise invalid(
            "Countries can only be added to markets of direct to consumer stores.",
            ["addCountries"],
        )
    for i, ref in enumerate(refs):
        country = _country(uow, ref, ["addCountries", i])
        holder = uow.session.exec(
            select(MarketRow)
            .join(MarketCountryRow, MarketCountryRow.market_id == MarketRow.id)
            .where(MarketCountryRow.country_id == country.id, MarketRow.store_id == store.id)
        ).first()
        if holder is not None and holder.id == market.id:
            continue
        if holder is not None:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Country {country.code} is already assigned to market {holder.name}.",
                ["addCountries", i],
            )
        uow.session.add(MarketCountryRow(market_id=key(market), country_id=key(country)))
        uow.session.flush()
