"""Returns as customer service tools make them through the REST Order API.

One request returns the lines of a shipped shipment and may refund them at once; the steps
are the return actions the Integration API uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import format_money, round_money
from mockcentra.domain.ordering.external_shipments import find_shipment
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.returns.status import ReturnStockPolicy
from mockcentra.domain.shipments.queries import shipment_lines
from mockcentra.storage.tables import OrderRow, ReturnRow, ShipmentRow
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


@dataclass
class ReturnOutcome:
    ret: ReturnRow
    returned_lines: list[int]  # order line ids
    refunded: bool = False
    refund_error: str | None = None


def return_items(
    uow: UnitOfWork,
    shipment_number: str,
    quantities: dict[int, int] | None,
    *,
    return_stock: bool = True,
    shipping_cost: returns.ReturnCost | None = None,
    handling_cost: returns.ReturnCost | None = None,
    voucher_value: returns.ReturnCost | None = None,
    return_cost: Decimal | None = None,
    comment: str | None = None,
    created_at: datetime | None = None,
    refund: bool = False,
) -> ReturnOutcome:
    """Return order lines of a shipped shipment (all that is left when none are given).

    As in Centra, lines that cannot be returned are left out and the rest is returned (a
    quantity above what is left returns what is left). With `refund`, the return's value goes
    back through the PSP and a successful refund completes the return; a refused refund leaves
    the return pending and is reported in the outcome.
    """
    shipment = find_shipment(uow, shipment_number)
    lines, returned = _returnable_lines(uow, shipment, quantities)
    policy = (
        ReturnStockPolicy.RELEASE_BACK_TO_WAREHOUSE
        if return_stock
        else ReturnStockPolicy.REMOVE_FROM_STOCK
    )
    ret = returns.create_return(
        uow,
        key(shipment),
        lines,
        policy=policy,
        shipping_cost=shipping_cost,
        handling_cost=handling_cost,
        voucher_value=voucher_value,
        comment=comment,
    )
    if return_cost is not None:
        ret.return_cost = _checked_return_cost(uow, ret, shipment, return_cost)
    if created_at is not None:
        ret.created_at = created_at
    uow.session.add(ret)
    uow.session.flush()
    outcome = ReturnOutcome(ret, returned)
    if refund:
        try:
            with uow.savepoint():
                returns.refund_return(uow, key(ret))
                returns.complete_return(uow, key(ret))
            outcome.refunded = True
        except DomainError as error:
            if error.record is not None:
                error.record()
            outcome.refund_error = error.message
    return outcome


def _returnable_lines(
    uow: UnitOfWork, shipment: ShipmentRow, quantities: dict[int, int] | None
) -> tuple[list[returns.ReturnLine], list[int]]:
    """The shipment lines to return with their quantities (capped at what is left; lines
    with nothing left are skipped), and the order lines they belong to."""
    by_order_line = {sl.order_line_id: sl for sl in shipment_lines(uow.session, key(shipment))}
    if quantities is None:
        quantities = {k: sl.quantity - sl.returned_quantity for k, sl in by_order_line.items()}
    lines: list[returns.ReturnLine] = []
    returned: list[int] = []
    for order_line_id, quantity in quantities.items():
        sl = by_order_line.get(order_line_id)
        left = sl.quantity - sl.returned_quantity if sl else 0
        if sl is None or left < 1 or quantity < 1:
            continue
        lines.append(returns.ReturnLine(key(sl), min(quantity, left)))
        returned.append(order_line_id)
    if not lines:
        raise DomainError(ErrorCode.INVALID, "return could not be created.", ["products"])
    return lines, returned


def _checked_return_cost(
    uow: UnitOfWork, ret: ReturnRow, shipment: ShipmentRow, given: Decimal
) -> Decimal:
    """A return cost is kept back from the refund: never negative, never above its worth."""
    cost = round_money(given)
    worth = returns.return_value(uow.session, ret)
    if cost < 0:
        raise invalid("returnCost cannot be negative.", ["returnCost"])
    if cost > worth:
        currency = shipment_currency(uow, shipment)
        raise invalid(
            f"returnCost {format_money(cost, currency)} is more than "
            f"the return is worth ({format_money(worth, currency)}).",
            ["returnCost"],
        )
    return cost


def shipment_currency(uow: UnitOfWork, shipment: ShipmentRow) -> str:
    return stored(uow.session, OrderRow, shipment.order_id).currency_code


def set_return_completed(uow: UnitOfWork, return_id: int, completed: bool) -> ReturnRow:
    """Complete a pending return or reopen a completed one (same rules as the GraphQL API)."""
    if completed:
        return returns.complete_return(uow, return_id)
    return returns.uncomplete_return(uow, return_id)
