"""The Order API's catalogue handlers: stock and products, a page of sizes at a time with
`next`/`previous` links."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mockcentra.domain.ordering import queries
from mockcentra.rest.order_endpoints.endpoint import Call
from mockcentra.rest.order_models.products import ProductsQuery, StockQuery
from mockcentra.rest.order_serializers.products import shape_products, shape_stock_items
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.storage.tables import ProductSizeRow
from mockcentra.storage.uow import UnitOfWork


def _items(
    uow: UnitOfWork, query: ProductsQuery, stock_modified: datetime | None = None
) -> tuple[list[ProductSizeRow], dict[str, str]]:
    """One page of the sizes the query asks for, and the links to the pages beside it."""
    limit, page = query.limit, query.page
    rows = queries.find_product_items(
        uow.session,
        sku=query.sku or None,
        ean=query.ean or None,
        product_id=query.productId,
        variant_id=query.variantId,
        size_id=query.size_id,
        created_after=query.created,
        modified_after=query.modified,
        stock_modified_after=stock_modified,
        limit=None if limit is None else limit + 1,
        offset=None if limit is None else (page - 1) * limit,
    )
    links: dict[str, str] = {}
    if limit is not None:
        if page > 1:
            links["previous"] = f"?limit={limit}&page={page - 1}"
        if len(rows) > limit:
            links["next"] = f"?limit={limit}&page={page + 1}"
            rows = rows[:limit]
    return rows, links


def get_stock(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: StockQuery = call.query
    rows, links = _items(uow, query, query.stock_modified)
    physical = query.exclude != "physicalStock"
    return {"products": shape_stock_items(shapes, rows, with_physical=physical), **links}


def get_products(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    rows, links = _items(uow, call.query)
    return {"products": shape_products(shapes, rows), **links}
