"""Returns: the `Return` interface and its direct-to-consumer and wholesale implementations.

As with shipments, Centra split `Return` when it deprecated `Purchaser`:
`... on DirectToConsumerReturn { customer }` and `... on WholesaleReturn { account }`.
"""

from dataclasses import dataclass
from typing import Any, TypeAlias

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.money import ZERO
from mockcentra.domain.returns import status as return_status
from mockcentra.domain.returns.actions import return_lines
from mockcentra.domain.returns.totals import Taxed, return_totals
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.customers import Customer
from mockcentra.graphql.orders.lines import OrderLine
from mockcentra.graphql.orders.payments import PaymentHistoryEntry
from mockcentra.graphql.orders.types import Order
from mockcentra.graphql.permissions import read_permission
from mockcentra.graphql.reference.types import Store
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.shipments.types import Shipment, ShipmentLine
from mockcentra.graphql.wholesale.orders import order_account
from mockcentra.graphql.wholesale.types import Account
from mockcentra.storage.tables import (
    CustomerRow,
    OrderLineRow,
    PaymentEntryRow,
    ReturnLineRow,
    ReturnRow,
    ShipmentLineRow,
    ShipmentRow,
    StoreRow,
)

strawberry.enum(return_status.ReturnStatus, name="ReturnStatus")
ReturnStatus: TypeAlias = return_status.ReturnStatus


@read_permission("Return:read")
@strawberry.type
class ReturnLine:
    id: int
    quantity: int

    @strawberry.field
    @staticmethod
    def shipment_line(root: Parent[ReturnLineRow], info: Info) -> ShipmentLine:
        return info.context.session.get(ShipmentLineRow, root.shipment_line_id)

    @strawberry.field
    @staticmethod
    def order_line(root: Parent[ReturnLineRow], info: Info) -> OrderLine:
        sl = info.context.session.get(ShipmentLineRow, root.shipment_line_id)
        return info.context.session.get(OrderLineRow, sl.order_line_id)


@dataclass(frozen=True)
class DeletedReturn:
    """A return as `deleteReturn` answers it: gone from the database, shown with the lines it
    had; every other field reads the (detached) row."""

    row: ReturnRow
    lines_at_deletion: list[ReturnLineRow]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


@strawberry.type
class ReturnTaxRule:
    """The tax inside one part of a return's totals, at one rate."""

    tax_percent: float
    tax_included: MonetaryValue


@strawberry.type
class ReturnTotals:
    """The costs a return refunds (shipping, handling) or keeps (return cost, the voucher value
    taken back as `discounts`), each with the tax inside it; the returned units and their
    value; the tax inside the refund (`taxIncluded`: prices include tax, so nothing is added
    or deducted)."""

    quantity: int
    line_values: MonetaryValue
    tax_added: MonetaryValue
    tax_deducted: MonetaryValue
    tax_included: MonetaryValue
    shipping: MonetaryValue
    shipping_tax_rules: list[ReturnTaxRule]
    handling: MonetaryValue
    handling_tax_rules: list[ReturnTaxRule]
    return_cost: MonetaryValue
    return_cost_tax_rules: list[ReturnTaxRule]
    discounts: MonetaryValue
    discount_tax_rules: list[ReturnTaxRule]


def _rules(info: Info, part: Taxed, currency: str) -> list[ReturnTaxRule]:
    return [
        ReturnTaxRule(
            tax_percent=part.tax_percent_hundredths / 100,
            tax_included=money(info, part.tax, currency),
        )
    ]


