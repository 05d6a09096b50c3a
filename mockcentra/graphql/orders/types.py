"""Orders, lines, addresses, customers and payment history.

Types resolve from storage rows: a resolver is static and takes the row it reads as
`root: Parent[Row]`, so what it reads is typed (`graphql/direct.py` calls it directly). `Order` is an interface, as in Centra,
with `DirectToConsumerOrder` and `WholesaleOrder`. Shipments and returns are in
graphql/shipments and graphql/returns.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.addresses import ADDRESS_KEYS
from mockcentra.domain.money import ZERO
from mockcentra.domain.orders import status as st
from mockcentra.domain.orders.history import email_history, order_history
from mockcentra.domain.orders.line_stock import allocations_of, delivery_line
from mockcentra.domain.orders.shipping import shipping_price_group
from mockcentra.domain.orders.totals import (
    discount_percent,
    line_value,
    lines_of,
    net_of_tax,
    order_quantities,
    order_totals,
)
from mockcentra.domain.payments.methods import payment_method
from mockcentra.domain.payments.rules import is_waiting_for_payment
from mockcentra.domain.vouchers import entries as voucher_entries
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.graphql import batch
from mockcentra.graphql.attributes.types import ObjectWithAttributes, attributes_field
from mockcentra.graphql.catalog.types import Brand, Product, ProductSize, ProductVariant
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import Pricelist
from mockcentra.graphql.reference.types import Country, Market, ShippingOption, State, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.stock.types import StockChangeLine, Warehouse
from mockcentra.graphql.vouchers.types import Voucher, VoucherMethod, voucher_row
from mockcentra.graphql.wholesale.orders import order_account, order_buyer, order_windows
from mockcentra.storage.records import is_row
from mockcentra.storage.tables import (
    BrandRow,
    CountryRow,
    CustomerRow,
    MarketRow,
    OrderLineRow,
    OrderRow,
    PaymentEntryRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    ReturnRow,
    ShipmentLineRow,
    ShipmentRow,
    StateRow,
    StoreRow,
    VariantRow,
    WarehouseRow,
)

if TYPE_CHECKING:
    from mockcentra.graphql.orders.history import EmailHistoryEntry, OrderHistoryEntry
    from mockcentra.graphql.returns.types import Return
    from mockcentra.graphql.shipments.types import Shipment
    from mockcentra.graphql.wholesale.types import Account, Buyer, DeliveryWindow

_SHIPMENTS = "mockcentra.graphql.shipments.types"
_RETURNS = "mockcentra.graphql.returns.types"
_HISTORY = "mockcentra.graphql.orders.history"

CatalogProduct = Product
CatalogVariant = ProductVariant
CatalogSize = ProductSize

OrderStatus = strawberry.enum(st.OrderStatus, name="OrderStatus")
PaymentHistoryEntryType = strawberry.enum(st.PaymentEntryType, name="PaymentHistoryEntryType")
PaymentHistoryEntryStatus = strawberry.enum(st.PaymentEntryStatus, name="PaymentHistoryEntryStatus")


def _country(info: Info, code: str | None) -> CountryRow | None:
    if not code:
        return None
    key = ("country", code)
    if key not in info.context.cache:
        info.context.cache[key] = info.context.session.exec(
            select(CountryRow).where(CountryRow.code == code)
        ).first()
    return info.context.cache[key]


@strawberry.type
class Address:
    """An address held on an order or shipment (a JSON document in storage)."""

    first_name: str | None = None
    last_name: str | None = None
    company_name: str | None = None
    attention: str | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    zip_code: str | None = None
    state_or_province: str | None = None
    email: str | None = None
    phone_number: str | None = None
    cell_phone_number: str | None = None
    fax_number: str | None = None
    vat_number: str | None = None
    country_code: strawberry.Private[str | None] = None

    @field(permission="")
    def country(self, info: Info) -> Country | None:
        return _country(info, self.country_code)

    @field(permission="")
    def state(self, info: Info) -> State | None:
        country = _country(info, self.country_code)
        if country is None or not self.state_or_province:
            return None
        wanted = self.state_or_province.lower()
        for row in info.context.session.exec(
            select(StateRow).where(StateRow.country_id == country.id)
        ):
            if wanted in (row.name.lower(), row.code.lower()):
                return row
        return None

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> Address | None:
        if not data:
            return None
        values = {py: data.get(key) for py, key in ADDRESS_KEYS.items()}
        return cls(**values, country_code=data.get("country"))


@read_permission("Customer:read")
@strawberry.type
class Customer(ObjectWithAttributes):
    """A shopper; `attributes` (from ObjectWithAttributes) needs Customer.attributes:read."""

    attributes = attributes_field("Customer.attributes:read")

    id: int
    email: str
    first_name: str | None
    last_name: str | None

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, CustomerRow)

    @strawberry.field
    @staticmethod
    def updated_at(root: Parent[CustomerRow]) -> DateTimeTz:
        return root.updated_at

    @strawberry.field
    @staticmethod
    def is_registered(root: Parent[CustomerRow]) -> bool:
        return root.registered

    @strawberry.field
    @staticmethod
    def created_at(root: Parent[CustomerRow]) -> DateTimeTz:
        return root.created_at

    @strawberry.field
    @staticmethod
    def newsletter(root: Parent[CustomerRow]) -> bool:
        return root.newsletter


@strawberry.type
class CustomerInfo:
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.type
class BuyerInfo:
    """Who placed a wholesale order, as kept on the order (`buyerInfo` in updates)."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.type
