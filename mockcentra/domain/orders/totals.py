"""Order arithmetic: line values, tax inside gross prices, totals, and payment balances."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from mockcentra.domain.money import ZERO, round_money, times
from mockcentra.domain.orders.status import PaymentEntryStatus, PaymentEntryType
from mockcentra.storage.tables import OrderLineRow, OrderRow, PaymentEntryRow, ShipmentRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import remember, rows_of


def tax_in_gross(gross: Decimal, percent_hundredths: int) -> Decimal:
    """The tax contained in a tax-inclusive amount: gross × rate / (100 + rate), half up."""
    if not percent_hundredths:
        return ZERO
    rate = Decimal(percent_hundredths) / 100
    return round_money(gross * rate / (100 + rate))


def net_of_tax(gross: Decimal, percent_hundredths: int) -> Decimal:
    """A tax-inclusive amount without its tax (net prices and values of lines and totals)."""
    return gross - tax_in_gross(gross, percent_hundredths)


def line_value(line: OrderLineRow, quantity: int | None = None) -> Decimal:
    """The value of an order line's units (all of them, or the `quantity` a shipment or a
    return holds) at the line's unit price."""
    return times(line.unit_price, line.quantity if quantity is None else quantity)


def discount_percent(line: OrderLineRow) -> Decimal:
    """How far below its original price a line's unit price is, in percent (two places, half
    up; negative when above it, zero without an original price)."""
    original = line.unit_original_price
    if not original:
        return ZERO
    return round_money((original - line.unit_price) * 100 / original)


def line_tax(line: OrderLineRow, quantity: int | None = None) -> Decimal:
    """The tax inside `line_value`, at the line's rate."""
    return tax_in_gross(line_value(line, quantity), line.tax_percent_hundredths)


def items_tax(lines: Iterable[OrderLineRow]) -> Decimal:
    """The tax inside the items alone (each line at its own rate, rounded per line)."""
    return sum((line_tax(line) for line in lines), ZERO)


def lines_of(session, order_id: int) -> list[OrderLineRow]:
    """The order's lines (read once per unit of work until lines are added or removed)."""
    return rows_of(session, OrderLineRow.order_id, order_id)


def shipments_of(session, order_id: int) -> list[ShipmentRow]:
    """The order's shipments in the order they were made (read once per unit of work until
    shipments are added or removed)."""
    return rows_of(session, ShipmentRow.order_id, order_id)


def shipment_added(session, order_id: int, earlier: list[ShipmentRow], new: ShipmentRow) -> None:
    """A shipment just flushed next to the order's `earlier` ones: `shipments_of` need not
    read them again."""
    remember(session, (ShipmentRow, order_id), [*earlier, new])


@dataclass(frozen=True)
class OrderTotals:
    items: Decimal
    items_original: Decimal
    shipping: Decimal
    handling: Decimal
    items_tax: Decimal
    tax: Decimal

    @property
    def discounts(self) -> Decimal:
        return self.items_original - self.items

    @property
    def grand_total(self) -> Decimal:
        return self.items + self.shipping + self.handling


@dataclass(frozen=True)
class OrderQuantities:
    """Units of an order: ordered now, as first ordered, cancelled, and not yet in shipments."""

    quantity: int
    original: int
    cancelled: int
    unexpedited: int


def order_quantities(lines: list[OrderLineRow]) -> OrderQuantities:
    quantity = sum(line.quantity for line in lines)
    cancelled = sum(line.cancelled_quantity for line in lines)
    unexpedited = sum(line.quantity - line.shipped_quantity for line in lines)
    return OrderQuantities(quantity, quantity + cancelled, cancelled, unexpedited)


def order_totals(session, order: OrderRow, lines: list[OrderLineRow] | None = None) -> OrderTotals:
    lines = lines_of(session, key(order)) if lines is None else lines
    items = sum((line_value(line) for line in lines), ZERO)
    original = sum((times(line.unit_original_price, line.quantity) for line in lines), ZERO)
    on_items = items_tax(lines)
    tax = on_items + tax_in_gross(
        order.shipping_value + order.handling_value, order.tax_percent_hundredths
    )
    return OrderTotals(items, original, order.shipping_value, order.handling_value, on_items, tax)


@dataclass(frozen=True)
class PaymentBalance:
    """What the PSP has reserved, taken and given back for one order."""

    authorized: Decimal
    captured: Decimal
    refunded: Decimal

    @property
    def capturable(self) -> Decimal:
        return self.authorized - self.captured


_T, _S = PaymentEntryType, PaymentEntryStatus

#: Which payment entries count in which part of the balance. Releases and cancels carry
#: negative values (they take back authorization); a pending capture request counts as
#: captured, since the PSP has accepted it. Other entries (failures, requests to cancel) count
#: nowhere. The invariants check reads the same table.
BALANCE_PARTS: dict[tuple[str, str], str] = {
    (_T.AUTHORIZATION, _S.SUCCESS): "authorized",
    (_T.RELEASE, _S.SUCCESS): "authorized",
    (_T.CANCEL, _S.SUCCESS): "authorized",
    (_T.CAPTURE, _S.SUCCESS): "captured",
    (_T.CAPTURE_REQUEST, _S.SUCCESS): "captured",
    (_T.CAPTURE_REQUEST, _S.PENDING): "captured",
    (_T.REFUND, _S.SUCCESS): "refunded",
}


def placed(session, order_id: int, lines: list[OrderLineRow]) -> None:
    """A new order's lines, just flushed, are all it has, and it has no payment entries or
    shipments yet: `lines_of`, `payment_entries` and `shipments_of` need not read them."""
    remember(session, (OrderLineRow, order_id), list(lines))
    remember(session, (PaymentEntryRow, order_id), [])
    remember(session, (ShipmentRow, order_id), [])


def payment_entries(session, order_id: int) -> list[PaymentEntryRow]:
    """The order's payment entries (read once per unit of work until an entry is added: a
    capture reads the balance, checks it and numbers its entry from one read)."""
    return rows_of(session, PaymentEntryRow.order_id, order_id)


def payment_balance(session, order_id: int) -> PaymentBalance:
    entries = payment_entries(session, order_id)
    sums = {"authorized": ZERO, "captured": ZERO, "refunded": ZERO}
    for e in entries:
        part = BALANCE_PARTS.get((e.entry_type, e.status))
        if part is not None:
            sums[part] += e.value
    return PaymentBalance(**sums)
