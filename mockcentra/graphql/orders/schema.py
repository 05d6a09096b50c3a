"""Order queries (a list, a Relay connection, one) and the mutations that confirm, lock,
update, cancel and capture an order."""

from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.cursors import SortKey
from mockcentra.domain.listing import as_list
from mockcentra.domain.ordering import actions as orders
from mockcentra.domain.orders.guards import find_order
from mockcentra.domain.orders.listing import OrderListFilter, OrderSource, list_orders, sort_keys
from mockcentra.graphql import batch
from mockcentra.graphql.common import Payload
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.orders.enums import OrderSort, OrderStatus
from mockcentra.graphql.orders.history import HISTORY_TYPES
from mockcentra.graphql.orders.inputs import DateTimeRange, OrderInput, time_range
from mockcentra.graphql.orders.payments import PaymentHistoryEntry
from mockcentra.graphql.orders.types import ORDER_TYPES, Order, WholesaleOrder
from mockcentra.graphql.orders.updates import (
    CancelOrderInput,
    ConfirmOrderInput,
    OrderUpdateInput,
    SetOrdersLockInput,
    WholesaleOrderUpdateInput,
)
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.reference.types import StoreType
from mockcentra.storage.records import RecordSession
from mockcentra.storage.tables import OrderRow
from mockcentra.storage.tables.base import key


@strawberry.input
class OrderFilter:
    id: list[str] | None = None
    number: list[int] | None = None
    status: list[OrderStatus] | None = None
    store_type: StoreType | None = None
    store_id: list[int] | None = None
    customer_id: list[int] | None = None
    created_at: DateTimeRange | None = None
    order_date: DateTimeRange | None = None
    updated_at: DateTimeRange | None = None
    is_locked: bool | None = None
    is_on_hold: bool | None = None
    is_internal: bool | None = None


@strawberry.type
class OrderPayload(Payload):
    order: Order | None = None


@strawberry.type
class WholesaleOrderUpdatePayload(Payload):
    order: WholesaleOrder | None = None


@strawberry.type
class OrdersPayload(Payload):
    orders: list[Order] | None = None


@strawberry.type
class CaptureOrderPayload(Payload):
    order: Order | None = None
    payment_history_entry: PaymentHistoryEntry | None = None


def order_list_filter(info: Info, where: OrderFilter | None) -> OrderListFilter:
    """`where` in the domain's terms: lists, plain status values, parsed times."""
    w = where or OrderFilter()
    return OrderListFilter(
        hashes=as_list(w.id),
        numbers=as_list(w.number),
        statuses=[s.value for s in as_list(w.status)],
        store_type=w.store_type.value if w.store_type else None,
        store_ids=as_list(w.store_id),
        customer_ids=as_list(w.customer_id),
        created=time_range(info, w.created_at, "createdAt"),
        placed=time_range(info, w.order_date, "orderDate"),
        updated=time_range(info, w.updated_at, "updatedAt"),
        is_locked=w.is_locked,
        is_on_hold=bool(w.is_on_hold),
        is_internal=w.is_internal,
    )


def order_sort_keys(sort: list[OrderSort] | None) -> list[SortKey]:
    return sort_keys([s.value for s in as_list(sort)])


