"""The `Order` interface, as in Centra, with `DirectToConsumerOrder` and `WholesaleOrder`.

Types resolve from storage rows: a resolver is static and takes the row it reads as
`root: Parent[Row]`, so what it reads is typed (`graphql/direct.py` calls it directly). Its
lines, addresses, customers, payments and totals have modules of their own here; shipments and
returns are in graphql/shipments and graphql/returns.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.orders.history import email_history, order_history
from mockcentra.domain.orders.shipping import shipping_price_group
from mockcentra.domain.orders.totals import order_totals
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
    payment_entries,
)
from mockcentra.graphql.orders.shipping import ShippingPriceGroup
from mockcentra.graphql.orders.totals import (
    AppliedDiscount,
    OrderTotals,
    applied_discounts,
    totals_of,
)
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
    PricelistRow,
    ReturnRow,
    ShipmentRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key

if TYPE_CHECKING:
    from mockcentra.graphql.orders.history import EmailHistoryEntry, OrderHistoryEntry
    from mockcentra.graphql.returns.types import Return
    from mockcentra.graphql.shipments.types import Shipment
    from mockcentra.graphql.wholesale.types import Account, Buyer
    from mockcentra.graphql.wholesale.window_types import DeliveryWindow

_SHIPMENTS = "mockcentra.graphql.shipments.types"
_RETURNS = "mockcentra.graphql.returns.types"
_HISTORY = "mockcentra.graphql.orders.history"


def _hash(root: Parent[OrderRow]) -> str:
    """Centra's order id: the 32-hex hash, not the row id."""
    return root.hash


