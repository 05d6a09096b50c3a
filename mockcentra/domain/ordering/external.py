"""Operations as external systems perform them (order imports, WMS, customer service tools).

Each function is one request of Centra's REST Order API: several domain steps (place and pay,
ship and capture and complete, return and refund) that succeed or fail together, built only
from the order, shipment and return actions that the Integration API uses too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mockcentra.domain.customers.actions import find_or_create_customer
from mockcentra.domain.displays.displays import sellable_display_for_variant
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.money import ZERO, format_money, round_money
from mockcentra.domain.ordering.actions import OrderUpdate, update_order
from mockcentra.domain.ordering.import_lookups import (
    check_free_stock,
    country_of,
    market_of,
    pricelist_of,
    product_size,
    store_of,
)
from mockcentra.domain.ordering.placing import NewLine, NewOrder, place_order
from mockcentra.domain.ordering.queries import shipment_by_number
from mockcentra.domain.ordering.voucher_value import take_voucher_value
from mockcentra.domain.orders.guards import ensure_not_locked_by_other, find_order, touch
from mockcentra.domain.orders.status import (
    OrderStatus,
    PaymentEntryStatus,
    PaymentEntryType,
)
from mockcentra.domain.orders.totals import lines_of, payment_balance
from mockcentra.domain.payments import psp
from mockcentra.domain.pricing.prices import price_for
from mockcentra.domain.returns import actions as returns
from mockcentra.domain.returns.status import ReturnStockPolicy
from mockcentra.domain.shipments import actions as shipments
from mockcentra.domain.shipments.queries import shipment_lines
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.storage.tables import (
    CurrencyRow,
    CustomerRow,
    MarketRow,
    OrderRow,
    PricelistRow,
    ReturnRow,
    ShipmentRow,
    ShippingOptionRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


@dataclass(frozen=True)
class ByNumber:
    """An order reference by its number (what the REST API calls the order id)."""

    number: int
    id: None = None


# ---------------------------------------------------------------- payments


@dataclass
class PaymentRecord:
    """What a PSP outside Centra answered: status 0 pending, 1 success, 2 failed."""

    status: int
    amount: Decimal
    transaction: str | None = None
    method: str | None = None
    response: str | None = None
    external_url: str | None = None


@dataclass
class ExternalPayment:
    plugin_id: int | None = None
    auth: PaymentRecord | None = None
    capture: PaymentRecord | None = None


_STATUSES = {
    0: PaymentEntryStatus.PENDING,
    1: PaymentEntryStatus.SUCCESS,
    2: PaymentEntryStatus.FAILED,
}


def _check_record(record: PaymentRecord, path: list[Any]) -> PaymentEntryStatus:
    if record.status not in _STATUSES:
        raise invalid("status must be 0 (pending), 1 (success) or 2 (failed).", [*path, "status"])
    if record.amount < 0:
        raise invalid("amount cannot be negative.", [*path, "amount"])
    return _STATUSES[record.status]


def record_payment(uow: UnitOfWork, order: OrderRow, payment: ExternalPayment) -> None:
    """Write the authorization and capture a PSP outside Centra made, as payment history.

    A successful capture may not exceed what is authorized and not yet captured.
    """
    path: list[Any] = ["payment"]
    if payment.auth is not None:
        status = _check_record(payment.auth, [*path, "auth"])
        _entry(uow, order, PaymentEntryType.AUTHORIZATION, status, payment.auth)
    if payment.capture is not None:
        status = _check_record(payment.capture, [*path, "capture"])
        amount = round_money(payment.capture.amount)
        if status == PaymentEntryStatus.SUCCESS:
            balance = payment_balance(uow.session, key(order))
            if amount > balance.capturable:
                raise DomainError(
                    ErrorCode.NOT_ALLOWED,
                    f"Cannot capture {format_money(amount, order.currency_code)}: only "
                    f"{format_money(balance.capturable, order.currency_code)} is authorized "
                    "and not captured.",
                    [*path, "capture", "amount"],
                )
        kind = (
            PaymentEntryType.CAPTURE_REQUEST
            if status == PaymentEntryStatus.PENDING
            else PaymentEntryType.CAPTURE
        )
        _entry(uow, order, kind, status, payment.capture)
    method = (payment.auth or payment.capture or PaymentRecord(1, ZERO)).method
    if method:
        order.payment_method = method
    uow.session.add(order)


def _entry(uow, order, kind: PaymentEntryType, status: PaymentEntryStatus, record: PaymentRecord):
    row = psp.entry(
        uow,
        order,
        kind,
        status,
        round_money(record.amount),
        params={
            "success": status != PaymentEntryStatus.FAILED,
            "isRequest": status == PaymentEntryStatus.PENDING,
            "raw": record.response,
            "externalUrl": record.external_url,
        },
    )
    if record.transaction:
        row.external_reference = record.transaction
    if record.method:
        row.payment_method = record.method
    uow.session.add(row)
    return row


# ---------------------------------------------------------------- creating orders


@dataclass
class ExternalLine:
    """One product of an imported order, by size id, EAN or SKU; prices are tax-inclusive."""

    quantity: int
    product_size_id: int | None = None
    ean: str | None = None
    sku: str | None = None
    unit_price: Decimal | None = None
    original_price: Decimal | None = None
    comment: str | None = None
    item_text: dict[str, str] | None = None


@dataclass
class ExternalOrder:
    """An order placed outside Centra's checkout (`email` and `country` in the addresses)."""

    billing_address: dict[str, Any]
    shipping_address: dict[str, Any]
    lines: list[ExternalLine]
    store_id: int | None = None
    market_id: int | None = None
    market_name: str | None = None
    pricelist_id: int | None = None
    pricelist_name: str | None = None
    customer_id: int | None = None
    customer_register: bool = False
    shipping_value: Decimal | None = None
    voucher_value: Decimal | None = None
    number: int | None = None
    adjust_stock: bool = True
    force_create: bool = False
    internal_order: bool = False
    comment: str | None = None
    internal_comment: str | None = None
    placed_at: datetime | None = None
    payment: ExternalPayment | None = None


