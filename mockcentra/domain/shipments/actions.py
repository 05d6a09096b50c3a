"""Shipments: create from order lines, mark paid or good-to-go, capture, complete, delete.

Completing a shipment issues its invoice (invoicing.py). Order lines' units move into a
shipment in lines.py; capturing a shipment's total is capture.py.

A shipment's status (in progress, good to go, completed) moves through `status.move`; paid and
captured are payment flags beside it. The order status follows the shipments (fulfilment.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid, not_found
from mockcentra.domain.money import ZERO, round_money
from mockcentra.domain.orders.guards import (
    OrderKey,
    ensure_not_locked_by_other,
    ensure_not_on_hold,
    find_order,
    stamp,
    touch,
)
from mockcentra.domain.orders.line_checks import asked_lines
from mockcentra.domain.orders.status import OrderStatus, move
from mockcentra.domain.orders.totals import lines_of, shipment_added, shipments_of
from mockcentra.domain.shipments.capture import capture_shipment_total
from mockcentra.domain.shipments.fulfilment import drop_shipment, settle_order_status
from mockcentra.domain.shipments.invoicing import issue_for_shipment
from mockcentra.domain.shipments.lines import ship_line
from mockcentra.domain.shipments.plugins import shipment_plugin
from mockcentra.domain.shipments.queries import (
    created_with,
    shipment_lines,
)
from mockcentra.domain.shipments.status import ShipmentStatus, check_move
from mockcentra.domain.shipments.status import move as move_shipment
from mockcentra.domain.stock import allocation
from mockcentra.runtime.moments import parse_moment
from mockcentra.storage.tables import (
    OrderRow,
    ShipmentLineRow,
    ShipmentRow,
)
from mockcentra.storage.tables.base import by_key, key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork, insert_new


@dataclass
class ShipLine:
    order_line_id: int
    quantity: int


@dataclass
class ShipmentInfo:
    carrier: str | None = None
    service: str | None = None
    packages: int | None = None
    tracking_number: str | None = None
    return_tracking_number: str | None = None
    internal_shipping_cost: Decimal | None = None


def find_shipment(uow: UnitOfWork, shipment_id: int, path=()) -> tuple[ShipmentRow, OrderRow]:
    """The shipment with this id and its order (errors point at `path`, by default the id)."""
    shipment = by_key(uow.session, ShipmentRow, shipment_id)
    if shipment is None:
        raise not_found("shipment", shipment_id, list(path))
    order = stored(uow.session, OrderRow, shipment.order_id)
    ensure_not_locked_by_other(uow, order)
    return shipment, order


def _emit(uow: UnitOfWork, order: OrderRow, shipment: ShipmentRow, change: str) -> None:
    uow.emit(
        PendingEvent(
            "Shipment",
            change,
            str(shipment.id),
            store_id=order.store_id,
            market_id=order.market_id,
            data={"number": shipment.number, "order": order.number},
        )
    )


def _parse_time(uow: UnitOfWork, text: str | None, path: list[Any]) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_moment(text, uow.clock)
    except ValueError as exc:
        raise invalid(str(exc), path) from None


def create_shipment(
    uow: UnitOfWork,
    order_ref: OrderKey,
    lines: list[ShipLine],
    *,
    is_good_to_go: bool = False,
    is_paid: bool = False,
    capture_now: bool = False,
    created_at: str | None = None,
    additional_message: str | None = None,
    allocate_demand: bool = False,
    send_email: bool = False,
    info: ShipmentInfo | None = None,
    shipment_plugin_id: int | None = None,
) -> tuple[ShipmentRow, list[DomainWarning]]:
    order = find_order(uow, order_ref, ["order"])
    ensure_not_locked_by_other(uow, order)
    ensure_not_on_hold(order, "shipped")
    status = _refuse_unshippable(order)
    if not lines:
        raise invalid("A shipment needs at least one line.", ["lines"])
    order_lines = {key(line): line for line in lines_of(uow.session, key(order))}
    earlier = shipments_of(uow.session, key(order))
    shipment = _new_shipment(
        uow,
        order,
        is_good_to_go=is_good_to_go,
        is_paid=is_paid,
        created_at=created_at,
        additional_message=additional_message,
        send_email=send_email,
    )
    if info is not None:
        _apply_info(shipment, info)
    if shipment_plugin_id is not None:
        path: list[str | int] = ["shipmentMethod", "pluginId"]
        shipment.shipment_plugin_id = shipment_plugin(uow, order, shipment_plugin_id, path).id
    insert_new(uow.session, shipment)
    shipment_added(uow.session, key(order), earlier, shipment)
    shipped: list[ShipmentLineRow] = []
    for line, wanted, path in asked_lines(
        lines,
        order_lines,
        line_of=lambda w: w.order_line_id,
        quantity_of=lambda w: w.quantity,
        noun="Order line",
        owner=f"order {order.number}",
        path=["lines"],
        field="orderLine",
    ):
        shipped.append(
            ship_line(uow, order, shipment, line, wanted.quantity, allocate_demand, path)
        )
    if status == OrderStatus.CONFIRMED:
        move(order, OrderStatus.PROCESSING)
    stamp(uow, order)
    uow.session.flush()
    created_with(uow.session, key(shipment), shipped)
    warnings = _capture_on_create(uow, order, shipment) if capture_now else []
    _emit(uow, order, shipment, "CREATED")
    touch(uow, order)
    return shipment, warnings


def _refuse_unshippable(order: OrderRow) -> OrderStatus:
    """Only a confirmed or processing order takes a new shipment; its status, when it may."""
    status = OrderStatus(order.status)
    if status == OrderStatus.PENDING:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is "PENDING": confirm it before creating shipments.',
            ["order"],
        )
    if status in (OrderStatus.SHIPPED, OrderStatus.ARCHIVED):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is already fully shipped (status is "{status.value}").',
            ["order"],
        )
    if status == OrderStatus.CANCELLED:
        raise DomainError(ErrorCode.NOT_ALLOWED, f'Order {order.number} is "CANCELLED".', ["order"])
    return status


def _new_shipment(
    uow: UnitOfWork,
    order: OrderRow,
    *,
    is_good_to_go: bool,
    is_paid: bool,
    created_at: str | None,
    additional_message: str | None,
    send_email: bool,
) -> ShipmentRow:
    """The order's next shipment (numbered `<order>-<n>`); the first one carries the order's
    shipping and handling."""
    now = uow.clock.now()
    created = _parse_time(uow, created_at, ["createdAt"]) or now
    existing = shipments_of(uow.session, key(order))
    sequence = max((s.sequence for s in existing), default=0) + 1
    carries_shipping = not any(s.shipping_value for s in existing)
    return ShipmentRow(
        order_id=key(order),
        sequence=sequence,
        number=f"{order.number}-{sequence}",
        is_good_to_go=is_good_to_go,
        is_paid=is_paid,
        paid_at=now if is_paid else None,
        additional_message=additional_message,
        shipping_value=order.shipping_value if carries_shipping else ZERO,
        handling_value=order.handling_value if carries_shipping else ZERO,
        send_email=send_email,
        created_at=created,
        updated_at=now,
    )


def _capture_on_create(
    uow: UnitOfWork, order: OrderRow, shipment: ShipmentRow
) -> list[DomainWarning]:
    """`capture: true`: a refused capture leaves the shipment created and answers a warning.
    No savepoint is needed: a capture refuses before it writes anything."""
    warnings: list[DomainWarning] = []
    try:
        capture_shipment_total(uow, order, shipment)
    except DomainError as error:
        if error.record is not None:
            error.record()
        warnings.append(DomainWarning(error.message, ["capture"]))
    return warnings


def _apply_info(shipment: ShipmentRow, info: ShipmentInfo) -> None:
    if info.carrier is not None:
        shipment.carrier = info.carrier
    if info.service is not None:
        shipment.service = info.service
    if info.packages is not None:
        if info.packages < 0:
            raise invalid("packagesNumber cannot be negative.", ["shipmentInfo", "packagesNumber"])
        shipment.packages = info.packages
    if info.tracking_number is not None:
        shipment.tracking_number = info.tracking_number
    if info.return_tracking_number is not None:
        shipment.return_tracking_number = info.return_tracking_number
    if info.internal_shipping_cost is not None:
        shipment.internal_shipping_cost = round_money(info.internal_shipping_cost)


def capture_shipment(uow: UnitOfWork, shipment_id: int):
    shipment, order = find_shipment(uow, shipment_id)
    entry = capture_shipment_total(uow, order, shipment)
    _emit(uow, order, shipment, "UPDATED")
    return shipment, entry


def update_shipment(uow: UnitOfWork, shipment_id: int, **changes: Any) -> ShipmentRow:
    """Find the shipment and change what is given (`change_shipment`)."""
    return change_shipment(uow, *find_shipment(uow, shipment_id), **changes)


def change_shipment(
    uow: UnitOfWork,
    shipment: ShipmentRow,
    order: OrderRow,
    *,
    is_paid: bool | None = None,
    is_good_to_go: bool | None = None,
    additional_message: str | None = None,
    info: ShipmentInfo | None = None,
) -> ShipmentRow:
    """Change what is given of a shipment (`find_shipment` finds it)."""
    now = uow.clock.now()
    shipped = shipment.shipped_at is not None
    if is_paid is not None:
        if not is_paid and (shipment.is_captured or shipped):
            raise DomainError(
                ErrorCode.NOT_ALLOWED,
                f"Shipment {shipment.number} is captured or shipped and cannot be marked unpaid.",
                ["isPaid"],
            )
        if is_paid and not shipment.is_paid:
            shipment.paid_at = now
        if not is_paid:
            shipment.paid_at = None
        shipment.is_paid = is_paid
    if is_good_to_go is not None and is_good_to_go != shipment.is_good_to_go:
        to = ShipmentStatus.GOOD_TO_GO if is_good_to_go else ShipmentStatus.IN_PROGRESS
        move_shipment(shipment, to, path=["isGoodToGo"])
    if additional_message is not None:
        shipment.additional_message = additional_message
    if info is not None:
        _apply_info(shipment, info)
    shipment.updated_at = now
    uow.session.add(shipment)
    _emit(uow, order, shipment, "UPDATED")
    return shipment


def complete_shipment(
    uow: UnitOfWork,
    shipment_id: int,
    *,
    shipped_at: str | None = None,
    send_email: bool = False,
    info: ShipmentInfo | None = None,
) -> ShipmentRow:
    """Ship it: needs good-to-go and paid; physical stock leaves the warehouses."""
    shipment, order = shipment_to_complete(uow, shipment_id)
    return complete_ready_shipment(
        uow, shipment, order, shipped_at=shipped_at, send_email=send_email, info=info
    )


def shipment_to_complete(uow: UnitOfWork, shipment_id: int) -> tuple[ShipmentRow, OrderRow]:
    """The shipment with this id and its order, when it may be completed: good-to-go, paid,
    its order not on hold (refusals point at the id)."""
    shipment, order = find_shipment(uow, shipment_id)
    ensure_not_on_hold(order, "shipped")
    check_move(shipment, ShipmentStatus.COMPLETED, [])
    if not shipment.is_paid:
        raise DomainError(ErrorCode.NOT_ALLOWED, f"Shipment {shipment.number} is not paid.", [])
    return shipment, order


def complete_ready_shipment(
    uow: UnitOfWork,
    shipment: ShipmentRow,
    order: OrderRow,
    *,
    shipped_at: str | None = None,
    send_email: bool = False,
    info: ShipmentInfo | None = None,
) -> ShipmentRow:
    """Complete a shipment `shipment_to_complete` found; errors point at the details given."""
    when = _parse_time(uow, shipped_at, ["shippedAt"])
    now = uow.clock.now()
    when = when or now
    if when > now:
        raise invalid("shippedAt cannot be in the future.", ["shippedAt"])
    if info is not None:
        _apply_info(shipment, info)
    # the shipment changes before the stock moves flush it: its row is written once (a refused
    # move undoes it with the rest)
    move_shipment(shipment, ShipmentStatus.COMPLETED, at=when)
    shipment.send_email = send_email
    shipment.updated_at = now
    uow.session.add(shipment)
    # all the order's lines in one read: settling the order's status needs them too
    order_lines = {key(line): line for line in lines_of(uow.session, key(order))}
    for sl in shipment_lines(uow.session, key(shipment)):
        line = order_lines[sl.order_line_id]
        for warehouse, qty in sl.allocations.items():
            allocation.move(uow, allocation.CONSUME, int(warehouse), line.product_size_id, qty)
    uow.session.flush()
    issue_for_shipment(uow, order, shipment)
    _emit(uow, order, shipment, "COMPLETED")
    settle_order_status(uow, order)
    touch(uow, order)
    return shipment


def delete_shipment(uow: UnitOfWork, shipment_id: int) -> ShipmentRow:
    shipment, order = find_shipment(uow, shipment_id)
    if shipment.shipped_at is not None or shipment.is_paid or shipment.is_captured:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Shipment {shipment.number} is paid or shipped and cannot be deleted; "
            "create a return instead.",
            [],
        )
    drop_shipment(uow, order, shipment)
    _emit(uow, order, shipment, "DELETED")
    settle_order_status(uow, order)
    touch(uow, order)
    return shipment
