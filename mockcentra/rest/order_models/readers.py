"""How the Order API reads a wire value into a field: integers and amounts also as text, flags
as true/false, 1/0 and their text, dates in the store's time zone, each refused in the words
the API always used (`limit must be an integer`, `order is required`). The field types
(fields.py) pair these readers with the JSON Schema the document shows.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationInfo

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.money import given_amount
from mockcentra.rest.models import NAME, WHERE, refusal
from mockcentra.runtime.clock import RANGE_TEXT, within_range
from mockcentra.runtime.wire import INT64_MAX, INT64_MIN

DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
#: The context every Order API model is read with: `zone`, the store's time zone.
ZONE = "zone"


def in_range(value: int, name: str = NAME, path: list[str | int] | None = None) -> int:
    """Integers beyond SQLite's 64 bits are refused here rather than failing in the database."""
    if not INT64_MIN <= value <= INT64_MAX:
        raise refusal(f"{name} is out of range", path=path)
    return value


def read_int(value: Any, name: str = NAME, path: list[str | int] | None = None) -> int | None:
    """An integer, also given as text; nothing when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise refusal(f"{name} must be an integer", path=path)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise refusal(f"{name} must be an integer", path=path) from None
    return in_range(number, name, path)


def read_required_int(value: Any) -> int:
    number = read_int(value)
    if number is None:
        raise refusal(f"{NAME} is required", ErrorCode.REQUIRED)
    return number


def read_flag(value: Any) -> bool | None:
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


def read_amount(value: Any) -> Decimal | None:
    """A finite amount, also given as text, refused when it is beyond what money can hold."""
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


def read_text(value: Any) -> str | None:
    """Any value as its text (Centra takes numbers for text)."""
    return None if value is None else str(value)


def read_required_text(value: Any) -> str:
    text = read_text(value)
    if not text:
        raise refusal(f"{NAME} is required", ErrorCode.REQUIRED)
    return text


def read_string(value: Any) -> str | None:
    """Text, and only text."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise refusal(f"{NAME} must be a string")
    return value


def read_address_text(value: Any) -> str | None:
    """A line of an address: text or a number, never an object or a flag."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise refusal(f"{WHERE} must be text")
    return str(value)


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


def read_date(value: Any, info: ValidationInfo) -> datetime | None:
    """A date filter or a body date: left out when empty (or false)."""
    if not value:
        return None
    return parse_date(value, NAME, (info.context or {})[ZONE])


def read_quantities(value: Any) -> dict[int, int] | None:
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


def read_required_quantities(value: Any) -> dict[int, int]:
    if value is None:
        raise refusal(f'{NAME} must be an object of {{"<lineId>": quantity}}', ErrorCode.REQUIRED)
    return read_quantities(value) or {}


def _part(value: Any, name: str) -> int | None:
    """A key or value of a quantities object, refused under its own name."""
    return read_int(value, name, [name])


def an_object(value: Any) -> Any:
    """A nested object (an address, a payment) is an object or left out."""
    if value is not None and not isinstance(value, dict):
        raise refusal(f"{WHERE} must be an object")
    return value


def an_array(value: Any) -> Any:
    if value is not None and not isinstance(value, list):
        raise refusal(f"{WHERE} must be an array")
    return value
