"""Placing an order as a checkout, a wholesale buyer or an import does: customer, lines,
allocation, authorization."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain.catalog import skus
from mockcentra.domain.customers.actions import find_or_create_customer
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.money import ZERO, round_money
from mockcentra.domain.orders.guards import touch
from mockcentra.domain.orders.line_stock import allocate_line
from mockcentra.domain.orders.status import OrderStatus, PaymentEntryStatus, PaymentEntryType, move
from mockcentra.domain.orders.totals import order_totals, placed
from mockcentra.domain.payments import psp
from mockcentra.domain.vouchers import entries as voucher_entries
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.runtime.ids import order_hash
from mockcentra.storage.records import record_by_key, stored_record
from mockcentra.storage.tables import (
    CustomerRow,
    OrderLineRow,
    OrderRow,
    ProductRow,
    ProductSizeRow,
    SizeRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import highest, key
from mockcentra.storage.uow import UnitOfWork, insert_new


@dataclass
class NewLine:
    """One line of an order being placed; prices are tax-inclusive, as shown to the shopper."""

    display_id: int | None
    product_size_id: int
    quantity: int
    unit_price: Decimal
    unit_original_price: Decimal | None = None
    comment: str | None = None


@dataclass
class NewOrder:
    store_id: int
    market_id: int | None
    pricelist_id: int | None
    currency_code: str
    country_code: str
    tax_percent_hundredths: int
    email: str
    first_name: str | None
    last_name: str | None
    billing_address: dict[str, Any]
    shipping_address: dict[str, Any]
    lines: list[NewLine]
    shipping_option_id: int | None = None
    shipping_value: Decimal = ZERO
    payment_method: str = "dummy"
    payment_outcome: dict[str, Any] = field(default_factory=dict)
    allocation_rule_id: int | None = None
    vouchers: list[VoucherEntry] = field(default_factory=list)
    external_promotions: list[Any] = field(default_factory=list)
    authorize: bool = True
    number: int | None = None  # an explicit order number (imports); must be free
    customer_id: int | None = None  # attach to this customer instead of finding one by email


def next_order_number(uow: UnitOfWork) -> int:
    current = highest(uow.session, OrderRow.number)
    return int(current or 0) + 1


def line_from_size(uow: UnitOfWork, order: OrderRow, new: NewLine, tax: int) -> OrderLineRow:
    """An order line keeping the names and SKU as they are at the time of ordering."""
    size = record_by_key(uow.session, ProductSizeRow, new.product_size_id)
    if size is None:
        raise not_found("product size", new.product_size_id, ["productSize"])
    variant = stored_record(uow.session, VariantRow, size.variant_id)
    product = stored_record(uow.session, ProductRow, variant.product_id)
    size_name = stored_record(uow.session, SizeRow, size.size_id).name
    return OrderLineRow(
        order_id=key(order),
        display_id=new.display_id,
        product_id=key(product),
        variant_id=key(variant),
        product_size_id=key(size),
        product_name=product.name,
        variant_name=variant.name,
        size_name=size_name,
        sku=skus.sku(product.product_number, variant.variant_number, size.size_number),
        ean=size.ean,
        quantity=new.quantity,
        unit_price=round_money(new.unit_price),
        unit_original_price=round_money(
            new.unit_original_price if new.unit_original_price is not None else new.unit_price
        ),
        tax_percent_hundredths=tax,
        comment=new.comment,
        allocations={},
    )


def place_order(uow: UnitOfWork, new: NewOrder) -> OrderRow:
    """Create an order as a checkout does: customer, lines, allocation, authorization."""
    if not new.lines:
        raise invalid("An order needs at least one line.", ["lines"])
    store = stored_record(uow.session, StoreRow, new.store_id)
    customer = _customer(uow, new)
    order = _new_order(uow, new, store, customer, _order_number(uow, new))
    insert_new(uow.session, order)
    lines = _place_lines(uow, order, new)
    placed(uow.session, key(order), lines)
    if new.authorize:
        _authorize(uow, order, lines)
    if store.autoconfirm:
        move(order, OrderStatus.CONFIRMED)
    touch(uow, order, "CREATED")
    return order


def _customer(uow: UnitOfWork, new: NewOrder) -> CustomerRow:
    """The customer asked for by id, else the store's customer with the order's email (created
    when there is none)."""
    if new.customer_id is not None:
        customer = uow.session.get(CustomerRow, new.customer_id)
        if customer is None:
            raise not_found("customer", new.customer_id, ["customerId"])
        return customer
    return find_or_create_customer(
        uow,
        email=new.email,
        first_name=new.first_name,
        last_name=new.last_name,
        store_id=new.store_id,
    )


def _order_number(uow: UnitOfWork, new: NewOrder) -> int:
    """The next free number, or the explicit one an import gives (which must be free)."""
    number = next_order_number(uow) if new.number is None else new.number
    if new.number is not None and (
        new.number < 1
        or uow.session.exec(select(OrderRow.id).where(OrderRow.number == new.number)).first()
    ):
        raise DomainError(
            ErrorCode.DUPLICATE, f"Order number {new.number} is taken or invalid.", ["number"]
        )
    return number


def _new_order(
    uow: UnitOfWork, new: NewOrder, store: StoreRow, customer: CustomerRow, number: int
) -> OrderRow:
    """The order's row, PENDING, as placed now."""
    now = uow.clock.now()
    return OrderRow(
        hash=order_hash(uow.seed, number),
        number=number,
        store_id=new.store_id,
        store_type=store.type,
        market_id=new.market_id,
        pricelist_id=new.pricelist_id,
        allocation_rule_id=new.allocation_rule_id,
        currency_code=new.currency_code,
        status=OrderStatus.PENDING.value,
        customer_id=customer.id,
        customer_info={
            "firstName": new.first_name,
            "lastName": new.last_name,
            "email": customer.email,
        },
        shipping_address=new.shipping_address,
        billing_address=new.billing_address,
        country_code=new.country_code,
        payment_method=new.payment_method,
        payment_outcome=new.payment_outcome,
        shipping_option_id=new.shipping_option_id,
        shipping_value=round_money(new.shipping_value),
        tax_percent_hundredths=new.tax_percent_hundredths,
        vouchers=voucher_entries.write(new.vouchers),
        external_promotions=new.external_promotions,
        created_at=now,
        updated_at=now,
    )


def _place_lines(uow: UnitOfWork, order: OrderRow, new: NewOrder) -> list[OrderLineRow]:
    """The order's lines, each allocated from stock as far as it goes."""
    lines = []
    for i, new_line in enumerate(new.lines):
        if new_line.quantity < 1:
            raise invalid("Quantity must be at least 1.", ["lines", i, "quantity"])
        line = line_from_size(uow, order, new_line, new.tax_percent_hundredths)
        # allocated before its INSERT, which then writes the allocations: one write per line
        allocate_line(uow, order, line, line.quantity)
        insert_new(uow.session, line)
        lines.append(line)
    return lines


def _authorize(uow: UnitOfWork, order: OrderRow, lines: list[OrderLineRow]) -> None:
    """Authorize the order's grand total at the payment provider, which may decline it."""
    total = order_totals(uow.session, order, lines).grand_total
    if psp.outcome(uow, order, "authorization") == psp.DECLINE:
        raise DomainError(ErrorCode.PAYMENT_FAILED, "The payment was declined.")
    psp.entry(uow, order, PaymentEntryType.AUTHORIZATION, PaymentEntryStatus.SUCCESS, total)
