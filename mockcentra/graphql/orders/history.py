"""`OrderHistoryEntry` and `EmailHistoryEntry`: interfaces with a direct-to-consumer and a
wholesale implementation each (Centra split them when it deprecated `Purchaser`).

Entries are the domain's plain records (domain/orders/history.py), not rows.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.orders.history import EmailEntry, HistoryEntry
from mockcentra.graphql import batch
from mockcentra.graphql.orders.customers import Customer
from mockcentra.graphql.orders.enums import OrderStatus
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.shipments.types import Shipment
from mockcentra.graphql.wholesale.orders import order_buyer
from mockcentra.graphql.wholesale.types import Buyer
from mockcentra.storage.tables import CustomerRow, ShipmentRow


def _customer(info: Info, order_id: int) -> CustomerRow | None:
    order = batch.order_row(info, order_id)
    return (
        None
        if order.customer_id is None
        else info.context.session.get(CustomerRow, order.customer_id)
    )


@strawberry.interface
class OrderHistoryEntry:
    """One recorded change of the order, oldest first."""

    id: int
    created_at: DateTimeTz

    @strawberry.field
    def description(self) -> str:
        return self.description  # type: ignore[attr-defined]

    @strawberry.field(description="The order's status after the change.")
    def status(self) -> OrderStatus | None:  # type: ignore[valid-type]
        return self.status  # type: ignore[attr-defined]

    @strawberry.field(description="The status before it; null on the entry that placed it.")
    def previous_status(self) -> OrderStatus | None:  # type: ignore[valid-type]
        return self.previous_status  # type: ignore[attr-defined]


@strawberry.type
class DirectToConsumerOrderHistoryEntry(OrderHistoryEntry):
    @strawberry.field(description="The order's customer.")
    def customer(self, info: Info) -> Customer | None:
        return _customer(info, self.order_id)  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, HistoryEntry) and obj.store_type == "DIRECT_TO_CONSUMER"


@strawberry.type
class WholesaleOrderHistoryEntry(OrderHistoryEntry):
    @strawberry.field(description="The buyer who placed the order.")
    def buyer(self, info: Info) -> Buyer | None:
        return order_buyer(info, batch.order_row(info, self.order_id))  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, HistoryEntry) and obj.store_type == "WHOLESALE"


@strawberry.interface
class EmailHistoryEntry:
    """An e-mail sent about the order (mockcentra records them; nothing is sent)."""

    id: int
    sent_at: DateTimeTz
    subject: str
    recipient: str | None

    @strawberry.field(description="What the e-mail is, e.g. SHIPPING_CONFIRMATION.")
    def type(self) -> str:
        return self.kind  # type: ignore[attr-defined]

    @strawberry.field
    def shipment(self, info: Info) -> Shipment | None:
        sid = self.shipment_id  # type: ignore[attr-defined]
        return None if sid is None else info.context.session.get(ShipmentRow, sid)


@strawberry.type
class DirectToConsumerEmailHistoryEntry(EmailHistoryEntry):
    @strawberry.field
    def customer(self, info: Info) -> Customer | None:
        return _customer(info, self.order_id)  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, EmailEntry) and obj.store_type == "DIRECT_TO_CONSUMER"


@strawberry.type
class WholesaleEmailHistoryEntry(EmailHistoryEntry):
    @strawberry.field
    def buyer(self, info: Info) -> Buyer | None:
        return order_buyer(info, batch.order_row(info, self.order_id))  # type: ignore[attr-defined,return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, EmailEntry) and obj.store_type == "WHOLESALE"


HISTORY_TYPES = [
    DirectToConsumerOrderHistoryEntry,
    WholesaleOrderHistoryEntry,
    DirectToConsumerEmailHistoryEntry,
    WholesaleEmailHistoryEntry,
]