class AppliedDiscount:
    """A voucher applied to an order, with what it took off (items and shipping).

    An order without vouchers shows one entry with its total discount, as Centra's guide does.
    """

    value: MonetaryValue
    date: DateTimeTz
    entry: strawberry.Private[VoucherEntry | None] = None

    @property
    def voucher_id(self) -> int | None:
        return self.entry.voucher_id if self.entry else None

    @strawberry.field
    def voucher(self, info: Info) -> Voucher | None:
        return voucher_row(info, self.voucher_id)

    @strawberry.field(deprecation_reason="Use `voucher`.")
    def discount(self, info: Info) -> Voucher | None:
        return voucher_row(info, self.voucher_id)

    @strawberry.field
    def voucher_name(self) -> str | None:
        return self.entry.name if self.entry else None

    @strawberry.field
    def voucher_method(self) -> VoucherMethod | None:
        return self.entry.method if self.entry else None  # type: ignore[return-value]

    @strawberry.field(description="Set for vouchers with method CODE.")
    def code(self) -> str | None:
        return self.entry.code if self.entry else None

    @strawberry.field(description="Set for vouchers with method URL.")
    def url(self) -> str | None:
        return self.entry.url if self.entry else None


@strawberry.type
class OrderLine:
    id: int
    quantity: int
    cancelled_quantity: int
    shipped_quantity: int
    returned_quantity: int
    product_name: str
    product_variant_name: str = strawberry.field(resolver=lambda self: self.variant_name)
    comment: str | None

    @strawberry.field
    @staticmethod
    def product(root: Parent[OrderLineRow], info: Info) -> CatalogProduct | None:
        return info.context.session.get(ProductRow, root.product_id)

    @strawberry.field
    @staticmethod
    def product_variant(root: Parent[OrderLineRow], info: Info) -> CatalogVariant | None:
        return info.context.session.get(VariantRow, root.variant_id)

    @strawberry.field
    @staticmethod
    def product_size(root: Parent[OrderLineRow], info: Info) -> CatalogSize | None:
        return info.context.session.get(ProductSizeRow, root.product_size_id)

    @field(permission="Brand:read", description="The brand of the line's product.")
    @staticmethod
    def brand(root: Parent[OrderLineRow], info: Info) -> Brand | None:
        product = info.context.session.get(ProductRow, root.product_id)
        if product is None or product.brand_id is None:
            return None
        return info.context.session.get(BrandRow, product.brand_id)

    @strawberry.field(name="SKU")
    @staticmethod
    def sku_(root: Parent[OrderLineRow]) -> str:
        return root.sku

    @strawberry.field
    @staticmethod
    def size(root: Parent[OrderLineRow]) -> str:
        return root.size_name

    @strawberry.field
    @staticmethod
    def tax_percent(root: Parent[OrderLineRow]) -> float:
        return float(Decimal(root.tax_percent_hundredths) / 100)

    @strawberry.field
    @staticmethod
    def discount_percent(root: Parent[OrderLineRow]) -> float:
        return float(discount_percent(root))

    @strawberry.field
    def has_any_discount(self) -> bool:
        return self.unit_price != self.unit_original_price  # type: ignore[attr-defined]

    @strawberry.field
    def unit_price(self, info: Info) -> MonetaryValue:
        return money(info, self.unit_price, _currency(info, self))  # type: ignore[attr-defined]

    @strawberry.field
    def unit_original_price(self, info: Info) -> MonetaryValue:
        return money(info, self.unit_original_price, _currency(info, self))  # type: ignore[attr-defined]

    @strawberry.field
    def line_value(self, info: Info, including_tax: bool = True) -> MonetaryValue:
        value = line_value(self)  # type: ignore[arg-type]
        if not including_tax:
            value = net_of_tax(value, self.tax_percent_hundredths)  # type: ignore[attr-defined]
        return money(info, value, _currency(info, self))

    @strawberry.field
    def allocated_quantity(self) -> int:
        return sum((self.allocations or {}).values())  # type: ignore[attr-defined]

    @strawberry.field(
        name="allocations",
        description="Units of the line held in each warehouse (not yet in a shipment).",
    )
    def allocations_(self) -> list[Allocation]:
        return [Allocation.of(a) for a in allocations_of(self)]  # type: ignore[arg-type]


