"""Displays: how a product is presented in one store, with its variants, markets and categories."""

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_list
from mockcentra.storage.types import AwareDateTime, JsonList

__all__ = [
    "CategoryRow",
    "DisplayRow",
    "DisplayVariantRow",
    "DisplayMarketRow",
    "DisplayCategoryRow",
]


class CategoryRow(Row):
    __tablename__ = "category"
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    name: Mapped[str]
    uri: Mapped[str]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    status: Mapped[str] = mapped_column(default="ACTIVE")
    meta_title: Mapped[str | None]
    meta_description: Mapped[str | None]
    meta_keywords: Mapped[str | None]


class DisplayRow(Row):
    __tablename__ = "display"
    __table_args__ = (
        UniqueConstraint("store_id", "product_id"),
        UniqueConstraint("store_id", "uri"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")
    uri: Mapped[str]
    minimum_order_quantity: Mapped[int] = mapped_column(default=1)
    order_quantity_denominator: Mapped[int] = mapped_column(default=1)
    description: Mapped[str | None]
    short_description: Mapped[str | None]
    meta_title: Mapped[str | None]
    meta_description: Mapped[str | None]
    meta_keywords: Mapped[str | None]
    comment: Mapped[str | None]
    tags: Mapped[list[str]] = mapped_column(JsonList, default=empty_list)
    canonical_category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class DisplayVariantRow(Row):
    """A variant activated on a display: Centra's display item, whose own id is the Checkout
    API's product id in Centra (`DisplayItem.id`)."""

    __tablename__ = "display_variant"
    __table_args__ = (UniqueConstraint("display_id", "variant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("display.id"))
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variant.id"), index=True)


class DisplayMarketRow(Row):
    __tablename__ = "display_market"
    display_id: Mapped[int] = mapped_column(ForeignKey("display.id"), primary_key=True)
    market_id: Mapped[int] = mapped_column(ForeignKey("market.id"), primary_key=True)


class DisplayCategoryRow(Row):
    __tablename__ = "display_category"
    display_id: Mapped[int] = mapped_column(ForeignKey("display.id"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), primary_key=True)
