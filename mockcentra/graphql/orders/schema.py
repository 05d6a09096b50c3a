"""Order, shipment and return queries and mutations of the Integration API."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.addresses import ADDRESS_KEYS
from mockcentra.domain.cursors import SortKey, StatementSource, keys_of
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.listing import as_list, page
from mockcentra.domain.ordering import actions as orders
from mockcentra.domain.orders.guards import find_order
from mockcentra.domain.orders.listing import (
    OrderListFilter,
    OrderSource,
    TimeRange,
    list_orders,
    sort_keys,
)
from mockcentra.domain.orders.status import StockAction as DomainStockAction
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.returns.queries import RETURN_SORT_COLUMNS, returns_matching
from mockcentra.domain.returns.status import ReturnStockPolicy
from mockcentra.domain.shipments import actions as shipments
from mockcentra.graphql import batch
from mockcentra.graphql.common import (
    CountryInput,
    DisplayInput,
    MonetaryValueInput,
    Payload,
    TaxGroupInput,
    WarehouseInput,
)
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.errors import placed_warning, reading, run_mutation
from mockcentra.graphql.orders.history import HISTORY_TYPES
from mockcentra.graphql.orders.types import (
    ORDER_TYPES,
    Order,
    OrderStatus,
    PaymentHistoryEntry,
    WholesaleOrder,
)
from mockcentra.graphql.permissions import field, mutation
from mockcentra.graphql.reference.types import StoreType
from mockcentra.graphql.returns.types import RETURN_TYPES, DeletedReturn, Return, ReturnStatus
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.shipments.types import SHIPMENT_TYPES, Shipment
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.records import RecordSession
from mockcentra.storage.tables import OrderRow, ReturnRow

# ---------------------------------------------------------------- inputs


#: The description of every `sendEmail` input: it is accepted so that calls written for Centra
#: run unchanged.
NO_EMAILS = "Accepted and ignored: mockcentra sends no emails."


@strawberry.input
class OrderInput:
    """An order by its 32-hex `id` or its `number`."""

    id: str | None = None
    number: int | None = None


@strawberry.input
class DateTimeRange:
    from_: DateTimeTz | None = strawberry.field(name="from", default=None)
    to: DateTimeTz | None = None


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


@strawberry.enum
class OrderSort(Enum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    number_ASC = "number_ASC"
    number_DESC = "number_DESC"
    createdAt_ASC = "createdAt_ASC"
    createdAt_DESC = "createdAt_DESC"
    orderDate_ASC = "orderDate_ASC"
    orderDate_DESC = "orderDate_DESC"
    updatedAt_ASC = "updatedAt_ASC"
    updatedAt_DESC = "updatedAt_DESC"


@strawberry.input
class AddressInput:
    first_name: str | None = None
    last_name: str | None = None
    company_name: str | None = None
    attention: str | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    zip_code: str | None = None
    state_or_province: str | None = None
    email: str | None = None
    phone_number: str | None = None
    cell_phone_number: str | None = None
    fax_number: str | None = None
    vat_number: str | None = None
    country: CountryInput | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            key: getattr(self, py)
            for py, key in ADDRESS_KEYS.items()
            if getattr(self, py) is not None
        }
        if self.country is not None and self.country.code:
            out["country"] = self.country.code.upper()
        return out


@strawberry.input
class CustomerRefInput:
    id: int


@strawberry.input
class CustomerInfoInput:
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.input
class OrderLineInput:
    id: int


StockAction = strawberry.enum(DomainStockAction, name="StockAction")


@strawberry.input
class CancelLineInput:
    line: OrderLineInput
    quantity: int
    stock_action: StockAction = DomainStockAction.RELEASE_BACK_TO_WAREHOUSE


@strawberry.input
class ProductSizeRefInput:
    id: int


@strawberry.input
class AddLineInput:
    display: DisplayInput
    product_size: ProductSizeRefInput
    quantity: int
    unit_price: MonetaryValueInput
    tax_group: TaxGroupInput | None = strawberry.field(
        default=None,
        description="Accepted and ignored: an added line is taxed at the order's tax rate.",
    )
    comment: str | None = None


@strawberry.input
class OrderUpdateInput:
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None
    customer: CustomerRefInput | None = None
    customer_info: CustomerInfoInput | None = None
    is_internal: bool | None = None
    is_on_hold: bool | None = None
    hold_status_change_reason: str | None = strawberry.field(
        default=None, description="Accepted and ignored: mockcentra keeps no order history."
    )
    cancel_lines: list[CancelLineInput] | None = None
    cancellation_comment: str | None = None
    add_lines: list[AddLineInput] | None = None
    internal_comment: str | None = None
    shipping_cost: MonetaryValueInput | None = strawberry.field(
        default=None, description="A lower shipping cost (or 0) for a CONFIRMED order."
    )

    def to_domain(self) -> orders.OrderUpdate:
        info = self.customer_info
        cost = self.shipping_cost
        return _order_update(
            self,
            shipping_cost=cost.to_decimal() if cost else None,
            shipping_cost_currency=cost.currency_iso_code if cost else None,
            customer_id=self.customer.id if self.customer else None,
            customer_info=(
                {"firstName": info.first_name, "lastName": info.last_name, "email": info.email}
                if info
                else None
            ),
        )


@strawberry.input
class BuyerInfoInput:
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@strawberry.input
class WholesaleOrderUpdateInput:
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None
    add_lines: list[AddLineInput] | None = None
    cancel_lines: list[CancelLineInput] | None = None
    cancellation_comment: str | None = None
    is_internal: bool | None = None
    is_on_hold: bool | None = None
    hold_status_change_reason: str | None = None
    buyer_info: BuyerInfoInput | None = strawberry.field(
        default=None, description="Who ordered, as kept on the order (the buyer is unchanged)."
    )
    internal_comment: str | None = None

    def to_domain(self) -> orders.OrderUpdate:
        info = self.buyer_info
        return _order_update(
            self,
            buyer_info=(
                {"firstName": info.first_name, "lastName": info.last_name, "email": info.email}
                if info
                else None
            ),
        )


def _order_update(input: Any, **who: Any) -> orders.OrderUpdate:
    """The changes both order update inputs share, plus who ordered (`who`)."""
    return orders.OrderUpdate(
        shipping_address=input.shipping_address.to_dict() if input.shipping_address else None,
        billing_address=input.billing_address.to_dict() if input.billing_address else None,
        is_internal=input.is_internal,
        is_on_hold=input.is_on_hold,
        cancel_lines=[
            orders.CancelLine(
                c.line.id,
                c.quantity,
                DomainStockAction(
                    c.stock_action.value if hasattr(c.stock_action, "value") else c.stock_action
                ),
            )
            for c in input.cancel_lines or []
        ],
        cancellation_comment=input.cancellation_comment,
        add_lines=[
            orders.AddLine(
                a.display.id or 0,
                a.product_size.id,
                a.quantity,
                a.unit_price.to_decimal(),
                a.unit_price.currency_iso_code,
                a.comment,
            )
            for a in input.add_lines or []
        ],
        internal_comment=input.internal_comment,
        **who,
    )


@strawberry.input
class ConfirmOrderInput:
    order: OrderInput
    send_email: bool | None = strawberry.field(default=None, description=NO_EMAILS)


@strawberry.input
class SetOrdersLockInput:
    orders: list[OrderInput]
    is_locked: bool


@strawberry.input
class EmailOptionsInput:
    send_email: bool = strawberry.field(default=False, description=NO_EMAILS)


@strawberry.input
class CancelStockActionInput:
    remove_items_from_stock: bool = False


@strawberry.input
class CancelOrderInput:
    comment: str | None = None
    email_options: EmailOptionsInput | None = None
    stock_action: CancelStockActionInput | None = None
    cancel_authorization: bool = False


@strawberry.input
class ShipmentLineInput:
    order_line: OrderLineInput
    quantity: int


@strawberry.input
class ShipmentInfoInput:
    carrier: str | None = None
    service: str | None = None
    packages_number: int | None = None
    tracking_number: str | None = None
    return_tracking_number: str | None = None
    internal_shipping_cost: MonetaryValueInput | None = None

    def to_domain(self) -> shipments.ShipmentInfo:
        cost = self.internal_shipping_cost
        return shipments.ShipmentInfo(
            carrier=self.carrier,
            service=self.service,
            packages=self.packages_number,
            tracking_number=self.tracking_number,
            return_tracking_number=self.return_tracking_number,
            internal_shipping_cost=cost.to_decimal() if cost else None,
        )


@strawberry.input
class ShipmentMethodInput:
    """The store's shipment plugin to book the shipment with."""

    plugin_id: int


