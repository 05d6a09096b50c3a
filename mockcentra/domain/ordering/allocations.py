"""Allocation of order lines: which warehouse holds how many units of each line.

A line's allocations (`OrderLineRow.allocations`, warehouse id -> units) are units taken out
of free stock for it and not yet moved into a shipment; the rest of its unshipped quantity is
demand. `allocate_order` takes free stock for demand, `unallocate_order` gives allocated units
up (released to free stock, removed from stock, or sent to another warehouse). Shipped units
and units already in a shipment are never touched here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, Explain, invalid
from mockcentra.domain.orders.guards import OrderKey, ensure_not_locked_by_other, find_order, touch
from mockcentra.domain.orders.line_checks import asked_lines
from mockcentra.domain.orders.line_stock import demand_of
from mockcentra.domain.orders.status import OrderStatus
from mockcentra.domain.orders.totals import lines_of
from mockcentra.domain.returns.status import ReturnStockPolicy
from mockcentra.domain.stock import allocation
from mockcentra.domain.stock.changes import new_change
from mockcentra.domain.stock.explain import stock_levels
from mockcentra.domain.stock.status import StockChangeType
from mockcentra.domain.stock.warehouses import find_warehouse
from mockcentra.storage.tables import OrderLineRow, OrderRow, StockChangeRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

Path = list[str | int]


@dataclass(frozen=True)
class LineQuantity:
    """One `{orderLine: {id}, quantity}` entry of allocateOrder / unallocateOrder."""

    order_line_id: int
    quantity: int


@dataclass(frozen=True)
class UnallocatePolicy:
    """What happens to unallocated units; `warehouse` is set for SEND_TO_DIFFERENT_WAREHOUSE."""

    action: ReturnStockPolicy
    warehouse: Any = None


def choose_policy(
    release: bool | None, different_warehouse: Any, remove: bool | None, path: Path
) -> UnallocatePolicy:
    """Exactly one of the three stock action options must be chosen."""
    chosen = [
        UnallocatePolicy(ReturnStockPolicy.RELEASE_BACK_TO_WAREHOUSE) if release else None,
        UnallocatePolicy(ReturnStockPolicy.SEND_TO_DIFFERENT_WAREHOUSE, different_warehouse)
        if different_warehouse is not None
        else None,
        UnallocatePolicy(ReturnStockPolicy.REMOVE_FROM_STOCK) if remove else None,
    ]
    picked = [c for c in chosen if c is not None]
    if len(picked) != 1:
        raise invalid(
            "Choose exactly one of releaseItemsBackToWarehouse, sendItemsToDifferentWarehouse "
            "and removeItemsFromStock.",
            path,
        )
    return picked[0]


# ---------------------------------------------------------------- allocating


def allocate_order(
    uow: UnitOfWork,
    order_ref: OrderKey,
    lines: Sequence[LineQuantity] = (),
    warehouses: Sequence[Any] = (),
    comment: str | None = None,
) -> tuple[OrderRow, list[DomainWarning]]:
    """Take free stock for the order's demand: the listed lines (all lines when none are
    listed), from the listed warehouses in that order (the market's allocation rule when none
    are). Asking more than a line's demand, or more than there is free stock, allocates what
    can be and warns; allocating nothing at all is refused."""
    order = _open_order(uow, order_ref, "allocated")
    warehouse_ids = _warehouses(uow, warehouses) or allocation.warehouses_for_market(
        uow.session, order.market_id
    )
    by_id = {line.id: line for line in lines_of(uow.session, key(order))}
    wanted = _wanted(order, by_id, lines, "allocate", demand_of)
    warnings: list[DomainWarning] = []
    change = _StockChange(uow, comment)
    asked_total = taken_total = 0
    for line, asked, path in wanted:
        demand = demand_of(line)
        if asked > demand:
            warnings.append(
                DomainWarning(
                    f"Order line {line.id} has {demand} unallocated units; {asked} were asked.",
                    [*path, "quantity"],
                )
            )
        quantity = min(asked, demand)
        asked_total += quantity
        if quantity <= 0:
            continue
        taken = _take_stock(uow, line, quantity, warehouse_ids, change)
        taken_total += taken
        if taken < quantity:
            warnings.append(
                DomainWarning(
                    f"Only {taken} of {quantity} units of order line {line.id} could be "
                    "allocated: the warehouses have no more free stock of its size.",
                    [*path, "quantity"] if lines else ["order"],
                )
            )
    if taken_total == 0:
        raise _nothing_allocated(uow, order, wanted, warehouse_ids, asked_total, bool(lines))
    touch(uow, order)
    return order, warnings


def _take_stock(
    uow: UnitOfWork,
    line: OrderLineRow,
    quantity: int,
    warehouse_ids: list[int],
    change: _StockChange,
) -> int:
    """Allocate up to `quantity` units of a line from the warehouses in turn; the units taken."""
    got = allocation.allocate(
        uow, line.product_size_id, quantity, warehouse_ids, change=change.get()
    )
    held = dict(line.allocations or {})
    for warehouse_id, units in got:
        held[str(warehouse_id)] = held.get(str(warehouse_id), 0) + units
    line.allocations = held
    uow.session.add(line)
    return sum(units for _, units in got)


def _nothing_allocated(
    uow: UnitOfWork,
    order: OrderRow,
    wanted: list[tuple[OrderLineRow, int, Path]],
    warehouse_ids: list[int],
    asked_total: int,
    listed: bool,
) -> DomainError:
    """The refusal when no unit was allocated: nothing was asked, or there is no free stock."""
    path = ["allocate" if listed else "order"]
    if asked_total == 0:
        which = "the lines asked have" if listed else "the order has"
        return DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} has nothing to allocate: {which} no unallocated units.",
            path,
        )
    return DomainError(
        ErrorCode.INSUFFICIENT_STOCK,
        f"Nothing could be allocated for order {order.number}: the warehouses have no free "
        "stock of the sizes asked.",
        path,
        explain=Explain(
            "stock.free_to_allocate",
            {"order": order.number, "asked": asked_total, "allocated": 0},
            [
                level
                for line, _asked, _path in wanted
                for level in stock_levels(uow.session, line.product_size_id, warehouse_ids)
            ],
        ),
    )


# ---------------------------------------------------------------- unallocating


def unallocate_order(
    uow: UnitOfWork,
    order_ref: OrderKey,
    policy: UnallocatePolicy,
    lines: Sequence[LineQuantity] = (),
    warehouses: Sequence[Any] = (),
    comment: str | None = None,
) -> tuple[OrderRow, list[DomainWarning]]:
    """Give up allocated units of the listed lines (all lines when none are listed) in the
    listed warehouses (all when none are). Only units not yet in a shipment can go; asking
    more warns and takes what there is; unallocating nothing at all is refused."""
    order = _open_order(uow, order_ref, "unallocated")
    only = _warehouses(uow, warehouses)
    target = None
    if policy.action == ReturnStockPolicy.SEND_TO_DIFFERENT_WAREHOUSE:
        target = find_warehouse(
            uow, policy.warehouse, ["stockActionPolicy", "sendItemsToDifferentWarehouse"]
        )
    by_id = {line.id: line for line in lines_of(uow.session, key(order))}

    def eligible(line: OrderLineRow) -> int:
        return sum(q for w, q in (line.allocations or {}).items() if not only or int(w) in only)

    wanted = _wanted(order, by_id, lines, "unallocate", eligible)
    warnings: list[DomainWarning] = []
    change = _StockChange(uow, comment)
    total = 0
    for line, asked, path in wanted:
        can = eligible(line)
        if asked > can:
            warnings.append(
                DomainWarning(
                    f"Order line {line.id} has {can} allocated units that are not shipped or in "
                    f"a shipment{' in the warehouses given' if only else ''}; {asked} were asked.",
                    [*path, "quantity"],
                )
            )
        total += _give_up_line(uow, line, min(asked, can), only, policy, target, change)
    if total == 0:
        where = " in the warehouses given" if only else ""
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} has no allocated units to unallocate{where}: shipped units "
            "and units in shipments cannot be unallocated.",
            ["unallocate" if lines else "order"],
        )
    touch(uow, order)
    return order, warnings


def _give_up_line(
    uow: UnitOfWork,
    line: OrderLineRow,
    quantity: int,
    only: list[int],
    policy: UnallocatePolicy,
    target: Any,
    change: _StockChange,
) -> int:
    """Give up `quantity` allocated units of a line, from the warehouses given in their order
    (else from the highest warehouse id down); the units given up."""
    left = quantity
    held = dict(line.allocations or {})
    keys = [str(w) for w in only] if only else sorted(held, key=int, reverse=True)
    for warehouse in keys:
        take = min(held.get(warehouse, 0), left)
        if take <= 0:
            continue
        _give_up(
            uow, int(warehouse), line.product_size_id, take, policy.action, target, change.get()
        )
        held[warehouse] -= take
        left -= take
    line.allocations = {k: v for k, v in held.items() if v}
    uow.session.add(line)
    return quantity - left


def _give_up(
    uow: UnitOfWork,
    warehouse_id: int,
    product_size_id: int,
    quantity: int,
    action: ReturnStockPolicy,
    target: Any,
    change: StockChangeRow,
) -> None:
    if action == ReturnStockPolicy.RELEASE_BACK_TO_WAREHOUSE:
        allocation.move(
            uow, allocation.RELEASE, warehouse_id, product_size_id, quantity, change=change
        )
        return
    # removed or sent on: the units leave this warehouse's shelf
    allocation.move(
        uow, allocation.REMOVE_ALLOCATED, warehouse_id, product_size_id, quantity, change=change
    )
    if action == ReturnStockPolicy.SEND_TO_DIFFERENT_WAREHOUSE:
        allocation.move(
            uow, allocation.RESTOCK, target.id, product_size_id, quantity, change=change
        )


# ---------------------------------------------------------------- shared checks


@dataclass
class _StockChange:
    """The stock change one request records, opened when its first unit moves."""

    uow: UnitOfWork
    comment: str | None
    row: StockChangeRow | None = None

    def get(self) -> StockChangeRow:
        if self.row is None:
            self.row = new_change(self.uow, StockChangeType.ORDER, self.comment)
        return self.row


def _open_order(uow: UnitOfWork, order_ref: OrderKey, doing: str) -> OrderRow:
    order = find_order(uow, order_ref, ["order"])
    ensure_not_locked_by_other(uow, order)
    status = OrderStatus(order.status)
    if status in (OrderStatus.CANCELLED, OrderStatus.SHIPPED, OrderStatus.ARCHIVED):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is "{status.value}": its stock cannot be {doing}.',
            ["order"],
        )
    return order


def _warehouses(uow: UnitOfWork, refs: Sequence[OrderKey]) -> list[int]:
    ids: list[int] = []
    for i, ref in enumerate(refs):
        warehouse = find_warehouse(uow, ref, ["warehouses", i])
        if warehouse.id in ids:
            raise invalid(f"Warehouse {warehouse.id} is listed twice.", ["warehouses", i])
        ids.append(key(warehouse))
    return ids


def _wanted(
    order: OrderRow,
    by_id: dict[Any, OrderLineRow],
    lines: Sequence[LineQuantity],
    field: str,
    default_quantity: Callable[[OrderLineRow], int],
) -> list[tuple[OrderLineRow, int, Path]]:
    """The (line, quantity, input path) entries asked for under `input.<field>`; every line
    with a `default_quantity` when none are listed."""
    if not lines:
        return [
            (line, default_quantity(line), ["order"])
            for line in by_id.values()
            if default_quantity(line) > 0
        ]
    return [
        (line, entry.quantity, path)
        for line, entry, path in asked_lines(
            lines,
            by_id,
            line_of=lambda e: e.order_line_id,
            quantity_of=lambda e: e.quantity,
            noun="Order line",
            owner=f"order {order.number}",
            path=[field],
            field="orderLine",
        )
    ]
