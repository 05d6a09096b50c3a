"""The storefront's selection (cart) and payment, which places the order.

Item ids are `<displayId>-<productSizeId>`. Prices come from the pricelist of the selection's
country and are tax-inclusive; tax is the country's standard rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from mockcentra.domain.addresses import stored_address
from mockcentra.domain.checkout.availability import (
    Unavailable,
    free_units,
    removal_of,
    shortfalls,
    stock_explain,
)
from mockcentra.domain.checkout.vouchers import SelectionDiscounts, check_at_payment, order_entries
from mockcentra.domain.checkout.vouchers import evaluate as voucher_discounts
from mockcentra.domain.displays.displays import sellable_display_for_variant
from mockcentra.domain.emails import normalize_email
from mockcentra.domain.errors import DomainError, ErrorCode, Explain, invalid
from mockcentra.domain.money import ZERO, times
from mockcentra.domain.ordering.placing import NewLine, NewOrder, place_order
from mockcentra.domain.orders.totals import tax_in_gross
from mockcentra.domain.payments import psp
from mockcentra.domain.pricing import location
from mockcentra.domain.pricing.prices import price_for
from mockcentra.domain.secrets import access_token
from mockcentra.domain.stock import allocation
from mockcentra.domain.vouchers.engine import Line as VoucherLine
from mockcentra.domain.vouchers.usage import promotion_entries, record_usage
from mockcentra.runtime.ids import token_hash
from mockcentra.runtime.wire import INT64_MAX
from mockcentra.storage.tables import (
    CountryRow,
    CurrencyRow,
    DisplayRow,
    NewsletterSubscriptionRow,
    OrderRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    SelectionLineRow,
    SelectionRow,
    ShippingOptionRow,
    SizeRow,
    VariantRow,
    VoucherRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import PendingEvent, UnitOfWork, memo

OUTCOME_KEYS = {"authorization", "capture", "refund", "cancel"}


class SelectionNotFound(DomainError):
    def __init__(self) -> None:
        super().__init__(ErrorCode.NOT_FOUND, "selection not found", ["token"])


class ItemsUnavailable(DomainError):
    """Some items are out of stock; they were removed from the selection (HTTP 410)."""

    def __init__(self, items: list[Unavailable], record, explain: Explain | None = None) -> None:
        super().__init__(
            ErrorCode.INSUFFICIENT_STOCK,
            "Some items are no longer available.",
            ["items"],
            record=record,
            explain=explain,
        )
        self.items = items


# ---------------------------------------------------------------- location


def country_by_code(session: Session, code: str) -> CountryRow | None:
    """A country by its ISO code, read once per unit of work (a checkout request needs the
    selection's country to place it, to tax its lines and to describe its location)."""
    return memo(
        session,
        (CountryRow, "code", code),
        lambda: session.exec(select(CountryRow).where(CountryRow.code == code)).first(),
    )


def _country(uow: UnitOfWork, code: str) -> CountryRow:
    country = country_by_code(uow.session, code.upper())
    if country is None:
        raise invalid(f"Unknown country {code}.", ["country"])
    return country


def _place(uow: UnitOfWork, sel: SelectionRow, country: CountryRow) -> None:
    market = location.market_for_country(uow.session, sel.store_id, country)
    pricelist = location.pricelist_for_country(uow.session, sel.store_id, country)
    sel.country_code = country.code
    sel.market_id = key(market)
    sel.pricelist_id = key(pricelist)
    sel.shipping_option_id = pricelist.default_shipping_option_id or _shipping_for(uow, pricelist)


def _shipping_for(uow: UnitOfWork, pricelist: PricelistRow) -> int | None:
    code = stored(uow.session, CurrencyRow, pricelist.currency_id).code
    option = uow.session.exec(
        select(ShippingOptionRow).where(ShippingOptionRow.currency_code == code)
    ).first()
    return option.id if option else None


# ---------------------------------------------------------------- selection


def find_selection(uow: UnitOfWork, token: str | None) -> SelectionRow:
    if not token:
        raise SelectionNotFound()
    sel = uow.session.exec(select(SelectionRow).where(SelectionRow.token == token)).first()
    if sel is None:
        raise SelectionNotFound()
    return sel


def start_selection(uow: UnitOfWork, store_id: int = 1, country_code: str = "SE") -> SelectionRow:
    last = uow.session.exec(select(func.max(SelectionRow.id))).one()  # an index lookup
    now = uow.clock.now()
    sel = SelectionRow(
        token=access_token(uow, "selection", (last or 0) + 1),
        store_id=store_id,
        market_id=0,
        pricelist_id=0,
        country_code=country_code,
        created_at=now,
        updated_at=now,
    )
    _place(uow, sel, _country(uow, country_code))
    uow.session.add(sel)
    uow.session.flush()
    return sel


def selection_for(uow: UnitOfWork, token: str | None, store_id: int = 1) -> SelectionRow:
    """The session's selection; a new one (and a new token) when there is none yet."""
    if token and token != "none":
        sel = uow.session.exec(select(SelectionRow).where(SelectionRow.token == token)).first()
        if sel is not None:
            return sel
    return start_selection(uow, store_id)


def ensure_open(sel: SelectionRow) -> None:
    """A paid selection takes no more changes."""
    if sel.order_id is not None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, "This selection has already been paid.", ["selection"]
        )


