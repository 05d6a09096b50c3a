"""Returns: the `Return` interface and its direct-to-consumer and wholesale implementations.

As with shipments, Centra split `Return` when it deprecated `Purchaser`:
`... on DirectToConsumerReturn { customer }` and `... on WholesaleReturn { account }`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.money import ZERO
from mockcentra.domain.returns import status as return_status
from mockcentra.domain.returns.actions import return_lines
from mockcentra.domain.returns.totals import Taxed, return_totals
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.types import Customer, Order, OrderLine, PaymentHistoryEntry
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

ReturnStatus = strawberry.enum(return_status.ReturnStatus, name="ReturnStatus")


@read_permission("Return:read")
@strawberry.type
class ReturnLine:
    id: int
    quantity: int

    @strawberry.field
    def shipment_line(self, info: Info) -> ShipmentLine:
        return info.context.session.get(ShipmentLineRow, self.shipment_line_id)  # type: ignore[attr-defined]

    @strawberry.field
    def order_line(self, info: Info) -> OrderLine:
        sl = info.context.session.get(ShipmentLineRow, self.shipment_line_id)  # type: ignore[attr-defined]
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
    status: ReturnStatus  # type: ignore[valid-type]
    comment: str | None
    created_at: DateTimeTz
    updated_at: DateTimeTz
    completed_at: DateTimeTz | None

    @strawberry.field
    def return_status(self) -> ReturnStatus:  # type: ignore[valid-type]
        return self.status

    @strawberry.field
    def returned_to_stock(self) -> bool:
        return self.stock_policy != return_status.ReturnStockPolicy.REMOVE_FROM_STOCK  # type: ignore[attr-defined]

    @strawberry.field
    def lines(self, info: Info) -> list[ReturnLine]:
        return _lines_of(self, info)  # type: ignore[return-value]

    @strawberry.field
    def shipment(self, info: Info) -> Shipment:
        return info.context.session.get(ShipmentRow, self.shipment_id)  # type: ignore[attr-defined]

    @strawberry.field
    def order(self, info: Info) -> Order:
        return batch.order_row(info, self.order_id)  # type: ignore[attr-defined,return-value]

    @strawberry.field
    def store(self, info: Info) -> Store:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        return info.context.session.get(StoreRow, order.store_id)

    @strawberry.field
    def grand_total(self, info: Info) -> MonetaryValue:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        totals = return_totals(info.context.session, self, _lines_of(self, info))  # type: ignore[arg-type,attr-defined]
        return money(info, totals.grand_total, order.currency_code)

    @strawberry.field
    def totals(self, info: Info) -> ReturnTotals:
        code = batch.order_row(info, self.order_id).currency_code  # type: ignore[attr-defined]
        t = return_totals(info.context.session, self, _lines_of(self, info))  # type: ignore[arg-type,attr-defined]
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
    def refunded_value(self, info: Info) -> MonetaryValue:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        return money(info, self.refunded_value, order.currency_code)  # type: ignore[attr-defined]

    @strawberry.field
    def refund_payment_history(self, info: Info) -> list[PaymentHistoryEntry]:
        return list(
            info.context.session.exec(
                select(PaymentEntryRow)
                .where(PaymentEntryRow.return_id == self.id)
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
    def customer(self, info: Info) -> Customer | None:
        order = batch.order_row(info, self.order_id)  # type: ignore[attr-defined]
        if order.customer_id is None:
            return None
        return info.context.session.get(CustomerRow, order.customer_id)

    @strawberry.field(
        deprecation_reason="Moved from the Return interface to WholesaleReturn; always null here."
    )
    def account(self) -> Account | None:
        return None

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _return_of("DIRECT_TO_CONSUMER")(obj, info)


@strawberry.type
class WholesaleReturn(Return):
    @strawberry.field
    def account(self, info: Info) -> Account | None:
        return order_account(info, batch.order_row(info, self.order_id))  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return _return_of("WHOLESALE")(obj, info)


def return_type(row: ReturnRow, info: Any) -> type:
    """The implementation a return row is (for unions, which need an object type)."""
    wholesale = batch.is_store_type(info, row.order_id, "WHOLESALE")
    return WholesaleReturn if wholesale else DirectToConsumerReturn


RETURN_TYPES = [DirectToConsumerReturn, WholesaleReturn]
