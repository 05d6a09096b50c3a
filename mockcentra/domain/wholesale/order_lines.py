"""The lines of a wholesale order: each in a delivery window the account's market is
offered, of a variant the window sells, within its limits, at the account's wholesale price
less its discount.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.ordering.placing import NewLine
from mockcentra.domain.orders.status import OrderStatus
from mockcentra.domain.pricing.prices import wholesale_price_for
from mockcentra.domain.refs import resolve
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.discounts import discount_for
from mockcentra.domain.wholesale.rules import Path
from mockcentra.domain.wholesale.status import DeliveryWindowLimitOn
from mockcentra.domain.wholesale.window_variants import window_variant
from mockcentra.storage.tables import (
    AccountRow,
    DeliveryWindowMarketRow,
    DeliveryWindowRow,
    DeliveryWindowVariantRow,
    DisplayRow,
    OrderLineRow,
    OrderRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork


@dataclass
class WholesaleLine:
    """One asked line priced and checked: the order line to place, its delivery window, how
    the window sells the variant (its delivery type) and the variant."""

    new: NewLine
    window: DeliveryWindowRow
    delivery_type: str
    variant_id: int


def check_window(
    account: AccountRow,
    window: DeliveryWindowRow,
    market_windows: set[int],
    today: Any,
    path: Path,
) -> None:
    """The delivery window is of the account's store, open `today` and offered in the
    account's market."""
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
    earlier: list[WholesaleLine],
    path: Path,
) -> None:
    if sold.limit_value is None:
        return
    per_size = sold.limit_on == DeliveryWindowLimitOn.ProductSize
    stmt = (
        select(func.coalesce(func.sum(OrderLineRow.quantity), 0))
        .join(OrderRow, OrderRow.id == OrderLineRow.order_id)
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


def priced_line(
    uow: UnitOfWork,
    account: AccountRow,
    pricelist: PricelistRow,
    window: DeliveryWindowRow,
    line: Any,
    earlier: list[WholesaleLine],
    today: Any,
    path: list[str | int],
) -> WholesaleLine:
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
    return WholesaleLine(
        NewLine(display_id, key(size), line.quantity, unit, price, line.comment),
        window,
        sold.type,
        key(variant),
    )


def windows_in_market(session: Session, market_id: int) -> set[int]:
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
    sold = window_variant(session, key(window), key(variant))
    if sold is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            f"Product variant {variant.id} is not sold in delivery window {window.id}.",
            [*path, "productSize"],
        )
    return sold
