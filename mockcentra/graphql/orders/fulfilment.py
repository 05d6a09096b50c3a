"""Fulfilment mutations on orders: allocating and unallocating stock, payment authorization."""

import strawberry
from strawberry.types import Info

from mockcentra.domain.ordering import allocations
from mockcentra.domain.payments.authorization import release_remaining_authorization
from mockcentra.graphql.common import Payload, WarehouseInput
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.orders.inputs import OrderInput, OrderLineInput
from mockcentra.graphql.orders.payments import PaymentHistoryEntry
from mockcentra.graphql.orders.types import Order
from mockcentra.graphql.permissions import mutation

# ---------------------------------------------------------------- allocation


@strawberry.input
class OrderLineAllocateInput:
    order_line: OrderLineInput
    quantity: int


@strawberry.input
class OrderLineUnallocateInput:
    order_line: OrderLineInput
    quantity: int


@strawberry.input
class OrderAllocateInput:
    order: OrderInput
    warehouses: list[WarehouseInput] | None = strawberry.field(
        default=None,
        description="Warehouses to allocate from, in this order; the allocation rule's when "
        "left out.",
    )
    allocate: list[OrderLineAllocateInput] | None = strawberry.field(
        default=None, description="Leave out to allocate every unallocated unit of the order."
    )
    comment: str | None = None


@strawberry.input
class StockPolicyActionInput:
    """Exactly one option: what happens to the stock that is no longer allocated."""

    release_items_back_to_warehouse: bool | None = None
    send_items_to_different_warehouse: WarehouseInput | None = None
    remove_items_from_stock: bool | None = None


@strawberry.input
class OrderUnallocateInput:
    order: OrderInput
    warehouses: list[WarehouseInput] | None = strawberry.field(
        default=None, description="Only these warehouses' allocations; all when left out."
    )
    unallocate: list[OrderLineUnallocateInput] | None = strawberry.field(
        default=None, description="Leave out to unallocate the whole order."
    )
    stock_action_policy: StockPolicyActionInput
    comment: str | None = None


@strawberry.type
class OrderAllocatePayload(Payload):
    order: Order | None = None


@strawberry.type
class OrderUnallocatePayload(Payload):
    order: Order | None = None


@strawberry.type
class ReleaseRemainingOrderAuthorizationPayload(Payload):
    order: Order | None = None
    payment_history_entry: PaymentHistoryEntry | None = None


def _lines(entries: list | None) -> list[allocations.LineQuantity]:
    return [allocations.LineQuantity(e.order_line.id, e.quantity) for e in entries or []]


@strawberry.type
class Mutation:
    @mutation(permission="Order:write")
    def allocate_order(self, info: Info, input: OrderAllocateInput) -> OrderAllocatePayload:
        def act():
            order, warnings = allocations.allocate_order(
                info.context.uow,
                input.order,
                _lines(input.allocate),
                input.warehouses or [],
                input.comment,
            )
            return {"order": order, "warnings": warnings}

        return run_mutation(info, OrderAllocatePayload, act, reads="input")

    @mutation(permission="Order:write")
    def unallocate_order(self, info: Info, input: OrderUnallocateInput) -> OrderUnallocatePayload:
        def act():
            p = input.stock_action_policy
            policy = allocations.choose_policy(
                p.release_items_back_to_warehouse,
                p.send_items_to_different_warehouse,
                p.remove_items_from_stock,
                ["stockActionPolicy"],
            )
            order, warnings = allocations.unallocate_order(
                info.context.uow,
                input.order,
                policy,
                _lines(input.unallocate),
                input.warehouses or [],
                input.comment,
            )
            return {"order": order, "warnings": warnings}

        return run_mutation(info, OrderUnallocatePayload, act, reads="input")

    @mutation(
        permission="Payment.cancel:write",
        description="Void what a partially captured order has authorized and not captured.",
    )
    def release_remaining_order_authorization(
        self, info: Info, order: OrderInput
    ) -> ReleaseRemainingOrderAuthorizationPayload:
        def act():
            row, entry = release_remaining_authorization(info.context.uow, order)
            return {"order": row, "payment_history_entry": entry}

        return run_mutation(info, ReleaseRemainingOrderAuthorizationPayload, act)
