"""Shipments: the `Shipment` interface and its direct-to-consumer and wholesale implementations.

Centra split `Shipment` when it deprecated `Purchaser`: the fields every shipment has stay on
the interface, `... on DirectToConsumerShipment { customer }` and
`... on WholesaleShipment { account buyer }` add who it is for. Types resolve from storage rows;
which implementation a row is follows its order's store type.
"""

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.invoices import queries as invoice_queries
from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.totals import line_value
from mockcentra.domain.shipments.queries import shipment_lines, totals_of_shipment
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.addresses import Address
from mockcentra.graphql.orders.customers import Customer
from mockcentra.graphql.orders.lines import OrderLine
from mockcentra.graphql.orders.shipping import AdminUser, CarrierInformation, StorePlugin
from mockcentra.graphql.orders.totals import AppliedDiscount
from mockcentra.graphql.orders.types import Order
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.orders import order_account, order_buyer
from mockcentra.graphql.wholesale.types import Account, Buyer
from mockcentra.storage.records import is_row
from mockcentra.storage.tables import (
    CustomerRow,
    ReturnRow,
    ShipmentLineRow,
    ShipmentRow,
    StorePluginRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key

if TYPE_CHECKING:
    from mockcentra.graphql.invoices.types import Invoice
    from mockcentra.graphql.returns.types import Return

_RETURNS = "mockcentra.graphql.returns.types"
_INVOICES = "mockcentra.graphql.invoices.types"


@read_permission("Order:read")
@strawberry.type
class ShipmentLine:
    id: int
    quantity: int
    returned_quantity: int

    @strawberry.field
    @staticmethod
    def order_line(root: Parent[ShipmentLineRow], info: Info) -> OrderLine:
        return batch.order_line(info, root.order_line_id)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def line_value(root: Parent[ShipmentLineRow], info: Info) -> MonetaryValue:
        line = batch.order_line(info, root.order_line_id)
        order = batch.order_row(info, line.order_id)
        return money(info, line_value(line, root.quantity), order.currency_code)


@strawberry.type
class ShipmentTotals:
    """A shipment's units and value: its lines at their prices plus the shipping and handling
    it carries (the first shipment carries the order's); tax is included in the prices.
    `discounts` is 0: line prices already have discounts taken off."""

    quantity: int
    line_values: MonetaryValue
    shipping: MonetaryValue
    handling: MonetaryValue
    discounts: MonetaryValue
    tax_included: MonetaryValue
    tax_added: MonetaryValue
    tax_deducted: MonetaryValue
    grand_total: MonetaryValue


@read_permission("Shipment:read")
@strawberry.interface
class Shipment:
    """Fields every shipment has; the implementations add its customer or account."""

    id: int
    number: str
    created_at: DateTimeTz
    updated_at: DateTimeTz
    is_good_to_go: bool
    is_paid: bool
    paid_at: DateTimeTz | None
    is_captured: bool
    captured_at: DateTimeTz | None
    shipped_at: DateTimeTz | None
    additional_message: str | None
    tracking_number: str | None
    return_tracking_number: str | None

    @strawberry.field
    @staticmethod
    def is_shipped(root: Parent[ShipmentRow]) -> bool:
        return root.shipped_at is not None

    @strawberry.field
    @staticmethod
    def number_of_packages(root: Parent[ShipmentRow]) -> int:
        return root.packages

    @strawberry.field
    @staticmethod
    def order(root: Parent[ShipmentRow], info: Info) -> Order:
        return batch.order_row(info, root.order_id)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def store(root: Parent[ShipmentRow], info: Info) -> Store:
        order = batch.order_row(info, root.order_id)
        return info.context.session.get(StoreRow, order.store_id)

    @strawberry.field
    @staticmethod
    def internal_shipping_cost(root: Parent[ShipmentRow], info: Info) -> MonetaryValue:
        order = batch.order_row(info, root.order_id)
        return money(info, root.internal_shipping_cost, order.currency_code)

    @strawberry.field
    @staticmethod
    def grand_total(
        root: Parent[ShipmentRow], info: Info, including_tax: bool = True
    ) -> MonetaryValue:
        order = batch.order_row(info, root.order_id)
        totals = totals_of_shipment(info.context.session, root)
        total = totals.grand_total if including_tax else totals.grand_total - totals.tax
        return money(info, total, order.currency_code)

    @strawberry.field
    @staticmethod
    def totals(root: Parent[ShipmentRow], info: Info) -> ShipmentTotals:
        t = totals_of_shipment(info.context.session, root)
        code = batch.order_row(info, root.order_id).currency_code
        return ShipmentTotals(
            quantity=t.quantity,
            line_values=money(info, t.items, code),
            shipping=money(info, t.shipping, code),
            handling=money(info, t.handling, code),
            discounts=money(info, ZERO, code),
            tax_included=money(info, t.tax, code),
            tax_added=money(info, ZERO, code),
            tax_deducted=money(info, ZERO, code),
            grand_total=money(info, t.grand_total, code),
        )

    @strawberry.field
    @staticmethod
    def carrier_information(root: Parent[ShipmentRow]) -> CarrierInformation | None:
        if root.carrier is None and root.service is None:
            return None
        return CarrierInformation(carrier_name=root.carrier, service_name=root.service)

    @strawberry.field
    @staticmethod
    def admin_user(root: Parent[ShipmentRow]) -> AdminUser | None:
        return None

    @strawberry.field
    @staticmethod
    def discounts_applied(root: Parent[ShipmentRow]) -> list[AppliedDiscount]:
        return []

    @strawberry.field
    @staticmethod
    def lines(root: Parent[ShipmentRow], info: Info) -> list[ShipmentLine]:
        batched = batch.shipment_lines(info, key(root))
        if batched is not None:
            return batched  # type: ignore[return-value]
        return shipment_lines(info.context.session, key(root))  # type: ignore[return-value]

    @field(permission="Shipment.shippingAddress:read")
    @staticmethod
    def shipping_address(root: Parent[ShipmentRow], info: Info) -> Address | None:
        order = batch.order_row(info, root.order_id)
        return Address.of(order.shipping_address)

    @strawberry.field
    @staticmethod
    def shipment_plugin(root: Parent[ShipmentRow], info: Info) -> StorePlugin | None:
        plugin_id = root.shipment_plugin_id
        return info.context.session.get(StorePluginRow, plugin_id) if plugin_id else None

    @strawberry.field
    @staticmethod
    def returns(
        root: Parent[ShipmentRow], info: Info
    ) -> list[Annotated["Return", strawberry.lazy(_RETURNS)]]:
        return list(
            info.context.session.exec(
                select(ReturnRow).where(ReturnRow.shipment_id == root.id).order_by(ReturnRow.id)
            )
        )

    @strawberry.field(description="The invoice issued when the shipment was completed.")
    @staticmethod
    def invoices(
        root: Parent[ShipmentRow], info: Info
    ) -> list[Annotated["Invoice", strawberry.lazy(_INVOICES)]]:
        found = invoice_queries.invoices_of_shipments(info.context.session, [key(root)])
        return found.get(key(root), [])  # type: ignore[return-value]


def _shipment_of(store_type: str):
    def check(obj: Any, info: Any) -> bool:
        return is_row(obj, ShipmentRow) and batch.is_store_type(info, obj.order_id, store_type)

    return check


@strawberry.type
class DirectToConsumerShipment(Shipment):
    @strawberry.field
    @staticmethod
    def customer(root: Parent[ShipmentRow], info: Info) -> Customer | None:
        order = batch.order_row(info, root.order_id)
        if order.customer_id is None:
            return None
        return info.context.session.get(CustomerRow, order.customer_id)

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _shipment_of("DIRECT_TO_CONSUMER")(obj, info)


@strawberry.type
class WholesaleShipment(Shipment):
    @strawberry.field
    @staticmethod
    def account(root: Parent[ShipmentRow], info: Info) -> Account | None:
        return order_account(info, batch.order_row(info, root.order_id))  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def buyer(root: Parent[ShipmentRow], info: Info) -> Buyer | None:
        return order_buyer(info, batch.order_row(info, root.order_id))  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _shipment_of("WHOLESALE")(obj, info)


def shipment_type(row: ShipmentRow, info: Any) -> type:
    """The implementation a shipment row is (for unions, which need an object type)."""
    wholesale = batch.is_store_type(info, row.order_id, "WHOLESALE")
    return WholesaleShipment if wholesale else DirectToConsumerShipment


SHIPMENT_TYPES = [DirectToConsumerShipment, WholesaleShipment]
