"""What shaping one request's rows needs: the session, the store's time zone, and the related
rows (catalogue facts, warehouses, stores, shipping options) loaded in bulk and kept for the
rest of the request."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from mockcentra.rest.order_serializers.values import text
from mockcentra.rest.serializers import centra_datetime
from mockcentra.storage.records import all_rows, records_of, rows_where_in
from mockcentra.storage.tables import (
    BrandRow,
    CollectionRow,
    CountryRow,
    OrderRow,
    ProductRow,
    ProductSizeRow,
    ShippingOptionRow,
    SizeRow,
    StoreRow,
    VariantRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import is_read


@dataclass(frozen=True)
class Item:
    """Catalogue facts about one product size, as of now."""

    size: ProductSizeRow
    variant: VariantRow
    product: ProductRow
    size_name: str
    brand: str
    collection: str
    origin: str


class Shapes:
    """Loads the related rows of one request's results in bulk and caches them: plain records
    in a read request, ORM rows in a write one (mockcentra.storage.records)."""

    def __init__(self, session: Session, zone: ZoneInfo) -> None:
        self.session = session
        self.zone = zone
        self._items: dict[int, Item] = {}
        self._warehouses: dict[int, str] | None = None
        self._stores: dict[int, StoreRow] | None = None
        self._options: dict[int, ShippingOptionRow] | None = None

    def date(self, moment: Any) -> str:
        return centra_datetime(moment, self.zone)

    def warehouses(self) -> dict[int, str]:
        if self._warehouses is None:
            found = all_rows(self.session, WarehouseRow)
            self._warehouses = {w.id: w.name for w in found}
        return self._warehouses

    def stores(self) -> dict[int, StoreRow]:
        if self._stores is None:
            self._stores = {key(s): s for s in all_rows(self.session, StoreRow)}
        return self._stores

    def options(self) -> dict[int, ShippingOptionRow]:
        if self._options is None:
            self._options = {key(o): o for o in all_rows(self.session, ShippingOptionRow)}
        return self._options

    def _by_id(self, table: Any, ids: Iterable[int | None]) -> dict[int, Any]:
        wanted = sorted({i for i in ids if i is not None})
        return {key(row): row for row in rows_where_in(self.session, table, "id", wanted)}

    def _records_by_id(self, table: Any, ids: Iterable[int | None]) -> dict[int, Any]:
        wanted = sorted({i for i in ids if i is not None})
        return {key(row): row for row in records_of(table).where_in(self.session, "id", wanted)}

    def load_items(self, size_ids: list[int]) -> dict[int, Item]:
        """Product, variant, size name, brand, collection and origin of many sizes at once (a
        size whose variant, product or size is gone has none). The Order API only reads the
        catalogue, so these are plain records in a write request too, read after its changes
        are flushed (as an ORM query would have flushed them)."""
        wanted = [i for i in dict.fromkeys(size_ids) if i not in self._items]
        if wanted:
            if not is_read(self.session):
                self.session.flush()
            sizes = records_of(ProductSizeRow).where_in(self.session, "id", wanted)
            variants = self._records_by_id(VariantRow, (s.variant_id for s in sizes))
            products = self._records_by_id(ProductRow, (v.product_id for v in variants.values()))
            names = self._records_by_id(SizeRow, (s.size_id for s in sizes))
            of_products = products.values()
            brands = self._records_by_id(BrandRow, (p.brand_id for p in of_products))
            collections = self._records_by_id(CollectionRow, (p.collection_id for p in of_products))
            origins = self._records_by_id(CountryRow, (p.country_of_origin_id for p in of_products))
            for size in sizes:
                variant = variants.get(size.variant_id)
                product = products.get(variant.product_id) if variant else None
                size_name = names.get(size.size_id)
                if variant is None or product is None or size_name is None:
                    continue
                brand = brands.get(product.brand_id or 0)
                collection = collections.get(product.collection_id or 0)
                origin = origins.get(product.country_of_origin_id or 0)
                self._items[key(size)] = Item(
                    size,
                    variant,
                    product,
                    size_name.name,
                    text(brand.name if brand else None),
                    text(collection.name if collection else None),
                    text(origin.code if origin else None),
                )
        return {i: self._items[i] for i in size_ids if i in self._items}

    def item(self, size_id: int) -> Item | None:
        """One size's catalogue facts (none when the size is gone)."""
        found = self._items.get(size_id)
        return found if found is not None else self.load_items([size_id]).get(size_id)

    def by_order(self, table: Any, order_ids: list[int], order_by: str) -> dict[int, list[Any]]:
        """The rows of `table` of each order, in `order_by` order."""
        grouped: dict[int, list[Any]] = {i: [] for i in order_ids}
        for row in rows_where_in(self.session, table, "order_id", order_ids, (order_by,)):
            grouped[row.order_id].append(row)
        return grouped

    def orders_by_id(self, order_ids: list[int]) -> dict[int, OrderRow]:
        """The orders that shipments or returns belong to, by id."""
        return self._by_id(OrderRow, order_ids)
