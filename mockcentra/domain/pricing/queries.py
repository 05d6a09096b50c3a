"""Reading pricelists, price alterations and prices as lists.

Prices are read the way Centra shows them: one `Price` per product variant and pricelist (a
variant's own price, else its product's), even though a product price is stored once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_
from sqlalchemy import select as select_columns
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from mockcentra.domain.errors import invalid
from mockcentra.domain.listing import ids_filter, page, sorted_by, text_filtered
from mockcentra.domain.pricing.prices import variant_over_product
from mockcentra.storage.statements import rows
from mockcentra.storage.tables import (
    AlteredPriceRow,
    CurrencyRow,
    PriceAlterationRow,
    PricelistRow,
    PriceRow,
    VariantRow,
)

PRICE_LIMIT = 200  # Centra: "Limit must be in range 1 - 200"


@dataclass(frozen=True)
class PriceView:
    """One variant's price in one pricelist; `price` is None when neither level has one."""

    id: int
    pricelist_id: int
    product_id: int
    variant_id: int
    price: Decimal | None
    recommended_retail_price: Decimal | None
    currency_code: str


def _values(value: Any) -> list[Any] | None:
    if value is None:
        return None
    items = [value] if not isinstance(value, list | tuple) else list(value)
    return items or None


def pricelists(
    session: Session,
    *,
    ids: Any = None,
    store_ids: Any = None,
    statuses: Any = None,
    name: Any = None,
    sort: Sequence[Any] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[PricelistRow]:
    """Pricelists by `sort` (id order when none); `name` is a StringMatch."""
    columns = {"id": PricelistRow.id, "name": PricelistRow.name}
    stmt = sorted_by(select(PricelistRow), sort, columns, PricelistRow.id)
    stmt = text_filtered(stmt, PricelistRow.name, name)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(PricelistRow.id.in_(wanted_ids))
    if wanted_ids := ids_filter(store_ids):
        stmt = stmt.where(PricelistRow.store_id.in_(wanted_ids))
    if wanted_statuses := _values(statuses):
        stmt = stmt.where(PricelistRow.status.in_(wanted_statuses))
    return page(session, stmt, limit, page_number)


def price_alterations(
    session: Session,
    *,
    ids: Any = None,
    store_ids: Any = None,
    statuses: Any = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[PriceAlterationRow]:
    stmt = select(PriceAlterationRow).order_by(PriceAlterationRow.id)
    if wanted_ids := ids_filter(ids):
        stmt = stmt.where(PriceAlterationRow.id.in_(wanted_ids))
    if wanted_ids := ids_filter(store_ids):
        stmt = stmt.where(PriceAlterationRow.store_id.in_(wanted_ids))
    if wanted_statuses := _values(statuses):
        stmt = stmt.where(PriceAlterationRow.status.in_(wanted_statuses))
    return page(session, stmt, limit, page_number)


def prices(
    session: Session,
    *,
    pricelist_ids: Any = None,
    product_ids: Any = None,
    variant_ids: Any = None,
    price_alteration_id: int | None = None,
    limit: int | None = 20,
    page_number: int | None = 1,
) -> list[PriceView]:
    """Prices per variant, sorted by product, variant, pricelist; altered ones when asked."""
    limit = 20 if limit is None else limit
    if limit < 1 or limit > PRICE_LIMIT:
        raise invalid(f"Limit must be in range 1 - {PRICE_LIMIT}.", ["limit"])
    page_number = 1 if page_number is None else page_number
    if page_number < 1:
        raise invalid("page must be 1 or more.", ["page"])
    stmt = _variant_prices(price_alteration_id, pricelist_ids, product_ids, variant_ids)
    rows = session.exec(stmt.limit(limit).offset((page_number - 1) * limit)).all()
    codes = _currency_codes(session, {r[0] for r in rows})
    views = []
    for pricelist_id, variant_id, product_id, shared_row, own_row in rows:
        chosen = variant_over_product(own_row, shared_row)
        rrp = getattr(own_row, "recommended_retail_price", None) or getattr(
            shared_row, "recommended_retail_price", None
        )
        views.append(
            PriceView(
                id=chosen.id if chosen is not None else 0,
                pricelist_id=pricelist_id,
                product_id=product_id,
                variant_id=variant_id,
                price=chosen.price if chosen is not None else None,
                recommended_retail_price=rrp,
                currency_code=codes[pricelist_id],
            )
        )
    return views


def _variant_prices(
    price_alteration_id: int | None, pricelist_ids: Any, product_ids: Any, variant_ids: Any
) -> Any:
    """One row per (pricelist, variant) of every product priced in a pricelist: the pricelist,
    variant and product ids, then the product's shared price row and the variant's own (either
    may be missing), from the altered prices when an alteration is given."""
    table: type[PriceRow] | type[AlteredPriceRow] = (
        AlteredPriceRow if price_alteration_id is not None else PriceRow
    )
    altered = [] if price_alteration_id is None else [AlteredPriceRow.price_alteration_id]
    pairs: Select[int, int] = (
        select_columns(table.pricelist_id.label("pl"), table.product_id.label("pr"))
        .where(*[c == price_alteration_id for c in altered])
        .group_by(table.pricelist_id, table.product_id)
    )
    if wanted_ids := ids_filter(pricelist_ids):
        pairs = pairs.where(table.pricelist_id.in_(wanted_ids))
    if wanted_ids := ids_filter(product_ids):
        pairs = pairs.where(table.product_id.in_(wanted_ids))
    pp = pairs.subquery()
    shared = aliased(table)
    own = aliased(table)

    def same_alteration(row: Any) -> list[Any]:
        return [row.price_alteration_id == price_alteration_id] if altered else []

    stmt = (
        select_columns(pp.c.pl, VariantRow.id, VariantRow.product_id, shared, own)
        .select_from(pp)
        .join(VariantRow, VariantRow.product_id == pp.c.pr)
        .outerjoin(
            shared,
            and_(
                shared.pricelist_id == pp.c.pl,
                shared.product_id == pp.c.pr,
                shared.variant_id.is_(None),
                *same_alteration(shared),
            ),
        )
        .outerjoin(
            own,
            and_(
                own.pricelist_id == pp.c.pl,
                own.variant_id == VariantRow.id,
                *same_alteration(own),
            ),
        )
        .order_by(VariantRow.product_id, VariantRow.id, pp.c.pl)
    )
    if wanted_ids := ids_filter(variant_ids):
        stmt = stmt.where(VariantRow.id.in_(wanted_ids))
    return stmt


def display_prices(
    session: Session, store_id: int, product_id: int, variant_ids: Sequence[int]
) -> list[PriceView]:
    """Prices of a display's variants in every pricelist of its store that prices the product."""
    if not variant_ids:
        return []
    pricelist_ids = session.exec(
        select(PricelistRow.id).where(PricelistRow.store_id == store_id)
    ).all()
    if not pricelist_ids:
        return []
    return prices(
        session,
        pricelist_ids=list(pricelist_ids),
        product_ids=[product_id],
        variant_ids=list(variant_ids),
        limit=PRICE_LIMIT,
    )


def _currency_codes(session: Session, pricelist_ids: set[int]) -> dict[int, str]:
    if not pricelist_ids:
        return {}
    stmt = (
        select(PricelistRow.id, CurrencyRow.code)
        .join(CurrencyRow, CurrencyRow.id == PricelistRow.currency_id)
        .where(PricelistRow.id.in_(pricelist_ids))
    )
    return {pricelist_id: code for pricelist_id, code in rows(session, stmt)}
