"""Requests of the Order API's voucher endpoints: the voucher id path and the clone body."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from mockcentra.domain.errors import ErrorCode
from mockcentra.rest.models import RestModel, refusal
from mockcentra.rest.order_models.fields import INTEGER, STR, String, optional, required
from mockcentra.runtime.wire import INT64_MAX


def _voucher_id(value: Any) -> int:
    """A voucher id; anything else names no voucher (beyond SQLite's integers none can exist)."""
    try:
        number = int(str(value))
    except ValueError:
        number = -1
    if not 0 < number <= INT64_MAX:
        raise refusal("Voucher not found", ErrorCode.NOT_FOUND, ["voucher"])
    return number


def _required_stop_date(value: Any) -> str:
    """Centra's refusal of a clone without a stopDate: `{"stopDate": "required"}`."""
    if not str(value or "").strip():
        raise refusal("required", ErrorCode.REQUIRED)
    return str(value)


class VoucherIdPath(RestModel):
    id: Annotated[int, PlainValidator(_voucher_id), WithJsonSchema(INTEGER)] = Field(
        description="Voucher id."
    )


class CloneVoucherRequest(RestModel):
    stopDate: Annotated[str, PlainValidator(_required_stop_date), WithJsonSchema(STR)] = required()
    name: String = optional()
    code: String = optional()
    conversionHtml: String = optional()
