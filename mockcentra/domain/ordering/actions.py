"""Order operations: confirm, cancel, lock, hold, update lines, capture the order (placing one is
in placing.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from mockcentra.domain.errors import (
    DomainError,
    DomainWarning,
    ErrorCode,
    Explain,
    invalid,
    not_found,
)
from mockcentra.domain.money import format_money, round_money
from mockcentra.domain.ordering.placing import NewLine, line_from_size
from mockcentra.domain.orders.guards import (
    OrderKey,
    ensure_not_locked_by_other,
    ensure_not_on_hold,
    find_order,
    touch,
)
from mockcentra.domain.orders.line_checks import asked_lines, at_most_left
from mockcentra.domain.orders.line_stock import allocate_line, release_line
from mockcentra.domain.orders.rules import buyer_info, lower_shipping, merge_address
from mockcentra.domain.orders.status import (
    OrderStatus,
    PaymentEntryStatus,
    PaymentEntryType,
    StockAction,
    move,
)
from mockcentra.domain.orders.totals import lines_of, order_totals, payment_balance, shipments_of
from mockcentra.domain.payments import psp
from mockcentra.domain.payments.actions import capture
from mockcentra.domain.payments.rules import refuse_capture
from mockcentra.domain.shipments.fulfilment import drop_shipment, settle_order_status
from mockcentra.storage.tables import (
    CustomerRow,
    DisplayRow,
    OrderLineRow,
    OrderRow,
    ProductRow,
    ProductSizeRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

# ---------------------------------------------------------------- status changes


def confirm_order(uow: UnitOfWork, order_ref: OrderKey) -> OrderRow:
    order = find_order(uow, order_ref, ["order"])
    ensure_not_locked_by_other(uow, order)
    if order.status != OrderStatus.PENDING:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} cannot be confirmed: its status is "{order.status}".',
            ["order"],
        )
    move(order, OrderStatus.CONFIRMED)
    touch(uow, order)
    return order


def set_orders_lock(uow: UnitOfWork, refs: Sequence[OrderKey], is_locked: bool) -> list[OrderRow]:
    orders = []
    for i, ref in enumerate(refs):
        order = find_order(uow, ref, ["orders", i])
        ensure_not_locked_by_other(uow, order)
        order.is_locked = is_locked
        order.locked_by = uow.integration_name if is_locked else None
        touch(uow, order)
        orders.append(order)
    return orders


def cancel_order(
    uow: UnitOfWork,
    order: OrderRow,
    *,
    comment: str | None = None,
    remove_from_stock: bool = False,
    cancel_authorization: bool = False,
) -> list[DomainWarning]:
    """Cancel before capture: every allocation is released (or removed) and shipments dropped."""
    ensure_not_locked_by_other(uow, order)
    balance = payment_balance(uow.session, key(order))
    if balance.captured > 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} has captured payments and cannot be cancelled; "
            "create a return and refund it instead.",
        )
    shipments = shipments_of(uow.session, key(order))
    if any(s.shipped_at is not None for s in shipments):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} has shipped shipments and cannot be cancelled.",
        )
    move(order, OrderStatus.CANCELLED)
    for shipment in shipments:
        drop_shipment(uow, order, shipment)
    action = (
        StockAction.REMOVE_FROM_STOCK
        if remove_from_stock
        else StockAction.RELEASE_BACK_TO_WAREHOUSE
    )
    for line in lines_of(uow.session, key(order)):
        release_line(uow, line, line.quantity, action)
        uow.session.add(line)
    order.cancellation_comment = comment
    warnings: list[DomainWarning] = []
    if cancel_authorization:
        remaining = balance.authorized - balance.captured
        if psp.outcome(uow, order, "cancel") == psp.DECLINE:
            psp.entry(uow, order, PaymentEntryType.CANCEL, PaymentEntryStatus.FAILED, remaining)
            warnings.append(
                DomainWarning("The payment provider refused to cancel the authorization.")
            )
        else:
            psp.entry(uow, order, PaymentEntryType.CANCEL, PaymentEntryStatus.SUCCESS, -remaining)
    touch(uow, order)
    return warnings


def capture_order(uow: UnitOfWork, order_ref: OrderKey):
    """Capture whatever is authorized and not yet captured, before any shipment."""
    order = find_order(uow, order_ref, [])
    ensure_not_locked_by_other(uow, order)
    ensure_not_on_hold(order, "captured")
    if order.status == OrderStatus.CANCELLED:
        raise DomainError(ErrorCode.NOT_ALLOWED, f"Order {order.number} is cancelled.", [])
    refuse_capture(order)  # wholesale orders are invoiced: nothing to capture
    balance = payment_balance(uow.session, key(order))
    if balance.capturable <= 0:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Order {order.number} is already captured.",
            [],
            explain=Explain(
                "payments.capture_within_authorization",
                {
                    "order": order.number,
                    "currency": order.currency_code,
                    "authorized": balance.authorized,
                    "captured": balance.captured,
                    "capturable": balance.capturable,
                },
            ),
        )
    entry = capture(uow, order, balance.capturable, shipment=None)
    touch(uow, order)
    return order, entry


# ---------------------------------------------------------------- updating


@dataclass
class CancelLine:
    line_id: int
    quantity: int
    stock_action: StockAction = StockAction.RELEASE_BACK_TO_WAREHOUSE


@dataclass
class AddLine:
    display_id: int
    product_size_id: int
    quantity: int
    unit_price: Decimal
    currency_code: str
    comment: str | None = None


@dataclass
class OrderUpdate:
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    customer_id: int | None = None
    customer_info: dict[str, Any] | None = None
    buyer_info: dict[str, Any] | None = None  # wholesale: who ordered, kept on the order
    shipping_cost: Decimal | None = None  # direct to consumer: a lower shipping price
    shipping_cost_currency: str | None = None
    is_internal: bool | None = None
    is_on_hold: bool | None = None
    cancel_lines: list[CancelLine] = field(default_factory=list)
    cancellation_comment: str | None = None
    add_lines: list[AddLine] = field(default_factory=list)
    internal_comment: str | None = None


def update_order(
    uow: UnitOfWork, order_ref: OrderKey, change: OrderUpdate, *, dtc: bool
) -> OrderRow:
    """Find the order and change it (`order_to_change`, then `change_order`)."""
    return change_order(uow, order_to_change(uow, order_ref, change, dtc=dtc), change)


def order_to_change(
    uow: UnitOfWork, order_ref: OrderKey, change: OrderUpdate, *, dtc: bool
) -> OrderRow:
    """The order a change is for, when it may take it: not locked by another integration, of
    the kind the change is meant for (refusals point at the reference given)."""
    order = find_order(uow, order_ref, [])
    ensure_not_locked_by_other(uow, order)
    _check_changeable(order, change, dtc=dtc)
    return order


def change_order(uow: UnitOfWork, order: OrderRow, change: OrderUpdate) -> OrderRow:
    """Apply a change to an order `order_to_change` found; errors point at the change's fields."""
    is_dtc = order.store_type == "DIRECT_TO_CONSUMER"
    _change_details(uow, order, change, is_dtc=is_dtc)
    _change_lines(uow, order, change, is_dtc=is_dtc)
    touch(uow, order)
    return order


