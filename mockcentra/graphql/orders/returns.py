"""Return queries (a list, a Relay connection) and the mutations that create, complete,
uncomplete and delete a return."""

from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.cursors import StatementSource, keys_of
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.listing import as_list, page
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.returns.queries import RETURN_SORT_COLUMNS, returns_matching
from mockcentra.domain.returns.status import ReturnStatus, ReturnStockPolicy
from mockcentra.graphql import batch
from mockcentra.graphql.common import MonetaryValueInput, Payload, WarehouseInput
from mockcentra.graphql.connections import Connection, connection
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.orders.inputs import NO_EMAILS, DateTimeRange, time_range
from mockcentra.graphql.permissions import field, mutation
from mockcentra.graphql.reference.types import StoreType
from mockcentra.graphql.returns.types import RETURN_TYPES, DeletedReturn, Return
from mockcentra.storage.tables import ReturnRow


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
        "created": time_range(info, w.created_at, "createdAt"),
    }


@strawberry.type
class ReturnPayload(Payload):
    return_: Return | None = strawberry.field(name="return", default=None)


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


@strawberry.type
class Query:
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


EXTRA_TYPES = RETURN_TYPES
