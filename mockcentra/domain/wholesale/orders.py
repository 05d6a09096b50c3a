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

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.listing import grouped_pairs
from mockcentra.domain.money import ZERO, times
from mockcentra.domain.ordering.placing import NewLine, NewOrder, place_order
from mockcentra.domain.orders.line_stock import release_line
from mockcentra.domain.orders.status import OrderStatus, StockAction
from mockcentra.domain.orders.totals import lines_of, order_totals
from mockcentra.domain.payments.rules import INVOICE
from mockcentra.domain.pricing.pricelists import currency_code
from mockcentra.domain.pricing.prices import wholesale_price_for
from mockcentra.domain.refs import resolve
from mockcentra.domain.shipments.queries import shipment_grand_total
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.accounts import check_address, discount_for, get_account
from mockcentra.domain.wholesale.buyers import get_buyer
from mockcentra.domain.wholesale.delivery_windows import get_window
from mockcentra.domain.wholesale.status import (
    BuyerStatus,
    DeliveryWindowLimitOn,
    VariantDeliveryType,
)
from mockcentra.storage.tables import (
    AccountRow,
    BuyerRow,
    DeliveryWindowMarketRow,
    DeliveryWindowRow,
    DeliveryWindowVariantRow,
    DisplayRow,
    OrderLineRow,
    OrderRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    ShipmentRow,
    VariantRow,
    WholesaleOrderRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork

Path = Sequence[str | int]


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


@dataclass
class _Line:
    new: NewLine
    window: DeliveryWindowRow
    delivery_type: str
    variant_id: int


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
    market_windows = _market_windows(session, account.market_id)
    checked: dict[int, DeliveryWindowRow] = {}
    lines: list[_Line] = []
    for i, line in enumerate(spec.lines):
        path: list[str | int] = ["lines", i]
        window, window_path = _window_of(uow, spec, line, path)
        if window.id not in checked:
            _check_window(account, window, market_windows, today, window_path)
            checked[key(window)] = window
        lines.append(_priced_line(uow, account, pricelist, window, line, lines, today, path))
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
        .order_by(col(BuyerRow.id))
    ).first()
    if first_buyer is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Account {account.id} has no active buyer: create a buyer before placing orders.",
            ["account"],
        )
    return account, first_buyer


def _check_window(
    account: AccountRow,
    window: DeliveryWindowRow,
    market_windows: set[int],
    today: Any,
    path: Path,
) -> None:
    if window.store_id != account.store_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Delivery window {window.id} does not belong to the store of account {account.id}.",
            path,
        )
    rules.ensure_window_open(window, today, path)
    if window.id not in market_windows:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Delivery window {window.id} is not available in market {account.market_id} of "
            f"account {account.id}.",
            path,
        )


def _check_limit(
    session: Session,
    sold: DeliveryWindowVariantRow,
    size: ProductSizeRow,
    variant: VariantRow,
    quantity: int,
    earlier: list[_Line],
    path: Path,
) -> None:
    if sold.limit_value is None:
        return
    per_size = sold.limit_on == DeliveryWindowLimitOn.ProductSize
    stmt = (
        select(func.coalesce(func.sum(OrderLineRow.quantity), 0))
        .join(OrderRow, col(OrderRow.id) == OrderLineRow.order_id)
        .where(
            OrderLineRow.delivery_window_id == sold.delivery_window_id,
            OrderRow.status != OrderStatus.CANCELLED,
        )
    )
    stmt = stmt.where(
        OrderLineRow.product_size_id == size.id
        if per_size
        else OrderLineRow.variant_id == variant.id
    )
    ordered = int(session.exec(stmt).one())
    ordered += sum(
        ln.new.quantity
        for ln in earlier
        if ln.window.id == sold.delivery_window_id
        and (ln.new.product_size_id == size.id if per_size else ln.variant_id == variant.id)
    )
    what = f"product size {size.id}" if per_size else f"product variant {variant.id}"
    rules.check_limit(
        sold.limit_value, ordered, quantity, what, sold.delivery_window_id, [*path, "quantity"]
    )


def _display(
    uow: UnitOfWork, account: AccountRow, product: ProductRow, ref: Any, path: Path
) -> int | None:
    """The line's display: the one given, else the product's display in the wholesale store."""
    if ref is None:
        return uow.session.exec(
            select(DisplayRow.id).where(
                DisplayRow.store_id == account.store_id, DisplayRow.product_id == product.id
            )
        ).first()
    display = resolve(uow, DisplayRow, ref, path, kind="Display", object_type="Display")
    if display.product_id != product.id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Display {display.id} does not show product {product.id}.",
            path,
        )
    return display.id