@strawberry.type
class Allocation:
    """Units of one order line held in one warehouse.

    mockcentra keeps one allocation per line and warehouse; its `id` is derived from them
    (line id x 1000 + warehouse id).
    """

    id: int
    quantity: int
    is_waiting_for_confirmation: bool = strawberry.field(
        default=False, description="Always false: no warehouse confirms allocations here."
    )
    order_line_id: strawberry.Private[int] = 0
    warehouse_id: strawberry.Private[int] = 0
    product_size_id: strawberry.Private[int] = 0

    @classmethod
    def of(cls, allocation: Any) -> Allocation:
        return cls(
            id=allocation.id,
            quantity=allocation.quantity,
            order_line_id=allocation.order_line_id,
            warehouse_id=allocation.warehouse_id,
            product_size_id=allocation.product_size_id,
        )

    @field(permission="Order:read")
    def order_line(self, info: Info) -> OrderLine:
        return info.context.session.get(OrderLineRow, self.order_line_id)

    @strawberry.field
    def warehouse(self, info: Info) -> Warehouse:
        return info.context.session.get(WarehouseRow, self.warehouse_id)

    @field(
        permission="StockChange:read",
        description="The latest stock change that delivered the size into the warehouse; "
        "null when its stock never came through a stock change.",
    )
    def stock_change_line(self, info: Info) -> StockChangeLine | None:
        return delivery_line(info.context.session, self.warehouse_id, self.product_size_id)


def _order_lines(info: Info, order: Any) -> list[OrderLineRow]:
    """The order's lines, loaded for the whole page of orders when it is a query."""
    batched = batch.order_lines(info, order.id)
    return batched if batched is not None else lines_of(info.context.session, order.id)


def _currency(info: Info, line: OrderLineRow | ShipmentLineRow) -> str:
    order_id = line.order_id
    key = ("order-currency", order_id)
    if key not in info.context.cache:
        info.context.cache[key] = batch.order_row(info, order_id).currency_code
    return info.context.cache[key]


@strawberry.type
class PaymentMethod:
    """The payment plugin instance an order was paid with: `uri` names it, `plugin` is the
    plugin it runs."""

    uri: str
    plugin: str
    name: str


@strawberry.type
class OrderTotals:
    quantity: int = strawberry.field(description="Units ordered, cancelled ones left out.")
    original_quantity: int = strawberry.field(description="Units ordered, cancelled included.")
    cancelled_quantity: int
    unexpedited_quantity: int = strawberry.field(description="Units not yet in a shipment.")
    line_values: MonetaryValue
    items_subtotal: MonetaryValue
    shipping: MonetaryValue
    handling: MonetaryValue
    discounts: MonetaryValue
    tax_included: MonetaryValue
    tax_added: MonetaryValue
    tax_deducted: MonetaryValue
    grand_total: MonetaryValue


@read_permission("PaymentHistory:read")
@strawberry.type
class PaymentHistoryEntry:
    id: int
    created_at: DateTimeTz
    status: PaymentHistoryEntryStatus
    entry_type: PaymentHistoryEntryType
    external_reference: str | None
    payment_method: str

    @strawberry.field
    def value(self, info: Info) -> MonetaryValue:
        order = info.context.session.get(OrderRow, self.order_id)  # type: ignore[attr-defined]
        return money(info, self.value, order.currency_code)  # type: ignore[attr-defined]

    @strawberry.field(name="paramsJSON")
    def params_json(self) -> str:
        import json

        return json.dumps(self.params, separators=(",", ":"))  # type: ignore[attr-defined]


@strawberry.input
class PaymentHistoryFilter:
    entry_type: list[PaymentHistoryEntryType] | None = None
    status: list[PaymentHistoryEntryStatus] | None = None


@read_permission("AdminUser:read")
@strawberry.type
class AdminUser:
    id: int
    name: str


@read_permission("StorePlugin:read")
@strawberry.type
class StorePlugin:
    id: int
    name: str
    status: str


