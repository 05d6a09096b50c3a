"""Shipments: the `Shipment` interface and its direct-to-consumer and wholesale implementations.

Centra split `Shipment` when it deprecated `Purchaser`: the fields every shipment has stay on
the interface, `... on DirectToConsumerShipment { customer }` and
`... on WholesaleShipment { account buyer }` add who it is for. Types resolve from storage rows;
which implementation a row is follows its order's store type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.invoices import queries as invoice_queries
from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.totals import line_value
from mockcentra.domain.shipments.queries import shipment_lines, totals_of_shipment
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.types import (
    Address,
    AdminUser,
    AppliedDiscount,
    CarrierInformation,
    Customer,
    Order,
    OrderLine,
    StorePlugin,
)
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.wholesale.orders import order_account, order_buyer
from mockcentra.graphql.wholesale.types import Account, Buyer
from mockcentra.storage.records import is_row
from mockcentra.storage.tables import (
    CustomerRow,
    ReturnRow,
    ShipmentRow,
    StorePluginRow,
    StoreRow,
)

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
    def order_line(self, info: Info) -> OrderLine:
        return batch.order_line(info, self.order_line_id)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def line_value(self, info: Info) -> MonetaryValue:
        line = batch.order_line(info, self.order_line_id)  # type: ignore[attr-defined]
        order = batch.order_row(info, line.order_id)
        return money(info, line_value(line, self.quantity), order.currency_code)


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
    def is_shipped(self) -> bool:
        return self.shipped_at is not None

    @strawberry.field
    def number_of_packages(self) -> int:
        return self.packages  # type: ignore[attr-defined]

    @strawberry.field
    def order(self, info: Info) -> Order:
        return batch.order_row(info, self.order_id)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def store(self, info: Info) -> Store:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        return info.context.session.get(StoreRow, order.store_id)

    @strawberry.field
    def internal_shipping_cost(self, info: Info) -> MonetaryValue:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        return money(info, self.internal_shipping_cost, order.currency_code)  # type: ignore[attr-defined]

    @strawberry.field
    def grand_total(self, info: Info, including_tax: bool = True) -> MonetaryValue:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        totals = totals_of_shipment(info.context.session, self)  # type: ignore[arg-type]
        total = totals.grand_total if including_tax else totals.grand_total - totals.tax
        return money(info, total, order.currency_code)

    @strawberry.field
    def totals(self, info: Info) -> ShipmentTotals:
        t = totals_of_shipment(info.context.session, self)  # type: ignore[arg-type]
        code = batch.order_row(info, self.order_id).currency_code  # type: ignore[attr-defined]
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
    def carrier_information(self) -> CarrierInformation | None:
        if self.carrier is None and self.service is None:  # type: ignore[attr-defined]
            return None
        return CarrierInformation(carrier_name=self.carrier, service_name=self.service)  # type: ignore[attr-defined]

    @strawberry.field
    def admin_user(self) -> AdminUser | None:
        return None

    @strawberry.field
    def discounts_applied(self) -> list[AppliedDiscount]:
        return []

    @strawberry.field
    def lines(self, info: Info) -> list[ShipmentLine]:
        batched = batch.shipment_lines(info, self.id)
        if batched is not None:
            return batched
        return shipment_lines(info.context.session, self.id)  # type: ignore[return-value]

    @field(permission="Shipment.shippingAddress:read")
    def shipping_address(self, info: Info) -> Address | None:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        return Address.of(order.shipping_address)

    @strawberry.field
    def shipment_plugin(self, info: Info) -> StorePlugin | None:
        plugin_id = self.shipment_plugin_id  # type: ignore[attr-defined]
        return info.context.session.get(StorePluginRow, plugin_id) if plugin_id else None

    @strawberry.field
    def returns(self, info: Info) -> list[Annotated[Return, strawberry.lazy(_RETURNS)]]:
        return list(
            info.context.session.exec(
                select(ReturnRow).where(ReturnRow.shipment_id == self.id).order_by(ReturnRow.id)
            )
        )

    @strawberry.field(description="The invoice issued when the shipment was completed.")
    def invoices(self, info: Info) -> list[Annotated[Invoice, strawberry.lazy(_INVOICES)]]:
        found = invoice_queries.invoices_of_shipments(info.context.session, [self.id])
        return found.get(self.id, [])  # type: ignore[return-value]


def _shipment_of(store_type: str):
    def check(obj: Any, info: Any) -> bool:
        return is_row(obj, ShipmentRow) and batch.is_store_type(info, obj.order_id, store_type)

    return check


@strawberry.type
class DirectToConsumerShipment(Shipment):
    @strawberry.field
    def customer(self, info: Info) -> Customer | None:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        if order.customer_id is None:
            return None
        return info.context.session.get(CustomerRow, order.customer_id)

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _shipment_of("DIRECT_TO_CONSUMER")(obj, info)


@strawberry.type
class WholesaleShipment(Shipment):
    @strawberry.field
    def account(self, info: Info) -> Account | None:
        return order_account(info, batch.order_row(info, self.order_id))  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def buyer(self, info: Info) -> Buyer | None:
        return order_buyer(info, batch.order_row(info, self.order_id))  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _shipment_of("WHOLESALE")(obj, info)


def shipment_type(row: ShipmentRow, info: Any) -> type:
    """The implementation a shipment row is (for unions, which need an object type)."""
    wholesale = batch.is_store_type(info, row.order_id, "WHOLESALE")
    return WholesaleShipment if wholesale else DirectToConsumerShipment


SHIPMENT_TYPES = [DirectToConsumerShipment, WholesaleShipment]
