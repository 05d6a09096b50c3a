"""Where a shopper's country puts them in a direct to consumer store: a market and a pricelist.

Checkout, order import and the bulk order seeder all ask these questions; they ask them here.
Only ACTIVE pricelists sell (an INACTIVE one keeps its prices and countries, unused), so a
country whose pricelist is inactive has none.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Integer, bindparam
from sqlmodel import Session, select

from mockcentra.domain.errors import invalid
from mockcentra.domain.pricing.status import PricelistStatus
from mockcentra.storage.records import memo_records
from mockcentra.storage.tables import (
    CountryRow,
    MarketCountryRow,
    MarketRow,
    PricelistCountryRow,
    PricelistRow,
)
from mockcentra.storage.tables.base import key


def market_query(store_id: Any, country_id: Any) -> Any:
    """The statement for the store's market of a country (the first by id); the ids are
    values or bound parameters."""
    return (
        select(MarketRow)
        .join(MarketCountryRow, MarketCountryRow.market_id == MarketRow.id)
        .where(MarketRow.store_id == store_id, MarketCountryRow.country_id == country_id)
        .order_by(MarketRow.id)
    )


def pricelist_query(store_id: Any, country_id: Any) -> Any:
    """The statement for the store's ACTIVE pricelist of a country (the first by id); the ids
    are values or bound parameters."""
    return (
        select(PricelistRow)
        .join(PricelistCountryRow, PricelistCountryRow.pricelist_id == PricelistRow.id)
        .where(
            PricelistRow.store_id == store_id,
            PricelistRow.status == PricelistStatus.ACTIVE,
            PricelistCountryRow.country_id == country_id,
        )
        .order_by(PricelistRow.id)
    )


@functools.cache
def _statements() -> tuple[Any, Any]:
    """The market and pricelist statements with the store and country as parameters, built
    once: building them cost about as much as running them."""
    store, country = bindparam("store", type_=Integer), bindparam("country", type_=Integer)
    return market_query(store, country), pricelist_query(store, country)


def market_for_country(session: Session, store_id: int, country: CountryRow) -> MarketRow:
    """The market a shopper in this country buys in; refused when the store has none."""
    found = memo_records(
        session,
        (MarketRow, MarketCountryRow),
        _statements()[0],
        {"store": store_id, "country": key(country)},
    )
    market = found[0] if found else None
    if market is None:
        raise invalid(f"Country {country.code} is not in any market of this store.", ["country"])
    return market


def pricelist_for_country(session: Session, store_id: int, country: CountryRow) -> PricelistRow:
    """The pricelist a shopper in this country is priced from; refused when no ACTIVE one has
    the country."""
    found = memo_records(
        session,
        (PricelistRow, PricelistCountryRow),
        _statements()[1],
        {"store": store_id, "country": key(country)},
    )
    pricelist = found[0] if found else None
    if pricelist is None:
        raise invalid(f"No active pricelist is assigned to country {country.code}.", ["country"])
    return pricelist
