"""SKUs of product sizes: how one is built, and how a SKU someone gives finds sizes.

Centra's SKU of a size is read-only: product number + variant number + size number, missing
parts skipped ("the full SKU"). The Order API takes a SKU in two documented places, with two
documented meanings, and both are answered here:

- an order line names its item by `sku`: "either the Size SKU or a combination of Product SKU +
  Variant SKU + Size SKU" (create order, `products[].sku`): `names_size`;
- the stock and product lists filter by `sku`, the product SKU each listed size carries; the
  full SKU of one size is accepted too: `lists_sizes`.

The SQL forms join `VariantRow` and `ProductRow` to `ProductSizeRow`; `sizes_query` does that.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import select

from mockcentra.storage.tables import ProductRow, ProductSizeRow, VariantRow


def sku(product_number: str | None, variant_number: str | None, size_number: str | None) -> str:
    """The full SKU: product number + variant number + size number, missing parts skipped."""
    return "".join(part for part in (product_number, variant_number, size_number) if part)


def sku_sql() -> Any:
    """The full SKU in SQL, as `sku` builds it."""
    return (
        func.coalesce(ProductRow.product_number, "")
        + func.coalesce(VariantRow.variant_number, "")
        + func.coalesce(ProductSizeRow.size_number, "")
    )


def sizes_query() -> Any:
    """Product sizes joined to their variants and products (what the SKU conditions read)."""
    return (
        select(ProductSizeRow)
        .join(VariantRow, VariantRow.id == ProductSizeRow.variant_id)
        .join(ProductRow, ProductRow.id == VariantRow.product_id)
    )


def names_size(given: str) -> Any:
    """The sizes an order line's `sku` names: its size SKU or its full SKU."""
    return (ProductSizeRow.size_number == given) | (sku_sql() == given)


def lists_sizes(given: str) -> Any:
    """The sizes a list's `sku` filter keeps: all sizes of the product with that product SKU,
    or the one size with that full SKU."""
    return (ProductRow.product_number == given) | (sku_sql() == given)
