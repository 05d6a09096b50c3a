"""Sizes as the Order API's stock and products show them: the catalogue facts both share, the
stock levels (`GET stock`), and the display, folder, categories and prices (`GET products`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import select

from mockcentra.domain.money import amount_text
from mockcentra.domain.pricing.prices import pick_price
from mockcentra.domain.stock.levels import totals_for_sizes
from mockcentra.rest.order_serializers.shapes import Item, Shapes
from mockcentra.rest.order_serializers.values import flag, text
from mockcentra.storage.tables import (
    CategoryRow,
    CurrencyRow,
    DisplayCategoryRow,
    DisplayRow,
    FolderRow,
    PricelistRow,
    PriceRow,
    ProductSizeRow,
    StoreRow,
)
from mockcentra.storage.tables.base import key


def shape_stock_items(
    shapes: Shapes, sizes: list[ProductSizeRow], *, with_physical: bool = True
) -> list[dict[str, Any]]:
    """Each size with its stock: physical (unless left out), allocated and available."""
    size_ids = [key(s) for s in sizes]
    items = shapes.load_items(size_ids)
    totals = totals_for_sizes(shapes.session, size_ids, with_orders=False)
    out = []
    for size_id in size_ids:
        t = totals[size_id]
        row = _item_fields(items[size_id])
        if with_physical:
            row["physicalStock"] = t.physical
        row["allocatedStock"] = t.allocated
        row["availableStock"] = t.free_to_allocate
        out.append(row)
    return out


def _item_fields(item: Item) -> dict[str, Any]:
    active = item.product.status == "ACTIVE" and item.variant.status == "ACTIVE"
    return {
        "sku": item.product.product_number,
        "productId": item.product.id,
        "variantSku": text(item.variant.variant_number),
        "variantId": item.variant.id,
        "sizeSku": text(item.size.size_number),
        "brand": item.brand,
        "collection": item.collection,
        "product": item.product.name,
        "variant": item.variant.name,
        "size": item.size_name,
        "stockItemId": item.size.id,
        "ean": text(item.size.ean),
        "weight": 0,
        "weightUnit": "kg",
        "countryOfOrigin": item.origin,
        "harmCode": text(item.product.harmonized_commodity_code),
        "harmDescription": text(item.product.harmonized_commodity_code_description),
        "active": flag(active),
    }


@dataclass(frozen=True)
class _Listing:
    """What a page of products is shown with, loaded for all of them at once."""

    folders: dict[int, FolderRow]
    categories: dict[int, CategoryRow]
    #: Each product's first display, by product id.
    displays: dict[int, DisplayRow]
    #: The category ids of each display, by display id.
    display_categories: dict[int, list[int]]
    #: Each product's prices, by product id.
    prices: dict[int, list[PriceRow]]
    #: Each pricelist with its currency's code.
    pricelists: dict[int, tuple[PricelistRow, str]]


def _listing(shapes: Shapes, product_ids: list[int]) -> _Listing:
    session = shapes.session
    listing = _Listing(
        folders={key(f): f for f in session.exec(select(FolderRow))},
        categories={key(c): c for c in session.exec(select(CategoryRow))},
        displays={},
        display_categories={},
        prices={},
        pricelists={},
    )
    if not product_ids:
        return listing
    for d in session.exec(
        select(DisplayRow).where(DisplayRow.product_id.in_(product_ids)).order_by(DisplayRow.id)
    ):
        listing.displays.setdefault(d.product_id, d)
    shown = [key(d) for d in listing.displays.values()]
    for dc in session.exec(
        select(DisplayCategoryRow).where(DisplayCategoryRow.display_id.in_(shown))
    ):
        listing.display_categories.setdefault(dc.display_id, []).append(dc.category_id)
    for p in session.exec(select(PriceRow).where(PriceRow.product_id.in_(product_ids))):
        listing.prices.setdefault(p.product_id, []).append(p)
    for pl, code in session.exec(
        select(PricelistRow, CurrencyRow.code).join(
            CurrencyRow, CurrencyRow.id == PricelistRow.currency_id
        )
    ):
        listing.pricelists[key(pl)] = (pl, code)
    return listing


def _path(rows: dict[int, FolderRow] | dict[int, CategoryRow], start: int | None) -> str:
    """A folder's or category's names from the top down, `A / B / C`."""
    names = []
    current = start
    while current is not None and current in rows:
        names.append(rows[current].name)
        current = rows[current].parent_id
    return " / ".join(reversed(names))


def _own_prices(listing: _Listing, item: Item) -> dict[int, Decimal]:
    """The size's price in each pricelist that prices it (a variant's own price first)."""
    by_pricelist: dict[int, list[PriceRow]] = {}
    for p in listing.prices.get(key(item.product), []):
        by_pricelist.setdefault(p.pricelist_id, []).append(p)
    own: dict[int, Decimal] = {}
    for pricelist_id, rows in by_pricelist.items():
        chosen = pick_price(rows, item.variant.id)
        if chosen is not None:
            own[pricelist_id] = chosen.price
    return own


def shape_products(shapes: Shapes, sizes: list[ProductSizeRow]) -> list[dict[str, Any]]:
    """Each size with its product's first display, folder, categories and prices."""
    size_ids = [key(s) for s in sizes]
    items = shapes.load_items(size_ids)
    listing = _listing(shapes, list(dict.fromkeys(key(items[i].product) for i in size_ids)))
    stores = shapes.stores()
    return [_product(listing, stores, items[i]) for i in size_ids]


def _product(listing: _Listing, stores: dict[int, StoreRow], item: Item) -> dict[str, Any]:
    display = listing.displays.get(key(item.product))
    store = stores.get(display.store_id) if display else None
    pricelists = listing.pricelists
    return {
        **_item_fields(item),
        "folder": _path(listing.folders, item.product.folder_id),
        "name": display.name if display else item.product.name,
        "description": text(display.description) if display else "",
        "shortDescription": text(display.short_description) if display else "",
        "comment": text(display.comment) if display else "",
        "store": store.name if store else "",
        "categories": [
            _path(listing.categories, c) for c in listing.display_categories.get(key(display), [])
        ]
        if display
        else [],
        "images": [],
        "prices": [
            {
                "id": str(pl_id),
                "price": amount_text(price),
                "pricelist": pricelists[pl_id][0].name,
                "currency": pricelists[pl_id][1],
                "campaigns": [],
            }
            for pl_id, price in sorted(_own_prices(listing, item).items())
            if pl_id in pricelists
        ],
    }