def _check_changeable(order: OrderRow, change: OrderUpdate, *, dtc: bool) -> bool:
    """Refuse a change meant for the other kind of order, or to the lines of a closed order;
    whether the order is direct to consumer."""
    is_dtc = order.store_type == "DIRECT_TO_CONSUMER"
    if dtc != is_dtc:
        kind = "direct to consumer" if dtc else "wholesale"
        raise DomainError(ErrorCode.CONFLICT, f"Order {order.number} is not a {kind} order.", [])
    if order.status in (OrderStatus.CANCELLED, OrderStatus.ARCHIVED) and (
        change.cancel_lines or change.add_lines
    ):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is "{order.status}" and cannot be changed.',
        )
    return is_dtc


def _change_details(uow: UnitOfWork, order: OrderRow, change: OrderUpdate, *, is_dtc: bool) -> None:
    """Addresses, customer, buyer, flags, comment and shipping cost, as far as given."""
    if change.shipping_address is not None:
        order.shipping_address = merge_address(
            order.shipping_address, change.shipping_address, "shippingAddress"
        )
    if change.billing_address is not None:
        order.billing_address = merge_address(
            order.billing_address, change.billing_address, "billingAddress"
        )
    if change.customer_id is not None:
        customer = uow.session.get(CustomerRow, change.customer_id)
        if customer is None:
            raise not_found("customer", change.customer_id, ["customer"])
        order.customer_id = customer.id
    if change.customer_info is not None:
        order.customer_info = {
            **order.customer_info,
            **{k: v for k, v in change.customer_info.items() if v is not None},
        }
    if change.buyer_info is not None:
        order.customer_info = {**order.customer_info, **buyer_info(change.buyer_info)}
    if change.is_internal is not None:
        order.is_internal = change.is_internal
    if change.internal_comment is not None:
        order.internal_comment = change.internal_comment
    if change.is_on_hold is not None:
        if change.is_on_hold and order.status in (OrderStatus.SHIPPED, OrderStatus.ARCHIVED):
            raise DomainError(
                ErrorCode.NOT_ALLOWED,
                f"Order {order.number} is completed and cannot be put on hold.",
                ["isOnHold"],
            )
        order.is_on_hold = change.is_on_hold
    if change.shipping_cost is not None:
        lower_shipping(order, change.shipping_cost, change.shipping_cost_currency, dtc=is_dtc)


