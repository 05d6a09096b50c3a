"""Orders placed outside Centra's checkout, as the REST Order API imports them.

Each function is one request of that API: several domain steps (place and pay, note what
happened later) that succeed or fail together, built only from the order actions that the
Integration API uses too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mockcentra.domain.customers.actions import find_or_create_customer
from mockcentra.domain.displays.displays import sellable_display_for_variant
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.money import ZERO, round_money
from mockcentra.domain.ordering.actions import OrderUpdate, update_order
from mockcentra.domain.ordering.external_payments import (
    ExternalPayment,
    PaymentRecord,
    record_payment,
)
from mockcentra.domain.ordering.import_lookups import (
    check_free_stock,
    country_of,
    market_of,
    pricelist_of,
    product_size,
    store_of,
)
from mockcentra.domain.ordering.placing import NewLine, NewOrder, place_order
from mockcentra.domain.ordering.voucher_value import take_voucher_value
from mockcentra.domain.orders.guards import ensure_not_locked_by_other, find_order, touch
from mockcentra.domain.orders.status import OrderStatus
from mockcentra.domain.orders.totals import lines_of
from mockcentra.domain.pricing.prices import price_for
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.storage.tables import (
    CurrencyRow,
    CustomerRow,
    MarketRow,
    OrderRow,
    PricelistRow,
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
