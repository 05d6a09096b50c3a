"""Order, shipment and return queries and mutations of the Integration API."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from sqlalchemy import Integer, String, false, literal_column, true, union_all
from sqlmodel import col, select
from strawberry.types import Info

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.listing import as_list, page, paged
from mockcentra.domain.orders import actions as orders
from mockcentra.domain.orders.status import ReturnStockPolicy
from mockcentra.domain.orders.status import StockAction as DomainStockAction
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.shipments import actions as shipments
from mockcentra.graphql import batch
from mockcentra.graphql.common import (
    CountryInput,
    DisplayInput,
    MonetaryValueInput,
    Payload,
    WarehouseInput,
)
from mockcentra.graphql.displays.schema import TaxGroupInput
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.orders.types import (
    ADDRESS_KEYS,
    ORDER_TYPES,
    Order,
    OrderStatus,
    PaymentHistoryEntry,
    Return,
    ReturnStatus,
    Shipment,
)
from mockcentra.graphql.permissions import field, mutation
from mockcentra.graphql.reference.types import StoreType
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import OrderRow, ReturnRow

# ---------------------------------------------------------------- inputs


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


_SORT_COLUMNS = {
    "id": OrderRow.id,
    "number": OrderRow.number,
    "createdAt": OrderRow.created_at,
    "orderDate": OrderRow.created_at,
    "updatedAt": OrderRow.updated_at,
}


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
    tax_group: TaxGroupInput | None = None
    comment: str | None = None


@strawberry.input
class OrderUpdateInput:
    shipping_address: AddressInput | None = None
    billing_address: AddressInput | None = None
    customer: CustomerRefInput | None = None
    customer_info: CustomerInfoInput | None = None
    is_internal: bool | None = None
    is_on_hold: bool | None = None
    hold_status_change_reason: str | None = None
    cancel_lines: list[CancelLineInput] | None = None
    cancellation_comment: str | None = None
    add_lines: list[AddLineInput] | None = None
    internal_comment: str | None = None

    def to_domain(self) -> orders.OrderUpdate:
        info = self.customer_info
        return orders.OrderUpdate(
            shipping_address=self.shipping_address.to_dict() if self.shipping_address else None,
            billing_address=self.billing_address.to_dict() if self.billing_address else None,
            customer_id=self.customer.id if self.customer else None,
            customer_info=(
                {"firstName": info.first_name, "lastName": info.last_name, "email": info.email}
                if info
                else None
            ),
            is_internal=self.is_internal,
            is_on_hold=self.is_on_hold,
            cancel_lines=[
                orders.CancelLine(
                    c.line.id,
                    c.quantity,
                    DomainStockAction(
                        c.stock_action.value if hasattr(c.stock_action, "value") else c.stock_action
                    ),
                )
                for c in self.cancel_lines or []
            ],
            cancellation_comment=self.cancellation_comment,
            add_lines=[
                orders.AddLine(
                    a.display.id or 0,
                    a.product_size.id,
                    a.quantity,
                    a.unit_price.to_decimal(),
                    a.unit_price.currency_iso_code,
                    a.comment,
                )
                for a in self.add_lines or []
            ],
            internal_comment=self.internal_comment,
        )


@strawberry.input
class ConfirmOrderInput:
    order: OrderInput
    send_email: bool | None = None


@strawberry.input
class SetOrdersLockInput:
    orders: list[OrderInput]
    is_locked: bool


@strawberry.input
class EmailOptionsInput:
    send_email: bool = False


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
class ShipmentCreateInput:
    order: OrderInput
    lines: list[ShipmentLineInput]
    is_good_to_go: bool = False
    is_paid: bool = False
    capture: bool = False
    created_at: DateTimeTz | None = None
    shipped_at: DateTimeTz | None = None
    send_email: bool = False
    additional_message: str | None = None
    allocate_demand: bool = False
    shipment_info: ShipmentInfoInput | None = None


@strawberry.input
class ShipmentUpdateInput:
    is_good_to_go: bool | None = None
    is_paid: bool | None = None
    additional_message: str | None = None
    shipment_info: ShipmentInfoInput | None = None


@strawberry.input
class ShipmentCompleteInput:
    shipped_at: DateTimeTz | None = None
    send_email: bool = False
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
    send_email: bool = False


@strawberry.input
class ReturnFilter:
    id: list[int] | None = None
    status: list[ReturnStatus] | None = None
    customer_id: list[int] | None = None
    store_type: StoreType | None = None
    created_at: DateTimeRange | None = None


# ---------------------------------------------------------------- payloads


@strawberry.type
class OrderPayload(Payload):
    order: Order | None = None


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


def _range(stmt, column, value: DateTimeRange | None, info: Info, name: str):
    if value is None:
        return stmt
    clock = info.context.runtime.clock
    try:
        if value.from_:
            stmt = stmt.where(column >= parse_moment(value.from_, clock))
        if value.to:
            stmt = stmt.where(column <= parse_moment(value.to, clock))
    except ValueError as exc:
        raise DomainError(ErrorCode.INVALID, str(exc), ["where", name]) from None
    return stmt


def _unindexed(name: str, type_):
    """`+orders.<name>`: the same value, but SQLite will not pick an index on the column."""
    return literal_column(f"+orders.{name}", type_)


def _flag(value: bool):
    """A literal 0/1, so SQLite can use the partial index on the few flagged orders."""
    return true() if value else false()


def _id_page_from_index(info: Info, stmt, descending: bool, limit, page_number) -> list[OrderRow]:
    """An id-sorted page of a status or date range: its ids come from that index (which holds
    `is_on_hold` too), so only the page's rows are read, not every order that matches.

    `+orders.id` keeps SQLite from walking the whole table in id order instead: a range of
    recent orders would then be found only after every older order had been read.
    """
    id_key = _unindexed("id", Integer)
    ids = stmt.with_only_columns(OrderRow.id).order_by(id_key.desc() if descending else id_key)
    return _rows_of_page(info, ids, descending, limit, page_number)


def _rows_of_page(info: Info, ids, descending: bool, limit, page_number) -> list[OrderRow]:
    """The orders of one page of an id-sorted id query, read by primary key."""
    key = col(OrderRow.id).desc() if descending else col(OrderRow.id).asc()
    inner = paged(ids, limit, page_number)
    found = select(OrderRow).where(col(OrderRow.id).in_(inner)).order_by(key)
    return list(info.context.session.exec(found))


# per-value index walks merged into one id-sorted page; more values are only filtered on
_MERGED_MAX = 20


# the expression ix_orders_status_id is on (see OrderRow)
_LEAD_KEYS = {"status": literal_column("(orders.status || '')", String)}


def _status_lead(w: OrderFilter, sort: list[OrderSort]) -> tuple[str, list] | None:
    """Statuses in id order are read from the (status, id) index, one walk per status merged,
    unless a date range, a flag index or a filter on few orders (id, number, customer) narrows
    them better; by time the (status, created_at) index serves instead."""
    if not w.status or sort[0] not in (OrderSort.id_ASC, OrderSort.id_DESC):
        return None
    if w.id or w.number or w.customer_id or w.created_at or w.order_date or w.updated_at:
        return None
    if w.is_on_hold or w.is_locked or w.is_internal:
        return None
    return "status", sorted({s.value for s in as_list(w.status)})


def _store_lead(w: OrderFilter, sort: list[OrderSort]) -> tuple[str, list] | None:
    """The store column (and its values) whose (store, id) or (store, created_at) index is to
    find the orders, or None. Only when no other filter or the sort has an index that serves
    better: without statistics SQLite takes `store_id = ?` for a handful of orders, so it
    would read and sort every order of a big store instead."""
    if w.id or w.number or w.status or w.customer_id or w.updated_at:
        return None
    if w.is_on_hold or w.is_locked or w.is_internal:  # the partial indexes serve these
        return None
    by_id = sort[0] in (OrderSort.id_ASC, OrderSort.id_DESC)
    if not by_id and sort[0].value.rsplit("_", 1)[0] not in ("createdAt", "orderDate"):
        return None
    if w.store_id:
        store_ids = sorted(set(as_list(w.store_id)))
        # several stores by time would be read through an IN list, which sorts every match
        if len(store_ids) > (_MERGED_MAX if by_id else 1):
            return None
        return "store_id", store_ids
    if w.store_type:
        return "store_type", [w.store_type.value]
    return None


def _id_page_merged(
    info: Info, stmt, name: str, values: list, descending: bool, limit, page_number
) -> list[OrderRow]:
    """An id-sorted page of the orders with one of a few `values` in column `name`: SQLite
    merges the walks of the (column, id) index for each value, so only the page's rows are
    read however many orders match (an IN list would sort every match instead)."""
    column = _LEAD_KEYS[name] if name in _LEAD_KEYS else getattr(OrderRow, name)
    arms = [stmt.with_only_columns(OrderRow.id).where(column == value) for value in values]
    if len(arms) == 1:
        id_key = col(OrderRow.id)
        ids = arms[0].order_by(id_key.desc() if descending else id_key.asc())
    else:
        id_key = literal_column("id")
        ids = union_all(*arms).order_by(id_key.desc() if descending else id_key.asc())
    return _rows_of_page(info, ids, descending, limit, page_number)


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
            ["input", "returnStockActionPolicy"],
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
        stmt = select(OrderRow)
        w = where or OrderFilter()
        sort = sort or [OrderSort.id_ASC]
        by_id = sort[0] in (OrderSort.id_ASC, OrderSort.id_DESC)
        if w.id:
            stmt = stmt.where(OrderRow.hash.in_(as_list(w.id)))
        if w.number:
            stmt = stmt.where(OrderRow.number.in_(as_list(w.number)))
        # the status or store column whose index finds the orders, if any; other store filters
        # only check the rows found (`+orders.store_...`), as SQLite would prefer their index
        lead = _status_lead(w, sort) or _store_lead(w, sort)
        if w.status and (lead is None or lead[0] != "status"):
            stmt = stmt.where(OrderRow.status.in_([s.value for s in as_list(w.status)]))
        if w.store_type and (lead is None or lead[0] != "store_type"):
            stmt = stmt.where(_unindexed("store_type", String) == w.store_type.value)
        if w.store_id and (lead is None or lead[0] != "store_id"):
            stmt = stmt.where(_unindexed("store_id", Integer).in_(as_list(w.store_id)))
        if w.customer_id:
            stmt = stmt.where(OrderRow.customer_id.in_(as_list(w.customer_id)))
        if w.is_locked is not None:
            stmt = stmt.where(OrderRow.is_locked == _flag(w.is_locked))
        stmt = stmt.where(OrderRow.is_on_hold == _flag(bool(w.is_on_hold)))
        if w.is_internal is not None:
            stmt = stmt.where(OrderRow.is_internal == _flag(w.is_internal))
        stmt = _range(stmt, OrderRow.created_at, w.created_at, info, "createdAt")
        stmt = _range(stmt, OrderRow.created_at, w.order_date, info, "orderDate")
        stmt = _range(stmt, OrderRow.updated_at, w.updated_at, info, "updatedAt")
        ranged = w.created_at or w.order_date or w.updated_at
        descending = sort[0] == OrderSort.id_DESC
        if by_id and lead and not ranged:
            rows = _id_page_merged(info, stmt, *lead, descending, limit, page)
        else:
            if lead:
                stmt = stmt.where(getattr(OrderRow, lead[0]).in_(lead[1]))
            if by_id and (w.status or ranged):
                rows = _id_page_from_index(info, stmt, descending, limit, page)
            else:
                for s in sort:
                    name, direction = s.value.rsplit("_", 1)
                    column = _SORT_COLUMNS[name]
                    stmt = stmt.order_by(column.desc() if direction == "DESC" else column.asc())
                rows = list(page_rows(info, stmt, limit, page))
        batch.register(info, "Order", (row.id for row in rows))
        return rows

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
        stmt = select(ReturnRow).order_by(ReturnRow.id)
        w = where or ReturnFilter()
        if w.id:
            stmt = stmt.where(ReturnRow.id.in_(as_list(w.id)))
        if w.status:
            stmt = stmt.where(ReturnRow.status.in_([s.value for s in as_list(w.status)]))
        if w.customer_id or w.store_type:
            stmt = stmt.join(OrderRow, OrderRow.id == ReturnRow.order_id)
            if w.customer_id:
                stmt = stmt.where(OrderRow.customer_id.in_(as_list(w.customer_id)))
            if w.store_type:
                stmt = stmt.where(OrderRow.store_type == w.store_type.value)
        stmt = _range(stmt, ReturnRow.created_at, w.created_at, info, "createdAt")
        return list(page_rows(info, stmt, limit, page))


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
        )

    @mutation(permission="Order.isLocked:write")
    def set_orders_lock(self, info: Info, input: SetOrdersLockInput) -> OrdersPayload:
        return run_mutation(
            info,
            OrdersPayload,
            lambda: {
                "orders": orders.set_orders_lock(info.context.uow, input.orders, input.is_locked)
            },
        )

    @mutation(permission="Order:write")
    def update_direct_to_consumer_order(
        self, info: Info, order: OrderInput, input: OrderUpdateInput
    ) -> OrderPayload:
        return run_mutation(
            info,
            OrderPayload,
            lambda: {
                "order": orders.update_order(info.context.uow, order, input.to_domain(), dtc=True)
            },
        )

    @mutation(permission="Order:write")
    def update_wholesale_order(
        self, info: Info, order: OrderInput, input: OrderUpdateInput
    ) -> OrderPayload:
        return run_mutation(
            info,
            OrderPayload,
            lambda: {
                "order": orders.update_order(info.context.uow, order, input.to_domain(), dtc=False)
            },
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

        return run_mutation(info, CaptureOrderPayload, act)

    @mutation(permission="Shipment:write")
    def create_shipment(self, info: Info, input: ShipmentCreateInput) -> ShipmentPayload:
        def act():
            shipment, warnings = shipments.create_shipment(
                info.context.uow,
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
            )
            if input.shipped_at:
                shipments.complete_shipment(
                    info.context.uow,
                    shipment.id,
                    shipped_at=input.shipped_at,
                    send_email=input.send_email,
                )
            return {"shipment": shipment, "warnings": warnings}

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def update_shipment(self, info: Info, id: int, input: ShipmentUpdateInput) -> ShipmentPayload:
        return run_mutation(
            info,
            ShipmentPayload,
            lambda: {
                "shipment": shipments.update_shipment(
                    info.context.uow,
                    id,
                    is_paid=input.is_paid,
                    is_good_to_go=input.is_good_to_go,
                    additional_message=input.additional_message,
                    info=input.shipment_info.to_domain() if input.shipment_info else None,
                )
            },
        )

    @mutation(permission="Shipment:write")
    def capture_shipment(self, info: Info, id: int) -> CaptureShipmentPayload:
        def act():
            shipment, entry = shipments.capture_shipment(info.context.uow, id)
            return {"shipment": shipment, "payment_history_entry": entry}

        return run_mutation(info, CaptureShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def complete_shipment(
        self, info: Info, id: int, input: ShipmentCompleteInput | None = None
    ) -> ShipmentPayload:
        data = input or ShipmentCompleteInput()
        return run_mutation(
            info,
            ShipmentPayload,
            lambda: {
                "shipment": shipments.complete_shipment(
                    info.context.uow,
                    id,
                    shipped_at=data.shipped_at,
                    send_email=data.send_email,
                    info=data.shipment_info.to_domain() if data.shipment_info else None,
                )
            },
        )

    @mutation(permission="Shipment:write")
    def delete_shipment(self, info: Info, id: int) -> ShipmentPayload:
        return run_mutation(
            info, ShipmentPayload, lambda: _deleted(shipments.delete_shipment(info.context.uow, id))
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

        return run_mutation(info, ReturnPayload, act)

    @mutation(permission="Return:write")
    def complete_return(
        self, info: Info, id: int, input: ReturnCompleteInput | None = None
    ) -> ReturnPayload:
        return run_mutation(
            info, ReturnPayload, lambda: {"return_": returns.complete_return(info.context.uow, id)}
        )

    @mutation(permission="Return:write")
    def uncomplete_return(self, info: Info, id: int) -> ReturnPayload:
        return run_mutation(
            info,
            ReturnPayload,
            lambda: {"return_": returns.uncomplete_return(info.context.uow, id)},
        )

    @mutation(permission="Return:write")
    def delete_return(self, info: Info, id: int) -> ReturnPayload:
        def act():
            ret, lines = returns.delete_return(info.context.uow, id)
            info.context.cache[("deleted-return-lines", ret.id)] = lines
            return {"return_": ret}

        return run_mutation(info, ReturnPayload, act)


def _cancel(info: Info, ref: OrderInput, input: CancelOrderInput | None) -> dict[str, Any]:
    uow = info.context.uow
    order = orders.find_order(uow, ref, ["id"])
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


EXTRA_TYPES = ORDER_TYPES
