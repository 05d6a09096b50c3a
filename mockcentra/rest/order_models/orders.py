"""Requests of the Order API's order endpoints: the order number path, the orders query, and
the bodies that create, complete and update an order (with its address, payment and lines).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema, field_validator
from pydantic.json_schema import SkipJsonSchema

from mockcentra.domain.errors import ErrorCode
from mockcentra.rest.models import REQUIRED_MARK, WHERE, RestModel, refusal
from mockcentra.rest.order_models.fields import (
    BOOLEAN,
    DEFAULT_ORDER_LIMIT,
    STR,
    AddressText,
    Amount,
    BodyDate,
    Date,
    Flag,
    Ignored,
    Int,
    RequiredInt,
    Text,
    date_filter,
    optional,
    required,
)
from mockcentra.rest.order_models.readers import an_array, an_object

ITEM_TEXT = {
    "type": "object",
    "properties": {name: STR for name in ("sku", "brand", "product", "variant", "size")},
    "description": "Texts shown for the line instead of the product's own.",
}


def _country(value: Any) -> str | None:
    return str(value).upper() if value else None


def _item_text(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    return {str(k): str(v) for k, v in value.items() if v}


class OrderIdPath(RestModel):
    message_names = {"orderId": "order"}

    orderId: RequiredInt = Field(description="Order number.")


class OrdersQuery(RestModel):
    order: Int = optional(description="One order, by number.")
    customer_id: Int = optional(description="Orders of one customer.")
    newer_than: Date = date_filter("Placed at or after.")
    older_than: Date = date_filter("Placed before.")
    limit: Int = optional(DEFAULT_ORDER_LIMIT, "How many to return (default 20).")
    offset: Int = optional(description="How many to skip.")


class AddressInput(RestModel):
    """An Order API address; `country` is ISO-2 (upper-cased)."""

    email: AddressText = optional()
    firstName: AddressText = optional()
    lastName: AddressText = optional()
    company: AddressText = optional()
    tele: AddressText = optional()
    cell: AddressText = optional()
    attn: AddressText = optional()
    address: AddressText = optional()
    coaddress: AddressText = optional()
    city: AddressText = optional()
    zipcode: AddressText = optional()
    state: AddressText = optional()
    vatNumber: SkipJsonSchema[AddressText] = optional()
    country: Annotated[str | None, PlainValidator(_country), WithJsonSchema(STR)] = optional(
        description="ISO-2, required (on the delivery address)."
    )

    def stored(self) -> dict[str, Any]:
        """The address in the stored shape the checkout and the Integration API use."""
        names = {
            "firstName": "firstName",
            "lastName": "lastName",
            "company": "companyName",
            "attn": "attention",
            "address": "address1",
            "coaddress": "address2",
            "city": "city",
            "zipcode": "zipCode",
            "state": "stateOrProvince",
            "email": "email",
            "tele": "phoneNumber",
            "cell": "cellPhoneNumber",
            "vatNumber": "vatNumber",
            "country": "country",
        }
        return {
            stored: getattr(self, key)
            for key, stored in names.items()
            if getattr(self, key) is not None
        }


Address = Annotated[AddressInput | None, BeforeValidator(an_object)]


class PaymentRecordInput(RestModel):
    status: RequiredInt = required("0 pending, 1 success, 2 failed")
    amount: Amount = required()
    transaction: Text = optional()
    method: Text = optional()
    response: Text = optional()
    external_url: Text = optional()

    @field_validator("amount")
    @classmethod
    def _amount_given(cls, amount: Decimal | None) -> Decimal:
        if amount is None:
            raise refusal(f"{WHERE} is required", ErrorCode.REQUIRED)
        return amount


PaymentRecord = Annotated[PaymentRecordInput | None, BeforeValidator(an_object)]


class PaymentInput(RestModel):
    id: Int = optional(description="Payment plugin id.")
    auth: PaymentRecord = optional()
    capture: PaymentRecord = optional()


Payment = Annotated[PaymentInput | None, BeforeValidator(an_object)]


class OrderLineInput(RestModel):
    qty: RequiredInt = required()
    id: Int = optional(description="Product size id (stock item id).")
    ean: Text = optional()
    sku: Text = optional(description="Size SKU, or product + variant + size SKU.")
    unitPrice: Amount = optional()
    originalPrice: Amount = optional()
    comment: Text = optional()
    itemText: Annotated[
        dict[str, str] | None,
        PlainValidator(_item_text),
        WithJsonSchema(ITEM_TEXT),
    ] = optional()


OrderLine = Annotated[OrderLineInput, BeforeValidator(an_object)]


class UpdateOrderRequest(RestModel):
    order: RequiredInt = required()
    internalComment: Text = optional(description="Appended to the internal comment.")


class CreateOrderRequest(RestModel):
    """Fields are read in this order; the first one that is wrong is refused."""

    address: Address = optional()
    invoiceAddress: Address = optional()
    deliveryAddress: Address = optional()
    products: Annotated[list[OrderLine] | None, BeforeValidator(an_array)] = Field(
        None,
        validate_default=True,
        description="Required: an order without products is refused.",
        json_schema_extra={REQUIRED_MARK: True},
    )
    marketId: Int = optional()
    market: Text = optional()
    pricelistId: Int = optional()
    pricelist: Text = optional()
    customerId: Int = optional()
    customerRegister: Flag = optional(False)
    shippingValue: Amount = optional()
    voucherValue: Amount = optional(
        description="Order-level voucher amount, positive: taken off the items (pro rata, "
        "whole cents per unit) and then off shipping. More than items plus shipping is refused."
    )
    orderNumber: Int = optional()
    adjustStock: Flag = optional(True)
    forceCreate: Flag = optional(False)
    internalOrder: Flag = optional(False)
    comment: Text = optional()
    internalComment: Text = optional()
    orderDate: BodyDate = optional()
    payment: Payment = optional()
    createOnly: Flag = optional(False)
    sendEmail: Annotated[Ignored, WithJsonSchema(BOOLEAN)] = Field(
        None, description="Accepted; mockcentra sends no e-mail."
    )
    applyVouchers: Annotated[Ignored, WithJsonSchema(BOOLEAN)] = Field(
        None, description="Accepted; no effect in mockcentra."
    )


class CompleteOrderRequest(RestModel):
    payment: Payment = optional()
    internalComment: Text = optional()
    orderDate: BodyDate = optional()
    poNumber: Annotated[Ignored, WithJsonSchema(STR)] = Field(
        None, description="Accepted; not stored by mockcentra."
    )
