"""The Order API's field types: each a reader (readers.py) with the JSON Schema the document
shows for it, and the `Field` defaults every request model declares its fields with.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from mockcentra.rest.models import REQUIRED_MARK
from mockcentra.rest.order_models.readers import (
    read_address_text,
    read_amount,
    read_date,
    read_flag,
    read_int,
    read_quantities,
    read_required_int,
    read_required_quantities,
    read_required_text,
    read_string,
    read_text,
)

#: The page size of orders (and of returns read by page) when none is given.
DEFAULT_ORDER_LIMIT = 20

STR = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
DATE_IN = {"type": "string"}
QUANTITIES = {
    "type": "object",
    "additionalProperties": {"type": ["integer", "string"]},
    "description": '{"<lineId>": quantity}',
}

Int = Annotated[int | None, PlainValidator(read_int), WithJsonSchema(INTEGER)]
RequiredInt = Annotated[int, PlainValidator(read_required_int), WithJsonSchema(INTEGER)]
#: Read as `Int`; the model's own validator turns a missing page into page 1, so the field
#: holds an int once the model is read.
PageNumber = Annotated[int, PlainValidator(read_int), WithJsonSchema(INTEGER)]
Flag = Annotated[bool | None, PlainValidator(read_flag), WithJsonSchema(BOOLEAN)]
Amount = Annotated[Decimal | None, PlainValidator(read_amount), WithJsonSchema(NUMBER)]
Text = Annotated[str | None, PlainValidator(read_text), WithJsonSchema(STR)]
RequiredText = Annotated[str, PlainValidator(read_required_text), WithJsonSchema(STR)]
String = Annotated[str | None, PlainValidator(read_string), WithJsonSchema(STR)]
AddressText = Annotated[str | None, PlainValidator(read_address_text), WithJsonSchema(STR)]
Date = Annotated[datetime | None, PlainValidator(read_date), WithJsonSchema(DATE_IN)]
BodyDate = Annotated[datetime | None, PlainValidator(read_date), WithJsonSchema(STR)]
Quantities = Annotated[
    dict[int, int] | None, PlainValidator(read_quantities), WithJsonSchema(QUANTITIES)
]
RequiredQuantities = Annotated[
    dict[int, int], PlainValidator(read_required_quantities), WithJsonSchema(QUANTITIES)
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
