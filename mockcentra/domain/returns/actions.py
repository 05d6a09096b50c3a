"""Returns: from a shipped shipment's lines, with a stock policy; completed, reopened, deleted,
and refunded (Centra's GraphQL has no refund mutation; the REST Order API calls `refund_return`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.money import ZERO, format_money, round_money
from mockcentra.domain.orders.guards import ensure_not_locked_by_other, touch
from mockcentra.domain.orders.line_checks import asked_lines, at_most_left
from mockcentra.domain.payments.actions import refund
from mockcentra.domain.returns.status import ReturnStatus, ReturnStockPolicy, move
from mockcentra.domain.returns.totals import return_totals
from mockcentra.domain.shipments.queries import shipment_lines
from mockcentra.domain.stock import allocation
from mockcentra.storage.loads import loader_of
from mockcentra.storage.tables import (
    OrderLineRow,
    OrderRow,
    ReturnLineRow,
    ReturnRow,
    ShipmentLineRow,
    ShipmentRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import by_key, key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork, insert_new


@dataclass
class ReturnLine:
    shipment_line_id: int
    quantity: int


@dataclass
class ReturnCost:
    """A cost on a return: an explicit value, or all that remains of it on the shipment."""

    value: Decimal | None = None
    from_shipment: bool = False


def return_lines(session, return_id: int) -> list[ReturnLineRow]:
    """The return's lines in id order."""
    return loader_of(ReturnLineRow).where_in(session, "return_id", (return_id,))


def _emit(uow: UnitOfWork, order: OrderRow, ret: ReturnRow, change: str) -> None:
    uow.emit(
        PendingEvent(
            "Return",
            change,
            str(ret.id),
            store_id=order.store_id,
            market_id=order.market_id,
            data={"order": order.number},
        )
    )


def _cost(name: str, cost: ReturnCost | None, remaining: Decimal, currency: str) -> Decimal:
    if cost is None:
        return ZERO
    if cost.from_shipment:
        return remaining
    value = round_money(cost.value or ZERO)
    if value < 0:
        raise invalid(f"{name} cannot be negative.", [name])
    if value > remaining:
        raise invalid(
            f"{name} {format_money(value, currency)} is more than the "
            f"{format_money(remaining, currency)} remaining on the shipment.",
            [name],
        )
    return value


def create_return(
    uow: UnitOfWork,
    shipment_id: int,
    lines: list[ReturnLine],
    *,
    policy: ReturnStockPolicy,
    warehouse_id: int | None = None,
    shipping_cost: ReturnCost | None = None,
    handling_cost: ReturnCost | None = None,
    voucher_value: ReturnCost | None = None,
    comment: str | None = None,
) -> ReturnRow:
    shipment, order = _returnable(uow, shipment_id, lines)
    target = _target_warehouse(uow, policy, warehouse_id)
    ret = _new_return(
        uow,
        order,
        shipment,
        policy,
        target,
        shipping_cost=shipping_cost,
        handling_cost=handling_cost,
        voucher_value=voucher_value,
        comment=comment,
    )
    insert_new(uow.session, ret)
    _return_lines(uow, ret, shipment, lines, policy, target)
    uow.session.flush()
    _emit(uow, order, ret, "CREATED")
    touch(uow, order)
    return ret


def _returnable(
    uow: UnitOfWork, shipment_id: int, lines: list[ReturnLine]
) -> tuple[ShipmentRow, OrderRow]:
    """The shipment and its order, when the shipment is shipped and lines are asked for."""
    shipment = by_key(uow.session, ShipmentRow, shipment_id)
    if shipment is None:
        raise not_found("shipment", shipment_id, ["shipment"])
    order = stored(uow.session, OrderRow, shipment.order_id)
    ensure_not_locked_by_other(uow, order)
    if shipment.shipped_at is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Shipment {shipment.number} is not shipped; only shipped items can be returned.",
            ["shipment"],
        )
    if not lines:
        raise invalid("A return needs at least one line.", ["lines"])
    return shipment, order