@strawberry.type
class Query:
    @strawberry.field(
        description="Orders; held orders are left out unless `where.isOnHold` is given."
    )
    def orders(
        self,
        info: Info,
        where: OrderFilter | None = None,
        sort: list[OrderSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Order]:
        session = info.context.session
        rows = list_orders(
            # a query reads records through the session's read-only stand-in
            RecordSession(session, OrderRow) if batch.is_query(info) else session,  # type: ignore[arg-type]
            order_list_filter(info, where),
            order_sort_keys(sort),
            limit=limit,
            page_number=page,
        )
        batch.register(info, "Order", (key(row) for row in rows))
        if batch.is_query(info):
            batch.keep_orders(info, rows)
        return rows  # type: ignore[return-value]

    @strawberry.field(
        description=(
            "Orders as a Relay connection; held orders are left out unless `where.isOnHold` "
            "is given."
        ),
    )
    def order_connection(
        self,
        info: Info,
        where: OrderFilter | None = None,
        sort: list[OrderSort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Order]:
        return connection(
            OrderSource(info.context.session, order_list_filter(info, where)),
            order_sort_keys(sort),
            first=first,
            after=after,
            last=last,
            before=before,
            loaded=lambda rows: batch.register(info, "Order", (row.id for row in rows)),
        )

    @strawberry.field
    def order(self, info: Info, id: str) -> Order | None:
        return info.context.session.exec(select(OrderRow).where(OrderRow.hash == id)).first()


@strawberry.type
class Mutation:
    @mutation(permission="Order:write")
    def confirm_order(self, info: Info, input: ConfirmOrderInput) -> OrderPayload:
        return run_mutation(
            info,
            OrderPayload,
            lambda: {"order": orders.confirm_order(info.context.uow, input.order)},
            reads="input",
        )

    @mutation(permission="Order.isLocked:write")
    def set_orders_lock(self, info: Info, input: SetOrdersLockInput) -> OrdersPayload:
        return run_mutation(
            info,
            OrdersPayload,
            lambda: {
                "orders": orders.set_orders_lock(info.context.uow, input.orders, input.is_locked)
            },
            reads="input",
        )

    @mutation(permission="Order:write")
    def update_direct_to_consumer_order(
        self, info: Info, order: OrderInput, input: OrderUpdateInput
    ) -> OrderPayload:
        return run_mutation(
            info, OrderPayload, lambda: _update(info, order, input.to_domain(), dtc=True)
        )

    @mutation(permission="Order:write")
    def update_wholesale_order(
        self, info: Info, order: OrderInput, input: WholesaleOrderUpdateInput
    ) -> WholesaleOrderUpdatePayload:
        return run_mutation(
            info,
            WholesaleOrderUpdatePayload,
            lambda: _update(info, order, input.to_domain(), dtc=False),
        )

    @mutation(permission="Order:write")
    def cancel_direct_to_consumer_order(
        self, info: Info, id: str, input: CancelOrderInput | None = None
    ) -> OrderPayload:
        return run_mutation(
            info, OrderPayload, lambda: _cancel(info, OrderInput(id=id), input, "id")
        )

    @mutation(
        permission="Order:write",
        description="mockcentra alias of cancelDirectToConsumerOrder that also takes an order number.",
    )
    def cancel_order(
        self, info: Info, order: OrderInput, input: CancelOrderInput | None = None
    ) -> OrderPayload:
        return run_mutation(info, OrderPayload, lambda: _cancel(info, order, input, "order"))

    @mutation(permission="Order:write")
    def capture_order(self, info: Info, order: OrderInput) -> CaptureOrderPayload:
        def act():
            row, entry = orders.capture_order(info.context.uow, order)
            return {"order": row, "payment_history_entry": entry}

        return run_mutation(info, CaptureOrderPayload, act, reads="order")


def _update(info: Info, ref: OrderInput, change: Any, *, dtc: bool) -> dict[str, Any]:
    """An order update: the `order` argument names the order, `input` the change."""
    uow = info.context.uow
    with reading("order"):
        order = orders.order_to_change(uow, ref, change, dtc=dtc)
    with reading("input"):
        return {"order": orders.change_order(uow, order, change)}


def _cancel(
    info: Info, ref: OrderInput, input: CancelOrderInput | None, argument: str
) -> dict[str, Any]:
    """`argument`: the mutation's argument that names the order (`id` or `order`)."""
    uow = info.context.uow
    order = find_order(uow, ref, [argument])
    data = input or CancelOrderInput()
    warnings = orders.cancel_order(
        uow,
        order,
        comment=data.comment,
        remove_from_stock=bool(data.stock_action and data.stock_action.remove_items_from_stock),
        cancel_authorization=data.cancel_authorization,
    )
    return {"order": order, "warnings": warnings}


EXTRA_TYPES = [*ORDER_TYPES, *HISTORY_TYPES]
