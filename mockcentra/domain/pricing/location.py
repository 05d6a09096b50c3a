"""Where a shopper's country puts them in a direct to consumer store: a market and a pricelist.

Checkout, order import and the bulk order seeder all ask these questions; they ask them here.
Only ACTIVE pricelists sell (an INACTIVE one keeps its prices and countries, unused), so a
country whose pricelist is inactive has none.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

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


def market_query(store_id: int, country_id: int) -> Any:
    """The statement for the store's market of a country (the first by id)."""
    return (
        select(MarketRow)
        .join(MarketCountryRow, col(MarketCountryRow.market_id) == MarketRow.id)
        .where(MarketRow.store_id == store_id, MarketCountryRow.country_id == country_id)
        .order_by(col(MarketRow.id))
    )


def pricelist_query(store_id: int, country_id: int) -> Any:
    """The statement for the store's ACTIVE pricelist of a country (the first by id)."""
    return (
        select(PricelistRow)
        .join(PricelistCountryRow, col(PricelistCountryRow.pricelist_id) == PricelistRow.id)
        .where(
            PricelistRow.store_id == store_id,
            PricelistRow.status == PricelistStatus.ACTIVE,
            PricelistCountryRow.country_id == country_id,
        )
        .order_by(col(PricelistRow.id))
    )


def market_for_country(session: Session, store_id: int, country: CountryRow) -> MarketRow:
    """The market a shopper in this country buys in; refused when the store has none."""
    country_id = key(country)
    found = memo_records(
        session,
        (MarketRow, MarketCountryRow),
        ("for country", store_id, country_id),
        lambda: market_query(store_id, country_id),
    )
    market = found[0] if found else None
    if market is None:
        raise invalid(f"Country {country.code} is not in any market of this store.", ["country"])
    return market


def pricelist_for_country(session: Session, store_id: int, country: CountryRow) -> PricelistRow:
    """The pricelist a shopper in this country is priced from; refused when no ACTIVE one has
    the country."""
    country_id = key(country)
    found = memo_records(
        session,
        (PricelistRow, PricelistCountryRow),
        ("for country", store_id, country_id),
        lambda: pricelist_query(store_id, country_id),
    )
    pricelist = found[0] if found else None
    if pricelist is None:
        raise invalid(f"No active pricelist is assigned to country {country.code}.", ["country"])
    return pricelist
