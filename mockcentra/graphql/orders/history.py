"""`OrderHistoryEntry` and `EmailHistoryEntry`: interfaces with a direct-to-consumer and a
wholesale implementation each (Centra split them when it deprecated `Purchaser`).

Entries are the domain's plain records (domain/orders/history.py), not rows.
"""

from typing import Any

import strawberry
from strawberry import Parent
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
    @staticmethod
    def description(root: Parent[HistoryEntry]) -> str:
        return root.description

    @strawberry.field(description="The order's status after the change.")
    @staticmethod
    def status(root: Parent[HistoryEntry]) -> OrderStatus | None:
        return None if root.status is None else OrderStatus(root.status)

    @strawberry.field(description="The status before it; null on the entry that placed it.")
    @staticmethod
    def previous_status(root: Parent[HistoryEntry]) -> OrderStatus | None:
        return None if root.previous_status is None else OrderStatus(root.previous_status)


@strawberry.type
class DirectToConsumerOrderHistoryEntry(OrderHistoryEntry):
    @strawberry.field(description="The order's customer.")
    @staticmethod
    def customer(root: Parent[HistoryEntry], info: Info) -> Customer | None:
        return _customer(info, root.order_id)  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, HistoryEntry) and obj.store_type == "DIRECT_TO_CONSUMER"


@strawberry.type
class WholesaleOrderHistoryEntry(OrderHistoryEntry):
    @strawberry.field(description="The buyer who placed the order.")
    @staticmethod
    def buyer(root: Parent[HistoryEntry], info: Info) -> Buyer | None:
        return order_buyer(info, batch.order_row(info, root.order_id))  # type: ignore[return-value]

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
    @staticmethod
    def type(root: Parent[EmailEntry]) -> str:
        return root.kind

    @strawberry.field
    @staticmethod
    def shipment(root: Parent[EmailEntry], info: Info) -> Shipment | None:
        sid = root.shipment_id
        return None if sid is None else info.context.session.get(ShipmentRow, sid)


@strawberry.type
class DirectToConsumerEmailHistoryEntry(EmailHistoryEntry):
    @strawberry.field
    @staticmethod
    def customer(root: Parent[EmailEntry], info: Info) -> Customer | None:
        return _customer(info, root.order_id)  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, EmailEntry) and obj.store_type == "DIRECT_TO_CONSUMER"


@strawberry.type
class WholesaleEmailHistoryEntry(EmailHistoryEntry):
    @strawberry.field
    @staticmethod
    def buyer(root: Parent[EmailEntry], info: Info) -> Buyer | None:
        return order_buyer(info, batch.order_row(info, root.order_id))  # type: ignore[return-value]

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, EmailEntry) and obj.store_type == "WHOLESALE"


HISTORY_TYPES = [
    DirectToConsumerOrderHistoryEntry,
    WholesaleOrderHistoryEntry,
    DirectToConsumerEmailHistoryEntry,
    WholesaleEmailHistoryEntry,
]
