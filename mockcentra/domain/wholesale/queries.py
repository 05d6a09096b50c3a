"""Reading the wholesale side: delivery windows, accounts, sales representatives and
wholesale orders, each list or lookup in one query.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.listing import grouped_by, grouped_pairs, page, text_filtered
from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.status import OrderStatus
from mockcentra.domain.orders.totals import order_totals
from mockcentra.domain.shipments.queries import shipment_grand_total
from mockcentra.domain.wholesale.status import DeliveryWindowStatus, VariantDeliveryType
from mockcentra.storage.tables import (
    AccountDeliveryWindowDiscountRow,
    AccountRow,
    DeliveryWindowMarketRow,
    DeliveryWindowRow,
    DeliveryWindowVariantRow,
    MarketRow,
    OrderLineRow,
    OrderRow,
    SalesRepresentativeRow,
    ShipmentRow,
    WholesaleOrderRow,
)


def list_windows(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    statuses: Sequence[str] | None = None,
    market_ids: Sequence[int] | None = None,
    store_ids: Sequence[int] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[DeliveryWindowRow]:
    stmt = select(DeliveryWindowRow).order_by(DeliveryWindowRow.id)
    if ids:
        stmt = stmt.where(DeliveryWindowRow.id.in_(list(ids)))
    if statuses:
        stmt = stmt.where(DeliveryWindowRow.status.in_(list(statuses)))
    if store_ids:
        stmt = stmt.where(DeliveryWindowRow.store_id.in_(list(store_ids)))
    if market_ids:
        stmt = stmt.where(
            DeliveryWindowRow.id.in_(
                select(DeliveryWindowMarketRow.delivery_window_id).where(
                    DeliveryWindowMarketRow.market_id.in_(list(market_ids))
                )
            )
        )
    return page(session, stmt, limit, page_number)


def markets_of(session: Session, window_ids: Sequence[int]) -> dict[int, list[MarketRow]]:
    """Each window's markets (id order), in one query."""
    stmt = (
        select(DeliveryWindowMarketRow.delivery_window_id, MarketRow)
        .join(MarketRow, MarketRow.id == DeliveryWindowMarketRow.market_id)
        .where(DeliveryWindowMarketRow.delivery_window_id.in_(list(window_ids)))
        .order_by(MarketRow.id)
    )
    return grouped_pairs(session, stmt)


def variants_of(
    session: Session, window_ids: Sequence[int]
) -> dict[int, list[DeliveryWindowVariantRow]]:
    """Each window's variants (in the order they were added), in one query."""
    return grouped_by(
        session,
        DeliveryWindowVariantRow.delivery_window_id,
        window_ids,
        order_by=DeliveryWindowVariantRow.id,
    )


def preorder_variant_ids(session: Session) -> set[int]:
    """Variants sold as PREORDER in an ACTIVE delivery window: their sizes are on preorder."""
    rows = session.exec(
        select(DeliveryWindowVariantRow.variant_id)
        .join(
            DeliveryWindowRow,
            DeliveryWindowRow.id == DeliveryWindowVariantRow.delivery_window_id,
        )
        .where(
            DeliveryWindowVariantRow.type == VariantDeliveryType.PREORDER.value,
            DeliveryWindowRow.status == DeliveryWindowStatus.ACTIVE.value,
        )
    )
    return set(rows)


def windows_of_alterations(
    session: Session, alteration_ids: Sequence[int]
) -> dict[int, list[DeliveryWindowRow]]:
    """The delivery windows priced by each price alteration, in one query."""
    return grouped_by(
        session,
        DeliveryWindowRow.price_alteration_id,
        alteration_ids,
        order_by=DeliveryWindowRow.id,
    )


def accounts_of_representatives(session: Session, rep_ids: Sequence[int]) -> dict[int, list[Any]]:
    """Each sales representative's accounts (id order), in one query."""
    return grouped_by(session, AccountRow.sales_representative_id, rep_ids, order_by=AccountRow.id)


def list_sales_representatives(session: Session, limit: int | None, page_number: int | None) -> Any:
    return page(
        session,
        select(SalesRepresentativeRow).order_by(SalesRepresentativeRow.id),
        limit,
        page_number,
    )


def window_discounts_of(
    session: Session, account_ids: Sequence[int]
) -> dict[int, list[AccountDeliveryWindowDiscountRow]]:
    """Each account's delivery-window discounts (window id order), in one query."""
    return grouped_by(
        session,
        AccountDeliveryWindowDiscountRow.account_id,
        account_ids,
        order_by=AccountDeliveryWindowDiscountRow.delivery_window_id,
    )


def list_accounts(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    name: Any = None,
    statuses: Sequence[str] | None = None,
    market_ids: Sequence[int] | None = None,
    store_ids: Sequence[int] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[AccountRow]:
    stmt = select(AccountRow).order_by(AccountRow.id)
    if ids:
        stmt = stmt.where(AccountRow.id.in_(list(ids)))
    stmt = text_filtered(stmt, AccountRow.name, name)
    if statuses:
        stmt = stmt.where(AccountRow.status.in_(list(statuses)))
    if market_ids:
        stmt = stmt.where(AccountRow.market_id.in_(list(market_ids)))
    if store_ids:
        stmt = stmt.where(AccountRow.store_id.in_(list(store_ids)))
    return page(session, stmt, limit, page_number)


def outstanding(session: Session, account_id: int) -> Decimal:
    """What the account still owes: its open orders' totals minus their paid shipments."""
    orders = session.exec(
        select(OrderRow)
        .join(WholesaleOrderRow, WholesaleOrderRow.order_id == OrderRow.id)
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
        select(WholesaleOrderRow).where(WholesaleOrderRow.order_id.in_(list(order_ids)))
    )
    return {row.order_id: row for row in rows}


def windows_of_orders(
    session: Session, order_ids: Sequence[int]
) -> dict[int, list[DeliveryWindowRow]]:
    """The delivery windows each order's lines are in (id order), in one query."""
    stmt = (
        select(OrderLineRow.order_id, DeliveryWindowRow)
        .join(DeliveryWindowRow, DeliveryWindowRow.id == OrderLineRow.delivery_window_id)
        .where(OrderLineRow.order_id.in_(list(order_ids)))
        .distinct()
        .order_by(DeliveryWindowRow.id)
    )
    return grouped_pairs(session, stmt)
