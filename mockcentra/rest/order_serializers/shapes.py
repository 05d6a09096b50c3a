"""What shaping one request's rows needs: the session, the store's time zone, and the related
rows (catalogue facts, warehouses, stores, shipping options) loaded in bulk and kept for the
rest of the request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from mockcentra.rest.order_serializers.values import text
from mockcentra.rest.serializers import centra_datetime
from mockcentra.storage.statements import rows
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
    """Loads the related rows of one request's results in bulk and caches them."""

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
            found = self.session.exec(select(WarehouseRow.id, WarehouseRow.name))
            self._warehouses = {pk: name for pk, name in found if pk is not None}
        return self._warehouses

    def stores(self) -> dict[int, StoreRow]:
        if self._stores is None:
            self._stores = {key(s): s for s in self.session.exec(select(StoreRow))}
        return self._stores

    def options(self) -> dict[int, ShippingOptionRow]:
        if self._options is None:
            self._options = {key(o): o for o in self.session.exec(select(ShippingOptionRow))}
        return self._options

    def load_items(self, size_ids: list[int]) -> dict[int, Item]:
        """Product, variant, size name, brand, collection and origin of many sizes at once."""
        wanted = [i for i in dict.fromkeys(size_ids) if i not in self._items]
        if wanted:
            found = rows(
                self.session,
                select_columns(
                    ProductSizeRow,
                    VariantRow,
                    ProductRow,
                    col(SizeRow.name),
                    col(BrandRow.name),
                    col(CollectionRow.name),
                    col(CountryRow.code),
                )
                .join(VariantRow, col(VariantRow.id) == ProductSizeRow.variant_id)
                .join(ProductRow, col(ProductRow.id) == VariantRow.product_id)
                .join(SizeRow, col(SizeRow.id) == ProductSizeRow.size_id)
                .outerjoin(BrandRow, col(BrandRow.id) == ProductRow.brand_id)
                .outerjoin(CollectionRow, col(CollectionRow.id) == ProductRow.collection_id)
                .outerjoin(CountryRow, col(CountryRow.id) == ProductRow.country_of_origin_id)
                .where(col(ProductSizeRow.id).in_(wanted)),
            )
            for size, variant, product, size_name, brand, collection, origin in found:
                self._items[key(size)] = Item(
                    size, variant, product, size_name, text(brand), text(collection), text(origin)
                )
        return {i: self._items[i] for i in size_ids if i in self._items}

    def item(self, size_id: int) -> Item | None:
        """One size's catalogue facts (none when the size is gone)."""
        return self.load_items([size_id]).get(size_id)

    def by_order(self, table: Any, order_ids: list[int], order_by: Any) -> dict[int, list[Any]]:
        """The rows of `table` of each order, in `order_by` order."""
        grouped: dict[int, list[Any]] = {i: [] for i in order_ids}
        if order_ids:
            rows = self.session.exec(
                select(table).where(col(table.order_id).in_(order_ids)).order_by(order_by)
            )
            for row in rows:
                grouped[row.order_id].append(row)
        return grouped

    def orders_by_id(self, order_ids: list[int]) -> dict[int, OrderRow]:
        """The orders that shipments or returns belong to, by id."""
        if not order_ids:
            return {}
        found = self.session.exec(select(OrderRow).where(col(OrderRow.id).in_(order_ids)))
        return {key(o): o for o in found}
