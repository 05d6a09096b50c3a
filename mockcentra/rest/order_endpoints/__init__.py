"""The Order API's endpoint table: each endpoint's handler and the models its body, query and
path parameters are read into (rest/order_models). The routes (order_api.py) and the OpenAPI
document (order_openapi.py) are built from this table.

What an endpoint is, is in endpoint.py; the handlers are in one module per resource (orders,
shipments, returns, customers, vouchers, products), each answering with the shapes of
rest/order_serializers.
"""

from __future__ import annotations

from typing import Any

from mockcentra.rest.order_endpoints.customers import get_customer, get_customers
from mockcentra.rest.order_endpoints.endpoint import Endpoint
from mockcentra.rest.order_endpoints.orders import (
    get_orders,
    post_order,
    post_order_complete,
    put_orders,
)
from mockcentra.rest.order_endpoints.products import get_products, get_stock
from mockcentra.rest.order_endpoints.returns import get_returns, post_return, put_return
from mockcentra.rest.order_endpoints.shipments import (
    complete_shipment,
    delete_shipment,
    get_shipments,
    post_shipments,
    put_capture,
    put_shipment,
)
from mockcentra.rest.order_endpoints.vouchers import clone_voucher, get_voucher
from mockcentra.rest.order_models.customers import CustomerIdPath, CustomersQuery
from mockcentra.rest.order_models.orders import (
    CompleteOrderRequest,
    CreateOrderRequest,
    OrderIdPath,
    OrdersQuery,
    UpdateOrderRequest,
)
from mockcentra.rest.order_models.products import ProductsQuery, StockQuery
from mockcentra.rest.order_models.returns import (
    CreateReturnRequest,
    ReturnIdPath,
    ReturnsQuery,
    UpdateReturnRequest,
)
from mockcentra.rest.order_models.shipments import (
    CaptureShipmentRequest,
    CompleteShipmentRequest,
    CreateShipmentRequest,
    ShipmentIdPath,
    ShipmentsQuery,
    UpdateShipmentRequest,
)
from mockcentra.rest.order_models.vouchers import CloneVoucherRequest, VoucherIdPath

# ---------------------------------------------------------------- ids repeated in refusals


def _echo_order(body: dict[str, Any], path: dict[str, Any]) -> dict[str, Any]:
    return {"order": body.get("order")} if body.get("order") is not None else {}


def _echo_order_text(body: dict[str, Any], path: dict[str, Any]) -> dict[str, Any]:
    value = body.get("order")
    return {"order": str(value)} if value is not None else {}


def _echo_shipment(body: dict[str, Any], path: dict[str, Any]) -> dict[str, Any]:
    out = _echo_order(body, path)
    value = body.get("shipment")
    if isinstance(value, str | int) and not isinstance(value, bool):
        out["shipment"] = str(value)  # only ids are repeated, always as text
    return out


def _echo_path_shipment(body: dict[str, Any], path: dict[str, Any]) -> dict[str, Any]:
    return {"shipment": path["shipmentId"]}


def _echo_voucher(body: dict[str, Any], path: dict[str, Any]) -> dict[str, Any]:
    return {"voucher": str(path["id"])}


# ---------------------------------------------------------------- the endpoint table

