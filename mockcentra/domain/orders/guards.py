"""Finding an order, the guards every operation on it passes, and `touch` (its event)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.storage.tables import OrderRow
from mockcentra.storage.tables.base import first_where
from mockcentra.storage.uow import PendingEvent, UnitOfWork


class OrderKey(Protocol):
    """How an input names an order: its 32-hex `id` or its `number` (the Integration API's
    OrderInput, the Order API's order number)."""

    @property
    def id(self) -> str | None: ...

    @property
    def number(self) -> int | None: ...


def find_order(uow: UnitOfWork, ref: OrderKey, path: Sequence[str | int] = ("order",)) -> OrderRow:
    """An order by `{id: "<32 hex>"}` or `{number: n}`."""
    order_id, number = ref.id, ref.number
    if order_id is not None:
        row = first_where(uow.session, OrderRow.hash, str(order_id))
        if row is None:
            raise not_found("order", order_id, path)
        return row
    if number is not None:
        row = first_where(uow.session, OrderRow.number, int(number))
        if row is None:
            raise not_found("order", number, path, by="number")
        return row
    raise DomainError(ErrorCode.REQUIRED, "Give the order by id or number.", path)


def ensure_not_locked_by_other(uow: UnitOfWork, order: OrderRow) -> None:
    """Locked orders are handled only by the integration that locked them."""
    if order.is_locked and order.locked_by not in (None, uow.integration_name):
        raise DomainError(
            ErrorCode.LOCKED, f"Order {order.number} is locked by another integration."
        )


def ensure_not_on_hold(order: OrderRow, doing: str) -> None:
    if order.is_on_hold:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, f"Order {order.number} is on hold and cannot be {doing}."
        )


def stamp(uow: UnitOfWork, order: OrderRow) -> None:
    """Mark the order changed now. An action that flushes a change before it `touch`es the
    order stamps it with that change, so the order's row is written once (the unit of work
    shows one moment)."""
    order.updated_at = uow.clock.now()
    uow.session.add(order)


def touch(uow: UnitOfWork, order: OrderRow, change: str = "UPDATED") -> None:
    stamp(uow, order)
    uow.emit(
        PendingEvent(
            "Order",
            change,
            order.hash,
            store_id=order.store_id,
            market_id=order.market_id,
            data={"number": order.number, "status": order.status},
        )
    )
