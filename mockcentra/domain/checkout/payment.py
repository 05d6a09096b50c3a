"""Paying for a storefront selection, which places the order.

The address, the terms and the stock are checked, the vouchers once more with the shopper's
email, and the order is placed with its lines at their discounted prices. A redirect payment
waits for the shopper to come back before it places the order.
"""

from __future__ import annotations

from typing import Any

from mockcentra.domain.addresses import stored_address
from mockcentra.domain.checkout.actions import ensure_open, touch
from mockcentra.domain.checkout.availability import (
    Unavailable,
    free_units,
    removal_of,
    shortfalls,
    stock_explain,
)
from mockcentra.domain.checkout.countries import known_country, place_in_country
from mockcentra.domain.checkout.summary import Summary, summarize
from mockcentra.domain.checkout.vouchers import check_at_payment, order_entries
from mockcentra.domain.errors import DomainError, ErrorCode, Explain, invalid
from mockcentra.domain.ordering.placing import NewLine, NewOrder, place_order
from mockcentra.domain.payments import psp
from mockcentra.domain.stock import allocation
from mockcentra.domain.vouchers.usage import promotion_entries, record_usage
from mockcentra.storage.tables import OrderRow, SelectionRow, VoucherRow
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork

OUTCOME_KEYS = {"authorization", "capture", "refund", "cancel"}


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
        place_in_country(uow, sel, known_country(uow, address["country"]))
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
