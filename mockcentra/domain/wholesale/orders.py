"""Wholesale orders: what a buyer orders for an account in the B2B Showroom.

mockcentra has no showroom, so `place_wholesale_order` stands in for it (GraphQL
`createWholesaleOrder`, a mockcentra addition). The order is an ordinary order in the wholesale
store (same confirm, shipment, return flow as direct to consumer orders) with these rules:

- the buyer and its account must be active; an account without buyers cannot order;
- every line is in an ACTIVE delivery window of the account's store and market that sells the
  variant (a preorder window only within its sales dates), within the window's limit;
- the unit price is the account pricelist's price (`wholesale_price_for`: the store's active
  price alteration wins) and the line shows it as `unitOriginalPrice`; `unitPrice` is that
  price minus the account's discount, or its discount for the line's delivery window instead;
- nothing is authorized (invoices): shipments are marked paid, never captured;
- with `applyCreditLimit`, the unpaid value of the account's open orders plus the new order
  must stay within the credit limit;
- lines of variants sold as PREORDER in their window are placed as demand (no stock taken).

Gaps: wholesale lines carry no tax (0 %); a delivery window's own price alteration is not
used for prices (the store's active one is).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.money import ZERO, times
from mockcentra.domain.ordering.placing import NewOrder, place_order
from mockcentra.domain.orders.line_stock import release_line
from mockcentra.domain.orders.status import StockAction
from mockcentra.domain.orders.totals import lines_of
from mockcentra.domain.payments.rules import INVOICE
from mockcentra.domain.pricing.pricelists import currency_code
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.accounts import check_address, get_account
from mockcentra.domain.wholesale.buyers import get_buyer
from mockcentra.domain.wholesale.delivery_windows import get_window
from mockcentra.domain.wholesale.order_lines import (
    WholesaleLine,
    check_window,
    priced_line,
    windows_in_market,
)
from mockcentra.domain.wholesale.queries import outstanding
from mockcentra.domain.wholesale.status import BuyerStatus, VariantDeliveryType
from mockcentra.storage.tables import (
    AccountRow,
    BuyerRow,
    DeliveryWindowRow,
    OrderRow,
    PricelistRow,
    WholesaleOrderRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


@dataclass
class WholesaleLineSpec:
    product_size: Any
    quantity: int
    delivery_window: Any = None
    display: Any = None
    comment: str | None = None


@dataclass
class WholesaleOrderSpec:
    lines: list[WholesaleLineSpec]
    buyer: Any = None
    account: Any = None
    delivery_window: Any = None
    purchase_order_number: str | None = None
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    other_comment: str | None = None
    internal_comment: str | None = None


def place_wholesale_order(uow: UnitOfWork, spec: WholesaleOrderSpec) -> OrderRow:
    session = uow.session
    account, buyer = _who(uow, spec)
    rules.ensure_account_can_order(account.status, key(account), ["account"])
    rules.ensure_buyer_can_order(buyer.status, key(buyer), ["buyer"])
    if not spec.lines:
        raise invalid("An order needs at least one line.", ["lines"])
    today = uow.clock.local_now().date()
    pricelist = stored(session, PricelistRow, account.pricelist_id)
    currency = currency_code(session, pricelist)
    market_windows = windows_in_market(session, account.market_id)
    checked: dict[int, DeliveryWindowRow] = {}
    lines: list[WholesaleLine] = []
    for i, line in enumerate(spec.lines):
        path: list[str | int] = ["lines", i]
        window, window_path = _window_of(uow, spec, line, path)
        if window.id not in checked:
            check_window(account, window, market_windows, today, window_path)
            checked[key(window)] = window
        lines.append(priced_line(uow, account, pricelist, window, line, lines, today, path))
    shipping = dict(account.shipping_address or {})
    shipping.update(check_address(uow, spec.shipping_address, ["shippingAddress"]))
    billing = dict(account.billing_address or buyer.billing_address or {})
    billing.update(check_address(uow, spec.billing_address, ["billingAddress"]))
    if account.apply_credit_limit and account.credit_limit is not None:
        total = sum((times(ln.new.unit_price, ln.new.quantity) for ln in lines), ZERO)
        rules.check_credit(
            account.credit_limit, outstanding(session, key(account)), total, currency, key(account)
        )
    country = (
        shipping.get("country")
        or billing.get("country")
        or (account.account_address or {}).get("country")
        or ""
    )
    order = place_order(
        uow,
        NewOrder(
            store_id=account.store_id,
            market_id=account.market_id,
            pricelist_id=pricelist.id,
            currency_code=currency,
            country_code=country,
            tax_percent_hundredths=0,
            email=buyer.email,
            first_name=buyer.first_name,
            last_name=buyer.last_name,
            billing_address=billing,
            shipping_address=shipping,
            lines=[ln.new for ln in lines],
            payment_method=INVOICE,
            allocation_rule_id=account.allocation_rule_id or lines[0].window.allocation_rule_id,
            authorize=False,
        ),
    )
    _mark_wholesale(uow, order, spec, account, buyer, lines)
    session.flush()
    return order


def _who(uow: UnitOfWork, spec: WholesaleOrderSpec) -> tuple[AccountRow, BuyerRow]:
    """The ordering buyer and its account; an account alone orders through its first buyer."""
    session = uow.session
    account = get_account(uow, spec.account, ["account"]) if spec.account else None
    if spec.buyer is not None:
        buyer = get_buyer(uow, spec.buyer, ["buyer"])
        if account is not None and buyer.account_id != account.id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Buyer {buyer.id} does not belong to account {account.id}.",
                ["buyer"],
            )
        return stored(session, AccountRow, buyer.account_id), buyer
    if account is None:
        raise DomainError(
            ErrorCode.REQUIRED, "Give the buyer (or the account) placing the order.", []
        )
    first_buyer = session.exec(
        select(BuyerRow)
        .where(BuyerRow.account_id == account.id, BuyerRow.status == BuyerStatus.ACTIVE)
        .order_by(BuyerRow.id)
    ).first()
    if first_buyer is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Account {account.id} has no active buyer: create a buyer before placing orders.",
            ["account"],
        )
    return account, first_buyer


def _window_of(
    uow: UnitOfWork, spec: WholesaleOrderSpec, line: Any, path: list[str | int]
) -> tuple[DeliveryWindowRow, list[str | int]]:
    """The line's own delivery window, else the order's; and where in the input it was named."""
    if line.delivery_window is not None:
        window_path: list[str | int] = [*path, "deliveryWindow"]
        window_ref = line.delivery_window
    elif spec.delivery_window is not None:
        window_path, window_ref = ["deliveryWindow"], spec.delivery_window
    else:
        raise DomainError(ErrorCode.REQUIRED, "A delivery window is required.", ["deliveryWindow"])
    return get_window(uow, window_ref, window_path), window_path


def _mark_wholesale(
    uow: UnitOfWork,
    order: OrderRow,
    spec: WholesaleOrderSpec,
    account: AccountRow,
    buyer: BuyerRow,
    lines: list[WholesaleLine],
) -> None:
    """What makes the placed order wholesale: comments, purchase order number, each line's
    delivery window (preorder lines hold no stock), and its account and buyer."""
    session = uow.session
    order.other_comment = spec.other_comment
    order.internal_comment = spec.internal_comment
    order.is_internal = account.is_internal
    order.customer_info = {
        **(order.customer_info or {}),
        "purchaseOrderNumber": spec.purchase_order_number,
    }
    session.add(order)
    for placed, wanted in zip(lines_of(session, key(order)), lines, strict=True):
        placed.delivery_window_id = wanted.window.id
        if wanted.delivery_type == VariantDeliveryType.PREORDER:
            release_line(uow, placed, placed.quantity, StockAction.RELEASE_BACK_TO_WAREHOUSE)
        session.add(placed)
    session.add(
        WholesaleOrderRow(
            order_id=key(order),
            account_id=key(account),
            buyer_id=buyer.id,
            purchase_order_number=spec.purchase_order_number,
        )
    )
