"""The Order API's return handlers: create a return (refunding it when asked), list returns,
mark one completed or pending."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.ordering import external_returns
from mockcentra.domain.returns import queries as returns_queries
from mockcentra.domain.returns.actions import ReturnCost
from mockcentra.rest.order_endpoints.endpoint import Call
from mockcentra.rest.order_models.returns import (
    CreateReturnRequest,
    ReturnIdPath,
    ReturnsQuery,
    UpdateReturnRequest,
)
from mockcentra.rest.order_serializers.returns import shape_returns
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.storage.uow import UnitOfWork


def _cost(value: Decimal | None, from_shipment: bool | None) -> ReturnCost | None:
    if from_shipment:
        return ReturnCost(from_shipment=True)
    return ReturnCost(value=value) if value is not None else None


def post_return(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: CreateReturnRequest = call.body
    outcome = external_returns.return_items(
        uow,
        body.shipment,
        body.products,
        return_stock=bool(body.returnStock),
        shipping_cost=_cost(body.shippingCost, body.shippingCostFromShipment),
        handling_cost=_cost(body.handlingCost, body.handlingCostFromShipment),
        voucher_value=_cost(body.voucherValue, body.voucherValueFromShipment),
        return_cost=body.returnCost,
        comment=body.comment,
        created_at=body.createdAt,
        refund=bool(body.refund and body.refund.refundPayment),
    )
    result: dict[str, Any] = {
        "return": outcome.ret.id,
        "returnCompleted": outcome.refunded,
        "returnedItems": [str(i) for i in outcome.returned_lines],
    }
    if outcome.refunded:
        result["refund"] = {"status": "ok"}
    elif outcome.refund_error is not None:
        result["refund"] = {"status": "no", "msg": outcome.refund_error}
    return result


def get_returns(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: ReturnsQuery = call.query
    rows = returns_queries.find_returns(
        uow.session,
        return_id=query.return_,
        shipment_number=query.shipment or None,
        order_number=query.order,
        order_hash=query.selection or None,
        customer_id=query.customer_id,
        newer_than=query.newer_than,
        older_than=query.older_than,
        limit=query.page_limit,
        offset=query.offset,
    )
    return {"returns": shape_returns(shapes, rows)}


def put_return(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: UpdateReturnRequest = call.body
    path: ReturnIdPath = call.path
    return_id = path.returnId
    if body.completed is not None:
        ret = external_returns.set_return_completed(uow, return_id, body.completed)
    else:
        rows = returns_queries.find_returns(uow.session, return_id=return_id)
        if not rows:
            raise DomainError(
                ErrorCode.NOT_FOUND, f"Could not find return with ID {return_id}.", ["id"]
            )
        ret = rows[0]
    return {"return": shape_returns(shapes, [ret])[0]}
