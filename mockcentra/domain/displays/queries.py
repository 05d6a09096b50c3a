"""Reading displays and categories: filtered, paged lists and children of many parents at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.listing import grouped_by, grouped_pairs, ids_filter, page
from mockcentra.storage.tables import (
    CategoryRow,
    DisplayCategoryRow,
    DisplayMarketRow,
    DisplayRow,
    DisplayVariantRow,
    MarketRow,
    VariantRow,
)


def _values(value: Any) -> list[Any] | None:
    if value is None:
        return None
    items = [value] if not isinstance(value, list | tuple) else list(value)
    return items or None


def displays_matching(
    *,
    ids: Any = None,
    store_ids: Any = None,
    market_ids: Any = None,
    product_ids: Any = None,
    statuses: Any = None,
) -> Any:
    """The displays a `DisplayFilter` matches, unsorted (the plain list and
    `displayConnection` each page it their way); `market_ids` also matches displays without
    markets (shown everywhere)."""
    stmt = select(DisplayRow)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(DisplayRow.id.in_(wanted_ids))
    if wanted_ids := ids_filter(store_ids):
        stmt = stmt.where(DisplayRow.store_id.in_(wanted_ids))
    if wanted_ids := ids_filter(product_ids):
        stmt = stmt.where(DisplayRow.product_id.in_(wanted_ids))
    if wanted_statuses := _values(statuses):
        stmt = stmt.where(DisplayRow.status.in_(wanted_statuses))
    if wanted_ids := ids_filter(market_ids):
        in_market = select(DisplayMarketRow.display_id).where(
            DisplayMarketRow.market_id.in_(wanted_ids)
        )
        with_markets = select(DisplayMarketRow.display_id)
        market_stores = select(MarketRow.store_id).where(MarketRow.id.in_(wanted_ids))
        stmt = stmt.where(
            DisplayRow.id.in_(in_market)
            | (DisplayRow.id.not_in(with_markets) & DisplayRow.store_id.in_(market_stores))
        )
    return stmt


def filter_of(where: Any) -> dict[str, Any]:
    """The `displays_matching` arguments of an object with Centra's `DisplayFilter` fields
    (`id`, `store_id`, `market_id`, `product_id`, `status`); None filters nothing."""
    if where is None:
        return {}
    return {
        "ids": where.id,
        "store_ids": where.store_id,
        "market_ids": where.market_id,
        "product_ids": where.product_id,
        "statuses": where.status,
    }


#: The columns `DisplaySort` names.
DISPLAY_SORT_COLUMNS = {"id": DisplayRow.id, "name": DisplayRow.name}


def displays(
    session: Session,
    *,
    ids: Any = None,
    store_ids: Any = None,
    market_ids: Any = None,
    product_ids: Any = None,
    statuses: Any = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[DisplayRow]:
    """Displays by id (see `displays_matching`)."""
    stmt = displays_matching(
        ids=ids,
        store_ids=store_ids,
        market_ids=market_ids,
        product_ids=product_ids,
        statuses=statuses,
    )
    return page(session, stmt.order_by(DisplayRow.id), limit, page_number)


def categories(
    session: Session,
    *,
    ids: Any = None,
    store_ids: Any = None,
    is_top_category: bool | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[CategoryRow]:
    stmt = select(CategoryRow).order_by(CategoryRow.id)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(CategoryRow.id.in_(wanted_ids))
    if wanted_ids := ids_filter(store_ids):
        stmt = stmt.where(CategoryRow.store_id.in_(wanted_ids))
    if is_top_category is True:
        stmt = stmt.where(CategoryRow.parent_id.is_(None))
    elif is_top_category is False:
        stmt = stmt.where(CategoryRow.parent_id.is_not(None))
    return page(session, stmt, limit, page_number)


def variants_by_display(
    session: Session, display_ids: Sequence[int]
) -> dict[int, list[VariantRow]]:
    stmt = (
        select(DisplayVariantRow.display_id, VariantRow)
        .join(VariantRow, VariantRow.id == DisplayVariantRow.variant_id)
        .where(DisplayVariantRow.display_id.in_(list(display_ids)))
        .order_by(VariantRow.id)
    )
    return grouped_pairs(session, stmt)


def items_by_display(
    session: Session, display_ids: Sequence[int]
) -> dict[int, list[DisplayVariantRow]]:
    """Each display's items (its activated variants), in the order they were activated."""
    return grouped_by(
        session, DisplayVariantRow.display_id, display_ids, order_by=DisplayVariantRow.id
    )


def display_items(
    session: Session,
    *,
    ids: Any = None,
    display_ids: Any = None,
    variant_ids: Any = None,
    store_ids: Any = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[DisplayVariantRow]:
    """Display items by id: Centra's way from a Checkout API product id back to its display
    and variant."""
    stmt = select(DisplayVariantRow).order_by(DisplayVariantRow.id)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(DisplayVariantRow.id.in_(wanted_ids))
    if wanted_ids := ids_filter(display_ids):
        stmt = stmt.where(DisplayVariantRow.display_id.in_(wanted_ids))
    if wanted_ids := ids_filter(variant_ids):
        stmt = stmt.where(DisplayVariantRow.variant_id.in_(wanted_ids))
    if wanted_ids := ids_filter(store_ids):
        in_stores = select(DisplayRow.id).where(DisplayRow.store_id.in_(wanted_ids))
        stmt = stmt.where(DisplayVariantRow.display_id.in_(in_stores))
    return page(session, stmt, limit, page_number)


def displays_by_product(
    session: Session, product_ids: Sequence[int]
) -> dict[int, list[DisplayRow]]:
    """Each product's displays (one per store at most), by id."""
    return grouped_by(session, DisplayRow.product_id, product_ids, order_by=DisplayRow.id)


def displays_of_product(session: Session, product_id: int, **filters: Any) -> Sequence[DisplayRow]:
    """One product's displays that a `DisplayFilter` (see `displays_matching`) also matches."""
    stmt = displays_matching(**filters).where(DisplayRow.product_id == product_id)
    return session.exec(stmt.order_by(DisplayRow.id)).all()


def markets_by_display(session: Session, display_ids: Sequence[int]) -> dict[int, list[MarketRow]]:
    stmt = (
        select(DisplayMarketRow.display_id, MarketRow)
        .join(MarketRow, MarketRow.id == DisplayMarketRow.market_id)
        .where(DisplayMarketRow.display_id.in_(list(display_ids)))
        .order_by(MarketRow.id)
    )
    return grouped_pairs(session, stmt)


def categories_by_display(
    session: Session, display_ids: Sequence[int]
) -> dict[int, list[CategoryRow]]:
    stmt = (
        select(DisplayCategoryRow.display_id, CategoryRow)
        .join(CategoryRow, CategoryRow.id == DisplayCategoryRow.category_id)
        .where(DisplayCategoryRow.display_id.in_(list(display_ids)))
        .order_by(CategoryRow.id)
    )
    return grouped_pairs(session, stmt)


def children_of_categories(
    session: Session, category_ids: Sequence[int]
) -> dict[int, list[CategoryRow]]:
    return grouped_by(session, CategoryRow.parent_id, category_ids, order_by=CategoryRow.id)
