"""The country a storefront selection is in, and what that country settles for it: its
market, its pricelist (so its prices and currency) and the shipping option it starts with.
"""

from __future__ import annotations

from sqlmodel import Session, select

from mockcentra.domain.errors import invalid
from mockcentra.domain.pricing import location
from mockcentra.storage.records import record_where
from mockcentra.storage.tables import (
    CountryRow,
    CurrencyRow,
    PricelistRow,
    SelectionRow,
    ShippingOptionRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


def country_by_code(session: Session, code: str) -> CountryRow | None:
    """A country by its ISO code, read once per unit of work (a checkout request needs the
    selection's country to place it, to tax its lines and to describe its location)."""
    return record_where(session, CountryRow, "code", code)


def known_country(uow: UnitOfWork, code: str) -> CountryRow:
    """A country by its code, refused when it is not one of the instance's."""
    country = country_by_code(uow.session, code.upper())
    if country is None:
        raise invalid(f"Unknown country {code}.", ["country"])
    return country


def place_in_country(uow: UnitOfWork, sel: SelectionRow, country: CountryRow) -> None:
    """Move the selection to `country`: its market, pricelist and shipping option follow."""
    market = location.market_for_country(uow.session, sel.store_id, country)
    pricelist = location.pricelist_for_country(uow.session, sel.store_id, country)
    sel.country_code = country.code
    sel.market_id = key(market)
    sel.pricelist_id = key(pricelist)
    sel.shipping_option_id = pricelist.default_shipping_option_id or _shipping_for(uow, pricelist)


def _shipping_for(uow: UnitOfWork, pricelist: PricelistRow) -> int | None:
    code = stored(uow.session, CurrencyRow, pricelist.currency_id).code
    option = uow.session.exec(
        select(ShippingOptionRow).where(ShippingOptionRow.currency_code == code)
    ).first()
    return option.id if option else None
