"""Customers, orders, lines, shipments, payment history, returns and checkout selections."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, text
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row, empty_dict, empty_list
from mockcentra.storage.types import AwareDateTime, JsonDict, JsonList, Money

__all__ = [
    "CustomerRow",
    "OrderRow",
    "OrderLineRow",
    "ShipmentRow",
    "ShipmentLineRow",
    "PaymentEntryRow",
    "ReturnRow",
    "ReturnLineRow",
    "SelectionRow",
    "SelectionLineRow",
    "NewsletterSubscriptionRow",
]


class CustomerRow(Row):
    """A shopper; one email may have a registered and an unregistered customer, as in Centra."""

    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(index=True)
    first_name: Mapped[str | None]
    last_name: Mapped[str | None]
    registered: Mapped[bool] = mapped_column(default=False)
    newsletter: Mapped[bool] = mapped_column(default=False)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("store.id"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class OrderRow(Row):
    """Indexed for the lists integrations poll: by number, customer, status and date, changes.

    The flags have partial indexes only (the queries compare them to literal 0/1): a plain
    index on `is_on_hold` would win over every range index below, as each orders(...) query
    has `is_on_hold = 0`, while only the few flagged orders are worth an index.
    """

    __tablename__ = "orders"
    __table_args__ = (
        # orders(where: {status}, sort: [createdAt_DESC]) without sorting every order of a
        # status; with a date range in id order, the page's ids are picked from the index alone
        Index("ix_orders_status_created_at_id", "status", "created_at", "id", "is_on_hold"),
        # orders(where: {status}) in id order (the default): each status's page in index order.
        # On `status || ''`, not `status`, so only the queries written for it use it: SQLite
        # would take it over the index above for several statuses sorted by time
        Index("ix_orders_status_id", text("(status || '')"), "id", "is_on_hold"),
        # date ranges and REST's oldest-first order; `is_on_hold` rides along so an id-sorted
        # GraphQL page is picked from the index alone before its rows are read
        Index("ix_orders_created_at_id", "created_at", "id", "is_on_hold"),
        # orders(where: {updatedAt}) / sort updatedAt: "what changed since"
        Index("ix_orders_updated_at_id", "updated_at", "id", "is_on_hold"),
        # one store's or store type's orders in id order or by time, whether it has few
        # orders or most; the orders(...) query decides when these lead (see _store_lead)
        Index("ix_orders_store_id_id", "store_id", "id", "is_on_hold"),
        Index("ix_orders_store_id_created_at_id", "store_id", "created_at", "id", "is_on_hold"),
        Index("ix_orders_store_type_id", "store_type", "id", "is_on_hold"),
        Index("ix_orders_store_type_created_at_id", "store_type", "created_at", "id", "is_on_hold"),
        # the few held, locked or internal orders without scanning all the others
        Index("ix_orders_held", "id", sqlite_where=text("is_on_hold = 1")),
        Index("ix_orders_locked", "id", sqlite_where=text("is_locked = 1")),
        Index("ix_orders_internal", "id", sqlite_where=text("is_internal = 1")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    hash: Mapped[str] = mapped_column(unique=True, index=True)  # Centra's 32-hex order id
    number: Mapped[int] = mapped_column(unique=True, index=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    store_type: Mapped[str] = mapped_column(default="DIRECT_TO_CONSUMER")
    market_id: Mapped[int | None] = mapped_column(ForeignKey("market.id"))
    pricelist_id: Mapped[int | None] = mapped_column(ForeignKey("pricelist.id"))
    allocation_rule_id: Mapped[int | None] = mapped_column(ForeignKey("allocation_rule.id"))
    currency_code: Mapped[str]
    status: Mapped[str] = mapped_column(
        default="PENDING"
    )  # OrderStatus (indexed with created_at below)
    is_on_hold: Mapped[bool] = mapped_column(default=False)
    is_locked: Mapped[bool] = mapped_column(default=False)
    locked_by: Mapped[str | None]  # integration name holding the lock
    is_internal: Mapped[bool] = mapped_column(default=False)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    customer_info: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    billing_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    country_code: Mapped[str] = mapped_column(default="")
    payment_method: Mapped[str] = mapped_column(default="dummy")
    payment_outcome: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    shipping_option_id: Mapped[int | None] = mapped_column(ForeignKey("shipping_option.id"))
    shipping_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    handling_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_percent_hundredths: Mapped[int] = mapped_column(default=0)
    vouchers: Mapped[list[Any]] = mapped_column(JsonList, default=empty_list)
    external_promotions: Mapped[list[Any]] = mapped_column(JsonList, default=empty_list)
    internal_comment: Mapped[str | None]
    other_comment: Mapped[str | None]
    cancellation_comment: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class OrderLineRow(Row):
    """`quantity` is what remains ordered (cancelled units leave it); allocations per warehouse."""

    __tablename__ = "order_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    display_id: Mapped[int | None] = mapped_column(ForeignKey("display.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variant.id"))
    product_size_id: Mapped[int] = mapped_column(ForeignKey("product_size.id"), index=True)
    product_name: Mapped[str]
    variant_name: Mapped[str]
    size_name: Mapped[str]
    sku: Mapped[str]
    ean: Mapped[str | None]
    quantity: Mapped[int]
    cancelled_quantity: Mapped[int] = mapped_column(default=0)
    shipped_quantity: Mapped[int] = mapped_column(default=0)
    returned_quantity: Mapped[int] = mapped_column(default=0)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    unit_original_price: Mapped[Decimal] = mapped_column(Money)
    tax_percent_hundredths: Mapped[int] = mapped_column(default=0)
    comment: Mapped[str | None]
    delivery_window_id: Mapped[int | None]
    allocations: Mapped[dict[str, int]] = mapped_column(JsonDict, default=empty_dict)


class ShipmentRow(Row):
    __tablename__ = "shipment"
    __table_args__ = (
        # an order's shipments in sequence order (Order.shipments, REST orders)
        Index("ix_shipment_order_id_sequence", "order_id", "sequence"),
        # REST GET shipments lists oldest first
        Index("ix_shipment_created_at", "created_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    sequence: Mapped[int]
    number: Mapped[str] = mapped_column(index=True)
    is_good_to_go: Mapped[bool] = mapped_column(default=False)
    is_paid: Mapped[bool] = mapped_column(default=False)
    paid_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    is_captured: Mapped[bool] = mapped_column(default=False)
    captured_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    additional_message: Mapped[str | None]
    carrier: Mapped[str | None]
    service: Mapped[str | None]
    packages: Mapped[int] = mapped_column(default=0)
    tracking_number: Mapped[str | None]
    return_tracking_number: Mapped[str | None]
    internal_shipping_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    shipping_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    handling_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    send_email: Mapped[bool] = mapped_column(default=False)
    shipment_plugin_id: Mapped[int | None] = mapped_column(ForeignKey("store_plugin.id"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class ShipmentLineRow(Row):
    __tablename__ = "shipment_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipment.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id"), index=True)
    quantity: Mapped[int]
    returned_quantity: Mapped[int] = mapped_column(default=0)
    allocations: Mapped[dict[str, int]] = mapped_column(JsonDict, default=empty_dict)


class PaymentEntryRow(Row):
    """One payment-history entry: every authorization, capture attempt and refund."""

    __tablename__ = "payment_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipment.id"))
    return_id: Mapped[int | None] = mapped_column(ForeignKey("return_.id"))
    entry_type: Mapped[str]  # PaymentEntryType
    status: Mapped[str]  # PaymentEntryStatus
    value: Mapped[Decimal] = mapped_column(Money)
    external_reference: Mapped[str | None]
    payment_method: Mapped[str] = mapped_column(default="dummy")
    params: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)


class ReturnRow(Row):
    __tablename__ = "return_"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipment.id"), index=True)
    status: Mapped[str] = mapped_column(default="PENDING")  # ReturnStatus
    stock_policy: Mapped[str] = mapped_column(
        default="RELEASE_BACK_TO_WAREHOUSE"
    )  # ReturnStockPolicy
    target_warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouse.id"))
    shipping_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    handling_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    voucher_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    return_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    refunded_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    comment: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class ReturnLineRow(Row):
    __tablename__ = "return_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("return_.id"), index=True)
    shipment_line_id: Mapped[int] = mapped_column(ForeignKey("shipment_line.id"))
    quantity: Mapped[int]
    restocked: Mapped[dict[str, int]] = mapped_column(JsonDict, default=empty_dict)


class SelectionRow(Row):
    """A storefront session's cart (Checkout API selection), keyed by its API token."""

    __tablename__ = "selection"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(unique=True, index=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    market_id: Mapped[int] = mapped_column(ForeignKey("market.id"))
    pricelist_id: Mapped[int] = mapped_column(ForeignKey("pricelist.id"))
    country_code: Mapped[str]
    language: Mapped[str] = mapped_column(default="en")
    payment_method: Mapped[str | None]
    shipping_option_id: Mapped[int | None] = mapped_column(ForeignKey("shipping_option.id"))
    address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=empty_dict)
    vouchers: Mapped[list[Any]] = mapped_column(JsonList, default=empty_list)
    #: A redirect payment waiting for the shopper to come back: {"outcome": {...} (the test
    #: outcome asked for), "promotions": [...] (the external promotion ids)}; None otherwise.
    pending_payment: Mapped[dict[str, Any] | None] = mapped_column(JsonDict)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)


class SelectionLineRow(Row):
    __tablename__ = "selection_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("selection.id"), index=True)
    line: Mapped[str] = mapped_column(index=True)  # 32-hex line id
    display_id: Mapped[int] = mapped_column(ForeignKey("display.id"))
    product_size_id: Mapped[int] = mapped_column(ForeignKey("product_size.id"))
    quantity: Mapped[int]
    comment: Mapped[str | None]


class NewsletterSubscriptionRow(Row):
    __tablename__ = "newsletter_subscription"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(index=True)
    country_code: Mapped[str | None]
    store_id: Mapped[int | None] = mapped_column(ForeignKey("store.id"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