def _target_warehouse(
    uow: UnitOfWork, policy: ReturnStockPolicy, warehouse_id: int | None
) -> WarehouseRow | None:
    """The warehouse returned units are sent to, for SEND_TO_DIFFERENT_WAREHOUSE."""
    if policy == ReturnStockPolicy.SEND_TO_DIFFERENT_WAREHOUSE:
        target = uow.session.get(WarehouseRow, warehouse_id or 0)
        if target is None:
            raise not_found("warehouse", warehouse_id, ["returnStockActionPolicy"])
        return target
    return None


def _new_return(
    uow: UnitOfWork,
    order: OrderRow,
    shipment: ShipmentRow,
    policy: ReturnStockPolicy,
    target: WarehouseRow | None,
    *,
    shipping_cost: ReturnCost | None,
    handling_cost: ReturnCost | None,
    voucher_value: ReturnCost | None,
    comment: str | None,
) -> ReturnRow:
    """The return's row, PENDING; its shipping and handling costs are at most what earlier
    returns of the shipment left of the shipment's own."""
    earlier = loader_of(ReturnRow).where_in(uow.session, "shipment_id", (key(shipment),))
    now = uow.clock.now()
    return ReturnRow(
        order_id=key(order),
        shipment_id=key(shipment),
        status=ReturnStatus.PENDING.value,
        stock_policy=policy.value,
        target_warehouse_id=target.id if target else None,
        shipping_value=_cost(
            "shippingCost",
            shipping_cost,
            shipment.shipping_value - sum((r.shipping_value for r in earlier), ZERO),
            order.currency_code,
        ),
        handling_value=_cost(
            "handlingCost",
            handling_cost,
            shipment.handling_value - sum((r.handling_value for r in earlier), ZERO),
            order.currency_code,
        ),
        voucher_value=_cost("voucherValue", voucher_value, ZERO, order.currency_code),
        comment=comment,
        created_at=now,
        updated_at=now,
    )


def _return_lines(
    uow: UnitOfWork,
    ret: ReturnRow,
    shipment: ShipmentRow,
    lines: list[ReturnLine],
    policy: ReturnStockPolicy,
    target: WarehouseRow | None,
) -> None:
    """Each asked shipment line returned (at most what is shipped and not yet returned), its
    units handled by the stock policy."""
    own = {key(sl): sl for sl in shipment_lines(uow.session, key(shipment))}
    for sl, wanted, path in asked_lines(
        lines,
        own,
        line_of=lambda w: w.shipment_line_id,
        quantity_of=lambda w: w.quantity,
        noun="Shipment line",
        owner=f"shipment {shipment.number}",
        path=["lines"],
        field="shipmentLine",
    ):
        at_most_left(
            wanted.quantity,
            sl.quantity - sl.returned_quantity,
            action="return",
            noun="shipment line",
            line_id=sl.id,
            left_as="shipped and not yet returned",
            path=path,
        )
        line = stored(uow.session, OrderLineRow, sl.order_line_id)
        restocked = _restock(uow, ret, sl, line, wanted.quantity, policy, target)
        sl.returned_quantity += wanted.quantity
        line.returned_quantity += wanted.quantity
        uow.session.add_all([sl, line])
        insert_new(
            uow.session,
            ReturnLineRow(
                return_id=key(ret),
                shipment_line_id=key(sl),
                quantity=wanted.quantity,
                restocked=restocked,
            ),
        )


def _restock(
    uow,
    ret,
    sl: ShipmentLineRow,
    line: OrderLineRow,
    quantity: int,
    policy: ReturnStockPolicy,
    target: WarehouseRow | None,
) -> dict[str, int]:
    if policy == ReturnStockPolicy.REMOVE_FROM_STOCK:
        return {}
    if policy == ReturnStockPolicy.SEND_TO_DIFFERENT_WAREHOUSE:
        if target is None:
            raise ValueError("A return sent to a different warehouse names the warehouse")
        allocation.move(uow, allocation.RESTOCK, key(target), line.product_size_id, quantity)
        return {str(key(target)): quantity}
    restocked: dict[str, int] = {}
    need = quantity
    for warehouse in sorted(sl.allocations, key=int):
        take = min(sl.allocations[warehouse], need)
        if take:
            allocation.move(uow, allocation.RESTOCK, int(warehouse), line.product_size_id, take)
            restocked[warehouse] = take
            need -= take
    return restocked


