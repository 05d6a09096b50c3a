"""A variant's price in a pricelist, by Centra's rule: the variant's individual price when
it has one, else its product's; in a wholesale store, the ACTIVE price alteration's price wins
from its start date on. Prices are set in `price_changes`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from sqlalchemy import bindparam
from sqlmodel import Session, select

from mockcentra.domain.pricing.status import PriceAlterationStatus
from mockcentra.storage.records import memo_records
from mockcentra.storage.tables import AlteredPriceRow, PriceAlterationRow, PricelistRow, PriceRow

#: A price of a pricelist or a price alteration (a row, or its amount).
_Priced = TypeVar("_Priced")


class PricedRow(Protocol):
    """A price row of one product: its variant's own (`variant_id`) or the product's (None)."""

    @property
    def variant_id(self) -> int | None: ...


_PricedRowT = TypeVar("_PricedRowT", bound=PricedRow)


def variant_over_product(own: _Priced | None, shared: _Priced | None) -> _Priced | None:
    """Centra's rule for a variant's price in a pricelist: the variant's individual price when
    it has one, else its product's price (None when neither is set)."""
    return own if own is not None else shared


def pick_price(rows: Iterable[_PricedRowT], variant_id: int | None) -> _PricedRowT | None:
    """Of one product's price rows in one pricelist, the one that prices `variant_id`."""
    rows = list(rows)
    own = next((r for r in rows if r.variant_id is not None and r.variant_id == variant_id), None)
    return variant_over_product(own, next((r for r in rows if r.variant_id is None), None))


def price_for(
    session: Session, pricelist_id: int, product_id: int, variant_id: int | None
) -> Decimal | None:
    """The price of a variant in a pricelist: its own price, else its product's, else None.
    The rows are read once per unit of work (a checkout prices an item when it is added and
    again in the summary) as plain records; a changed price is read again (`memo_records`)."""
    rows = memo_records(
        session,
        (PriceRow,),
        _prices_of_variant(),
        {"pricelist": pricelist_id, "product": product_id, "variant": variant_id},
    )
    chosen = pick_price(rows, variant_id)
    return None if chosen is None else chosen.price


@functools.cache
def _prices_of_variant() -> Any:
    """A product's price rows that can price a variant (its own, the product's), built once.
    A variant of None matches only the product's row, as `variant_id = NULL` is never true."""
    return select(PriceRow).where(
        PriceRow.pricelist_id == bindparam("pricelist"),
        PriceRow.product_id == bindparam("product"),
        (PriceRow.variant_id.is_(None)) | (PriceRow.variant_id == bindparam("variant")),
    )


def pricelist_prices(session: Session, pricelist_id: int) -> dict[int, list[Any]]:
    """Every price row of a pricelist, by product (each row has `variant_id` and `price`): what
    `price_for` reads per variant, in one statement, for work that prices a whole catalogue
    (seeding bulk orders). Pass a product's rows to `pick_price`."""
    rows: dict[int, list[Any]] = {}
    found = session.execute(
        select(PriceRow.product_id, PriceRow.variant_id, PriceRow.price)
        .where(PriceRow.pricelist_id == pricelist_id)
        .order_by(PriceRow.id)
    )
    for row in found:
        rows.setdefault(row.product_id, []).append(row)
    return rows


def wholesale_price_for(
    session: Session, pricelist_id: int, product_id: int, variant_id: int | None, on: date
) -> Decimal | None:
    """As `price_for`, but the store's ACTIVE price alteration wins from its start date on."""
    pricelist = session.get(PricelistRow, pricelist_id)
    if pricelist is None:
        return None
    alteration = session.exec(
        select(PriceAlterationRow).where(
            PriceAlterationRow.store_id == pricelist.store_id,
            PriceAlterationRow.status == PriceAlterationStatus.ACTIVE,
            PriceAlterationRow.start_date <= on,
        )
    ).first()
    if alteration is not None and (alteration.end_date is None or alteration.end_date >= on):
        rows = session.exec(
            select(AlteredPriceRow).where(
                AlteredPriceRow.price_alteration_id == alteration.id,
                AlteredPriceRow.pricelist_id == pricelist_id,
                AlteredPriceRow.product_id == product_id,
            )
        ).all()
        altered = pick_price(rows, variant_id)
        if altered is not None:
            return altered.price
    return price_for(session, pricelist_id, product_id, variant_id)
