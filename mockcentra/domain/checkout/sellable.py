"""What a storefront can sell right now: the arrange helpers' way to pick an item to order."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text
from sqlmodel import Session

from mockcentra.domain.checkout.countries import country_by_code
from mockcentra.domain.errors import invalid
from mockcentra.domain.pricing import location
from mockcentra.domain.pricing.prices import variant_over_product

_SELLABLE = text(
    """
    SELECT d.id, ps.id, own.price, shared.price, SUM(s.physical - s.allocated) AS free
    FROM display d
    JOIN display_variant dv ON dv.display_id = d.id
    JOIN product_size ps ON ps.variant_id = dv.variant_id
    JOIN stock s ON s.product_size_id = ps.id
    LEFT JOIN price own ON own.pricelist_id = :pricelist
         AND own.product_id = d.product_id AND own.variant_id = dv.variant_id
    LEFT JOIN price shared ON shared.pricelist_id = :pricelist
         AND shared.product_id = d.product_id AND shared.variant_id IS NULL
    WHERE d.store_id = :store AND d.status = 'ACTIVE'
      AND (own.id IS NOT NULL OR shared.id IS NOT NULL)
    GROUP BY d.id, ps.id
    HAVING free >= :min_free
    ORDER BY free DESC, ps.id
    LIMIT :limit
    """
)
#: the `limit` SQLite reads as no limit at all
_NO_LIMIT = -1


@dataclass(frozen=True)
class SellableItem:
    display_id: int
    product_size_id: int
    price: Decimal
    free: int


def sellable_items(
    session: Session, store_id: int, country: str, min_free: int = 1, limit: int | None = None
) -> list[SellableItem]:
    """Active displays of the store with a priced size that has `min_free` units free (most
    stock first), priced as checkout prices them (the country's active pricelist, a variant's
    own price before the product's); the first `limit` of them when given (a helper that
    takes one item need not read every one)."""
    where = country_by_code(session, country)
    if where is None:
        raise invalid(f"Unknown country {country}.", ["country"])
    pricelist = location.pricelist_for_country(session, store_id, where)
    rows = session.connection().execute(
        _SELLABLE,
        {
            "pricelist": pricelist.id,
            "store": store_id,
            "min_free": min_free,
            "limit": _NO_LIMIT if limit is None else limit,
        },
    )
    return [SellableItem(r[0], r[1], _price(r[2], r[3]), int(r[4])) for r in rows]


def _price(own: int | None, shared: int | None) -> Decimal:
    """The statement keeps only priced rows, so one of the two minor-unit amounts is set."""
    minor = variant_over_product(own, shared)
    assert minor is not None
    return Decimal(minor) / 100
