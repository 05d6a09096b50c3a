"""What bulk orders are drawn from: the store's orderable sizes, the countries shoppers order
from (with what checkout derives from each), and pools of shoppers' names and addresses."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, select
from sqlmodel import Session

from mockcentra.domain.catalog import skus
from mockcentra.domain.money import ZERO
from mockcentra.domain.pricing import location
from mockcentra.storage.tables import (
    CountryRow,
    CurrencyRow,
    DisplayRow,
    DisplayVariantRow,
    ProductRow,
    ProductSizeRow,
    ShippingOptionRow,
    SizeRow,
    VariantRow,
)

#: Countries shoppers order from, by weight.
COUNTRY_WEIGHTS = {"SE": 30, "DE": 14, "FI": 8, "NL": 8, "DK": 8, "US": 12, "GB": 12, "FR": 8}


class Item(NamedTuple):
    """One orderable size of an active display, with what an order line copies from it (in
    the order of the order line's columns)."""

    display_id: int
    product_id: int
    variant_id: int
    product_size_id: int
    product_name: str
    variant_name: str
    size_name: str
    sku: str
    ean: str | None


@dataclass(frozen=True)
class Place:
    """Where an order is placed: what checkout derives from the shopper's country."""

    country: str
    market_id: int
    pricelist_id: int
    currency: str
    tax: int
    shipping_option_id: int | None
    shipping: Decimal


def items_query() -> Any:
    """Orderable sizes of a store's active displays, with the full SKU `skus.sku_sql` builds."""
    return (
        select(
            DisplayRow.id,
            ProductRow.id,
            VariantRow.id,
            ProductSizeRow.id,
            ProductRow.name,
            VariantRow.name,
            SizeRow.name,
            skus.sku_sql(),
            ProductSizeRow.ean,
        )
        .join(DisplayVariantRow, DisplayVariantRow.display_id == DisplayRow.id)
        .join(VariantRow, VariantRow.id == DisplayVariantRow.variant_id)
        .join(ProductRow, ProductRow.id == VariantRow.product_id)
        .join(ProductSizeRow, ProductSizeRow.variant_id == VariantRow.id)
        .join(SizeRow, SizeRow.id == ProductSizeRow.size_id)
        .where(
            DisplayRow.store_id == bindparam("store"),
            DisplayRow.status == "ACTIVE",
            VariantRow.status == "ACTIVE",
        )
        .order_by(DisplayRow.id, ProductSizeRow.id)
    )


def orderable_items(conn: Connection, store_id: int) -> list[Item]:
    """Every orderable size of the store's active displays, in display and size order."""
    return [Item(*row) for row in conn.execute(items_query(), {"store": store_id})]


def order_places(session: Session, conn: Connection, store_id: int) -> list[Place]:
    """The countries of `COUNTRY_WEIGHTS` the store sells to, with their market, price list,
    currency, tax and shipping."""
    places = []
    for code in COUNTRY_WEIGHTS:
        country = conn.execute(select(CountryRow).where(CountryRow.code == code)).first()
        if country is None:
            continue
        market = conn.execute(location.market_query(store_id, country.id)).first()
        market_id = market.id if market is not None else None
        pricelist = conn.execute(location.pricelist_query(store_id, country.id)).first()
        if market_id is None or pricelist is None:
            continue
        currency = conn.execute(
            select(CurrencyRow.code).where(CurrencyRow.id == pricelist.currency_id)
        ).scalar_one()
        option_id = (
            pricelist.default_shipping_option_id
            or conn.execute(
                select(ShippingOptionRow.id).where(ShippingOptionRow.currency_code == currency)
            ).scalar()
        )
        option = session.get(ShippingOptionRow, option_id) if option_id else None
        places.append(
            Place(
                code,
                market_id,
                pricelist.id,
                currency,
                country.tax_percent_hundredths,
                option_id,
                option.price if option else ZERO,
            )
        )
    return places


class People:
    """Shoppers from faker pools, combined by a seeded RNG (faker per row would dominate)."""

    def __init__(self, fake: Any, rng: random.Random, pool: int = 600) -> None:
        self.rng = rng
        self.first = [fake.first_name() for _ in range(pool)]
        self.last = [fake.last_name() for _ in range(pool)]
        self.streets = [fake.street_address() for _ in range(pool)]
        self.cities = [fake.city() for _ in range(pool // 2)]
        self.zips = [fake.postcode() for _ in range(pool)]
        self.phones = [fake.phone_number() for _ in range(pool)]

    def person(self, n: int, country: str) -> dict[str, Any]:
        pick = self.rng.choice
        first, last = pick(self.first), pick(self.last)
        return {
            "firstName": first,
            "lastName": last,
            "companyName": None,
            "attention": None,
            "address1": pick(self.streets),
            "address2": None,
            "city": pick(self.cities),
            "zipCode": pick(self.zips),
            "stateOrProvince": None,
            "email": f"{first}.{last}.{n}@example.com".lower().replace(" ", ""),
            "phoneNumber": pick(self.phones),
            "cellPhoneNumber": None,
            "faxNumber": None,
            "vatNumber": None,
            "country": country,
        }
