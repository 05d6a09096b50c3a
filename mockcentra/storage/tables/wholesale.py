"""Wholesale: accounts, their buyers, delivery windows, and what a wholesale order adds."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

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


class PaymentTermsRow(Row):
    __tablename__ = "payment_terms"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    days: Mapped[int] = mapped_column(default=0)  # days until an invoice is due


class ShippingTermsRow(Row):
    __tablename__ = "shipping_terms"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class SalesRepresentativeRow(Row):
    """A sales agent accounts are assigned to; paid a commission on their orders."""

    __tablename__ = "sales_representative"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    email: Mapped[str | None]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # catalog Status (ACTIVE | INACTIVE)
    commission_percent_hundredths: Mapped[int] = mapped_column(default=0)  # in 1/100 percent


class AccountRow(Row):
    """A wholesale customer company; its buyers place orders for it."""

    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # AccountStatus
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    market_id: Mapped[int] = mapped_column(ForeignKey("market.id"))
    pricelist_id: Mapped[int] = mapped_column(ForeignKey("pricelist.id"))
    allocation_rule_id: Mapped[int | None] = mapped_column(ForeignKey("allocation_rule.id"))
    discount_percent_hundredths: Mapped[int] = mapped_column(
        default=0
    )  # general discount, in 1/100 percent
    is_discount_visible: Mapped[bool] = mapped_column(default=False)
    credit_limit: Mapped[Decimal | None] = mapped_column(Money)
    apply_credit_limit: Mapped[bool] = mapped_column(default=False)
    block_if_unpaid_invoices: Mapped[bool] = mapped_column(default=False)
    has_brands_restriction: Mapped[bool] = mapped_column(default=False)
    brand_ids: Mapped[list[int]] = mapped_column(JsonList, default=empty_list)
    is_internal: Mapped[bool] = mapped_column(default=False)
    internal_comment: Mapped[str | None]
    other_comment: Mapped[str | None]
    website_url: Mapped[str | None]
    carrier_name: Mapped[str | None]
    carrier_service: Mapped[str | None]
    carrier_account_identifier: Mapped[str | None]  # the account's customer number at the carrier
    carrier_tax_id: Mapped[str | None]
    sales_representative_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_representative.id")
    )
    payment_terms_id: Mapped[int | None] = mapped_column(ForeignKey("payment_terms.id"))
    shipping_terms_id: Mapped[int | None] = mapped_column(ForeignKey("shipping_terms.id"))
    account_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    billing_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class AccountDeliveryWindowDiscountRow(Row):
    """An account's discount for orders in one delivery window (replaces the general one)."""

    __tablename__ = "account_delivery_window_discount"
    __table_args__ = (UniqueConstraint("account_id", "delivery_window_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    delivery_window_id: Mapped[int] = mapped_column(ForeignKey("delivery_window.id"))
    discount_percent_hundredths: Mapped[int] = mapped_column(default=0)


class BuyerRow(Row):
    """A person who logs in to the showroom and orders for their account."""

    __tablename__ = "buyer"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    status: Mapped[str] = mapped_column(default="ACTIVE")  # BuyerStatus
    email: Mapped[str] = mapped_column(index=True)
    first_name: Mapped[str | None]
    last_name: Mapped[str | None]
    website_url: Mapped[str | None]
    receive_auto_emails: Mapped[bool] = mapped_column(default=False)
    receive_newsletters: Mapped[bool] = mapped_column(default=False)
    billing_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class DeliveryWindowRow(Row):
    """When and how goods are sold in wholesale: at once (from stock) or as a preorder."""

    __tablename__ = "delivery_window"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    status: Mapped[str] = mapped_column(default="ACTIVE")  # DeliveryWindowStatus
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    kind: Mapped[str] = mapped_column(default="AT_ONCE")  # DeliveryWindowKind
    delivery_dates_visible: Mapped[bool] = mapped_column(default=False)
    selectable_by_buyers: Mapped[bool] = mapped_column(default=False)
    selected_by_default: Mapped[bool] = mapped_column(default=False)
    default_variant_delivery_type: Mapped[str] = mapped_column(
        default="STOCK"
    )  # VariantDeliveryType
    allocation_rule_id: Mapped[int | None] = mapped_column(ForeignKey("allocation_rule.id"))
    price_alteration_id: Mapped[int | None] = mapped_column(ForeignKey("price_alteration.id"))
    days_from_now: Mapped[int | None]
    selectable_date: Mapped[bool] = mapped_column(default=False)
    allocation_order: Mapped[str | None]  # PreorderAllocationOrder
    delivery_start: Mapped[date | None] = mapped_column(IsoDate)
    delivery_end: Mapped[date | None] = mapped_column(IsoDate)
    sales_start: Mapped[date | None] = mapped_column(IsoDate)
    sales_end: Mapped[date | None] = mapped_column(IsoDate)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class DeliveryWindowMarketRow(Row):
    __tablename__ = "delivery_window_market"
    delivery_window_id: Mapped[int] = mapped_column(
        ForeignKey("delivery_window.id"), primary_key=True
    )
    market_id: Mapped[int] = mapped_column(ForeignKey("market.id"), primary_key=True)


class DeliveryWindowVariantRow(Row):
    """A variant sold in a delivery window, its delivery type and an optional quantity limit."""

    __tablename__ = "delivery_window_variant"
    __table_args__ = (UniqueConstraint("delivery_window_id", "variant_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_window_id: Mapped[int] = mapped_column(ForeignKey("delivery_window.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variant.id"), index=True)
    type: Mapped[str] = mapped_column(default="STOCK")  # VariantDeliveryType
    limit_value: Mapped[int | None]
    limit_type: Mapped[str | None]  # DeliveryWindowLimitType
    limit_on: Mapped[str | None]  # DeliveryWindowLimitOn


class WholesaleOrderRow(Row):
    """What a wholesale order has beyond an order: its account, buyer and purchase order number."""

    __tablename__ = "wholesale_order"
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("buyer.id"))
    purchase_order_number: Mapped[str | None]