def _price(
    uow: UnitOfWork, sel: SelectionRow, display: DisplayRow, size: ProductSizeRow
) -> Decimal | None:
    variant = stored(uow.session, VariantRow, size.variant_id)
    return price_for(uow.session, sel.pricelist_id, variant.product_id, variant.id)


def _parse_item(uow: UnitOfWork, sel: SelectionRow, item: str) -> tuple[DisplayRow, ProductSizeRow]:
    try:
        display_id, size_id = (int(p) for p in item.split("-", 1))
    except ValueError:
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"]) from None
    if not (0 < display_id <= INT64_MAX and 0 < size_id <= INT64_MAX):  # no such row can exist
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"])
    size = uow.session.get(ProductSizeRow, size_id)
    display = uow.session.get(DisplayRow, display_id)
    if size is None or display is None:
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"])
    sellable = sellable_display_for_variant(
        uow.session, sel.store_id, sel.market_id, size.variant_id
    )
    if sellable is None or sellable.id != display.id:
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"])
    if _price(uow, sel, display, size) is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, "product item has no price in this pricelist", ["item"]
        )
    return display, size


def add_item(uow: UnitOfWork, sel: SelectionRow, item: str, quantity: int = 1) -> SelectionRow:
    ensure_open(sel)
    if quantity < 1:
        raise invalid("quantity must be at least 1", ["quantity"])
    display, size = _parse_item(uow, sel, item)
    line = uow.session.exec(
        select(SelectionLineRow).where(
            SelectionLineRow.selection_id == sel.id,
            SelectionLineRow.display_id == display.id,
            SelectionLineRow.product_size_id == size.id,
        )
    ).first()
    if line is None:
        last = uow.session.exec(select(func.max(SelectionLineRow.id))).one()
        line = SelectionLineRow(
            selection_id=key(sel),
            line=token_hash(uow.seed, "line", (last or 0) + 1)[:32],
            display_id=key(display),
            product_size_id=key(size),
            quantity=0,
        )
    line.quantity += quantity
    uow.session.add(line)
    touch(uow, sel)
    return sel


def _line(uow: UnitOfWork, sel: SelectionRow, line_token: str) -> SelectionLineRow:
    line = uow.session.exec(
        select(SelectionLineRow).where(
            SelectionLineRow.selection_id == sel.id, SelectionLineRow.line == line_token
        )
    ).first()
    if line is None:
        raise DomainError(ErrorCode.NOT_FOUND, "line not found", ["line"])
    return line


def change_line_quantity(
    uow: UnitOfWork, sel: SelectionRow, line_token: str, delta: int
) -> SelectionRow:
    ensure_open(sel)
    line = _line(uow, sel, line_token)
    line.quantity += delta
    if line.quantity <= 0:
        uow.session.delete(line)
    else:
        uow.session.add(line)
    touch(uow, sel)
    return sel


