"""Shipments as the Order API shows them: the order's head, the shipment's own dates, tracking
and flags, its totals and the lines shipped."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.shipments.queries import shipment_totals
from mockcentra.rest.order_serializers.lines import shape_shipment_line
from mockcentra.rest.order_serializers.orders import order_head
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.order_serializers.values import flag, tax_breakdown, text
from mockcentra.rest.serializers import number
from mockcentra.storage.records import rows_where_in
from mockcentra.storage.tables import OrderLineRow, OrderRow, ShipmentLineRow, ShipmentRow
from mockcentra.storage.tables.base import key

#: The head fields a shipment shows before its own id; the rest of the head follows it.
_BEFORE_SHIPMENT_ID = (
    "orderId",
    "selectionId",
    "orderDate",
    "cancelDate",
    "preferredDeliveryDate",
    "estimatedDeliveryDate",
    "orderStore",
    "orderCurrency",
)


def shape_shipments(shapes: Shapes, shipments: list[ShipmentRow]) -> list[dict[str, Any]]:
    """A page of shipments, their orders and lines loaded for all of them at once."""
    order_ids = list(dict.fromkeys(s.order_id for s in shipments))
    orders = shapes.orders_by_id(order_ids)
    lines = shapes.by_order(OrderLineRow, order_ids, "id")
    line_by_id = {key(ln): ln for group in lines.values() for ln in group}
    shapes.load_items([ln.product_size_id for ln in line_by_id.values()])
    ship_lines: dict[int, list[ShipmentLineRow]] = {key(s): [] for s in shipments}
    for sl in rows_where_in(shapes.session, ShipmentLineRow, "shipment_id", list(ship_lines)):
        ship_lines[sl.shipment_id].append(sl)
    return [
        _shipment(shapes, s, orders[s.order_id], ship_lines[key(s)], line_by_id) for s in shipments
    ]


def _shipment(
    shapes: Shapes,
    shipment: ShipmentRow,
    order: OrderRow,
    lines: list[ShipmentLineRow],
    line_by_id: dict[int, OrderLineRow],
) -> dict[str, Any]:
    totals = shipment_totals(
        shipment, order, [(line_by_id[sl.order_line_id], sl.quantity) for sl in lines]
    )
    head = order_head(shapes, order)
    return {
        **{name: head.pop(name) for name in _BEFORE_SHIPMENT_ID},
        "shipmentId": shipment.number,
        **head,
        "defaultCarrier": text(shipment.carrier),
        "deliveryService": text(shipment.service),
        "shipmentDate": shapes.date(shipment.created_at),
        "shippedDate": shapes.date(shipment.shipped_at),
        "trackingNumber": text(shipment.tracking_number),
        "trackingUrl": "",
        "returnSlipTracking": text(shipment.return_tracking_number),
        "suspect": 0,
        "hold": flag(order.is_on_hold),
        "paid": flag(shipment.is_paid),
        "shouldCapture": flag(not shipment.is_captured),
        "goodToGo": flag(shipment.is_good_to_go),
        "shippingValue": number(shipment.shipping_value),
        "voucherValue": 0,
        "grandTotalValue": number(totals.grand_total),
        "grandTotalTaxValue": number(totals.tax),
        "taxAdded": 0,
        "taxDeducted": 0,
        "internalComment": text(order.internal_comment),
        "otherComment": text(order.other_comment),
        "taxBreakdown": tax_breakdown(order.tax_percent_hundredths, totals.tax),
        "products": [shape_shipment_line(shapes, sl, line_by_id[sl.order_line_id]) for sl in lines],
    }
