"""Pricelists, prices per product (or variant), and wholesale price alterations."""

from datetime import date
from decimal import Decimal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import IsoDate, Money

__all__ = [
    "PricelistRow",
    "PricelistCountryRow",
    "PriceRow",
    "PriceAlterationRow",
    "AlteredPriceRow",
]


class PricelistRow(Row, table=True):
    __tablename__ = "pricelist"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    status: str = "ACTIVE"  # PricelistStatus
    store_id: int = Field(foreign_key="store.id", index=True)
    currency_id: int = Field(foreign_key="currency.id")
    default_shipping_option_id: int | None = Field(default=None, foreign_key="shipping_option.id")


class PricelistCountryRow(Row, table=True):
    __tablename__ = "pricelist_country"
    pricelist_id: int = Field(foreign_key="pricelist.id", primary_key=True)
    country_id: int = Field(foreign_key="country.id", primary_key=True, index=True)


class PriceRow(Row, table=True):
    """A product's price in a pricelist; variant_id set only for individual variant prices."""

    __tablename__ = "price"
    __table_args__ = (UniqueConstraint("pricelist_id", "product_id", "variant_id"),)
    id: int | None = Field(default=None, primary_key=True)
    pricelist_id: int = Field(foreign_key="pricelist.id", index=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    variant_id: int | None = Field(default=None, foreign_key="product_variant.id")
    price: Decimal = Field(sa_type=Money)
    recommended_retail_price: Decimal | None = Field(default=None, sa_type=Money)


class PriceAlterationRow(Row, table=True):
    __tablename__ = "price_alteration"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    status: str = "INACTIVE"
    store_id: int = Field(foreign_key="store.id")
    start_date: date = Field(sa_type=IsoDate)
    end_date: date | None = Field(default=None, sa_type=IsoDate)


class AlteredPriceRow(Row, table=True):
    __tablename__ = "altered_price"
    __table_args__ = (
        UniqueConstraint("price_alteration_id", "pricelist_id", "product_id", "variant_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    price_alteration_id: int = Field(foreign_key="price_alteration.id", index=True)
    pricelist_id: int = Field(foreign_key="pricelist.id")
    product_id: int = Field(foreign_key="product.id")
    variant_id: int | None = Field(default=None, foreign_key="product_variant.id")
    price: Decimal = Field(sa_type=Money)