ENDPOINTS: list[Endpoint] = [
    Endpoint(
        "GET",
        "/orders",
        "get_orders",
        get_orders,
        query=OrdersQuery,
        summary="Get orders",
        response="OrdersResponse",
        description="Oldest first. `order` fetches one order by its number.",
    ),
    Endpoint(
        "PUT",
        "/orders",
        "update_order",
        put_orders,
        True,
        _echo_order,
        body=UpdateOrderRequest,
        summary="Update order (append to the internal comment)",
        response="OrderNumberResponse",
    ),
    Endpoint(
        "POST",
        "/order",
        "create_order",
        post_order,
        True,
        body=CreateOrderRequest,
        summary="Create order",
        response="CreateOrderResponse",
        description="Insert an order paid outside Centra; payment auth/capture are "
        "recorded as payment history.",
    ),
    Endpoint(
        "POST",
        "/order/{orderId}",
        "complete_order",
        post_order_complete,
        True,
        body=CompleteOrderRequest,
        params=OrderIdPath,
        summary="Complete order",
        response="CompleteOrderResponse",
        description="Record payment auth/capture later; may be called again.",
    ),
    Endpoint(
        "GET",
        "/shipments",
        "get_shipments",
        get_shipments,
        query=ShipmentsQuery,
        summary="Get shipments",
        response="ShipmentsResponse",
        description="Oldest first.",
    ),
    Endpoint(
        "POST",
        "/shipments",
        "create_shipment",
        post_shipments,
        True,
        _echo_order_text,
        body=CreateShipmentRequest,
        summary="Create shipment",
        response="ShipmentDoneResponse",
        description="Captures the shipment's value unless `capture` is false.",
    ),
    Endpoint(
        "PUT",
        "/shipments/{shipmentId}",
        "update_shipment",
        put_shipment,
        True,
        _echo_path_shipment,
        body=UpdateShipmentRequest,
        params=ShipmentIdPath,
        summary="Update shipment (good to go)",
        response="ShipmentResponse",
    ),
    Endpoint(
        "DELETE",
        "/shipments/{shipmentId}",
        "delete_shipment",
        delete_shipment,
        True,
        _echo_path_shipment,
        params=ShipmentIdPath,
        summary="Delete shipment",
        response="ShipmentRemovedResponse",
    ),
    Endpoint(
        "POST",
        "/shipment",
        "complete_shipment",
        complete_shipment,
        True,
        _echo_shipment,
        body=CompleteShipmentRequest,
        summary="Complete shipment",
        response="ShipmentDoneResponse",
    ),
    Endpoint(
        "PUT",
        "/shipment",
        "complete_shipment",
        complete_shipment,
        True,
        _echo_shipment,
        body=CompleteShipmentRequest,
        summary="Complete shipment",
        response="ShipmentDoneResponse",
    ),
    Endpoint(
        "PUT",
        "/capture",
        "capture_shipment",
        put_capture,
        True,
        _echo_shipment,
        body=CaptureShipmentRequest,
        summary="Capture shipment",
        response="ShipmentDoneResponse",
    ),
    Endpoint(
        "POST",
        "/return",
        "create_return",
        post_return,
        True,
        body=CreateReturnRequest,
        summary="Create return",
        response="CreateReturnResponse",
        description="`refund.refundPayment` refunds through the PSP; a successful refund "
        "completes the return.",
    ),
    Endpoint(
        "GET",
        "/returns",
        "get_returns",
        get_returns,
        query=ReturnsQuery,
        summary="Get returns",
        response="ReturnsResponse",
        description="Newest first.",
    ),
    Endpoint(
        "PUT",
        "/returns/{returnId}",
        "update_return",
        put_return,
        True,
        body=UpdateReturnRequest,
        params=ReturnIdPath,
        summary="Update return (completed or pending)",
        response="ReturnResponse",
    ),
    Endpoint(
        "GET",
        "/customers",
        "get_customers",
        get_customers,
        query=CustomersQuery,
        summary="List customers",
        response="CustomersResponse",
    ),
    Endpoint(
        "GET",
        "/customers/{customerId}",
        "get_customer",
        get_customer,
        params=CustomerIdPath,
        summary="Get customer",
        response="CustomerResponse",
    ),
    Endpoint(
        "GET",
        "/vouchers/{id}",
        "get_voucher",
        get_voucher,
        False,
        _echo_voucher,
        params=VoucherIdPath,
        summary="Get voucher",
        response="VoucherResponse",
        description="An active or inactive voucher. Centra documents no usage counter; "
        "a voucher that only gives free shipping shows type priceoff with no value.",
    ),
    Endpoint(
        "PUT",
        "/voucher/{id}/clone",
        "clone_voucher",
        clone_voucher,
        True,
        _echo_voucher,
        body=CloneVoucherRequest,
        params=VoucherIdPath,
        summary="Clone voucher",
        response="CloneVoucherResponse",
        description="A copy with its markets and actions, a new code (drawn when none is "
        "given) and the given stopDate. Refusals: stopDate required, Voucher not found, "
        "Auto vouchers not supported, a code already in use.",
    ),
    Endpoint(
        "GET",
        "/stock",
        "get_stock",
        get_stock,
        query=StockQuery,
        summary="Get stock",
        response="StockResponse",
    ),
    Endpoint(
        "GET",
        "/products",
        "get_products",
        get_products,
        query=ProductsQuery,
        summary="Get products",
        response="ProductsResponse",
    ),
]

__all__ = ["ENDPOINTS"]
