"""Wholesale: accounts, their buyers, delivery windows, and what a wholesale order adds."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from mockcentra.storage.tables.base import Row, empty_dict, empty_list
from mockcentra.storage.types import AwareDateTime, IsoDate, JsonDict, JsonList, Money

__all__ = [
    "PaymentTermsRow",
    "ShippingTermsRow",
    "SalesRepresentativeRow",
    "AccountRow",
    "AccountDeliveryWindowDiscountRow",
    "BuyerRow",
    "DeliveryWindowRow",
    "DeliveryWindowMarketRow",
    "DeliveryWindowVariantRow",
    "WholesaleOrderRow",
]


class PaymentTermsRow(Row, table=True):
    __tablename__ = "payment_terms"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    days: int = 0  # days until an invoice is due


class ShippingTermsRow(Row, table=True):
    __tablename__ = "shipping_terms"
    id: int | None = Field(default=None, primary_key=True)
    name: str


class SalesRepresentativeRow(Row, table=True):
    """A sales agent accounts are assigned to; paid a commission on their orders."""

    __tablename__ = "sales_representative"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    email: str | None = None
    status: str = "ACTIVE"  # catalog Status (ACTIVE | INACTIVE)
    commission_percent_hundredths: int = 0  # in 1/100 percent


class AccountRow(Row, table=True):
    """A wholesale customer company; its buyers place orders for it."""

    __tablename__ = "account"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    status: str = "ACTIVE"  # AccountStatus
    store_id: int = Field(foreign_key="store.id", index=True)
    market_id: int = Field(foreign_key="market.id")
    pricelist_id: int = Field(foreign_key="pricelist.id")
    allocation_rule_id: int | None = Field(default=None, foreign_key="allocation_rule.id")
    discount_percent_hundredths: int = 0  # general discount, in 1/100 percent
    is_discount_visible: bool = False
    credit_limit: Decimal | None = Field(default=None, sa_type=Money)
    apply_credit_limit: bool = False
    block_if_unpaid_invoices: bool = False
    has_brands_restriction: bool = False
    brand_ids: list[int] = Field(default_factory=empty_list, sa_type=JsonList)
    is_internal: bool = False
    internal_comment: str | None = None
    other_comment: str | None = None
    website_url: str | None = None
    carrier_name: str | None = None
    carrier_service: str | None = None
    carrier_account_identifier: str | None = None  # the account's customer number at the carrier
    carrier_tax_id: str | None = None
    sales_representative_id: int | None = Field(default=None, foreign_key="sales_representative.id")
    payment_terms_id: int | None = Field(default=None, foreign_key="payment_terms.id")
    shipping_terms_id: int | None = Field(default=None, foreign_key="shipping_terms.id")
    account_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    shipping_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    billing_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class AccountDeliveryWindowDiscountRow(Row, table=True):
    """An account's discount for orders in one delivery window (replaces the general one)."""

    __tablename__ = "account_delivery_window_discount"
    __table_args__ = (UniqueConstraint("account_id", "delivery_window_id"),)
    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    delivery_window_id: int = Field(foreign_key="delivery_window.id")
    discount_percent_hundredths: int = 0


class BuyerRow(Row, table=True):
    """A person who logs in to the showroom and orders for their account."""

    __tablename__ = "buyer"
    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    store_id: int = Field(foreign_key="store.id")
    status: str = "ACTIVE"  # BuyerStatus
    email: str = Field(index=True)
    first_name: str | None = None
    last_name: str | None = None
    website_url: str | None = None
    receive_auto_emails: bool = False
    receive_newsletters: bool = False
    billing_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class DeliveryWindowRow(Row, table=True):
    """When and how goods are sold in wholesale: at once (from stock) or as a preorder."""

    __tablename__ = "delivery_window"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    status: str = "ACTIVE"  # DeliveryWindowStatus
    store_id: int = Field(foreign_key="store.id", index=True)
    kind: str = "AT_ONCE"  # DeliveryWindowKind
    delivery_dates_visible: bool = False
    selectable_by_buyers: bool = False
    selected_by_default: bool = False
    default_variant_delivery_type: str = "STOCK"  # VariantDeliveryType
    allocation_rule_id: int | None = Field(default=None, foreign_key="allocation_rule.id")
    price_alteration_id: int | None = Field(default=None, foreign_key="price_alteration.id")
    days_from_now: int | None = None
    selectable_date: bool = False
    allocation_order: str | None = None  # PreorderAllocationOrder
    delivery_start: date | None = Field(default=None, sa_type=IsoDate)
    delivery_end: date | None = Field(default=None, sa_type=IsoDate)
    sales_start: date | None = Field(default=None, sa_type=IsoDate)
    sales_end: date | None = Field(default=None, sa_type=IsoDate)
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class DeliveryWindowMarketRow(Row, table=True):
    __tablename__ = "delivery_window_market"
    delivery_window_id: int = Field(foreign_key="delivery_window.id", primary_key=True)
    market_id: int = Field(foreign_key="market.id", primary_key=True)


class DeliveryWindowVariantRow(Row, table=True):
    """A variant sold in a delivery window, its delivery type and an optional quantity limit."""

    __tablename__ = "delivery_window_variant"
    __table_args__ = (UniqueConstraint("delivery_window_id", "variant_id"),)
    id: int | None = Field(default=None, primary_key=True)
    delivery_window_id: int = Field(foreign_key="delivery_window.id", index=True)
    product_id: int = Field(foreign_key="product.id")
    variant_id: int = Field(foreign_key="product_variant.id", index=True)
    type: str = "STOCK"  # VariantDeliveryType
    limit_value: int | None = None
    limit_type: str | None = None  # DeliveryWindowLimitType
    limit_on: str | None = None  # DeliveryWindowLimitOn


class WholesaleOrderRow(Row, table=True):
    """What a wholesale order has beyond an order: its account, buyer and purchase order number."""

    __tablename__ = "wholesale_order"
    order_id: int = Field(foreign_key="orders.id", primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    buyer_id: int | None = Field(default=None, foreign_key="buyer.id")
    purchase_order_number: str | None = None