@read_permission("Return:read")
@strawberry.interface
class Return:
    """Fields every return has; the implementations add its customer or account."""

    id: int
    status: ReturnStatus
    comment: str | None
    created_at: DateTimeTz
    updated_at: DateTimeTz
    completed_at: DateTimeTz | None

    @strawberry.field
    @staticmethod
    def return_status(root: Parent[ReturnRow]) -> ReturnStatus:
        return ReturnStatus(root.status)

    @strawberry.field
    @staticmethod
    def returned_to_stock(root: Parent[ReturnRow]) -> bool:
        return root.stock_policy != return_status.ReturnStockPolicy.REMOVE_FROM_STOCK

    @strawberry.field
    @staticmethod
    def lines(root: Parent[ReturnRow], info: Info) -> list[ReturnLine]:
        return _lines_of(root, info)

    @strawberry.field
    @staticmethod
    def shipment(root: Parent[ReturnRow], info: Info) -> Shipment:
        return info.context.session.get(ShipmentRow, root.shipment_id)

    @strawberry.field
    @staticmethod
    def order(root: Parent[ReturnRow], info: Info) -> Order:
        return batch.order_row(info, root.order_id)  # type: ignore[return-value]

    @strawberry.field
    @staticmethod
    def store(root: Parent[ReturnRow], info: Info) -> Store:
        order = batch.order_row(info, root.order_id)
        return info.context.session.get(StoreRow, order.store_id)

    @strawberry.field
    @staticmethod
    def grand_total(root: Parent[ReturnRow], info: Info) -> MonetaryValue:
        order = batch.order_row(info, root.order_id)
        totals = return_totals(info.context.session, root, _lines_of(root, info))
        return money(info, totals.grand_total, order.currency_code)

    @strawberry.field
    @staticmethod
    def totals(root: Parent[ReturnRow], info: Info) -> ReturnTotals:
        code = batch.order_row(info, root.order_id).currency_code
        t = return_totals(info.context.session, root, _lines_of(root, info))
        return ReturnTotals(
            quantity=t.quantity,
            line_values=money(info, t.items, code),
            tax_added=money(info, ZERO, code),
            tax_deducted=money(info, ZERO, code),
            tax_included=money(info, t.tax, code),
            shipping=money(info, t.shipping.value, code),
            shipping_tax_rules=_rules(info, t.shipping, code),
            handling=money(info, t.handling.value, code),
            handling_tax_rules=_rules(info, t.handling, code),
            return_cost=money(info, t.return_cost.value, code),
            return_cost_tax_rules=_rules(info, t.return_cost, code),
            discounts=money(info, t.discounts.value, code),
            discount_tax_rules=_rules(info, t.discounts, code),
        )

    @strawberry.field
    @staticmethod
    def refunded_value(root: Parent[ReturnRow], info: Info) -> MonetaryValue:
        order = batch.order_row(info, root.order_id)
        return money(info, root.refunded_value, order.currency_code)

    @strawberry.field
    @staticmethod
    def refund_payment_history(root: Parent[ReturnRow], info: Info) -> list[PaymentHistoryEntry]:
        return list(
            info.context.session.exec(
                select(PaymentEntryRow)
                .where(PaymentEntryRow.return_id == root.id)
                .order_by(PaymentEntryRow.id)
            )
        )


def _lines_of(ret: Any, info: Info) -> list[Any]:
    """A deleted return's lines are gone from storage; its payload keeps what they were."""
    if isinstance(ret, DeletedReturn):
        return ret.lines_at_deletion
    return return_lines(info.context.session, ret.id)


def _return_of(store_type: str):
    def check(obj: Any, info: Any) -> bool:
        row = obj.row if isinstance(obj, DeletedReturn) else obj
        return isinstance(row, ReturnRow) and batch.is_store_type(info, row.order_id, store_type)

    return check


@strawberry.type
class DirectToConsumerReturn(Return):
    @strawberry.field
    @staticmethod
    def customer(root: Parent[ReturnRow], info: Info) -> Customer | None:
        order = batch.order_row(info, root.order_id)
        if order.customer_id is None:
            return None
        return info.context.session.get(CustomerRow, order.customer_id)

    @strawberry.field(
        deprecation_reason="Moved from the Return interface to WholesaleReturn; always null here."
    )
    @staticmethod
    def account(root: Parent[ReturnRow]) -> Account | None:
        return None

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _return_of("DIRECT_TO_CONSUMER")(obj, info)


@strawberry.type
class WholesaleReturn(Return):
    @strawberry.field
    @staticmethod
    def account(root: Parent[ReturnRow], info: Info) -> Account | None:
        return order_account(info, batch.order_row(info, root.order_id))  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _return_of("WHOLESALE")(obj, info)


def return_type(row: ReturnRow, info: Any) -> type:
    """The implementation a return row is (for unions, which need an object type)."""
    wholesale = batch.is_store_type(info, row.order_id, "WHOLESALE")
    return WholesaleReturn if wholesale else DirectToConsumerReturn


RETURN_TYPES = [DirectToConsumerReturn, WholesaleReturn]
