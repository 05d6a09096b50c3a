"""How an order is paid: its payment method and payment history."""

import json

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.enums import PaymentHistoryEntryStatus, PaymentHistoryEntryType
from mockcentra.graphql.permissions import read_permission
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import OrderRow, PaymentEntryRow


@strawberry.type
class PaymentMethod:
    """The payment plugin instance an order was paid with: `uri` names it, `plugin` is the
    plugin it runs."""

    uri: str
    plugin: str
    name: str


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
    @staticmethod
    def value(root: Parent[PaymentEntryRow], info: Info) -> MonetaryValue:
        order = info.context.session.get(OrderRow, root.order_id)
        return money(info, root.value, order.currency_code)

    @strawberry.field(name="paramsJSON")
    @staticmethod
    def params_json(root: Parent[PaymentEntryRow]) -> str:
        return json.dumps(root.params, separators=(",", ":"))


@strawberry.input
class PaymentHistoryFilter:
    entry_type: list[PaymentHistoryEntryType] | None = None
    status: list[PaymentHistoryEntryStatus] | None = None


def payment_entries(
    info: Info, order: OrderRow, where: PaymentHistoryFilter | None
) -> list[PaymentEntryRow]:
    """The order's payment history entries that `where` picks, oldest first."""
    stmt = (
        select(PaymentEntryRow)
        .where(PaymentEntryRow.order_id == order.id)
        .order_by(PaymentEntryRow.id)
    )
    if where and where.entry_type:
        stmt = stmt.where(PaymentEntryRow.entry_type.in_([t.value for t in where.entry_type]))
    if where and where.status:
        stmt = stmt.where(PaymentEntryRow.status.in_([s.value for s in where.status]))
    return list(info.context.session.exec(stmt))
