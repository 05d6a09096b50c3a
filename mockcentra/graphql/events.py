"""The events system: listeners per integration, the `events` queue, and `confirmEvents`.

Queues belong to the token's integration name (tokens that share it share the queue) and
only hold events that happened while the integration listened. `object` is the object as it
is now (null once deleted) and needs the read permission of its type.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeAlias

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.events import listeners as domain_listeners
from mockcentra.domain.events import queries
from mockcentra.domain.events import status as st
from mockcentra.domain.wholesale.status import DeliveryWindowKind
from mockcentra.graphql.catalog.bundle_types import Bundle
from mockcentra.graphql.catalog.chart_types import SizeChart
from mockcentra.graphql.catalog.grouping_types import Brand, Collection, Folder
from mockcentra.graphql.catalog.types import Product, ProductSize, ProductVariant
from mockcentra.graphql.common import Payload
from mockcentra.graphql.displays.types import Display
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.orders.customers import Customer
from mockcentra.graphql.orders.payments import PaymentHistoryEntry
from mockcentra.graphql.orders.types import DirectToConsumerOrder, WholesaleOrder
from mockcentra.graphql.permissions import ALL, PermissionDenied, field, mutation, read_permission
from mockcentra.graphql.pricing.types import Pricelist
from mockcentra.graphql.reference.types import Market, Store
from mockcentra.graphql.returns.types import DirectToConsumerReturn, WholesaleReturn, return_type
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.shipments.types import (
    DirectToConsumerShipment,
    WholesaleShipment,
    shipment_type,
)
from mockcentra.graphql.stock.types import Warehouse
from mockcentra.graphql.vouchers.types import Voucher
from mockcentra.graphql.wholesale.types import Account, Buyer
from mockcentra.graphql.wholesale.window_types import AtOnceDeliveryWindow, PreorderDeliveryWindow
from mockcentra.storage.tables import (
    AccountRow,
    BrandRow,
    BundleRow,
    BuyerRow,
    CollectionRow,
    CustomerRow,
    DeliveryWindowRow,
    DisplayRow,
    EventRow,
    FolderRow,
    MarketRow,
    OrderRow,
    PaymentEntryRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    ReturnRow,
    ShipmentRow,
    SizeChartRow,
    StoreRow,
    VariantRow,
    VoucherRow,
    WarehouseRow,
)

strawberry.enum(st.EventObjectType, name="EventObjectType")
EventObjectType: TypeAlias = st.EventObjectType
strawberry.enum(st.EventChangeType, name="EventChangeType")
EventChangeType: TypeAlias = st.EventChangeType

EventObject = Annotated[
    DirectToConsumerOrder
    | WholesaleOrder
    | DirectToConsumerShipment
    | WholesaleShipment
    | DirectToConsumerReturn
    | WholesaleReturn
    | Customer
    | PaymentHistoryEntry
    | Product
    | ProductVariant
    | ProductSize
    | SizeChart
    | Brand
    | Collection
    | Folder
    | Bundle
    | Warehouse
    | Display
    | Pricelist
    | Market
    | Store
    | Voucher
    | Account
    | Buyer
    | AtOnceDeliveryWindow
    | PreorderDeliveryWindow,
    strawberry.union(
        "EventObject",
        description="The object an event is about, as it is now. Orders, shipments and "
        "returns come as their DirectToConsumer or Wholesale type (`... on Order`, "
        "`... on Shipment`, `... on Return` work).",
    ),
]


@dataclass(frozen=True)
class _Kind:
    """How to load the object of one event object type and which GraphQL type it is."""

    row: type
    key: Any  # the column `objectReference` matches
    graphql: Callable[[Any, Any], type]  # (row, info) -> the GraphQL object type
    numeric: bool = True


def _order_type(row: OrderRow, _info: Any) -> type:
    return WholesaleOrder if row.store_type == "WHOLESALE" else DirectToConsumerOrder


def _fixed(gql: type) -> Callable[[Any, Any], type]:
    return lambda _row, _info: gql


def _window_type(row: DeliveryWindowRow, _info: Any) -> type:
    return (
        AtOnceDeliveryWindow if row.kind == DeliveryWindowKind.AT_ONCE else PreorderDeliveryWindow
    )


#: Object types whose `object` resolves; the rest (Newsletter, AdminUser, ...) give null.
KINDS: dict[str, _Kind] = {
    "Order": _Kind(OrderRow, OrderRow.hash, _order_type, numeric=False),
    "Shipment": _Kind(ShipmentRow, ShipmentRow.id, shipment_type),
    "Return": _Kind(ReturnRow, ReturnRow.id, return_type),
    "Customer": _Kind(CustomerRow, CustomerRow.id, _fixed(Customer)),
    "Refund": _Kind(PaymentEntryRow, PaymentEntryRow.id, _fixed(PaymentHistoryEntry)),
    "Product": _Kind(ProductRow, ProductRow.id, _fixed(Product)),
    "ProductVariant": _Kind(VariantRow, VariantRow.id, _fixed(ProductVariant)),
    "ProductSize": _Kind(ProductSizeRow, ProductSizeRow.id, _fixed(ProductSize)),
    "SizeChart": _Kind(SizeChartRow, SizeChartRow.id, _fixed(SizeChart)),
    "Brand": _Kind(BrandRow, BrandRow.id, _fixed(Brand)),
    "Collection": _Kind(CollectionRow, CollectionRow.id, _fixed(Collection)),
    "Folder": _Kind(FolderRow, FolderRow.id, _fixed(Folder)),
    "Bundle": _Kind(BundleRow, BundleRow.id, _fixed(Bundle)),
    "Warehouse": _Kind(WarehouseRow, WarehouseRow.id, _fixed(Warehouse)),
    "Display": _Kind(DisplayRow, DisplayRow.id, _fixed(Display)),
    "Pricelist": _Kind(PricelistRow, PricelistRow.id, _fixed(Pricelist)),
    "Market": _Kind(MarketRow, MarketRow.id, _fixed(Market)),
    "Store": _Kind(StoreRow, StoreRow.id, _fixed(Store)),
    "Voucher": _Kind(VoucherRow, VoucherRow.id, _fixed(Voucher)),
    "Account": _Kind(AccountRow, AccountRow.id, _fixed(Account)),
    "Buyer": _Kind(BuyerRow, BuyerRow.id, _fixed(Buyer)),
    "DeliveryWindow": _Kind(DeliveryWindowRow, DeliveryWindowRow.id, _window_type),
}


def _cache_key(object_type: str, ref: str) -> tuple[str, str, str]:
    return ("event-object", object_type, ref)


def _prefetch(info: Info, rows: list[EventRow]) -> None:
    """Load the objects of a page of events with one query per object type."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.object_type in KINDS and row.change_type != st.EventChangeType.DELETED:
            wanted[row.object_type].add(row.object_ref)
    cache = info.context.cache
    for object_type, refs in wanted.items():
        kind = KINDS[object_type]
        keys: list[Any] = [int(r) for r in refs if r.isdigit()] if kind.numeric else list(refs)
        found = {
            str(getattr(obj, kind.key.key)): obj
            for obj in info.context.session.exec(select(kind.row).where(kind.key.in_(keys)))
        }
        for ref in refs:
            cache[_cache_key(object_type, ref)] = found.get(ref)