def find_return(uow: UnitOfWork, return_id: int) -> tuple[ReturnRow, OrderRow]:
    ret = by_key(uow.session, ReturnRow, return_id)
    if ret is None:
        raise not_found("return", return_id, [])
    order = stored(uow.session, OrderRow, ret.order_id)
    ensure_not_locked_by_other(uow, order)
    return ret, order


def complete_return(uow: UnitOfWork, return_id: int) -> ReturnRow:
    ret, order = find_return(uow, return_id)
    move(ret, ReturnStatus.COMPLETED)
    ret.completed_at = ret.updated_at = uow.clock.now()
    uow.session.add(ret)
    _emit(uow, order, ret, "COMPLETED")
    return ret


def uncomplete_return(uow: UnitOfWork, return_id: int) -> ReturnRow:
    ret, order = find_return(uow, return_id)
    if ret.refunded_value > 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, f"Return {ret.id} is refunded and cannot be reopened.", []
        )
    move(ret, ReturnStatus.PENDING)
    ret.completed_at = None
    ret.updated_at = uow.clock.now()
    uow.session.add(ret)
    _emit(uow, order, ret, "UPDATED")
    return ret


def delete_return(uow: UnitOfWork, return_id: int) -> tuple[ReturnRow, list[ReturnLineRow]]:
    """Undo a return: the returned units count as shipped again and leave the stock they entered.

    Centra re-allocates through the order's allocation rule; mockcentra takes back exactly the
    units the return put into stock, which gives the same stock figures.
    """
    ret, order = find_return(uow, return_id)
    if ret.refunded_value > 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, f"Return {ret.id} is refunded and cannot be deleted.", []
        )
    lines = return_lines(uow.session, key(ret))
    for rl in lines:
        sl = stored(uow.session, ShipmentLineRow, rl.shipment_line_id)
        line = stored(uow.session, OrderLineRow, sl.order_line_id)
        for warehouse, qty in rl.restocked.items():
            allocation.move(uow, allocation.CONSUME_FREE, int(warehouse), line.product_size_id, qty)
        sl.returned_quantity -= rl.quantity
        line.returned_quantity -= rl.quantity
        uow.session.add_all([sl, line])
        uow.session.delete(rl)
    uow.session.flush()
    _emit(uow, order, ret, "DELETED")
    uow.session.delete(ret)
    uow.session.flush()
    touch(uow, order)
    return ret, lines


def return_value(session, ret: ReturnRow) -> Decimal:
    """What the shopper gets back: returned items, plus shipping and handling, minus costs."""
    return return_totals(session, ret, return_lines(session, key(ret))).grand_total


def refund_return(uow: UnitOfWork, return_id: int, amount: Decimal | None = None):
    """Refund a return's value (or a given part of it) through the PSP; REFUND entry."""
    ret, order = find_return(uow, return_id)
    due = return_value(uow.session, ret) - ret.refunded_value
    amount = due if amount is None else round_money(amount)
    if due <= 0:
        raise DomainError(ErrorCode.NOT_ALLOWED, f"Return {ret.id} is already refunded.")
    if amount > due:
        raise invalid(
            f"Cannot refund {format_money(amount, order.currency_code)}: the return is worth "
            f"{format_money(due, order.currency_code)} more.",
            ["amount"],
        )
    entry = refund(uow, order, amount, return_id=ret.id)
    ret.refunded_value += amount
    ret.updated_at = uow.clock.now()
    uow.session.add(ret)
    _emit(uow, order, ret, "UPDATED")
    uow.emit(
        PendingEvent(
            "Refund",
            "COMPLETED",
            str(entry.id),
            store_id=order.store_id,
            market_id=order.market_id,
            data={"order": order.number, "return": ret.id, "value": str(amount)},
        )
    )
    return ret, entry
