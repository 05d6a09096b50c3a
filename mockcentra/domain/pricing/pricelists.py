"""Pricelists: a currency, a store, and (in direct to consumer stores) the countries they serve.

In a direct to consumer store a country decides which pricelist a shopper gets, so a country
can belong to only one pricelist per store. Assigning a country that another pricelist of the
store already has is refused; remove it there first (`updatePricelist(removeCountries:)`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, delete, select

from mockcentra.domain import idconversion
from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.domain.listing import grouped_pairs
from mockcentra.domain.pricing import rules
from mockcentra.domain.pricing.status import PricelistStatus
from mockcentra.domain.refs import existing, resolve
from mockcentra.storage.tables import (
    AccountRow,
    AlteredPriceRow,
    CountryRow,
    CurrencyRow,
    OrderRow,
    PricelistCountryRow,
    PricelistRow,
    PriceRow,
    SelectionRow,
    ShippingOptionRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]


@dataclass
class PricelistSpec:
    """What createPricelist / updatePricelist carry; None means "leave as it is"."""

    name: str | None = None
    status: str | None = None
    store: Any = None
    currency_iso_code: str | None = None
    default_shipping_option: Any = None
    add_countries: list[Any] | None = None
    remove_countries: list[Any] | None = None
    external_id: str | None = None


def get_pricelist(uow: UnitOfWork, ref: Any, path: Path) -> PricelistRow:
    """A pricelist by `{id}` or `{externalId}` (ID conversion type "Pricelist")."""
    return resolve(uow, PricelistRow, ref, path, kind="Pricelist", object_type="Pricelist")


def currency_code(session: Session, pricelist: PricelistRow) -> str:
    return stored(session, CurrencyRow, pricelist.currency_id).code


def create_pricelist(uow: UnitOfWork, spec: PricelistSpec) -> PricelistRow:
    name = rules.require_name(spec.name, "Pricelist", ["name"])
    status = _status(spec.status)
    store = resolve(uow, StoreRow, spec.store, ["store"], kind="Store", object_type="Store")
    currency = _currency(uow, spec.currency_iso_code, ["currencyIsoCode"])
    pricelist = PricelistRow(
        name=name, status=status, store_id=key(store), currency_id=key(currency)
    )
    if spec.default_shipping_option is not None:
        pricelist.default_shipping_option_id = _shipping_option(
            uow, store, spec.default_shipping_option, ["defaultShippingOption"]
        ).id
    uow.session.add(pricelist)
    uow.session.flush()
    if spec.add_countries:
        _add_countries(uow, pricelist, store, spec.add_countries, ["addCountries"])
    if spec.external_id is not None:
        idconversion.assign(uow, "Pricelist", key(pricelist), spec.external_id, ["externalId"])
    uow.emit(PendingEvent("Pricelist", "CREATED", str(pricelist.id), store_id=store.id))
    return pricelist


def pricelist_to_change(uow: UnitOfWork, pricelist_id: int) -> PricelistRow:
    """The pricelist `updatePricelist` changes (errors point at the id)."""
    return existing(uow, PricelistRow, pricelist_id, kind="Pricelist")


def update_pricelist(uow: UnitOfWork, pricelist: PricelistRow, spec: PricelistSpec) -> PricelistRow:
    """Change what the input gives; the store and currency of a pricelist are fixed.

    Removing a country the pricelist does not have is a no-op, so the call is idempotent.
    """
    store = stored(uow.session, StoreRow, pricelist.store_id)
    if spec.currency_iso_code is not None:
        currency = _currency(uow, spec.currency_iso_code, ["currencyIsoCode"])
        if currency.id != pricelist.currency_id:
            raise DomainError(
                ErrorCode.NOT_ALLOWED,
                "The currency of a pricelist cannot be changed.",
                ["currencyIsoCode"],
            )
    if spec.name is not None:
        pricelist.name = rules.require_name(spec.name, "Pricelist", ["name"])
    if spec.status is not None:
        pricelist.status = _status(spec.status)
    if spec.default_shipping_option is not None:
        pricelist.default_shipping_option_id = _shipping_option(
            uow, store, spec.default_shipping_option, ["defaultShippingOption"]
        ).id
    if spec.remove_countries:
        for i, ref in enumerate(spec.remove_countries):
            country = _country(uow, ref, ["removeCountries", i])
            link = uow.session.get(PricelistCountryRow, (pricelist.id, country.id))
            if link is not None:
                uow.session.delete(link)
        uow.session.flush()
    if spec.add_countries:
        _add_countries(uow, pricelist, store, spec.add_countries, ["addCountries"])
    if spec.external_id is not None:
        idconversion.assign(uow, "Pricelist", key(pricelist), spec.external_id, ["externalId"])
    uow.session.add(pricelist)
    uow.session.flush()
    uow.emit(PendingEvent("Pricelist", "UPDATED", str(pricelist.id), store_id=store.id))
    return pricelist


def delete_pricelist(uow: UnitOfWork, pricelist_id: int) -> None:
    """Delete a pricelist that is not in use, with its prices and altered prices.

    In use: countries are assigned to it (shoppers there get it), a wholesale account buys
    from it, an order was placed in it or an open checkout selection is priced from it.
    """
    pricelist = uow.session.get(PricelistRow, pricelist_id)
    if pricelist is None:
        raise not_found("Pricelist", pricelist_id, [])
    session = uow.session
    reasons = []
    codes = [c.code for c in countries_of(session, [key(pricelist)]).get(key(pricelist), [])]
    if codes:
        reasons.append(f"countries {', '.join(codes)} are assigned to it")
    if session.exec(select(AccountRow.id).where(AccountRow.pricelist_id == pricelist.id)).first():
        reasons.append("wholesale accounts use it")
    if session.exec(select(OrderRow.id).where(OrderRow.pricelist_id == pricelist.id)).first():
        reasons.append("orders were placed in it")
    if session.exec(
        select(SelectionRow.id).where(SelectionRow.pricelist_id == pricelist.id)
    ).first():
        reasons.append("checkout selections are priced from it")
    if reasons:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Pricelist {pricelist.name} is in use and cannot be deleted: {'; '.join(reasons)}.",
            [],
        )
    session.exec(delete(PriceRow).where(PriceRow.pricelist_id == pricelist.id))
    session.exec(delete(AlteredPriceRow).where(AlteredPriceRow.pricelist_id == pricelist.id))
    session.delete(pricelist)
    session.flush()
    idconversion.forget(uow, "Pricelist", [pricelist_id])
    uow.emit(PendingEvent("Pricelist", "DELETED", str(pricelist_id), store_id=pricelist.store_id))


def countries_of(session: Session, pricelist_ids: Sequence[int]) -> dict[int, list[CountryRow]]:
    """The countries of many pricelists in one query, by name (Centra's default sort)."""
    stmt = (
        select(PricelistCountryRow.pricelist_id, CountryRow)
        .join(CountryRow, CountryRow.id == PricelistCountryRow.country_id)
        .where(PricelistCountryRow.pricelist_id.in_(list(pricelist_ids)))
        .order_by(CountryRow.name)
    )
    return grouped_pairs(session, stmt)


# --- helpers -------------------------------------------------------------------------------


def _status(value: str | None) -> str:
    return PricelistStatus(value or PricelistStatus.ACTIVE).value


def _currency(uow: UnitOfWork, code: str | None, path: Path) -> CurrencyRow:
    text = (code or "").strip().upper()
    row = uow.session.exec(select(CurrencyRow).where(CurrencyRow.code == text)).first()
    if row is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, f"Could not find currency with ISO code {code}.", path
        )
    return row


