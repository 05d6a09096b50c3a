"""What a return is worth: its items, the costs refunded or kept, and the tax inside each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session

from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.totals import line_tax, line_value, tax_in_gross
from mockcentra.storage.tables import (
    OrderLineRow,
    OrderRow,
    ReturnLineRow,
    ReturnRow,
    ShipmentLineRow,
)
from mockcentra.storage.tables.base import stored


@dataclass(frozen=True)
class Taxed:
    """A tax-inclusive amount and the rate it is taxed at."""

    value: Decimal
    tax_percent_hundredths: int

    @property
    def tax(self) -> Decimal:
        return tax_in_gross(self.value, self.tax_percent_hundredths)


@dataclass(frozen=True)
class ReturnTotals:
    """Items at their lines' rates; shipping, handling, return cost and the voucher value
    taken back (`discounts`) at the order's rate, as the order's own totals are taxed."""

    items: Decimal
    shipping: Taxed
    handling: Taxed
    return_cost: Taxed
    discounts: Taxed
    quantity: int = 0  # units returned
    items_tax: Decimal = ZERO  # the tax inside `items`, line by line

    @property
    def tax(self) -> Decimal:
        """The tax inside `grand_total`: what the refunded parts carry, less the kept ones'."""
        return (
            self.items_tax
            + self.shipping.tax
            + self.handling.tax
            - self.discounts.tax
            - self.return_cost.tax
        )

    @property
    def grand_total(self) -> Decimal:
        """What the shopper gets back: items, shipping and handling, less the costs kept."""
        return (
            self.items
            + self.shipping.value
            + self.handling.value
            - self.discounts.value
            - self.return_cost.value
        )


def return_totals(session: Session, ret: ReturnRow, lines: Sequence[ReturnLineRow]) -> ReturnTotals:
    items = items_tax = ZERO
    quantity = 0
    for rl in lines:
        sl = stored(session, ShipmentLineRow, rl.shipment_line_id)
        line = stored(session, OrderLineRow, sl.order_line_id)
        items += line_value(line, rl.quantity)
        items_tax += line_tax(line, rl.quantity)
        quantity += rl.quantity
    rate = stored(session, OrderRow, ret.order_id).tax_percent_hundredths
    return ReturnTotals(
        items=items,
        shipping=Taxed(ret.shipping_value, rate),
        handling=Taxed(ret.handling_value, rate),
        return_cost=Taxed(ret.return_cost, rate),
        discounts=Taxed(ret.voucher_value, rate),
        quantity=quantity,
        items_tax=items_tax,
    )
