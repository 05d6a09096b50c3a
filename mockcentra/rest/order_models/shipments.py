"""Requests of the Order API's shipment endpoints: the shipment id path, the shipments query,
and the bodies that create, complete, capture and update a shipment.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainValidator, ValidationInfo, WithJsonSchema, field_validator

from mockcentra.domain.shipments.status import ShipmentStatus
from mockcentra.rest.models import NAME, RestModel, refusal
from mockcentra.rest.order_models.fields import (
    QUANTITIES,
    Date,
    Flag,
    Ignored,
    Int,
    RequiredInt,
    RequiredQuantities,
    RequiredText,
    Text,
    date_filter,
    optional,
    required,
)


def _shipment_status(value: Any) -> ShipmentStatus:
    try:
        return ShipmentStatus(value or ShipmentStatus.GOOD_TO_GO.value)
    except ValueError:
        raise refusal(f"{NAME} must be one of inprogress, goodtogo, completed") from None


class ShipmentIdPath(RestModel):
    shipmentId: str = Field(description="`<orderId>-<n>`")


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
