"""The `Order` interface, as in Centra, with `DirectToConsumerOrder` and `WholesaleOrder`.

Types resolve from storage rows: a resolver is static and takes the row it reads as
`root: Parent[Row]`, so what it reads is typed (`graphql/direct.py` calls it directly). Its
lines, addresses, customers, payments and totals have modules of their own here; shipments and
returns are in graphql/shipments and graphql/returns.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.history import email_history, order_history
from mockcentra.domain.orders.shipping import shipping_price_group
from mockcentra.domain.orders.totals import order_quantities, order_totals
from mockcentra.domain.payments.methods import payment_method
from mockcentra.domain.payments.rules import is_waiting_for_payment
from mockcentra.domain.vouchers import entries as voucher_entries
from mockcentra.graphql import batch
from mockcentra.graphql.attributes.types import ObjectWithAttributes, attributes_field
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.addresses import Address
from mockcentra.graphql.orders.customers import BuyerInfo, Customer, CustomerInfo
from mockcentra.graphql.orders.enums import OrderStatus
from mockcentra.graphql.orders.lines import OrderLine, order_lines
from mockcentra.graphql.orders.payments import (
    PaymentHistoryEntry,
    PaymentHistoryFilter,
    PaymentMethod,
)
from mockcentra.graphql.orders.shipping import ShippingPriceGroup
from mockcentra.graphql.orders.totals import AppliedDiscount, OrderTotals
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.pricing.types import Pricelist
from mockcentra.graphql.reference.types import Market, Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.orders import order_account, order_buyer, order_windows
from mockcentra.storage.records import is_row
from mockcentra.storage.tables import (
    CustomerRow,
    MarketRow,
    OrderRow,
    PaymentEntryRow,
    PricelistRow,
    ReturnRow,
    ShipmentRow,
    StoreRow,
)

if TYPE_CHECKING:
    from mockcentra.graphql.orders.history import EmailHistoryEntry, OrderHistoryEntry
    from mockcentra.graphql.returns.types import Return
    from mockcentra.graphql.shipments.types import Shipment
    from mockcentra.graphql.wholesale.types import Account, Buyer, DeliveryWindow

_SHIPMENTS = "mockcentra.graphql.shipments.types"
_RETURNS = "mockcentra.graphql.returns.types"
_HISTORY = "mockcentra.graphql.orders.history"


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
        lines = order_lines(info, self)
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
            return order_totals(info.context.session, self, order_lines(info, self)).discounts  # type: ignore[arg-type]

        return [
            AppliedDiscount(
                value=money(info, d.value, self.currency_code), date=self.created_at, entry=d.entry
            )
            for d in voucher_entries.applied_discounts(self.vouchers, whole)  # type: ignore[attr-defined]
        ]

    @strawberry.field
    def grand_total(self, info: Info, including_tax: bool = True) -> MonetaryValue:
        totals = order_totals(info.context.session, self, order_lines(info, self))  # type: ignore[arg-type]
        value = totals.grand_total if including_tax else totals.grand_total - totals.tax
        return money(info, value, self.currency_code)

    @strawberry.field
    def totals(self, info: Info) -> OrderTotals:
        lines = order_lines(info, self)
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