def _change_lines(uow: UnitOfWork, order: OrderRow, change: OrderUpdate, *, is_dtc: bool) -> None:
    """Cancel and add lines; a direct to consumer order may not grow past its authorization."""
    lines = {key(line): line for line in lines_of(uow.session, key(order))}
    for line, cancel, path in asked_lines(
        change.cancel_lines,
        lines,
        line_of=lambda c: c.line_id,
        quantity_of=lambda c: c.quantity,
        noun="Order line",
        owner=f"order {order.number}",
        path=["cancelLines"],
        field="line",
        once=False,
        at_least_one="Quantity to cancel must be at least 1.",
    ):
        _cancel_line(uow, order, line, cancel, path)
    if change.cancellation_comment is not None:
        order.cancellation_comment = change.cancellation_comment
    for i, add in enumerate(change.add_lines):
        _add_line(uow, order, list(lines.values()), add, ["addLines", i], lines)
    if change.add_lines and is_dtc:
        total = order_totals(uow.session, order, list(lines.values())).grand_total
        balance = payment_balance(uow.session, key(order))
        if total > balance.authorized:
            raise DomainError(
                ErrorCode.NOT_ALLOWED,
                f"The order total {format_money(total, order.currency_code)} would exceed the "
                f"authorized amount {format_money(balance.authorized, order.currency_code)}.",
                ["addLines"],
            )
    if change.cancel_lines:
        settle_order_status(uow, order)


def _cancel_line(uow, order, line: OrderLineRow, cancel: CancelLine, path) -> None:
    at_most_left(
        cancel.quantity,
        line.quantity - line.shipped_quantity,
        action="cancel",
        noun="order line",
        line_id=line.id,
        left_as="unshipped",
        path=path,
    )
    release_line(uow, line, cancel.quantity, cancel.stock_action)
    line.quantity -= cancel.quantity
    line.cancelled_quantity += cancel.quantity
    uow.session.add(line)


def _add_line(uow, order, existing: list[OrderLineRow], add: AddLine, path, by_id) -> None:
    if add.quantity < 1:
        raise invalid("Quantity must be at least 1.", [*path, "quantity"])
    if add.currency_code != order.currency_code:
        raise invalid(
            f"Unit price currency {add.currency_code} does not match the order currency "
            f"{order.currency_code}.",
            [*path, "unitPrice", "currencyIsoCode"],
        )
    display = uow.session.get(DisplayRow, add.display_id)
    if display is None:
        raise not_found("display", add.display_id, [*path, "display"])
    size = uow.session.get(ProductSizeRow, add.product_size_id)
    if size is None:
        raise not_found("product size", add.product_size_id, [*path, "productSize"])
    variant = uow.session.get(VariantRow, size.variant_id)
    if variant.product_id != display.product_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Product size {size.id} is not a size of the product on display {display.id}.",
            [*path, "productSize"],
        )
    product = uow.session.get(ProductRow, variant.product_id)
    price = round_money(add.unit_price)
    for line in existing:
        if (
            line.display_id == display.id
            and line.product_size_id == size.id
            and line.unit_price == price
            and (line.comment or None) == (add.comment or None)
            and line.product_name == product.name
            and line.delivery_window_id is None
        ):
            line.quantity += add.quantity
            allocate_line(uow, order, line, add.quantity)
            uow.session.add(line)
            return
    line = line_from_size(
        uow,
        order,
        NewLine(display.id, size.id, add.quantity, price, price, add.comment),
        order.tax_percent_hundredths,
    )
    uow.session.add(line)
    uow.session.flush()
    allocate_line(uow, order, line, line.quantity)
    existing.append(line)
    by_id[line.id] = line
