"""Customers, orders, lines, shipments, payment history, returns and checkout selections."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Index, text
from sqlmodel import Field

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


class CustomerRow(Row, table=True):
    """A shopper; one email may have a registered and an unregistered customer, as in Centra."""

    __tablename__ = "customer"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True)
    first_name: str | None = None
    last_name: str | None = None
    registered: bool = False
    newsletter: bool = False
    store_id: int | None = Field(default=None, foreign_key="store.id")
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class OrderRow(Row, table=True):
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
    id: int | None = Field(default=None, primary_key=True)
    hash: str = Field(unique=True, index=True)  # Centra's 32-hex order id
    number: int = Field(unique=True, index=True)
    store_id: int = Field(foreign_key="store.id")
    store_type: str = "DIRECT_TO_CONSUMER"
    market_id: int | None = Field(default=None, foreign_key="market.id")
    pricelist_id: int | None = Field(default=None, foreign_key="pricelist.id")
    allocation_rule_id: int | None = Field(default=None, foreign_key="allocation_rule.id")
    currency_code: str
    status: str = Field(default="PENDING")  # OrderStatus (indexed with created_at below)
    is_on_hold: bool = False
    is_locked: bool = False
    locked_by: str | None = None  # integration name holding the lock
    is_internal: bool = False
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    customer_info: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    shipping_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    billing_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    country_code: str = ""
    payment_method: str = "dummy"
    payment_outcome: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    shipping_option_id: int | None = Field(default=None, foreign_key="shipping_option.id")
    shipping_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    handling_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    tax_percent_hundredths: int = 0
    vouchers: list[Any] = Field(default_factory=empty_list, sa_type=JsonList)
    external_promotions: list[Any] = Field(default_factory=empty_list, sa_type=JsonList)
    internal_comment: str | None = None
    other_comment: str | None = None
    cancellation_comment: str | None = None
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class OrderLineRow(Row, table=True):
    """`quantity` is what remains ordered (cancelled units leave it); allocations per warehouse."""

    __tablename__ = "order_line"
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    display_id: int | None = Field(default=None, foreign_key="display.id")
    product_id: int = Field(foreign_key="product.id")
    variant_id: int = Field(foreign_key="product_variant.id")
    product_size_id: int = Field(foreign_key="product_size.id", index=True)
    product_name: str
    variant_name: str
    size_name: str
    sku: str
    ean: str | None = None
    quantity: int
    cancelled_quantity: int = 0
    shipped_quantity: int = 0
    returned_quantity: int = 0
    unit_price: Decimal = Field(sa_type=Money)
    unit_original_price: Decimal = Field(sa_type=Money)
    tax_percent_hundredths: int = 0
    comment: str | None = None
    delivery_window_id: int | None = None
    allocations: dict[str, int] = Field(default_factory=empty_dict, sa_type=JsonDict)


class ShipmentRow(Row, table=True):
    __tablename__ = "shipment"
    __table_args__ = (
        # an order's shipments in sequence order (Order.shipments, REST orders)
        Index("ix_shipment_order_id_sequence", "order_id", "sequence"),
        # REST GET shipments lists oldest first
        Index("ix_shipment_created_at", "created_at", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id")
    sequence: int
    number: str = Field(index=True)
    is_good_to_go: bool = False
    is_paid: bool = False
    paid_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    is_captured: bool = False
    captured_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    shipped_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    additional_message: str | None = None
    carrier: str | None = None
    service: str | None = None
    packages: int = 0
    tracking_number: str | None = None
    return_tracking_number: str | None = None
    internal_shipping_cost: Decimal = Field(default=Decimal(0), sa_type=Money)
    shipping_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    handling_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    send_email: bool = False
    shipment_plugin_id: int | None = Field(default=None, foreign_key="store_plugin.id")
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class ShipmentLineRow(Row, table=True):
    __tablename__ = "shipment_line"
    id: int | None = Field(default=None, primary_key=True)
    shipment_id: int = Field(foreign_key="shipment.id", index=True)
    order_line_id: int = Field(foreign_key="order_line.id", index=True)
    quantity: int
    returned_quantity: int = 0
    allocations: dict[str, int] = Field(default_factory=empty_dict, sa_type=JsonDict)


class PaymentEntryRow(Row, table=True):
    """One payment-history entry: every authorization, capture attempt and refund."""

    __tablename__ = "payment_entry"
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    shipment_id: int | None = Field(default=None, foreign_key="shipment.id")
    return_id: int | None = Field(default=None, foreign_key="return_.id")
    entry_type: str  # PaymentEntryType
    status: str  # PaymentEntryStatus
    value: Decimal = Field(sa_type=Money)
    external_reference: str | None = None
    payment_method: str = "dummy"
    params: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    created_at: datetime = Field(sa_type=AwareDateTime)


class ReturnRow(Row, table=True):
    __tablename__ = "return_"
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    shipment_id: int = Field(foreign_key="shipment.id", index=True)
    status: str = "PENDING"  # ReturnStatus
    stock_policy: str = "RELEASE_BACK_TO_WAREHOUSE"  # ReturnStockPolicy
    target_warehouse_id: int | None = Field(default=None, foreign_key="warehouse.id")
    shipping_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    handling_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    voucher_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    return_cost: Decimal = Field(default=Decimal(0), sa_type=Money)
    refunded_value: Decimal = Field(default=Decimal(0), sa_type=Money)
    comment: str | None = None
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class ReturnLineRow(Row, table=True):
    __tablename__ = "return_line"
    id: int | None = Field(default=None, primary_key=True)
    return_id: int = Field(foreign_key="return_.id", index=True)
    shipment_line_id: int = Field(foreign_key="shipment_line.id")
    quantity: int
    restocked: dict[str, int] = Field(default_factory=empty_dict, sa_type=JsonDict)


class SelectionRow(Row, table=True):
    """A storefront session's cart (Checkout API selection), keyed by its API token."""

    __tablename__ = "selection"
    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(unique=True, index=True)
    store_id: int = Field(foreign_key="store.id")
    market_id: int = Field(foreign_key="market.id")
    pricelist_id: int = Field(foreign_key="pricelist.id")
    country_code: str
    language: str = "en"
    payment_method: str | None = None
    shipping_option_id: int | None = Field(default=None, foreign_key="shipping_option.id")
    address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    shipping_address: dict[str, Any] = Field(default_factory=empty_dict, sa_type=JsonDict)
    vouchers: list[Any] = Field(default_factory=empty_list, sa_type=JsonList)
    #: A redirect payment waiting for the shopper to come back: {"outcome": {...} (the test
    #: outcome asked for), "promotions": [...] (the external promotion ids)}; None otherwise.
    pending_payment: dict[str, Any] | None = Field(default=None, sa_type=JsonDict)
    order_id: int | None = Field(default=None, foreign_key="orders.id")
    created_at: datetime = Field(sa_type=AwareDateTime)
    updated_at: datetime = Field(sa_type=AwareDateTime)


class SelectionLineRow(Row, table=True):
    __tablename__ = "selection_line"
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(foreign_key="selection.id", index=True)
    line: str = Field(index=True)  # 32-hex line id
    display_id: int = Field(foreign_key="display.id")
    product_size_id: int = Field(foreign_key="product_size.id")
    quantity: int
    comment: str | None = None


class NewsletterSubscriptionRow(Row, table=True):
    __tablename__ = "newsletter_subscription"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True)
    country_code: str | None = None
    store_id: int | None = Field(default=None, foreign_key="store.id")
    created_at: datetime = Field(sa_type=AwareDateTime)
