"""What an order was shipped under: its shipping option and that option's price group.

mockcentra prices a shipping option once per currency (`ShippingOptionRow.price`), so an
option has one price group: the countries of the pricelist the order was priced from.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from mockcentra.domain.pricing.pricelists import countries_of
from mockcentra.domain.uris import uri_from_name
from mockcentra.storage.tables import CountryRow, OrderRow, ShippingOptionRow
from mockcentra.storage.tables.base import key


@dataclass(frozen=True)
class ShippingPriceGroup:
    """The option's prices for a set of countries; `id` is the option's (one group each)."""

    id: int
    option: ShippingOptionRow
    countries: list[CountryRow]


def shipping_option_uri(option: ShippingOptionRow) -> str:
    """An option's URI, generated from its name by the URI rule (`Express EU` -> `express-eu`);
    mockcentra derives it instead of storing one."""
    return uri_from_name(option.name)


def shipping_price_group(session: Session, order: OrderRow) -> ShippingPriceGroup | None:
    """The price group the order's shipping was priced from; None when it has no option."""
    if order.shipping_option_id is None:
        return None
    option = session.get(ShippingOptionRow, order.shipping_option_id)
    if option is None:
        return None
    countries: list[CountryRow] = []
    if order.pricelist_id is not None:
        countries = countries_of(session, [order.pricelist_id]).get(order.pricelist_id, [])
    return ShippingPriceGroup(id=key(option), option=option, countries=countries)
