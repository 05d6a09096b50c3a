"""Order statuses as Centra's Integration API names them, and the moves between them."""

from __future__ import annotations

from enum import StrEnum

from mockcentra.domain.errors import DomainError, ErrorCode, Explain


class OrderStatus(StrEnum):
    PENDING = "PENDING"  # placed and authorized; must be confirmed before shipping
    CONFIRMED = "CONFIRMED"  # confirmed (API, admin or store autoconfirm); shipments may start
    PROCESSING = "PROCESSING"  # at least one shipment exists and not everything is shipped
    SHIPPED = "SHIPPED"  # "Completed" in the admin: every line shipped or cancelled
    ARCHIVED = "ARCHIVED"  # a completed order hidden from default lists
    CANCELLED = "CANCELLED"  # cancelled before capture; irreversible


#: Centra's numeric order status codes (REST Order API, admin).
STATUS_CODES = {
    OrderStatus.PENDING: 1,
    OrderStatus.CONFIRMED: 2,
    OrderStatus.PROCESSING: 3,
    OrderStatus.SHIPPED: 4,
    OrderStatus.ARCHIVED: 5,
    OrderStatus.CANCELLED: 6,
}

#: Centra's words for the statuses (REST Order and Checkout APIs, admin). Code 0 "Incomplete"
#: is a checkout selection, never an order.
STATUS_WORDS = {
    OrderStatus.PENDING: "Pending",
    OrderStatus.CONFIRMED: "Confirmed",
    OrderStatus.PROCESSING: "Processing",
    OrderStatus.SHIPPED: "Completed",
    OrderStatus.ARCHIVED: "Archived",
    OrderStatus.CANCELLED: "Cancelled",
}

TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.PENDING: frozenset({OrderStatus.CONFIRMED, OrderStatus.CANCELLED}),
    OrderStatus.CONFIRMED: frozenset(
        {OrderStatus.PROCESSING, OrderStatus.CANCELLED, OrderStatus.SHIPPED}
    ),
    OrderStatus.PROCESSING: frozenset(
        {OrderStatus.SHIPPED, OrderStatus.CONFIRMED, OrderStatus.CANCELLED}
    ),
    OrderStatus.SHIPPED: frozenset({OrderStatus.ARCHIVED, OrderStatus.PROCESSING}),
    OrderStatus.ARCHIVED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}


def move(order, to: OrderStatus) -> None:
    """The one place an order's status changes; refuses moves the table does not allow."""
    current = OrderStatus(order.status)
    if current == to:
        return
    if to not in TRANSITIONS[current]:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f'Order {order.number} is "{current.value}" and cannot become "{to.value}".',
            explain=_explain(current, to, order.number),
        )
    order.status = to.value


def _explain(current: OrderStatus, to: OrderStatus, ref: int | str | None) -> Explain:
    """The order state machine's verdict: where it is, where it was asked to go, where it may."""
    return Explain(
        "order.status_transitions",
        {
            "order": ref,
            "from": current.value,
            "to": to.value,
            "allowed": sorted(s.value for s in TRANSITIONS[current]),
        },
    )


class StockAction(StrEnum):
    RELEASE_BACK_TO_WAREHOUSE = "RELEASE_BACK_TO_WAREHOUSE"  # allocated units become free again
    REMOVE_FROM_STOCK = "REMOVE_FROM_STOCK"  # allocated units leave physical stock too


class PaymentEntryType(StrEnum):
    AUTHORIZATION = "AUTHORIZATION"  # the PSP reserved the order total at checkout
    CAPTURE = "CAPTURE"  # money taken (synchronous PSPs)
    CAPTURE_REQUEST = "CAPTURE_REQUEST"  # capture asked of an asynchronous PSP
    CANCEL = "CANCEL"  # the authorization was voided
    CANCEL_REQUEST = "CANCEL_REQUEST"  # void asked of an asynchronous PSP
    REFUND = "REFUND"  # money returned to the shopper
    RELEASE = "RELEASE"  # uncaptured remainder released


class PaymentEntryStatus(StrEnum):
    SUCCESS = "SUCCESS"  # the PSP accepted
    PENDING = "PENDING"  # accepted as a request; settles later
    FAILED = "FAILED"  # the PSP refused
