"""What a display is linked to: the variants it shows (each activation a display item with
its own id), the markets it is visible in (none: every market of its store) and the
categories it is filed under.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.displays.categories import Path, category_of_store
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.refs import resolve
from mockcentra.storage.tables import (
    DisplayCategoryRow,
    DisplayMarketRow,
    DisplayRow,
    DisplayVariantRow,
    MarketRow,
    StoreRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


def set_variants(
    uow: UnitOfWork, display: DisplayRow, add: Sequence[Any], remove: Sequence[Any]
) -> None:
    """Take variants off the display, then put variants of its product on it."""
    session = uow.session
    for i, ref in enumerate(remove):
        variant = _variant(uow, ref, ["removeProductVariants", i])
        link = _display_item(session, key(display), key(variant))
        if link is not None:
            session.delete(link)
    for i, ref in enumerate(add):
        path: list[str | int] = ["addProductVariants", i, "productVariant"]
        variant = _variant(uow, ref, path)
        if variant.product_id != display.product_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Product variant {variant.id} belongs to product {variant.product_id}; you can "
                f"only add variants of the same product ({display.product_id}) to a display.",
                path,
            )
        if _display_item(session, key(display), key(variant)) is None:
            session.add(DisplayVariantRow(display_id=key(display), variant_id=key(variant)))
            session.flush()


def set_markets(
    uow: UnitOfWork,
    display: DisplayRow,
    store: StoreRow,
    add: Sequence[Any],
    remove: Sequence[Any],
) -> None:
    """Take markets off the display, then add markets of its store."""
    session = uow.session
    for i, ref in enumerate(remove):
        market = _market(uow, ref, store, ["removeMarkets", i])
        market_link = session.get(DisplayMarketRow, (display.id, market.id))
        if market_link is not None:
            session.delete(market_link)
    for i, ref in enumerate(add):
        market = _market(uow, ref, store, ["addMarkets", i])
        if session.get(DisplayMarketRow, (display.id, market.id)) is None:
            session.add(DisplayMarketRow(display_id=key(display), market_id=key(market)))
            session.flush()


def set_categories(
    uow: UnitOfWork,
    display: DisplayRow,
    store: StoreRow,
    add: Sequence[Any],
    remove: Sequence[Any],
    canonical: Any,
) -> None:
    """Take categories off the display, then file it under more of its store's; the
    canonical category (when given) is one of them too."""
    session = uow.session
    for i, ref in enumerate(remove):
        category = category_of_store(uow, ref, store, ["removeCategories", i])
        category_link = session.get(DisplayCategoryRow, (display.id, category.id))
        if category_link is not None:
            session.delete(category_link)
        if display.canonical_category_id == category.id:
            display.canonical_category_id = None
    adds: list[tuple[Any, list[str | int]]] = [
        (ref, ["addCategories", i]) for i, ref in enumerate(add)
    ]
    if canonical is not None:
        chosen = category_of_store(uow, canonical, store, ["canonicalCategory"])
        display.canonical_category_id = chosen.id
        adds.append((canonical, ["canonicalCategory"]))
    for ref, path in adds:
        category = category_of_store(uow, ref, store, path)
        if session.get(DisplayCategoryRow, (display.id, category.id)) is None:
            session.add(DisplayCategoryRow(display_id=key(display), category_id=key(category)))
            session.flush()


def _display_item(session: Session, display_id: int, variant_id: int) -> DisplayVariantRow | None:
    """The variant's item on the display (its activation there), if it is active on it."""
    stmt = select(DisplayVariantRow).where(
        DisplayVariantRow.display_id == display_id, DisplayVariantRow.variant_id == variant_id
    )
    return session.exec(stmt).first()


def _variant(uow: UnitOfWork, ref: Any, path: Path) -> VariantRow:
    return resolve(uow, VariantRow, ref, path, kind="ProductVariant", object_type="ProductVariant")


def _market(uow: UnitOfWork, ref: Any, store: StoreRow, path: Path) -> MarketRow:
    market = resolve(uow, MarketRow, ref, path, kind="Market", object_type="Market")
    if market.store_id != store.id:
        raise DomainError(
            ErrorCode.CONFLICT, f"Market {market.id} does not belong to store {store.name}.", path
        )
    return market
