"""How an order is paid: its payment method and payment history."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.orders.enums import PaymentHistoryEntryStatus, PaymentHistoryEntryType
from mockcentra.graphql.permissions import read_permission
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import OrderRow


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
