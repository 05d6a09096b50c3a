"""The Order API's shipment handlers: list shipments, create, complete and capture one, set
whether it is good to go, delete it."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.ordering import external_shipments, queries
from mockcentra.domain.shipments.actions import ShipmentInfo
from mockcentra.rest.order_endpoints.endpoint import Call
from mockcentra.rest.order_models.shipments import (
    CaptureShipmentRequest,
    CompleteShipmentRequest,
    CreateShipmentRequest,
    ShipmentIdPath,
    ShipmentsQuery,
    UpdateShipmentRequest,
)
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.order_serializers.shipments import shape_shipments
from mockcentra.storage.tables import OrderRow, ShipmentRow
from mockcentra.storage.tables.base import stored
from mockcentra.storage.uow import UnitOfWork


def get_shipments(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: ShipmentsQuery = call.query
    rows = queries.find_shipments(
        uow.session,
        state=query.status,
        order_number=query.order,
        newer_than=query.newer_than,
        older_than=query.older_than,
        limit=query.limit,
        offset=query.offset,
    )
    return {"shipments": shape_shipments(shapes, rows)}


def _info(body: CreateShipmentRequest | CompleteShipmentRequest) -> ShipmentInfo | None:
    info = ShipmentInfo(
        carrier=body.carrier,
        service=body.service,
        packages=body.packages,
        tracking_number=body.tracking,
        return_tracking_number=body.returnSlipTracking,
    )
    return info if any(v is not None for v in vars(info).values()) else None


def _done(uow: UnitOfWork, shipment: ShipmentRow) -> dict[str, Any]:
    """The answer to a completed or captured shipment: its order's number and its own."""
    order = stored(uow.session, OrderRow, shipment.order_id)
    return {"order": order.number, "shipment": shipment.number}


def post_shipments(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: CreateShipmentRequest = call.body
    shipment = external_shipments.ship_lines(
        uow,
        body.order,
        body.products,
        good_to_go=bool(body.gtg),
        capture=bool(body.capture),
        shipped=bool(body.shipped),
        send_email=bool(body.sendEmail),
        info=_info(body),
    )
    return {"order": body.order, "shipment": shipment.number}


def complete_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: CompleteShipmentRequest = call.body
    shipment = external_shipments.complete_shipment(
        uow,
        body.shipment,
        order_number=body.order,
        capture=bool(body.capture),
        good_to_go=body.gtg,
        shipped=body.shipped,
        send_email=bool(body.sendEmail),
        info=_info(body),
        internal_comment=body.internalComment,
    )
    return _done(uow, shipment)


def put_capture(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: CaptureShipmentRequest = call.body
    return _done(uow, external_shipments.capture_shipment(uow, body.shipment))


def put_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Only `gtg` can be changed: changing a shipment's products is not modelled."""
    body: UpdateShipmentRequest = call.body
    path: ShipmentIdPath = call.path
    if body.products is not None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            "changing the products of a shipment is not supported by mockcentra; "
            "delete the shipment and create a new one",
            ["products"],
        )
    shipment = external_shipments.set_good_to_go(uow, path.shipmentId, bool(body.gtg))
    return {"shipment": shape_shipments(shapes, [shipment])[0]}


def delete_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    path: ShipmentIdPath = call.path
    number, order_number = external_shipments.delete_shipment(uow, path.shipmentId)
    return {"msg": "shipment removed", "order": order_number, "shipment": number}