def _shipping_option(uow: UnitOfWork, store: StoreRow, ref: Any, path: Path) -> ShippingOptionRow:
    option = resolve(uow, ShippingOptionRow, ref, path, kind="ShippingOption")
    if option.store_id is not None and option.store_id != store.id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Shipping option {option.id} does not belong to store {store.name}.",
            path,
        )
    return option


def _country(uow: UnitOfWork, ref: Any, path: Path) -> CountryRow:
    return resolve(uow, CountryRow, ref, path, kind="Country", object_type="Country")


def _add_countries(
    uow: UnitOfWork, pricelist: PricelistRow, store: StoreRow, refs: list[Any], path: Path
) -> None:
    rules.countries_allowed(store.type, path)
    for i, ref in enumerate(refs):
        country = _country(uow, ref, [*path, i])
        holder = uow.session.exec(
            select(PricelistRow)
            .join(PricelistCountryRow, PricelistCountryRow.pricelist_id == PricelistRow.id)
            .where(
                PricelistCountryRow.country_id == country.id,
                PricelistRow.store_id == store.id,
            )
        ).first()
        if holder is not None and holder.id == pricelist.id:
            continue  # already there: adding again is a no-op
        if holder is not None:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Country {country.code} is already assigned to pricelist {holder.name}.",
                [*path, i],
            )
        uow.session.add(PricelistCountryRow(pricelist_id=key(pricelist), country_id=key(country)))
        uow.session.flush()
