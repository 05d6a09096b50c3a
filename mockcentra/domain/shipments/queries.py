"""Reading shipments: their lines and what they are worth (shared by the shipment, order and
return actions and by both APIs)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.totals import line_tax, line_value, tax_in_gross
from mockcentra.storage.tables import OrderLineRow, OrderRow, ShipmentLineRow, ShipmentRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import remember, rows_of


def shipment_lines(session, shipment_id: int) -> list[ShipmentLineRow]:
    """The shipment's lines (read once per unit of work until lines are added or removed)."""
    return rows_of(session, ShipmentLineRow.shipment_id, shipment_id)


def created_with(session, shipment_id: int, lines: list[ShipmentLineRow]) -> None:
    """A new shipment's lines, just flushed, are all it has: `shipment_lines` need not read
    them."""
    remember(session, (ShipmentLineRow, shipment_id), list(lines))


@dataclass(frozen=True)
class ShipmentTotals:
    """What a shipment is worth: its units at their lines' prices, plus the shipping and
    handling it carries; tax is inside (lines at their rates, shipping at the order's)."""

    items: Decimal
    shipping: Decimal
    handling: Decimal
    tax: Decimal
    quantity: int = 0  # units in the shipment

    @property
    def grand_total(self) -> Decimal:
        return self.items + self.shipping + self.handling


def shipment_totals(
    shipment: ShipmentRow, order: OrderRow, parts: Iterable[tuple[OrderLineRow, int]]
) -> ShipmentTotals:
    """The totals of a shipment holding `parts` (order line, quantity shipped)."""
    items = tax = ZERO
    units = 0
    for line, quantity in parts:
        items += line_value(line, quantity)
        tax += line_tax(line, quantity)
        units += quantity
    tax += tax_in_gross(
        shipment.shipping_value + shipment.handling_value, order.tax_percent_hundredths
    )
    return ShipmentTotals(items, shipment.shipping_value, shipment.handling_value, tax, units)


def totals_of_shipment(session, shipment: ShipmentRow) -> ShipmentTotals:
    order = session.get(OrderRow, shipment.order_id)
    parts = [
        (session.get(OrderLineRow, sl.order_line_id), sl.quantity)
        for sl in shipment_lines(session, key(shipment))
    ]
    return shipment_totals(shipment, order, parts)


def shipment_grand_total(session, shipment: ShipmentRow) -> Decimal:
    return totals_of_shipment(session, shipment).grand_total
