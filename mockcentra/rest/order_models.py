"""The Order API's requests as typed models: every body, query and path parameter of every
endpoint of `order_api.ENDPOINTS`, read as Centra reads them (integers and amounts also as
text, flags as true/false, 1/0 and their text) and refused in the words the API always used
(`limit must be an integer`, `order is required`). The document's request parts are generated
from these models (order_openapi.py).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic.json_schema import SkipJsonSchema

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.money import given_amount
from mockcentra.domain.shipments.status import ShipmentStatus
from mockcentra.rest.models import NAME, REQUIRED_MARK, WHERE, NoInput, RestModel, refusal
from mockcentra.runtime.clock import RANGE_TEXT, within_range
from mockcentra.runtime.wire import INT64_MAX, INT64_MIN

DEFAULT_ORDER_LIMIT = 20
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
#: The context every Order API model is read with: `zone`, the store's time zone.
ZONE = "zone"

# ---------------------------------------------------------------- readers


def in_range(value: int, name: str = NAME, path: list[str | int] | None = None) -> int:
    """Integers beyond SQLite's 64 bits are refused here rather than failing in the database."""
    if not INT64_MIN <= value <= INT64_MAX:
        raise refusal(f"{name} is out of range", path=path)
    return value


def _int(value: Any, name: str = NAME, path: list[str | int] | None = None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise refusal(f"{name} must be an integer", path=path)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise refusal(f"{name} must be an integer", path=path) from None
    return in_range(number, name, path)


def _required_int(value: Any) -> int:
    number = _int(value)
    if number is None:
        raise refusal(f"{NAME} is required", ErrorCode.REQUIRED)
    return number


def _bool(value: Any) -> bool | None:
    """Centra accepts true/false, 1/0 and their strings."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "0", "true", "false"):
        return value.strip().lower() in ("1", "true")
    raise refusal(f"{NAME} must be true or false")


def _amount(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise refusal(f"{NAME} must be a number")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise refusal(f"{NAME} must be a number") from None
    if not amount.is_finite():
        raise refusal(f"{NAME} must be a number")
    try:
        return given_amount(amount, NAME)
    except DomainError as refused:
        raise refusal(refused.message) from None


def _text(value: Any) -> str | None:
    """Any value as its text (Centra takes numbers for text)."""
    return None if value is None else str(value)


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        raise refusal(f"{NAME} is required", ErrorCode.REQUIRED)
    return text


def _string(value: Any) -> str | None:
    """Text, and only text."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise refusal(f"{NAME} must be a string")
    return value


def _address_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise refusal(f"{WHERE} must be text")
    return str(value)


def _country(value: Any) -> str | None:
    return str(value).upper() if value else None


def parse_date(value: Any, name: str, zone: Any) -> datetime:
    """`YYYY-mm-dd` or `YYYY-mm-dd HH:MM:SS` in the store's time zone (a `+` in a URL is a
    space once decoded)."""
    text = str(value).strip().replace("+", " ").replace("T", " ")
    for fmt in DATE_FORMATS:
        try:
            moment = datetime.strptime(text, fmt).replace(tzinfo=zone)
        except ValueError:
            continue
        if not within_range(moment):
            raise refusal(f"{name} is out of range: dates must be {RANGE_TEXT}")
        return moment
    raise refusal(f"{name} must be YYYY-mm-dd or YYYY-mm-dd HH:MM:SS")


def _date(value: Any, info: ValidationInfo) -> datetime | None:
    """A date filter or a body date: left out when empty (or false)."""
    if not value:
        return None
    return parse_date(value, NAME, (info.context or {})[ZONE])


def _quantities(value: Any) -> dict[int, int] | None:
    """`{"<lineId>": qty}`, as Centra's shipment and return calls take them."""
    if value is None:
        return None
    shape = f'{NAME} must be an object of {{"<lineId>": quantity}}'
    if not isinstance(value, dict) or not value:
        raise refusal(shape, ErrorCode.REQUIRED)
    out: dict[int, int] = {}
    for key, qty in value.items():
        line = _part(key, "lineId")
        number = _part(qty, "quantity")
        if line is None or number is None:
            raise refusal(shape)
        out[line] = number
    return out


def _required_quantities(value: Any) -> dict[int, int]:
    if value is None:
        raise refusal(f'{NAME} must be an object of {{"<lineId>": quantity}}', ErrorCode.REQUIRED)
    return _quantities(value) or {}


def _part(value: Any, name: str) -> int | None:
    """A key or value of a quantities object, refused under its own name."""
    return _int(value, name, [name])


def _item_text(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    return {str(k): str(v) for k, v in value.items() if v}


def _an_object(value: Any) -> Any:
    if value is not None and not isinstance(value, dict):
        raise refusal(f"{WHERE} must be an object")
    return value


def _an_array(value: Any) -> Any:
    if value is not None and not isinstance(value, list):
        raise refusal(f"{WHERE} must be an array")
    return value


def _object_or_nothing(value: Any) -> Any:
    """An object, or nothing when it is any other value (Centra ignores it)."""
    return value if isinstance(value, dict) else None


def _voucher_id(value: Any) -> int:
    """A voucher id; anything else names no voucher (beyond SQLite's integers none can exist)."""
    try:
        number = int(str(value))
    except ValueError:
        number = -1
    if not 0 < number <= INT64_MAX:
        raise refusal("Voucher not found", ErrorCode.NOT_FOUND, ["voucher"])
    return number


def _shipment_status(value: Any) -> ShipmentStatus:
    try:
        return ShipmentStatus(value or ShipmentStatus.GOOD_TO_GO.value)
    except ValueError:
        raise refusal(f"{NAME} must be one of inprogress, goodtogo, completed") from None


STR = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
DATE_IN = {"type": "string"}
ITEM_TEXT = {
    "type": "object",
    "properties": {name: STR for name in ("sku", "brand", "product", "variant", "size")},
    "description": "Texts shown for the line instead of the product's own.",
}
QUANTITIES = {
    "type": "object",
    "additionalProperties": {"type": ["integer", "string"]},
    "description": '{"<lineId>": quantity}',
}

Int = Annotated[int | None, PlainValidator(_int), WithJsonSchema(INTEGER)]
RequiredInt = Annotated[int, PlainValidator(_required_int), WithJsonSchema(INTEGER)]
Flag = Annotated[bool | None, PlainValidator(_bool), WithJsonSchema(BOOLEAN)]
Amount = Annotated[Decimal | None, PlainValidator(_amount), WithJsonSchema(NUMBER)]
Text = Annotated[str | None, PlainValidator(_text), WithJsonSchema(STR)]
RequiredText = Annotated[str, PlainValidator(_required_text), WithJsonSchema(STR)]
String = Annotated[str | None, PlainValidator(_string), WithJsonSchema(STR)]
AddressText = Annotated[str | None, PlainValidator(_address_text), WithJsonSchema(STR)]
Date = Annotated[datetime | None, PlainValidator(_date), WithJsonSchema(DATE_IN)]
BodyDate = Annotated[datetime | None, PlainValidator(_date), WithJsonSchema(STR)]
Quantities = Annotated[
    dict[int, int] | None, PlainValidator(_quantities), WithJsonSchema(QUANTITIES)
]
RequiredQuantities = Annotated[
    dict[int, int], PlainValidator(_required_quantities), WithJsonSchema(QUANTITIES)
]
#: Taken and documented, with no effect in mockcentra (never refused).
Ignored = Any


def optional(default: Any = None, description: str | None = None, **schema: Any) -> Any:
    """A field that may be left out; read (and refused) even then."""
    return Field(default, validate_default=True, description=description, **schema)


def date_filter(description: str) -> Any:
    """An optional date filter; the description says which dates it takes."""
    return optional(description=f"{description} YYYY-mm-dd or YYYY-mm-dd HH:MM:SS (store time).")


def required(description: str | None = None) -> Any:
    """A field the document lists as required; its reader refuses its absence in the API's
    words."""
    return Field(
        None,
        validate_default=True,
        description=description,
        json_schema_extra={REQUIRED_MARK: True},
    )


# ---------------------------------------------------------------- path parameters


class OrderIdPath(RestModel):
    message_names = {"orderId": "order"}

    orderId: RequiredInt = Field(description="Order number.")


class ShipmentIdPath(RestModel):
    shipmentId: str = Field(description="`<orderId>-<n>`")


class ReturnIdPath(RestModel):
    message_names = {"returnId": "return"}

    returnId: RequiredInt = Field(description="Return id.")


class CustomerIdPath(RestModel):
    customerId: RequiredInt = Field(description="Customer id.")


class VoucherIdPath(RestModel):
    id: Annotated[int, PlainValidator(_voucher_id), WithJsonSchema(INTEGER)] = Field(
        description="Voucher id."
    )


# ---------------------------------------------------------------- query parameters


class OrdersQuery(RestModel):
    order: Int = optional(description="One order, by number.")
    customer_id: Int = optional(description="Orders of one customer.")
    newer_than: Date = date_filter("Placed at or after.")
    older_than: Date = date_filter("Placed before.")
    limit: Int = optional(DEFAULT_ORDER_LIMIT, "How many to return (default 20).")
    offset: Int = optional(description="How many to skip.")


class ShipmentsQuery(RestModel):
    status: Annotated[
        ShipmentStatus,
        PlainValidator(_shipment_status),
        WithJsonSchema({"type": "string", "enum": ["goodtogo", "inprogress", "completed"]}),
    ] = optional(
        ShipmentStatus.GOOD_TO_GO.value,
        "goodtogo (default): good to go, not shipped; inprogress: not good to go, not shipped; "
        "completed: shipped.",
    )
    limit: Int = optional(description="How many to return (1 to 100 unless goodtogo).")
    order: Int = optional(description="Shipments of one order.")
    newer_than: Date = date_filter("Created at or after.")
    older_than: Date = date_filter("Created before.")
    offset: Int = optional(description="How many to skip.")

    @field_validator("limit")
    @classmethod
    def _limit(cls, limit: int | None, info: ValidationInfo) -> int | None:
        status = info.data.get("status")
        if limit is not None and status != ShipmentStatus.GOOD_TO_GO and not 1 <= limit <= 100:
            raise refusal("limit must be between 1 and 100")
        return limit


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


class CustomersQuery(RestModel):
    email: Text = optional(
        description="Customers with this email (a guest and a registered one may share it)."
    )
    created: Date = date_filter("Created at or after.")
    modified: Date = date_filter("Modified at or after.")
    limit: Int = optional(description="How many to return.")
    offset: Int = optional(description="How many to skip.")


class ProductsQuery(RestModel):
    limit: Int = optional(description="Page size; `next`/`previous` links are given when set.")
    page: Int = optional(1, "Page number from 1 (with limit).")
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
        PlainValidator(_text),
        WithJsonSchema({"type": "string", "enum": ["physicalStock"]}),
    ] = optional(description="Leave out physicalStock.")


# ---------------------------------------------------------------- bodies


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


Address = Annotated[AddressInput | None, BeforeValidator(_an_object)]


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


PaymentRecord = Annotated[PaymentRecordInput | None, BeforeValidator(_an_object)]


class PaymentInput(RestModel):
    id: Int = optional(description="Payment plugin id.")
    auth: PaymentRecord = optional()
    capture: PaymentRecord = optional()


Payment = Annotated[PaymentInput | None, BeforeValidator(_an_object)]


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


OrderLine = Annotated[OrderLineInput, BeforeValidator(_an_object)]


class UpdateOrderRequest(RestModel):
    order: RequiredInt = required()
    internalComment: Text = optional(description="Appended to the internal comment.")


class CreateOrderRequest(RestModel):
    """Fields are read in this order; the first one that is wrong is refused."""

    address: Address = optional()
    invoiceAddress: Address = optional()
    deliveryAddress: Address = optional()
    products: Annotated[list[OrderLine] | None, BeforeValidator(_an_array)] = Field(
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


class CreateShipmentRequest(RestModel):
    order: RequiredInt = required()
    products: RequiredQuantities = required()
    gtg: Flag = optional(False)
    capture: Flag = optional(True, "Default true; no shipment is created when the capture fails.")
    shipped: Flag = optional(False)
    sendEmail: Flag = optional(False)
    carrier: Text = optional()
    service: Text = optional()
    packages: Int = optional()
    tracking: Text = optional()
    returnSlipTracking: Text = optional()


class CompleteShipmentRequest(RestModel):
    shipment: RequiredText = required("`<orderId>-<n>`")
    order: Int = optional()
    capture: Flag = optional(True)
    gtg: Flag = optional()
    shipped: Flag = optional(description="false only updates the tracking information.")
    sendEmail: Flag = optional(False)
    carrier: Text = optional()
    service: Text = optional()
    packages: Int = optional()
    tracking: Text = optional()
    returnSlipTracking: Text = optional()
    internalComment: Text = optional()


class CaptureShipmentRequest(RestModel):
    shipment: RequiredText = required()


class UpdateShipmentRequest(RestModel):
    products: Annotated[Ignored, WithJsonSchema(QUANTITIES)] = Field(
        None, description="Not supported: answered with an error."
    )
    gtg: Flag = optional(False)


class RefundInput(RestModel):
    refundPayment: Flag = optional(False)
    sendEmail: Annotated[Ignored, WithJsonSchema(BOOLEAN)] = Field(
        None, description="Accepted; mockcentra sends no e-mail."
    )


def _not_both(name: str, from_shipment: bool | None, info: ValidationInfo) -> bool:
    if info.data.get(name) is not None and from_shipment:
        raise refusal(f"{name} and {name}FromShipment cannot be used together", path=[name])
    return bool(from_shipment)


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


def _required_stop_date(value: Any) -> str:
    """Centra's refusal of a clone without a stopDate: `{"stopDate": "required"}`."""
    if not str(value or "").strip():
        raise refusal("required", ErrorCode.REQUIRED)
    return str(value)


class CloneVoucherRequest(RestModel):
    stopDate: Annotated[str, PlainValidator(_required_stop_date), WithJsonSchema(STR)] = required()
    name: String = optional()
    code: String = optional()
    conversionHtml: String = optional()


#: Every request body model (the document's `components.schemas` take them and what they hold).
BODIES: list[type[RestModel]] = [
    UpdateOrderRequest,
    CreateOrderRequest,
    CompleteOrderRequest,
    CreateShipmentRequest,
    CompleteShipmentRequest,
    CaptureShipmentRequest,
    UpdateShipmentRequest,
    CreateReturnRequest,
    UpdateReturnRequest,
    CloneVoucherRequest,
]

__all__ = ["BODIES", "DEFAULT_ORDER_LIMIT", "NoInput", "ZONE", "parse_date"]