@strawberry.type
class CarrierInformation:
    """The carrier and service; accounts also keep their customer number and tax id there."""

    carrier_name: str | None
    service_name: str | None
    account_identifier: str | None = None
    tax_id: str | None = None


@strawberry.type
class ShippingPriceGroup:
    """The prices of a shipping option for a group of countries.

    mockcentra prices an option once per currency, so each option has one group (its `id` is
    the option's) covering the countries of the order's pricelist.
    """

    id: int
    shipping_option: ShippingOption = field(permission="")
    countries: list[Country] = field(permission="")


@read_permission("Order:read")
@strawberry.interface
class Order(ObjectWithAttributes):
    """Fields every order has; `... on DirectToConsumerOrder` / `... on WholesaleOrder` add more."""

    attributes = attributes_field("Order.attributes:read")

    id: str = strawberry.field(resolver=lambda self: self.hash)
    number: int
    status: OrderStatus
    is_on_hold: bool
    is_locked: bool
    is_internal: bool
    internal_comment: str | None
    other_comment: str | None
    created_at: DateTimeTz
    updated_at: DateTimeTz

    @strawberry.field
    def order_date(self) -> DateTimeTz:
        return self.created_at

    @strawberry.field
    def is_waiting_for_payment(self, info: Info) -> bool:
        return is_waiting_for_payment(batch.order_payments(info, self.id))  # type: ignore[arg-type]

    @strawberry.field
    def store(self, info: Info) -> Store:
        return info.context.session.get(StoreRow, self.store_id)  # type: ignore[attr-defined]

    @strawberry.field
    def market(self, info: Info) -> Market | None:
        return info.context.session.get(MarketRow, self.market_id) if self.market_id else None  # type: ignore[attr-defined]

    @strawberry.field
    def pricelist(self, info: Info) -> Pricelist | None:
        pricelist_id = self.pricelist_id  # type: ignore[attr-defined]
        return info.context.session.get(PricelistRow, pricelist_id) if pricelist_id else None

    @field(permission="ShippingOption:read")
    def shipping_price_group(self, info: Info) -> ShippingPriceGroup | None:
        group = shipping_price_group(info.context.session, self)  # type: ignore[arg-type]
        if group is None:
            return None
        return ShippingPriceGroup(
            id=group.id,
            shipping_option=group.option,  # type: ignore[arg-type]
            countries=group.countries,  # type: ignore[arg-type]
        )

    @strawberry.field
    def currency_code(self) -> str:
        return self.currency_code

    @strawberry.field
    def lines(self, info: Info, include_fully_cancelled: bool = False) -> list[OrderLine]:
        lines = _order_lines(info, self)
        return [ln for ln in lines if include_fully_cancelled or ln.quantity > 0]

    @field(permission="Order.shippingAddress:read")
    def shipping_address(self) -> Address | None:
        return Address.of(self.shipping_address)  # type: ignore[arg-type]

    @field(permission="Order.billingAddress:read")
    def billing_address(self) -> Address | None:
        return Address.of(self.billing_address)  # type: ignore[arg-type]

    @strawberry.field
    def discounts_applied(self, info: Info) -> list[AppliedDiscount]:
        def whole() -> Decimal:
            return order_totals(info.context.session, self, _order_lines(info, self)).discounts  # type: ignore[arg-type]

        return [
            AppliedDiscount(
                value=money(info, d.value, self.currency_code), date=self.created_at, entry=d.entry
            )
            for d in voucher_entries.applied_discounts(self.vouchers, whole)  # type: ignore[attr-defined]
        ]

    @strawberry.field
    def grand_total(self, info: Info, including_tax: bool = True) -> MonetaryValue:
        totals = order_totals(info.context.session, self, _order_lines(info, self))  # type: ignore[arg-type]
        value = totals.grand_total if including_tax else totals.grand_total - totals.tax
        return money(info, value, self.currency_code)

    @strawberry.field
    def totals(self, info: Info) -> OrderTotals:
        lines = _order_lines(info, self)
        t = order_totals(info.context.session, self, lines)  # type: ignore[arg-type]
        q = order_quantities(lines)
        code = self.currency_code
        return OrderTotals(
            quantity=q.quantity,
            original_quantity=q.original,
            cancelled_quantity=q.cancelled,
            unexpedited_quantity=q.unexpedited,
            line_values=money(info, t.items, code),
            items_subtotal=money(info, t.items, code),
            shipping=money(info, t.shipping, code),
            handling=money(info, t.handling, code),
            discounts=money(info, t.discounts, code),
            tax_included=money(info, t.tax, code),
            tax_added=money(info, ZERO, code),
            tax_deducted=money(info, ZERO, code),
            grand_total=money(info, t.grand_total, code),
        )

    @strawberry.field
    def payment_history(
        self, info: Info, where: PaymentHistoryFilter | None = None
    ) -> list[PaymentHistoryEntry]:
        stmt = (
            select(PaymentEntryRow)
            .where(PaymentEntryRow.order_id == self.id)
            .order_by(PaymentEntryRow.id)
        )
        if where and where.entry_type:
            stmt = stmt.where(PaymentEntryRow.entry_type.in_([t.value for t in where.entry_type]))
        if where and where.status:
            stmt = stmt.where(PaymentEntryRow.status.in_([s.value for s in where.status]))
        return list(info.context.session.exec(stmt))

    @strawberry.field
    def shipments(self, info: Info) -> list[Annotated[Shipment, strawberry.lazy(_SHIPMENTS)]]:
        batched = batch.order_shipments(info, self.id)  # type: ignore[arg-type]
        if batched is not None:
            return batched
        return list(
            info.context.session.exec(
                select(ShipmentRow)
                .where(ShipmentRow.order_id == self.id)
                .order_by(ShipmentRow.sequence)
            )
        )

    @strawberry.field
    def returns(self, info: Info) -> list[Annotated[Return, strawberry.lazy(_RETURNS)]]:
        return list(
            info.context.session.exec(
                select(ReturnRow).where(ReturnRow.order_id == self.id).order_by(ReturnRow.id)
            )
        )

    @strawberry.field(description="The order's recorded changes, oldest first.")
    def history(self, info: Info) -> list[Annotated[OrderHistoryEntry, strawberry.lazy(_HISTORY)]]:
        return order_history(info.context.session, self)  # type: ignore[arg-type,return-value]

    @strawberry.field(description="E-mails sent about the order, oldest first.")
    def email_history(
        self, info: Info
    ) -> list[Annotated[EmailHistoryEntry, strawberry.lazy(_HISTORY)]]:
        return email_history(info.context.session, self)  # type: ignore[arg-type,return-value]

    @strawberry.field
    def payment_method(self) -> PaymentMethod:
        return payment_method(self.payment_method)  # type: ignore[return-value]

    @strawberry.field
    def voucher_codes(self) -> list[str]:
        return voucher_entries.codes(self.vouchers)  # type: ignore[attr-defined]