@strawberry.input
class ShipmentCreateInput:
    order: OrderInput
    lines: list[ShipmentLineInput]
    is_good_to_go: bool = False
    is_paid: bool = False
    capture: bool = False
    created_at: DateTimeTz | None = None
    shipped_at: DateTimeTz | None = None
    send_email: bool = strawberry.field(default=False, description=NO_EMAILS)
    additional_message: str | None = None
    allocate_demand: bool = False
    shipment_info: ShipmentInfoInput | None = None
    shipment_method: ShipmentMethodInput | None = None


@strawberry.input
class ShipmentUpdateInput:
    is_good_to_go: bool | None = None
    is_paid: bool | None = None
    additional_message: str | None = None
    shipment_info: ShipmentInfoInput | None = None


@strawberry.input
class ShipmentCompleteInput:
    shipped_at: DateTimeTz | None = None
    send_email: bool = strawberry.field(default=False, description=NO_EMAILS)
    shipment_info: ShipmentInfoInput | None = None


@strawberry.input
class ShipmentRefInput:
    id: int


@strawberry.input
class ShipmentLineRefInput:
    id: int


@strawberry.input
class ReturnLineInput:
    shipment_line: ShipmentLineRefInput
    quantity: int


@strawberry.input
class DifferentWarehouseInput:
    warehouse: WarehouseInput


