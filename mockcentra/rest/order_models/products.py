"""Requests of the Order API's catalogue endpoints: the products query (read by page) and the
stock query, which filters the same sizes by their stock changes.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import PlainValidator, ValidationInfo, WithJsonSchema, field_validator
from pydantic.json_schema import SkipJsonSchema

from mockcentra.rest.models import RestModel, refusal
from mockcentra.rest.order_models.fields import (
    Date,
    Int,
    PageNumber,
    Text,
    date_filter,
    optional,
)
from mockcentra.rest.order_models.readers import in_range, read_text


class ProductsQuery(RestModel):
    limit: Int = optional(description="Page size; `next`/`previous` links are given when set.")
    page: PageNumber = optional(1, "Page number from 1 (with limit).")
    sku: Text = optional(description="Product SKU, or the full product + variant + size SKU.")
    ean: Text = optional(description="EAN of a size.")
    productId: Int = optional(description="Product id.")
    variantId: Int = optional(description="Variant id.")
    stockItemId: Int = optional(description="Product size id.")
    stockItemID: SkipJsonSchema[Int] = optional()
    created: Date = date_filter("Products created at or after.")
    modified: Date = date_filter("Products modified at or after.")

    @field_validator("limit")
    @classmethod
    def _limit(cls, limit: int | None) -> int | None:
        if limit is not None and limit < 1:
            raise refusal("limit must be 1 or more")
        if limit is not None:  # the row after the page must be countable
            in_range(limit + 1, "limit")
        return limit

    @field_validator("page")
    @classmethod
    def _page(cls, page: int | None, info: ValidationInfo) -> int:
        page = 1 if page is None else page
        if page < 1:
            raise refusal("page must be 1 or more")
        limit = info.data.get("limit")
        if limit is not None:  # and the rows before it
            in_range((page - 1) * limit, "page")
        return page

    @property
    def size_id(self) -> int | None:
        """`stockItemId`, or `stockItemID` as some integrations spell it."""
        return self.stockItemId or self.stockItemID


class StockQuery(ProductsQuery):
    stock_modified: Date = date_filter("Sizes with stock changes at or after.")
    exclude: Annotated[
        str | None,
        PlainValidator(read_text),
        WithJsonSchema({"type": "string", "enum": ["physicalStock"]}),
    ] = optional(description="Leave out physicalStock.")