def remove_line(uow: UnitOfWork, sel: SelectionRow, line_token: str) -> SelectionRow:
    ensure_open(sel)
    uow.session.delete(_line(uow, sel, line_token))
    touch(uow, sel)
    return sel


def set_country(uow: UnitOfWork, sel: SelectionRow, code: str) -> SelectionRow:
    ensure_open(sel)
    _place(uow, sel, _country(uow, code))
    touch(uow, sel)
    return sel


def set_payment_method(uow: UnitOfWork, sel: SelectionRow, method: str) -> SelectionRow:
    ensure_open(sel)
    if method not in psp.METHODS:
        raise DomainError(ErrorCode.NOT_FOUND, "payment method not found", ["paymentMethod"])
    sel.payment_method = method
    touch(uow, sel)
    return sel


def set_address(
    uow: UnitOfWork, sel: SelectionRow, address: dict | None, shipping: dict | None
) -> None:
    if address:
        sel.address = {**sel.address, **address}
    if shipping:
        sel.shipping_address = {**sel.shipping_address, **shipping}
    touch(uow, sel)


def touch(uow: UnitOfWork, sel: SelectionRow) -> None:
    """Record a change of the selection (its `updated_at`) and write it."""
    sel.updated_at = uow.clock.now()
    uow.session.add(sel)
    uow.session.flush()


# ---------------------------------------------------------------- reading


@dataclass
class PricedLine:
    row: SelectionLineRow
    product: ProductRow
    variant: VariantRow
    size: ProductSizeRow
    size_name: str
    unit_price: Decimal
    tax_percent_hundredths: int
    #: Taken off each unit by vouchers (the selection shows it at order level, as Centra does).
    unit_off: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return times(self.unit_price, self.row.quantity)

    @property
    def discounted_unit_price(self) -> Decimal:
        return self.unit_price - self.unit_off

    @property
    def item(self) -> str:
        return f"{self.row.display_id}-{self.row.product_size_id}"


@dataclass
class Summary:
    selection: SelectionRow
    currency: CurrencyRow
    lines: list[PricedLine]
    shipping: Decimal
    tax_percent_hundredths: int
    discounts: SelectionDiscounts | None = None

    @property
    def items_total(self) -> Decimal:
        """Before vouchers."""
        return sum((line.total for line in self.lines), ZERO)

    @property
    def items_discount(self) -> Decimal:
        return self.discounts.items_off if self.discounts else ZERO

    @property
    def shipping_due(self) -> Decimal:
        """Shipping after vouchers (zero for an empty selection)."""
        if not self.lines:
            return ZERO
        return self.shipping - (self.discounts.shipping_off if self.discounts else ZERO)

    @property
    def grand_total(self) -> Decimal:
        return self.items_total - self.items_discount + self.shipping_due

    @property
    def tax(self) -> Decimal:
        return tax_in_gross(self.grand_total, self.tax_percent_hundredths)

    @property
    def quantity(self) -> int:
        return sum(line.row.quantity for line in self.lines)


def summarize(session, sel: SelectionRow, now: datetime, email: str | None = None) -> Summary:
    """Priced lines, shipping and the vouchers' discounts (codes on it, automatic ones) at `now`."""
    pricelist = session.get(PricelistRow, sel.pricelist_id)
    currency = session.get(CurrencyRow, pricelist.currency_id)
    country = country_by_code(session, sel.country_code)
    if country is None:
        raise LookupError(f"The selection's country {sel.country_code} is not stored")

    lines = []
    for row in session.exec(
        select(SelectionLineRow)
        .where(SelectionLineRow.selection_id == sel.id)
        .order_by(col(SelectionLineRow.id))
    ):
        size = session.get(ProductSizeRow, row.product_size_id)
        variant = session.get(VariantRow, size.variant_id)
        product = session.get(ProductRow, variant.product_id)
        price = price_for(session, sel.pricelist_id, product.id, variant.id) or ZERO
        lines.append(
            PricedLine(
                row,
                product,
                variant,
                size,
                stored(session, SizeRow, size.size_id).name,
                price,
                country.tax_percent_hundredths,
            )
        )
    option = (
        session.get(ShippingOptionRow, sel.shipping_option_id) if sel.shipping_option_id else None
    )
    shipping = option.price if option else ZERO
    discounts = voucher_discounts(
        session,
        sel,
        [
            VoucherLine(line.item, key(line.variant), line.unit_price, line.row.quantity)
            for line in lines
        ],
        shipping,
        now,
        email,
    )
    for line in lines:
        line.unit_off = discounts.outcome.unit_off(line.item)
    return Summary(sel, currency, lines, shipping, country.tax_percent_hundredths, discounts)


