"""Pricelists, prices per product (or variant), and wholesale price alterations."""

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row
from mockcentra.storage.types import IsoDate, Money

__all__ = [
    "PricelistRow",
    "PricelistCountryRow",
    "PriceRow",
    "PriceAlterationRow",
    "AlteredPriceRow",
]


class PricelistRow(Row):
    __tablename__ = "pricelist"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # PricelistStatus
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    currency_id: Mapped[int] = mapped_column(ForeignKey("currency.id"))
    default_shipping_option_id: Mapped[int | None] = mapped_column(ForeignKey("shipping_option.id"))


class PricelistCountryRow(Row):
    __tablename__ = "pricelist_country"
    pricelist_id: Mapped[int] = mapped_column(ForeignKey("pricelist.id"), primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("country.id"), primary_key=True, index=True)


class PriceRow(Row):
    """A product's price in a pricelist; variant_id set only for individual variant prices."""

    __tablename__ = "price"
    __table_args__ = (UniqueConstraint("pricelist_id", "product_id", "variant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pricelist_id: Mapped[int] = mapped_column(ForeignKey("pricelist.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variant.id"))
    price: Mapped[Decimal] = mapped_column(Money)
    recommended_retail_price: Mapped[Decimal | None] = mapped_column(Money)


class PriceAlterationRow(Row):
    __tablename__ = "price_alteration"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="INACTIVE")
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    start_date: Mapped[date] = mapped_column(IsoDate)
    end_date: Mapped[date | None] = mapped_column(IsoDate)


class AlteredPriceRow(Row):
    __tablename__ = "altered_price"
    __table_args__ = (
        UniqueConstraint("price_alteration_id", "pricelist_id", "product_id", "variant_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    price_alteration_id: Mapped[int] = mapped_column(ForeignKey("price_alteration.id"), index=True)
    pricelist_id: Mapped[int] = mapped_column(ForeignKey("pricelist.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variant.id"))
    price: Mapped[Decimal] = mapped_column(Money)