@strawberry.input
class ReturnStockActionPolicyInput:
    release_items_back_to_warehouse: bool | None = None
    send_items_to_different_warehouse: DifferentWarehouseInput | None = None
    remove_items_from_stock: bool | None = None


@strawberry.input
class ReturnCostInput:
    value: MonetaryValueInput | None = None
    from_shipment: bool | None = None

    def to_domain(self) -> returns.ReturnCost:
        return returns.ReturnCost(
            self.value.to_decimal() if self.value else None, bool(self.from_shipment)
        )


@strawberry.input
class ReturnCreateInput:
    shipment: ShipmentRefInput
    lines: list[ReturnLineInput]
    return_stock_action_policy: ReturnStockActionPolicyInput
    shipping_cost: ReturnCostInput | None = None
    handling_cost: ReturnCostInput | None = None
    voucher_value: ReturnCostInput | None = None
    comment: str | None = None


@strawberry.input
class ReturnCompleteInput:
    send_email: bool = strawberry.field(default=False, description=NO_EMAILS)


@strawberry.input
class ReturnFilter:
    id: list[int] | None = None
    status: list[ReturnStatus] | None = None
    customer_id: list[int] | None = None
    store_type: StoreType | None = None
    created_at: DateTimeRange | None = None


@strawberry.enum
class ReturnSort(Enum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"


def _return_filter(info: Info, where: ReturnFilter | None) -> dict[str, Any]:
    w = where or ReturnFilter()
    return {
        "ids": as_list(w.id),
        "statuses": [s.value for s in as_list(w.status)],
        "customer_ids": as_list(w.customer_id),
        "store_type": w.store_type.value if w.store_type else None,
        "created": _range(info, w.created_at, "createdAt"),
    }


# ---------------------------------------------------------------- payloads


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


@strawberry.type
class ShipmentPayload(Payload):
    shipment: Shipment | None = None


@strawberry.type
class CaptureShipmentPayload(Payload):
    shipment: Shipment | None = None
    payment_history_entry: PaymentHistoryEntry | None = None


@strawberry.type
class ReturnPayload(Payload):
    return_: Return | None = strawberry.field(name="return", default=None)


# ---------------------------------------------------------------- helpers


def _range(info: Info, value: DateTimeRange | None, name: str) -> TimeRange | None:
    if value is None:
        return None
    clock = info.context.runtime.clock
    try:
        return TimeRange(
            parse_moment(value.from_, clock) if value.from_ else None,
            parse_moment(value.to, clock) if value.to else None,
        )
    except ValueError as exc:
        raise DomainError(ErrorCode.INVALID, str(exc), ["where", name]) from None


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
        created=_range(info, w.created_at, "createdAt"),
        placed=_range(info, w.order_date, "orderDate"),
        updated=_range(info, w.updated_at, "updatedAt"),
        is_locked=w.is_locked,
        is_on_hold=bool(w.is_on_hold),
        is_internal=w.is_internal,
    )


def order_sort_keys(sort: list[OrderSort] | None) -> list[SortKey]:
    return sort_keys([s.value for s in as_list(sort)])