# ---------------------------------------------------------------- paying


REQUIRED_ADDRESS = ("email", "firstName", "lastName", "address1", "city", "zipCode")


def _check_stock(uow: UnitOfWork, summary: Summary) -> None:
    """Refuse the payment when the market's warehouses lack free stock for some lines; the
    refusal takes those units out of the selection (kept even though the payment fails)."""
    warehouses = allocation.warehouses_for_market(uow.session, summary.selection.market_id)
    missing = shortfalls(summary.lines, free_units(uow, summary.lines, warehouses))
    if missing:
        raise ItemsUnavailable(
            missing,
            record=removal_of(uow, summary, missing),
            explain=stock_explain(uow, summary, missing, warehouses),
        )


def pay(
    uow: UnitOfWork,
    sel: SelectionRow,
    *,
    address: dict[str, Any],
    shipping_address: dict[str, Any] | None,
    payment_method: str | None,
    outcome: dict[str, Any] | None,
    terms_accepted: bool = True,
    promotion_ids: Any = None,
    returned_from_redirect: bool = False,
) -> tuple[OrderRow | None, SelectionRow]:
    """Authorize and place the order; `dummy-redirect` only records the address and the
    payment it waits for (`pending_payment`) until the shopper comes back from the redirect.

    The vouchers are checked again with the shopper's email (expiry, usage, reuse) and each one
    that applied counts one usage, all in this transaction. `promotion_ids` are the external
    promotions (seed 002) the order carries; they are reported once the order has shipped.
    """
    ensure_open(sel)
    pending = sel.pending_payment or {}
    promotions = _promotion_ids(
        promotion_ids if promotion_ids is not None else pending.get("promotions")
    )
    method = _choose_method(sel, payment_method)
    _check_payment_fields(address, outcome, terms_accepted=terms_accepted)
    summary = _addressed_summary(uow, sel, address, shipping_address)
    _check_stock(uow, summary)
    assert summary.discounts is not None
    check_at_payment(summary.discounts)
    sel.vouchers = list(sel.vouchers or [])
    if method == "dummy-redirect" and not returned_from_redirect:
        sel.pending_payment = {"outcome": dict(outcome or {}), "promotions": promotions}
        touch(uow, sel)
        return None, sel
    outcome = dict(outcome or pending.get("outcome") or {})
    sel.pending_payment = None
    used = [row for row, _ in summary.discounts.applied()]
    order = place_order(uow, _new_order(sel, summary, address, method, outcome, promotions, used))
    record_usage(uow, order, [key(row) for row in used], address["email"])
    sel.order_id = order.id
    touch(uow, sel)
    return order, sel


def _choose_method(sel: SelectionRow, payment_method: str | None) -> str:
    """The payment method asked for, else the selection's, else `dummy`; it must exist."""
    method = payment_method or sel.payment_method or "dummy"
    if method not in psp.METHODS:
        raise DomainError(ErrorCode.NOT_FOUND, "payment method not found", ["paymentMethod"])
    sel.payment_method = method
    return method


def _check_payment_fields(
    address: dict[str, Any], outcome: dict[str, Any] | None, *, terms_accepted: bool
) -> None:
    """The required address fields and the terms, all reported at once; known test outcomes."""
    errors = {f"address.{k}": "required" for k in REQUIRED_ADDRESS if not (address or {}).get(k)}
    if not terms_accepted:
        errors["termsAndConditions"] = "must be accepted"
    if errors:
        raise AddressErrors(errors)
    unknown = set(outcome or {}) - OUTCOME_KEYS
    if unknown:
        raise invalid(
            f"Unknown payment test outcome keys: {', '.join(sorted(unknown))}.",
            ["paymentMethodSpecificFields"],
        )