def _customer_id(uow: UnitOfWork, data: ExternalOrder, email: str, store: StoreRow) -> int | None:
    if data.customer_id is not None:
        if uow.session.get(CustomerRow, data.customer_id) is None:
            raise not_found("customer", data.customer_id, ["customerId"])
        return data.customer_id
    if data.customer_register:
        return find_or_create_customer(
            uow,
            email=email,
            first_name=data.billing_address.get("firstName"),
            last_name=data.billing_address.get("lastName"),
            store_id=store.id,
            registered=True,
        ).id
    return None


def create_external_order(uow: UnitOfWork, data: ExternalOrder) -> OrderRow:
    """Place an order paid (or to be paid) outside Centra: products by id/EAN/SKU at the given
    or pricelist price, stock allocated (refused when short, unless `force_create` or not
    `adjust_stock`), a `voucher_value` taken off items then shipping, and the PSP's
    authorization and capture written as payment history."""
    email = _checked_email(data)
    store = store_of(uow, data.store_id)
    country = country_of(uow, data.shipping_address.get("country"), ["address", "country"])
    if data.billing_address.get("country"):
        country_of(uow, data.billing_address["country"], ["invoiceAddress", "country"])
    market = market_of(uow, store, country, data.market_id, data.market_name)
    pricelist = pricelist_of(uow, store, country, data.pricelist_id, data.pricelist_name)
    currency = stored(uow.session, CurrencyRow, pricelist.currency_id).code
    new_lines, wanted = _priced_lines(uow, data, store, market, pricelist)
    if data.adjust_stock and not data.force_create:
        check_free_stock(uow, key(market), wanted)
    option, shipping = _shipping(uow, data, pricelist)
    entries: list[VoucherEntry] = []
    voucher = round_money(data.voucher_value) if data.voucher_value else ZERO
    if voucher:
        new_lines, shipping, entry = take_voucher_value(voucher, new_lines, shipping, currency)
        entries.append(entry)
    payment = data.payment or ExternalPayment()
    method = (payment.auth or payment.capture or PaymentRecord(1, ZERO)).method
    order = place_order(
        uow,
        NewOrder(
            store_id=key(store),
            market_id=market.id,
            pricelist_id=pricelist.id,
            currency_code=currency,
            country_code=country.code,
            tax_percent_hundredths=country.tax_percent_hundredths,
            email=email,
            first_name=data.billing_address.get("firstName"),
            last_name=data.billing_address.get("lastName"),
            billing_address=data.billing_address,
            shipping_address=data.shipping_address,
            lines=new_lines,
            shipping_option_id=option.id if option else None,
            shipping_value=shipping,
            payment_method=method or "external",
            authorize=False,
            vouchers=entries,
            number=data.number,
            customer_id=_customer_id(uow, data, email, store),
        ),
    )
    _keep_imported_details(uow, order, data)
    if data.payment is not None:
        record_payment(uow, order, data.payment)
    return order


def _checked_email(data: ExternalOrder) -> str:
    """The order's email (billing first), after the checks that need no lookups."""
    email = (data.billing_address.get("email") or data.shipping_address.get("email") or "").strip()
    if not email:
        raise DomainError(ErrorCode.REQUIRED, "email is required.", ["address", "email"])
    if data.voucher_value is not None and data.voucher_value < 0:
        raise invalid("voucherValue cannot be negative.", ["voucherValue"])
    if not data.lines:
        raise DomainError(ErrorCode.REQUIRED, "products is required.", ["products"])
    return email