@read_permission("Order:read")
@strawberry.interface
class Order(ObjectWithAttributes):
    """Fields every order has; `... on DirectToConsumerOrder` / `... on WholesaleOrder` add more."""

    attributes = attributes_field("Order.attributes:read")

    id: str = strawberry.field(resolver=_hash)
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
    @staticmethod
    def order_date(root: Parent[OrderRow]) -> DateTimeTz:
        return root.created_at  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def is_waiting_for_payment(root: Parent[OrderRow], info: Info) -> bool:
        return is_waiting_for_payment(batch.order_payments(info, key(root)))

    @strawberry.field
    @staticmethod
    def store(root: Parent[OrderRow], info: Info) -> Store:
        return info.context.session.get(StoreRow, root.store_id)

    @strawberry.field
    @staticmethod
    def market(root: Parent[OrderRow], info: Info) -> Market | None:
        return info.context.session.get(MarketRow, root.market_id) if root.market_id else None

    @strawberry.field
    @staticmethod
    def pricelist(root: Parent[OrderRow], info: Info) -> Pricelist | None:
        pricelist_id = root.pricelist_id
        return info.context.session.get(PricelistRow, pricelist_id) if pricelist_id else None

    @field(permission="ShippingOption:read")
    @staticmethod
    def shipping_price_group(root: Parent[OrderRow], info: Info) -> ShippingPriceGroup | None:
        return shipping_price_group(info.context.session, root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def currency_code(root: Parent[OrderRow]) -> str:
        return root.currency_code

    @strawberry.field
    @staticmethod
    def lines(
        root: Parent[OrderRow], info: Info, include_fully_cancelled: bool = False
    ) -> list[OrderLine]:
        lines = [ln for ln in order_lines(info, root) if include_fully_cancelled or ln.quantity > 0]
        return lines  # type: ignore[return-value]

    @field(permission="Order.shippingAddress:read")
    @staticmethod
    def shipping_address(root: Parent[OrderRow]) -> Address | None:
        return Address.of(root.shipping_address)

    @field(permission="Order.billingAddress:read")
    @staticmethod
    def billing_address(root: Parent[OrderRow]) -> Address | None:
        return Address.of(root.billing_address)

    @strawberry.field
    @staticmethod
    def discounts_applied(root: Parent[OrderRow], info: Info) -> list[AppliedDiscount]:
        return applied_discounts(info, root)

    @strawberry.field
    @staticmethod
    def grand_total(
        root: Parent[OrderRow], info: Info, including_tax: bool = True
    ) -> MonetaryValue:
        totals = order_totals(info.context.session, root, order_lines(info, root))
        value = totals.grand_total if including_tax else totals.grand_total - totals.tax
        return money(info, value, root.currency_code)

    @strawberry.field
    @staticmethod
    def totals(root: Parent[OrderRow], info: Info) -> OrderTotals:
        return totals_of(info, root)

    @strawberry.field
    @staticmethod
    def payment_history(
        root: Parent[OrderRow], info: Info, where: PaymentHistoryFilter | None = None
    ) -> list[PaymentHistoryEntry]:
        return payment_entries(info, root, where)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def shipments(
        root: Parent[OrderRow], info: Info
    ) -> list[Annotated["Shipment", strawberry.lazy(_SHIPMENTS)]]:
        batched = batch.order_shipments(info, key(root))
        if batched is None:
            batched = list(
                info.context.session.exec(
                    select(ShipmentRow)
                    .where(ShipmentRow.order_id == root.id)
                    .order_by(ShipmentRow.sequence)
                )
            )
        return batched  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def returns(
        root: Parent[OrderRow], info: Info
    ) -> list[Annotated["Return", strawberry.lazy(_RETURNS)]]:
        stmt = select(ReturnRow).where(ReturnRow.order_id == root.id).order_by(ReturnRow.id)
        return list(info.context.session.exec(stmt))

    @strawberry.field(description="The order's recorded changes, oldest first.")
    @staticmethod
    def history(
        root: Parent[OrderRow], info: Info
    ) -> list[Annotated["OrderHistoryEntry", strawberry.lazy(_HISTORY)]]:
        return order_history(info.context.session, root)  # type: ignore[return-value]

    @strawberry.field(description="E-mails sent about the order, oldest first.")
    @staticmethod
    def email_history(
        root: Parent[OrderRow], info: Info
    ) -> list[Annotated["EmailHistoryEntry", strawberry.lazy(_HISTORY)]]:
        return email_history(info.context.session, root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def payment_method(root: Parent[OrderRow]) -> PaymentMethod:
        return payment_method(root.payment_method)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def voucher_codes(root: Parent[OrderRow]) -> list[str]:
        return voucher_entries.codes(root.vouchers)


def _is_store_type(kind: str) -> Callable[[Any, Any], bool]:
    def check(obj: Any, _info: Any) -> bool:
        return is_row(obj, OrderRow) and obj.store_type == kind

    return check


@strawberry.type
class DirectToConsumerOrder(Order):
    @field(permission="Customer:read", deprecated="Purchaser:read")
    @staticmethod
    def customer(root: Parent[OrderRow], info: Info) -> Customer | None:
        customer_id = root.customer_id
        return info.context.session.get(CustomerRow, customer_id) if customer_id else None

    @strawberry.field
    @staticmethod
    def customer_info(root: Parent[OrderRow]) -> CustomerInfo:
        data = root.customer_info or {}
        return CustomerInfo(
            first_name=data.get("firstName"),
            last_name=data.get("lastName"),
            email=data.get("email"),
        )

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _is_store_type("DIRECT_TO_CONSUMER")(obj, info)


_WHOLESALE = "mockcentra.graphql.wholesale.types"
_WINDOWS = "mockcentra.graphql.wholesale.window_types"


@strawberry.type
class WholesaleOrder(Order):
    @strawberry.field
    @staticmethod
    def purchase_order_number(root: Parent[OrderRow]) -> str | None:
        return (root.customer_info or {}).get("purchaseOrderNumber")

    @strawberry.field
    @staticmethod
    def buyer_info(root: Parent[OrderRow]) -> BuyerInfo:
        data = root.customer_info or {}
        return BuyerInfo(
            first_name=data.get("firstName"),
            last_name=data.get("lastName"),
            email=data.get("email"),
        )

    @strawberry.field
    @staticmethod
    def buyer(
        root: Parent[OrderRow], info: Info
    ) -> Annotated["Buyer", strawberry.lazy(_WHOLESALE)] | None:
        return order_buyer(info, root)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def account(
        root: Parent[OrderRow], info: Info
    ) -> Annotated["Account", strawberry.lazy(_WHOLESALE)] | None:
        return order_account(info, root)  # type: ignore[return-value]

    @strawberry.field(description="The delivery windows the order's lines are in.")
    @staticmethod
    def delivery_windows(
        root: Parent[OrderRow], info: Info
    ) -> list[Annotated["DeliveryWindow", strawberry.lazy(_WINDOWS)]]:
        return order_windows(info, root)  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _is_store_type("WHOLESALE")(obj, info)


ORDER_TYPES = [DirectToConsumerOrder, WholesaleOrder]
