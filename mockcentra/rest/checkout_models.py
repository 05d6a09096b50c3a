"""The Checkout API's requests as typed models: every body and path parameter of every
endpoint of `checkout_endpoints.ENDPOINTS`, refused as the API always refused them (`errors:
{"address": "must be an object"}`, a 400). The document's request parts are generated from
these models (checkout_openapi.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from mockcentra.domain.errors import ErrorCode
from mockcentra.rest.models import REQUIRED_MARK, RestModel, refusal
from mockcentra.runtime.wire import INT64_MAX, INT64_MIN

STR = {"type": "string"}
INTEGER = {"type": "integer"}
OBJECT = {"type": "object"}

# ---------------------------------------------------------------- readers


def _object(value: Any) -> dict[str, Any] | None:
    """An optional JSON object."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise refusal("must be an object")
    return value


def _text(value: Any) -> str | None:
    """An optional text (numbers are taken as their text)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise refusal("must be a string")
    return str(value)


def _quantity(value: Any) -> int:
    """A quantity to add: a whole number (or its text); anything else is 0, which the domain
    refuses as no quantity."""
    quantity = int(value) if str(value).lstrip("-").isdigit() else 0
    if not INT64_MIN <= quantity <= INT64_MAX:  # as text, past what JSON numbers may hold
        raise refusal("must be a whole number")
    return quantity


def _step(value: Any) -> int:
    """The `n` of /lines/{line}/quantity/{n}: digits only."""
    text = str(value)
    if not text.isdigit():
        raise refusal("must be a whole number", ErrorCode.INVALID, ["quantity"])
    return int(text)


def _accepted(value: Any) -> bool:
    """Terms are taken as accepted unless sent as false, "false" or 0."""
    return value not in (False, "false", 0)


Object = Annotated[dict[str, Any] | None, PlainValidator(_object), WithJsonSchema(OBJECT)]
Text = Annotated[str | None, PlainValidator(_text), WithJsonSchema(STR)]


def optional(default: Any = None, description: str | None = None) -> Any:
    return Field(default, validate_default=True, description=description)


def documented_required(description: str | None = None) -> Any:
    """Listed as required by the document; its absence is refused by the domain, in its own
    words (`voucher code is required`)."""
    return Field(
        None,
        validate_default=True,
        description=description,
        json_schema_extra={REQUIRED_MARK: True},
    )


# ---------------------------------------------------------------- path parameters


class ItemPath(RestModel):
    item: str = Field(description="Item id: <display id>-<product size id>.")


class LinePath(RestModel):
    line: str = Field(description="Selection line id.")


class LineQuantityPath(RestModel):
    line: str = Field(description="Selection line id.")
    n: Annotated[int, PlainValidator(_step), WithJsonSchema(INTEGER)] = Field(
        description="How many to add or take away."
    )


class CountryPath(RestModel):
    country: str = Field(description="ISO-2 country code.")


class PaymentMethodPath(RestModel):
    method: str = Field(description="A payment method of the selection's `paymentMethods`.")


class VoucherCodePath(RestModel):
    code: str = Field(description="The voucher code.")


# ---------------------------------------------------------------- bodies


class SelectionUpdate(RestModel):
    country: Text = optional()
    address: Object = optional()
    shippingAddress: Object = optional()


class AddItem(RestModel):
    quantity: Annotated[int, PlainValidator(_quantity), WithJsonSchema(INTEGER)] = optional(1)


class Voucher(RestModel):
    voucher: Text = documented_required()


class Payment(RestModel):
    address: Object = documented_required()
    shippingAddress: Object = optional()
    paymentMethod: Text = optional()
    paymentMethodSpecificFields: Object = optional(
        description="Test outcomes: authorization, capture, refund, cancel."
    )
    termsAndConditions: Annotated[
        bool, PlainValidator(_accepted), WithJsonSchema({"type": "boolean"})
    ] = optional(True)
    promotionId: Annotated[Any, WithJsonSchema({"type": ["string", "array"]})] = Field(
        None, description="Checked by the payment: a string or a list of strings."
    )
    paymentReturnPage: Text = optional()
    paymentFailedPage: Text = optional()


class PaymentResult(RestModel):
    paymentMethodFields: Object = optional()


class Newsletter(RestModel):
    email: Text = documented_required()
    country: Text = optional()


#: Every request body model, for the document's `components.schemas`.
BODIES: list[type[RestModel]] = [
    SelectionUpdate,
    AddItem,
    Voucher,
    Payment,
    PaymentResult,
    Newsletter,
]