def _addressed_summary(
    uow: UnitOfWork,
    sel: SelectionRow,
    address: dict[str, Any],
    shipping_address: dict[str, Any] | None,
) -> Summary:
    """Keep the addresses (moving the selection to the billing country) and price the
    selection for the shopper's email; an empty selection cannot be paid."""
    sel.address = dict(address)
    sel.shipping_address = dict(shipping_address or address)
    if address.get("country") and address["country"].upper() != sel.country_code:
        _place(uow, sel, _country(uow, address["country"]))
    summary = summarize(uow.session, sel, uow.clock.now(), email=address["email"])
    if not summary.lines:
        raise DomainError(ErrorCode.INVALID, "The selection is empty.", ["items"])
    return summary


def _new_order(
    sel: SelectionRow,
    summary: Summary,
    address: dict[str, Any],
    method: str,
    outcome: dict[str, Any],
    promotions: list[str],
    used: list[VoucherRow],
) -> NewOrder:
    """The order the paid selection places: its lines at their discounted prices, shipping due,
    the vouchers that applied and the external promotions."""
    assert summary.discounts is not None
    return NewOrder(
        store_id=sel.store_id,
        market_id=sel.market_id,
        pricelist_id=sel.pricelist_id,
        currency_code=summary.currency.code,
        country_code=sel.country_code,
        tax_percent_hundredths=summary.tax_percent_hundredths,
        email=address["email"],
        first_name=address.get("firstName"),
        last_name=address.get("lastName"),
        billing_address=stored_address(sel.address, sel.country_code),
        shipping_address=stored_address(sel.shipping_address, sel.country_code),
        lines=[
            NewLine(
                line.row.display_id,
                key(line.size),
                line.row.quantity,
                line.discounted_unit_price,
                line.unit_price,
                line.row.comment,
            )
            for line in summary.lines
        ],
        shipping_option_id=sel.shipping_option_id,
        shipping_value=summary.shipping_due,
        payment_method=method,
        payment_outcome=outcome,
        vouchers=order_entries(summary.discounts, summary.currency.code),
        external_promotions=promotion_entries(promotions, used),
    )


def confirm_redirect_payment(
    uow: UnitOfWork, sel: SelectionRow, fields: dict[str, Any]
) -> OrderRow:
    """`payment-result`: the shopper came back from the (dummy) payment page."""
    if sel.order_id is not None:
        return stored(uow.session, OrderRow, sel.order_id)
    if sel.payment_method != "dummy-redirect" or sel.pending_payment is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, "No payment is waiting for a result.", ["paymentMethodFields"]
        )
    order, _ = pay(
        uow,
        sel,
        address=dict(sel.address),
        shipping_address=sel.shipping_address,
        payment_method="dummy-redirect",
        outcome=dict(sel.pending_payment.get("outcome") or {}),
        returned_from_redirect=True,
    )
    if order is None:
        raise ValueError("A payment back from its redirect places the order")
    return order


def _promotion_ids(raw: Any) -> list[str]:
    """`promotionId` at payment: one id or a list of ids (strings)."""
    if raw is None or raw == "":
        return []
    values = raw if isinstance(raw, list) else [raw]
    if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in values):
        raise invalid("promotionId must be a string or a list of strings.", ["promotionId"])
    ids = [str(v).strip() for v in values]
    if any(not v for v in ids):
        raise invalid("promotionId cannot be empty.", ["promotionId"])
    return ids


class AddressErrors(DomainError):
    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(ErrorCode.REQUIRED, "Some fields are missing.", ["address"])
        self.fields = fields


def subscribe_newsletter(
    uow: UnitOfWork, email: str, country: str | None, store_id: int = 1
) -> None:
    if not email or "@" not in email:
        raise invalid("A valid email address is required.", ["email"])
    uow.session.add(
        NewsletterSubscriptionRow(
            email=normalize_email(email),
            country_code=country,
            store_id=store_id,
            created_at=uow.clock.now(),
        )
    )
    uow.session.flush()
    uow.emit(
        PendingEvent(
            "Newsletter",
            "CREATED",
            normalize_email(email),
            store_id=store_id,
            data={"email": normalize_email(email), "country": country},
        )
    )