def _stock_policy(policy: ReturnStockActionPolicyInput) -> tuple[ReturnStockPolicy, int | None]:
    chosen = [
        (ReturnStockPolicy.RELEASE_BACK_TO_WAREHOUSE, None)
        if policy.release_items_back_to_warehouse
        else None,
        (
            ReturnStockPolicy.SEND_TO_DIFFERENT_WAREHOUSE,
            policy.send_items_to_different_warehouse.warehouse.id,
        )
        if policy.send_items_to_different_warehouse
        else None,
        (ReturnStockPolicy.REMOVE_FROM_STOCK, None) if policy.remove_items_from_stock else None,
    ]
    picked = [c for c in chosen if c is not None]
    if len(picked) != 1:
        raise DomainError(
            ErrorCode.INVALID,
            "Choose exactly one return stock action policy.",
            ["returnStockActionPolicy"],
        )
    return picked[0]


# ---------------------------------------------------------------- root fields


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
            RecordSession(session, OrderRow) if batch.is_query(info) else session,
            order_list_filter(info, where),
            order_sort_keys(sort),
            limit=limit,
            page_number=page,
        )
        batch.register(info, "Order", (row.id for row in rows))
        if batch.is_query(info):
            batch.keep_orders(info, rows)
        return rows

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

    @field(permission="Return:read")
    def returns(
        self,
        info: Info,
        where: ReturnFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Return]:
        stmt = returns_matching(**_return_filter(info, where)).order_by(ReturnRow.id)
        rows = list(page_rows(info, stmt, limit, page))
        batch.load_orders(info, (row.order_id for row in rows))
        return rows

    @strawberry.field
    def return_connection(
        self,
        info: Info,
        where: ReturnFilter | None = None,
        sort: list[ReturnSort] | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Return]:
        """Returns as a Relay connection, by id unless sorted."""
        keys = keys_of([s.value for s in as_list(sort)], RETURN_SORT_COLUMNS, ReturnRow.id)
        stmt = returns_matching(**_return_filter(info, where))
        return connection(
            StatementSource(info.context.session, stmt),
            keys,
            first=first,
            after=after,
            last=last,
            before=before,
        )