@read_permission("Event:read")
@strawberry.type
class Event:
    id: int
    object_type: EventObjectType
    change_type: EventChangeType
    created_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def object_reference(root: Parent[EventRow]) -> str:
        """The object's id as text (the 32-hex id for orders, the e-mail for Newsletter)."""
        return root.object_ref

    @field(permission="")
    @staticmethod
    def store(root: Parent[EventRow], info: Info) -> Store | None:
        sid = root.store_id
        return None if sid is None else info.context.session.get(StoreRow, sid)

    @field(permission="")
    @staticmethod
    def market(root: Parent[EventRow], info: Info) -> Market | None:
        mid = root.market_id
        return None if mid is None else info.context.session.get(MarketRow, mid)

    @field(permission="")
    @staticmethod
    def object(root: Parent[EventRow], info: Info) -> EventObject | None:
        """The current object; null when deleted. Needs the read permission of its type."""
        kind = KINDS.get(root.object_type)
        if kind is None or root.change_type == st.EventChangeType.DELETED:
            return None
        key = _cache_key(root.object_type, root.object_ref)
        if key not in info.context.cache:
            _prefetch(info, [root])
        obj = info.context.cache[key]
        if obj is None:
            return None
        gql = kind.graphql(obj, info)
        needed = getattr(gql, "__centra_permission__", None)
        granted = info.context.permissions
        if needed and ALL not in granted and needed not in granted:
            raise PermissionDenied(needed, "object")
        return strawberry.cast(gql, obj)