def _priced_lines(
    uow: UnitOfWork,
    data: ExternalOrder,
    store: StoreRow,
    market: MarketRow,
    pricelist: PricelistRow,
) -> tuple[list[NewLine], dict[int, tuple[int, str]]]:
    """Each line at its given price (else the pricelist's), and the units wanted per size
    with the name the stock refusal uses."""
    new_lines: list[NewLine] = []
    wanted: dict[int, tuple[int, str]] = {}
    for i, line in enumerate(data.lines):
        path: list[Any] = ["products", i]
        if line.quantity < 1:
            raise invalid("qty must be at least 1.", [*path, "qty"])
        size = product_size(uow, path, size_id=line.product_size_id, ean=line.ean, sku=line.sku)
        variant = stored(uow.session, VariantRow, size.variant_id)
        listed = price_for(uow.session, key(pricelist), variant.product_id, key(variant))
        unit = line.unit_price if line.unit_price is not None else listed
        if unit is None:
            raise invalid(
                f"Product size {size.id} has no price in pricelist {pricelist.name}.",
                [*path, "unitPrice"],
            )
        if unit < 0:
            raise invalid("unitPrice cannot be negative.", [*path, "unitPrice"])
        original = line.original_price if line.original_price is not None else (listed or unit)
        display = sellable_display_for_variant(uow.session, key(store), key(market), key(variant))
        new_lines.append(
            NewLine(
                display.id if display else None,
                key(size),
                line.quantity,
                unit,
                original,
                line.comment,
            )
        )
        held, _ = wanted.get(key(size), (0, ""))
        wanted[key(size)] = (
            held + line.quantity,
            line.sku or line.ean or f"product size {key(size)}",
        )
    return new_lines, wanted


def _shipping(
    uow: UnitOfWork, data: ExternalOrder, pricelist: PricelistRow
) -> tuple[ShippingOptionRow | None, Decimal]:
    """The pricelist's default shipping option, and the given shipping value or its price."""
    option = (
        uow.session.get(ShippingOptionRow, pricelist.default_shipping_option_id)
        if pricelist.default_shipping_option_id
        else None
    )
    shipping = data.shipping_value
    if shipping is None:
        shipping = option.price if option else ZERO
    if shipping < 0:
        raise invalid("shippingValue cannot be negative.", ["shippingValue"])
    return option, shipping


def _keep_imported_details(uow: UnitOfWork, order: OrderRow, data: ExternalOrder) -> None:
    """What an import states about itself: flags, comments, the time it was placed, and the
    texts each line was sold under."""
    order.is_internal = data.internal_order
    order.other_comment = data.comment
    order.internal_comment = data.internal_comment
    if data.placed_at is not None:
        order.created_at = data.placed_at
    for row, line in zip(lines_of(uow.session, key(order)), data.lines, strict=True):
        text = line.item_text or {}
        row.product_name = text.get("product") or row.product_name
        row.variant_name = text.get("variant") or row.variant_name
        row.size_name = text.get("size") or row.size_name
        row.sku = text.get("sku") or row.sku
        uow.session.add(row)
    uow.session.add(order)


def complete_external_order(
    uow: UnitOfWork,
    number: int,
    *,
    payment: ExternalPayment | None = None,
    internal_comment: str | None = None,
    placed_at: datetime | None = None,
) -> OrderRow:
    """Add what happened later to an imported order (auth, capture, notes); may be repeated."""
    order = find_order(uow, ByNumber(number))
    ensure_not_locked_by_other(uow, order)
    if order.status == OrderStatus.CANCELLED:
        raise DomainError(ErrorCode.NOT_ALLOWED, f"Order {order.number} is cancelled.", ["order"])
    if payment is not None:
        record_payment(uow, order, payment)
    if placed_at is not None:
        order.created_at = placed_at
    if internal_comment:
        append_internal_comment(uow, number, internal_comment)  # touches the order
    else:
        touch(uow, order)
    return order


def append_internal_comment(uow: UnitOfWork, number: int, text: str | None) -> OrderRow:
    """Add a line to the order's internal comment (Centra appends; it never replaces)."""
    order = find_order(uow, ByNumber(number))
    if not text:
        return order
    merged = f"{order.internal_comment}\n{text}" if order.internal_comment else text
    return update_order(
        uow,
        ByNumber(number),
        OrderUpdate(internal_comment=merged),
        dtc=order.store_type == "DIRECT_TO_CONSUMER",
    )


# ---------------------------------------------------------------- shipments


def _shipment(uow: UnitOfWork, number: str) -> ShipmentRow:
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
    shipment = _shipment(uow, shipment_number)
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
    shipment = _shipment(uow, shipment_number)
    _capture(uow, shipment)
    return shipment


def set_good_to_go(uow: UnitOfWork, shipment_number: str, good_to_go: bool) -> ShipmentRow:
    shipment = _shipment(uow, shipment_number)
    return shipments.update_shipment(uow, key(shipment), is_good_to_go=good_to_go)


def delete_shipment(uow: UnitOfWork, shipment_number: str) -> tuple[str, int]:
    """Delete an unpaid, unshipped shipment; gives back its number and its order's number."""
    shipment = _shipment(uow, shipment_number)
    order = stored(uow.session, OrderRow, shipment.order_id)
    number, order_number = shipment.number, order.number
    shipments.delete_shipment(uow, key(shipment))
    return number, order_number


# ---------------------------------------------------------------- returns


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
    shipment = _shipment(uow, shipment_number)
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