def _is_store_type(kind: str):
    def check(obj: Any, _info: Any) -> bool:
        return is_row(obj, OrderRow) and obj.store_type == kind

    return check


@strawberry.type
class DirectToConsumerOrder(Order):
    @field(permission="Customer:read", deprecated="Purchaser:read")
    def customer(self, info: Info) -> Customer | None:
        return info.context.session.get(CustomerRow, self.customer_id) if self.customer_id else None  # type: ignore[attr-defined]

    @strawberry.field
    def customer_info(self) -> CustomerInfo:
        data = self.customer_info or {}  # type: ignore[attr-defined]
        return CustomerInfo(
            first_name=data.get("firstName"),
            last_name=data.get("lastName"),
            email=data.get("email"),
        )

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _is_store_type("DIRECT_TO_CONSUMER")(obj, info)


_WHOLESALE = "mockcentra.graphql.wholesale.types"


@strawberry.type
class WholesaleOrder(Order):
    @strawberry.field
    def purchase_order_number(self) -> str | None:
        return (self.customer_info or {}).get("purchaseOrderNumber")  # type: ignore[attr-defined]

    @strawberry.field
    def buyer_info(self) -> BuyerInfo:
        data = self.customer_info or {}  # type: ignore[attr-defined]
        return BuyerInfo(
            first_name=data.get("firstName"),
            last_name=data.get("lastName"),
            email=data.get("email"),
        )

    @strawberry.field
    def buyer(self, info: Info) -> Annotated[Buyer, strawberry.lazy(_WHOLESALE)] | None:
        return order_buyer(info, self)

    @strawberry.field
    def account(self, info: Info) -> Annotated[Account, strawberry.lazy(_WHOLESALE)] | None:
        return order_account(info, self)

    @strawberry.field(description="The delivery windows the order's lines are in.")
    def delivery_windows(
        self, info: Info
    ) -> list[Annotated[DeliveryWindow, strawberry.lazy(_WHOLESALE)]]:
        return order_windows(info, self)

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _is_store_type("WHOLESALE")(obj, info)


ORDER_TYPES = [DirectToConsumerOrder, WholesaleOrder]
