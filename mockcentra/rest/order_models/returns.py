"""Requests of the Order API's return endpoints: the return id path, the returns query (read by
offset or by page), and the bodies that create and update a return.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator

from mockcentra.rest.models import RestModel, refusal
from mockcentra.rest.order_models.fields import (
    BOOLEAN,
    DEFAULT_ORDER_LIMIT,
    Amount,
    BodyDate,
    Date,
    Flag,
    Ignored,
    Int,
    Quantities,
    RequiredInt,
    RequiredText,
    Text,
    date_filter,
    optional,
    required,
)
from mockcentra.rest.order_models.readers import in_range


def _object_or_nothing(value: Any) -> Any:
    """An object, or nothing when it is any other value (Centra ignores it)."""
    return value if isinstance(value, dict) else None


def _not_both(name: str, from_shipment: bool | None, info: ValidationInfo) -> bool:
    if info.data.get(name) is not None and from_shipment:
        raise refusal(f"{name} and {name}FromShipment cannot be used together", path=[name])
    return bool(from_shipment)


class ReturnIdPath(RestModel):
    message_names = {"returnId": "return"}

    returnId: RequiredInt = Field(description="Return id.")


class ReturnsQuery(RestModel):
    limit: Int = optional(description="How many to return (default 20 with page).")
    page: Int = optional(description="Page from 1.")
    return_: Int = optional(alias="return", description="One return.")
    shipment: Text = optional(description="Returns of one shipment (`<orderId>-<n>`).")
    order: Int = optional(description="Returns of one order.")
    selection: Text = optional(description="Returns of the order with this 32-hex selection id.")
    customer_id: Int = optional(description="Returns of one customer.")
    newer_than: Date = date_filter("Created at or after (inclusive).")
    older_than: Date = date_filter("Created before (exclusive).")

    @field_validator("page")
    @classmethod
    def _page(cls, page: int | None, info: ValidationInfo) -> int | None:
        if page is not None and page < 1:
            raise refusal("page must be 1 or more")
        limit = info.data.get("limit")
        if page and limit is None:
            limit = DEFAULT_ORDER_LIMIT
        if page and limit:
            in_range((page - 1) * limit, "page")
        return page

    @property
    def page_limit(self) -> int | None:
        """The page size: `limit`, or 20 when only `page` is given."""
        return DEFAULT_ORDER_LIMIT if self.page is not None and self.limit is None else self.limit

    @property
    def offset(self) -> int | None:
        limit = self.page_limit
        return (self.page - 1) * limit if self.page and limit else None


class RefundInput(RestModel):
    refundPayment: Flag = optional(False)
    sendEmail: Annotated[Ignored, WithJsonSchema(BOOLEAN)] = Field(
        None, description="Accepted; mockcentra sends no e-mail."
    )


class CreateReturnRequest(RestModel):
    shipment: RequiredText = required()
    products: Quantities = optional(description="All that is left on the shipment when left out.")
    returnStock: Flag = optional(True)
    shippingCost: Amount = optional()
    shippingCostFromShipment: Flag = optional(False)
    handlingCost: Amount = optional()
    handlingCostFromShipment: Flag = optional(False)
    voucherValue: Amount = optional()
    voucherValueFromShipment: Flag = optional(False)
    returnCost: Amount = optional()
    comment: Text = optional()
    createdAt: BodyDate = optional()
    refund: Annotated[RefundInput | None, BeforeValidator(_object_or_nothing)] = optional()

    @field_validator("shippingCostFromShipment")
    @classmethod
    def _shipping(cls, value: bool | None, info: ValidationInfo) -> bool:
        return _not_both("shippingCost", value, info)

    @field_validator("handlingCostFromShipment")
    @classmethod
    def _handling(cls, value: bool | None, info: ValidationInfo) -> bool:
        return _not_both("handlingCost", value, info)

    @field_validator("voucherValueFromShipment")
    @classmethod
    def _voucher(cls, value: bool | None, info: ValidationInfo) -> bool:
        return _not_both("voucherValue", value, info)


class UpdateReturnRequest(RestModel):
    completed: Flag = optional()
