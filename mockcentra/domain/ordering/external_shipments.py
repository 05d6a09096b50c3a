"""Shipments as a warehouse system handles them through the REST Order API.

Each function is one request: create and capture and ship, or finish what is left of that,
all succeeding or failing together, built from the shipment actions the Integration API uses.
"""

from __future__ import annotations

from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.domain.ordering.external_orders import ByNumber, append_internal_comment
from mockcentra.domain.ordering.queries import shipment_by_number
from mockcentra.domain.shipments import actions as shipments
from mockcentra.storage.tables import OrderRow, ShipmentRow
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


def find_shipment(uow: UnitOfWork, number: str) -> ShipmentRow:
    """The shipment with this number (the REST API's shipment id); none is an error."""
    shipment = shipment_by_number(uow.session, number)
    if shipment is None:
        raise not_found("shipment", number, ["shipment"], by="number")
    return shipment


def ship_lines(
    uow: UnitOfWork,
    number: int,
    quantities: dict[int, int],
    *,
    good_to_go: bool = False,
    capture: bool = True,
    shipped: bool = False,
    send_email: bool = False,
    info: shipments.ShipmentInfo | None = None,
) -> ShipmentRow:
    """Create a shipment of order lines; capture its value first unless told not to (the
    shipment is not created when the capture fails), and ship it at once when `shipped`."""
    shipment, _ = shipments.create_shipment(
        uow,
        ByNumber(number),
        [shipments.ShipLine(line_id, qty) for line_id, qty in quantities.items()],
        is_good_to_go=good_to_go,
        capture_now=False,
        send_email=send_email,
    )
    if capture:
        _capture(uow, shipment)
    if shipped:
        shipments.complete_shipment(uow, key(shipment), send_email=send_email, info=info)
    return shipment


def _capture(uow: UnitOfWork, shipment: ShipmentRow) -> None:
    try:
        shipments.capture_shipment(uow, key(shipment))
    except DomainError as error:
        raise error.at("capture") from None


def complete_shipment(
    uow: UnitOfWork,
    shipment_number: str,
    *,
    order_number: int | None = None,
    capture: bool = True,
    good_to_go: bool | None = None,
    shipped: bool | None = None,
    send_email: bool = False,
    info: shipments.ShipmentInfo | None = None,
    internal_comment: str | None = None,
) -> ShipmentRow:
    """Mark good to go, capture if not yet captured, and ship with tracking information."""
    shipment = find_shipment(uow, shipment_number)
    order = stored(uow.session, OrderRow, shipment.order_id)
    if order_number is not None and order.number != order_number:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Shipment {shipment.number} does not belong to order {order_number}.",
            ["shipment"],
        )
    if good_to_go and not shipment.is_good_to_go:
        shipments.update_shipment(uow, key(shipment), is_good_to_go=True)
    if capture and not shipment.is_captured:
        _capture(uow, shipment)
    if shipped is False:
        if info is not None:
            shipments.update_shipment(uow, key(shipment), info=info)
    else:
        shipments.complete_shipment(uow, key(shipment), send_email=send_email, info=info)
    if internal_comment:
        append_internal_comment(uow, order.number, internal_comment)
    return shipment


def capture_shipment(uow: UnitOfWork, shipment_number: str) -> ShipmentRow:
    shipment = find_shipment(uow, shipment_number)
    _capture(uow, shipment)
    return shipment


def set_good_to_go(uow: UnitOfWork, shipment_number: str, good_to_go: bool) -> ShipmentRow:
    shipment = find_shipment(uow, shipment_number)
    return shipments.update_shipment(uow, key(shipment), is_good_to_go=good_to_go)


def delete_shipment(uow: UnitOfWork, shipment_number: str) -> tuple[str, int]:
    """Delete an unpaid, unshipped shipment; gives back its number and its order's number."""
    shipment = find_shipment(uow, shipment_number)
    order = stored(uow.session, OrderRow, shipment.order_id)
    number, order_number = shipment.number, order.number
    shipments.delete_shipment(uow, key(shipment))
    return number, order_number