def outstanding(session: Session, account_id: int) -> Decimal:
    """What the account still owes: its open orders' totals minus their paid shipments."""
    orders = session.exec(
        select(OrderRow)
        .join(WholesaleOrderRow, col(WholesaleOrderRow.order_id) == OrderRow.id)
        .where(
            WholesaleOrderRow.account_id == account_id,
            OrderRow.status != OrderStatus.CANCELLED,
        )
    ).all()
    owed = ZERO
    for order in orders:
        paid = sum(
            (
                shipment_grand_total(session, s)
                for s in session.exec(
                    select(ShipmentRow).where(ShipmentRow.order_id == order.id, ShipmentRow.is_paid)
                )
            ),
            ZERO,
        )
        owed += max(ZERO, order_totals(session, order).grand_total - paid)
    return owed


def wholesale_info(session: Session, order_ids: Sequence[int]) -> dict[int, WholesaleOrderRow]:
    """The account, buyer and purchase order number of wholesale orders, in one query."""
    if not order_ids:
        return {}
    rows = session.exec(
        select(WholesaleOrderRow).where(col(WholesaleOrderRow.order_id).in_(list(order_ids)))
    )
    return {row.order_id: row for row in rows}


def windows_of_orders(
    session: Session, order_ids: Sequence[int]
) -> dict[int, list[DeliveryWindowRow]]:
    """The delivery windows each order's lines are in (id order), in one query."""
    stmt = (
        select(OrderLineRow.order_id, DeliveryWindowRow)
        .join(DeliveryWindowRow, col(DeliveryWindowRow.id) == OrderLineRow.delivery_window_id)
        .where(col(OrderLineRow.order_id).in_(list(order_ids)))
        .distinct()
        .order_by(col(DeliveryWindowRow.id))
    )
    return grouped_pairs(session, stmt)


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


def _priced_line(
    uow: UnitOfWork,
    account: AccountRow,
    pricelist: PricelistRow,
    window: DeliveryWindowRow,
    line: Any,
    earlier: list[_Line],
    today: Any,
    path: list[str | int],
) -> _Line:
    """One asked line: a variant the window sells, of the account's brands, within the window's
    limits, at the account's wholesale price less its discount for the window."""
    session = uow.session
    if line.quantity < 1:
        raise invalid("Quantity must be at least 1.", [*path, "quantity"])
    size = resolve(
        uow,
        ProductSizeRow,
        line.product_size,
        [*path, "productSize"],
        kind="ProductSize",
        object_type="ProductSize",
    )
    variant = stored(session, VariantRow, size.variant_id)
    product = stored(session, ProductRow, variant.product_id)
    sold = _sold_in(session, window, variant, path)
    if account.has_brands_restriction and product.brand_id not in (account.brand_ids or []):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Product {product.id} is not available to account {account.id}: its brand is "
            "not among the account's brands.",
            [*path, "productSize"],
        )
    _check_limit(session, sold, size, variant, line.quantity, earlier, path)
    price = wholesale_price_for(session, key(pricelist), key(product), key(variant), today)
    if price is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Product variant {variant.id} has no price in pricelist {pricelist.id}.",
            [*path, "productSize"],
        )
    unit = rules.discounted(price, discount_for(session, account, window.id))
    display_id = _display(uow, account, product, line.display, [*path, "display"])
    return _Line(
        NewLine(display_id, key(size), line.quantity, unit, price, line.comment),
        window,
        sold.type,
        key(variant),
    )


def _mark_wholesale(
    uow: UnitOfWork,
    order: OrderRow,
    spec: WholesaleOrderSpec,
    account: AccountRow,
    buyer: BuyerRow,
    lines: list[_Line],
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


def _market_windows(session: Session, market_id: int) -> set[int]:
    """The delivery windows offered in the market."""
    return set(
        session.exec(
            select(DeliveryWindowMarketRow.delivery_window_id).where(
                DeliveryWindowMarketRow.market_id == market_id
            )
        ).all()
    )


def _sold_in(
    session: Session, window: DeliveryWindowRow, variant: VariantRow, path: list[str | int]
) -> DeliveryWindowVariantRow:
    """How the window sells the variant; a variant it does not sell is refused."""
    sold = session.exec(
        select(DeliveryWindowVariantRow).where(
            DeliveryWindowVariantRow.delivery_window_id == window.id,
            DeliveryWindowVariantRow.variant_id == variant.id,
        )
    ).first()
    if sold is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Product variant {variant.id} is not sold in delivery window {window.id}.",
            [*path, "productSize"],
        )
    return sold