def page_rows(info: Info, stmt, limit, page_number):
    return page(info.context.session, stmt, limit, page_number)


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
        return run_mutation(info, OrderPayload, lambda: _cancel(info, OrderInput(id=id), input))

    @mutation(
        permission="Order:write",
        description="mockcentra alias of cancelDirectToConsumerOrder that also takes an order number.",
    )
    def cancel_order(
        self, info: Info, order: OrderInput, input: CancelOrderInput | None = None
    ) -> OrderPayload:
        return run_mutation(info, OrderPayload, lambda: _cancel(info, order, input))

    @mutation(permission="Order:write")
    def capture_order(self, info: Info, order: OrderInput) -> CaptureOrderPayload:
        def act():
            row, entry = orders.capture_order(info.context.uow, order)
            return {"order": row, "payment_history_entry": entry}

        return run_mutation(info, CaptureOrderPayload, act, reads="order")

    @mutation(permission="Shipment:write")
    def create_shipment(self, info: Info, input: ShipmentCreateInput) -> ShipmentPayload:
        def act():
            uow = info.context.uow
            with reading("input"):
                shipment, warnings = shipments.create_shipment(
                    uow,
                    input.order,
                    [shipments.ShipLine(line.order_line.id, line.quantity) for line in input.lines],
                    is_good_to_go=input.is_good_to_go,
                    is_paid=input.is_paid,
                    capture_now=input.capture,
                    created_at=input.created_at,
                    additional_message=input.additional_message,
                    allocate_demand=input.allocate_demand,
                    send_email=input.send_email,
                    info=input.shipment_info.to_domain() if input.shipment_info else None,
                    shipment_plugin_id=input.shipment_method.plugin_id
                    if input.shipment_method
                    else None,
                )
            if input.shipped_at:
                # As before: a shipment that may not be completed is refused at "id".
                with reading("id"):
                    ready, order = shipments.shipment_to_complete(uow, shipment.id)
                with reading("input"):
                    shipments.complete_ready_shipment(
                        uow, ready, order, shipped_at=input.shipped_at, send_email=input.send_email
                    )
            return {
                "shipment": shipment,
                "warnings": [placed_warning(w, "input") for w in warnings],
            }

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def update_shipment(self, info: Info, id: int, input: ShipmentUpdateInput) -> ShipmentPayload:
        def act() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                shipment, order = shipments.find_shipment(uow, id)
            with reading("input"):
                changed = shipments.change_shipment(
                    uow,
                    shipment,
                    order,
                    is_paid=input.is_paid,
                    is_good_to_go=input.is_good_to_go,
                    additional_message=input.additional_message,
                    info=input.shipment_info.to_domain() if input.shipment_info else None,
                )
            return {"shipment": changed}

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def capture_shipment(self, info: Info, id: int) -> CaptureShipmentPayload:
        def act():
            shipment, entry = shipments.capture_shipment(info.context.uow, id)
            return {"shipment": shipment, "payment_history_entry": entry}

        return run_mutation(info, CaptureShipmentPayload, act, reads="id")

    @mutation(permission="Shipment:write")
    def complete_shipment(
        self, info: Info, id: int, input: ShipmentCompleteInput | None = None
    ) -> ShipmentPayload:
        data = input or ShipmentCompleteInput()

        def act() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                shipment, order = shipments.shipment_to_complete(uow, id)
            with reading("input"):
                done = shipments.complete_ready_shipment(
                    uow,
                    shipment,
                    order,
                    shipped_at=data.shipped_at,
                    send_email=data.send_email,
                    info=data.shipment_info.to_domain() if data.shipment_info else None,
                )
            return {"shipment": done}

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def delete_shipment(self, info: Info, id: int) -> ShipmentPayload:
        return run_mutation(
            info,
            ShipmentPayload,
            lambda: _deleted(shipments.delete_shipment(info.context.uow, id)),
            reads="id",
        )

    @mutation(permission="Return:write")
    def create_return(self, info: Info, input: ReturnCreateInput) -> ReturnPayload:
        def act():
            policy, warehouse_id = _stock_policy(input.return_stock_action_policy)
            ret = returns.create_return(
                info.context.uow,
                input.shipment.id,
                [returns.ReturnLine(line.shipment_line.id, line.quantity) for line in input.lines],
                policy=policy,
                warehouse_id=warehouse_id,
                shipping_cost=input.shipping_cost.to_domain() if input.shipping_cost else None,
                handling_cost=input.handling_cost.to_domain() if input.handling_cost else None,
                voucher_value=input.voucher_value.to_domain() if input.voucher_value else None,
                comment=input.comment,
            )
            return {"return_": ret}

        return run_mutation(info, ReturnPayload, act, reads="input")

    @mutation(permission="Return:write")
    def complete_return(
        self, info: Info, id: int, input: ReturnCompleteInput | None = None
    ) -> ReturnPayload:
        return run_mutation(
            info,
            ReturnPayload,
            lambda: {"return_": returns.complete_return(info.context.uow, id)},
            reads="id",
        )

    @mutation(permission="Return:write")
    def uncomplete_return(self, info: Info, id: int) -> ReturnPayload:
        return run_mutation(
            info,
            ReturnPayload,
            lambda: {"return_": returns.uncomplete_return(info.context.uow, id)},
            reads="id",
        )

    @mutation(permission="Return:write")
    def delete_return(self, info: Info, id: int) -> ReturnPayload:
        def act():
            ret, lines = returns.delete_return(info.context.uow, id)
            return {"return_": DeletedReturn(ret, lines)}

        return run_mutation(info, ReturnPayload, act, reads="id")


def _update(info: Info, ref: OrderInput, change: Any, *, dtc: bool) -> dict[str, Any]:
    """An order update: the `order` argument names the order, `input` the change."""
    uow = info.context.uow
    with reading("order"):
        order = orders.order_to_change(uow, ref, change, dtc=dtc)
    with reading("input"):
        return {"order": orders.change_order(uow, order, change)}


def _cancel(info: Info, ref: OrderInput, input: CancelOrderInput | None) -> dict[str, Any]:
    uow = info.context.uow
    order = find_order(uow, ref, ["id"])
    data = input or CancelOrderInput()
    warnings = orders.cancel_order(
        uow,
        order,
        comment=data.comment,
        remove_from_stock=bool(data.stock_action and data.stock_action.remove_items_from_stock),
        cancel_authorization=data.cancel_authorization,
    )
    return {"order": order, "warnings": warnings}


def _deleted(shipment) -> dict[str, Any]:
    return {"shipment": None}


EXTRA_TYPES = [*ORDER_TYPES, *SHIPMENT_TYPES, *RETURN_TYPES, *HISTORY_TYPES]
