"""Displays: how a product is presented in one store, with its variants, markets and categories."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row, empty_list
from mockcentra.storage.types import AwareDateTime, JsonList

__all__ = [
    "CategoryRow",
    "DisplayRow",
    "DisplayVariantRow",
    "DisplayMarketRow",
    "DisplayCategoryRow",
]


class CategoryRow(Row, table=True):
    __tablename__ = "category"
    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id")
    name: str
    uri: str
    parent_id: int | None = Field(default=None, foreign_key="category.id")
    status: str = "ACTIVE"
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None


class DisplayRow(Row, table=True):
    __tablename__ = "display"
    __table_args__ = (
        UniqueConstraint("store_id", "product_id"),
        UniqueConstraint("store_id", "uri"),
    )
    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    product_id: int = Field(foreign_key="product.id", index=True)
    name: str
    status: str = "ACTIVE"
    uri: str
    minimum_order_quantity: int = 1
    order_quantity_denominator: int = 1
    description: str | None = None
    short_description: str | None = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None
    comment: str | None = None
    tags: list[str] = Field(default_factory=empty_list, sa_type=JsonList)
    canonical_category_id: int | None = Field(default=None, foreign_key="category.id")
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class DisplayVariantRow(Row, table=True):
    """A variant activated on a display: Centra's display item, whose own id is the Checkout
    API's product id in Centra (`DisplayItem.id`)."""

    __tablename__ = "display_variant"
    __table_args__ = (UniqueConstraint("display_id", "variant_id"),)
    id: int | None = Field(default=None, primary_key=True)
    display_id: int = Field(foreign_key="display.id")
    variant_id: int = Field(foreign_key="product_variant.id", index=True)


class DisplayMarketRow(Row, table=True):
    __tablename__ = "display_market"
    display_id: int = Field(foreign_key="display.id", primary_key=True)
    market_id: int = Field(foreign_key="market.id", primary_key=True)


class DisplayCategoryRow(Row, table=True):
    __tablename__ = "display_category"
    display_id: int = Field(foreign_key="display.id", primary_key=True)
    category_id: int = Field(foreign_key="category.id", primary_key=True)
