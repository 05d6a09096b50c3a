"""Shipment mutations: create, update, capture, complete and delete a shipment of an order."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.shipments import actions as shipments
from mockcentra.graphql.common import MonetaryValueInput, Payload
from mockcentra.graphql.errors import placed_warning, reading, run_mutation
from mockcentra.graphql.orders.inputs import OrderInput, OrderLineInput
from mockcentra.graphql.orders.payments import PaymentHistoryEntry
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.graphql.shipments.types import SHIPMENT_TYPES, Shipment


@strawberry.input
class ShipmentLineInput:
    order_line: OrderLineInput
    quantity: int


@strawberry.input
class ShipmentInfoInput:
    carrier: str | None = None
    service: str | None = None
    packages_number: int | None = None
    tracking_number: str | None = None
    return_tracking_number: str | None = None
    internal_shipping_cost: MonetaryValueInput | None = None

    def to_domain(self) -> shipments.ShipmentInfo:
        cost = self.internal_shipping_cost
        return shipments.ShipmentInfo(
            carrier=self.carrier,
            service=self.service,
            packages=self.packages_number,
            tracking_number=self.tracking_number,
            return_tracking_number=self.return_tracking_number,
            internal_shipping_cost=cost.to_decimal() if cost else None,
        )


@strawberry.input
class ShipmentMethodInput:
    """The store's shipment plugin to book the shipment with."""

    plugin_id: int


@strawberry.input
class ShipmentCreateInput:
    order: OrderInput
    lines: list[ShipmentLineInput]
    is_good_to_go: bool = False
    is_paid: bool = False
    capture: bool = False
    created_at: DateTimeTz | None = None
    shipped_at: DateTimeTz | None = None
    send_email: bool = strawberry.field(
        default=False,
        description=(
            "mockcentra sends no emails. With shippedAt the shipping confirmation is listed in "
            "the order's emailHistory; without it, completeShipment's sendEmail decides."
        ),
    )
    additional_message: str | None = None
    allocate_demand: bool = False
    shipment_info: ShipmentInfoInput | None = None
    shipment_method: ShipmentMethodInput | None = None


@strawberry.input
class ShipmentUpdateInput:
    is_good_to_go: bool | None = None
    is_paid: bool | None = None
    additional_message: str | None = None
    shipment_info: ShipmentInfoInput | None = None


@strawberry.input
class ShipmentCompleteInput:
    shipped_at: DateTimeTz | None = None
    send_email: bool = strawberry.field(
        default=False,
        description=(
            "mockcentra sends no emails; the shipping confirmation asked for is listed in the "
            "order's emailHistory."
        ),
    )
    shipment_info: ShipmentInfoInput | None = None


@strawberry.type
class ShipmentPayload(Payload):
    shipment: Shipment | None = None


@strawberry.type
class CaptureShipmentPayload(Payload):
    shipment: Shipment | None = None
    payment_history_entry: PaymentHistoryEntry | None = None


@strawberry.type
class Mutation:
    @mutation(permission="Shipment:write")
    def create_shipment(self, info: Info, input: ShipmentCreateInput) -> ShipmentPayload:
        def act():
            uow = info.context.uow
            with reading("input"):
                shipment, warnings = shipments.create_shipment(
                    uow,
                    input.order,
                    [shipments.ShipLine(line.order_line.id, line.quantity) for line in input.lines],
                    is_good_to_go=input.is_good_to_go,
                    is_paid=input.is_paid,
                    capture_now=input.capture,
                    created_at=input.created_at,
                    additional_message=input.additional_message,
                    allocate_demand=input.allocate_demand,
                    send_email=input.send_email,
                    info=input.shipment_info.to_domain() if input.shipment_info else None,
                    shipment_plugin_id=input.shipment_method.plugin_id
                    if input.shipment_method
                    else None,
                )
            if input.shipped_at:
                # a shipment that may not be completed yet is refused at what asked for it
                with reading("input"), reading("shippedAt"):
                    ready, order = shipments.shipment_to_complete(uow, shipment.id)
                with reading("input"):
                    shipments.complete_ready_shipment(
                        uow, ready, order, shipped_at=input.shipped_at, send_email=input.send_email
                    )
            return {
                "shipment": shipment,
                "warnings": [placed_warning(w, "input") for w in warnings],
            }

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def update_shipment(self, info: Info, id: int, input: ShipmentUpdateInput) -> ShipmentPayload:
        def act() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                shipment, order = shipments.find_shipment(uow, id)
            with reading("input"):
                changed = shipments.change_shipment(
                    uow,
                    shipment,
                    order,
                    is_paid=input.is_paid,
                    is_good_to_go=input.is_good_to_go,
                    additional_message=input.additional_message,
                    info=input.shipment_info.to_domain() if input.shipment_info else None,
                )
            return {"shipment": changed}

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def capture_shipment(self, info: Info, id: int) -> CaptureShipmentPayload:
        def act():
            shipment, entry = shipments.capture_shipment(info.context.uow, id)
            return {"shipment": shipment, "payment_history_entry": entry}

        return run_mutation(info, CaptureShipmentPayload, act, reads="id")

    @mutation(permission="Shipment:write")
    def complete_shipment(
        self, info: Info, id: int, input: ShipmentCompleteInput | None = None
    ) -> ShipmentPayload:
        data = input or ShipmentCompleteInput()

        def act() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                shipment, order = shipments.shipment_to_complete(uow, id)
            with reading("input"):
                done = shipments.complete_ready_shipment(
                    uow,
                    shipment,
                    order,
                    shipped_at=data.shipped_at,
                    send_email=data.send_email,
                    info=data.shipment_info.to_domain() if data.shipment_info else None,
                )
            return {"shipment": done}

        return run_mutation(info, ShipmentPayload, act)

    @mutation(permission="Shipment:write")
    def delete_shipment(self, info: Info, id: int) -> ShipmentPayload:
        return run_mutation(
            info,
            ShipmentPayload,
            lambda: _deleted(shipments.delete_shipment(info.context.uow, id)),
            reads="id",
        )


def _deleted(shipment) -> dict[str, Any]:
    return {"shipment": None}


EXTRA_TYPES = SHIPMENT_TYPES