@read_permission("Event:read")
@strawberry.type
class EventListener:
    integration_name: str
    object_type: EventObjectType
    change_types: list[EventChangeType]
    created_at: DateTimeTz
    updated_at: DateTimeTz


@strawberry.input
class EventListenerInput:
    object_type: EventObjectType
    change_types: list[EventChangeType] | None = None

    def to_domain(self) -> domain_listeners.ListenerSpec:
        return domain_listeners.ListenerSpec(
            object_type=self.object_type.value,
            change_types=None
            if self.change_types is None
            else [c.value for c in self.change_types],
        )


@strawberry.input
class EventFilter:
    object_type: list[EventObjectType] | None = None
    change_type: list[EventChangeType] | None = None
    store_id: list[int] | None = None
    market_id: list[int] | None = None


@strawberry.input
class ConfirmEventsInput:
    events_ids: list[int]


@strawberry.type
class EventListenersPayload(Payload):
    event_listeners: list[EventListener] | None = None


@strawberry.type
class ConfirmEventsPayload(Payload):
    pass


@strawberry.type
class Query:
    @strawberry.field(
        description="The oldest unconfirmed events queued for the token's integration name."
    )
    def events(
        self, info: Info, where: EventFilter | None = None, limit: int | None = None
    ) -> list[Event]:
        w = where or EventFilter()
        rows = queries.pending_events(
            info.context.session,
            info.context.integration_name,
            object_types=[t.value for t in w.object_type or ()],
            change_types=[c.value for c in w.change_type or ()],
            store_ids=w.store_id,
            market_ids=w.market_id,
            token_store_id=info.context.store_id,
            limit=limit,
        )
        _prefetch(info, rows)
        return rows  # type: ignore[return-value]

    @strawberry.field
    def event_listeners(self, info: Info) -> list[EventListener]:
        return domain_listeners.listeners_of(  # type: ignore[return-value]
            info.context.session, info.context.integration_name
        )


@strawberry.type
class Mutation:
    @mutation(permission="Event:write")
    def set_event_listeners(
        self, info: Info, input: list[EventListenerInput]
    ) -> EventListenersPayload:
        def act() -> dict[str, Any]:
            rows, warnings = domain_listeners.set_listeners(
                info.context.uow, info.context.integration_name, [i.to_domain() for i in input]
            )
            return {"event_listeners": rows, "warnings": warnings}

        return run_mutation(info, EventListenersPayload, act, reads="input")

    @mutation(permission="Event:write")
    def unset_event_listeners(
        self, info: Info, input: list[EventListenerInput]
    ) -> EventListenersPayload:
        def act() -> dict[str, Any]:
            rows = domain_listeners.unset_listeners(
                info.context.uow, info.context.integration_name, [i.to_domain() for i in input]
            )
            return {"event_listeners": rows}

        return run_mutation(info, EventListenersPayload, act, reads="input")

    @mutation(permission="Event:write")
    def confirm_events(self, info: Info, input: ConfirmEventsInput) -> ConfirmEventsPayload:
        def act() -> dict[str, Any]:
            warnings = queries.confirm_events(
                info.context.uow, info.context.integration_name, input.events_ids
            )
            return {"warnings": warnings}

        return run_mutation(info, ConfirmEventsPayload, act, reads="input")
