"""The Order API's endpoint table: each endpoint's handler and the models its body, query and
path parameters are read into (rest/order_models.py). A handler gets the request already read
and valid, calls one domain action and shapes the answer (rest/order_serializers.py); the
routes (order_api.py) and the OpenAPI document (order_openapi.py) are built from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mockcentra.domain.customers.queries import find_customers
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.ordering import (
    external_orders,
    external_payments,
    external_returns,
    external_shipments,
    queries,
)
from mockcentra.domain.returns import queries as returns_queries
from mockcentra.domain.returns.actions import ReturnCost
from mockcentra.domain.shipments.actions import ShipmentInfo
from mockcentra.domain.vouchers import actions as vouchers
from mockcentra.domain.vouchers import queries as voucher_queries
from mockcentra.rest import order_models as m
from mockcentra.rest.models import NoInput, RestModel
from mockcentra.rest.order_serializers import Shapes
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import CustomerRow, OrderRow
from mockcentra.storage.uow import UnitOfWork

# ---------------------------------------------------------------- reading requests


@dataclass
class Call:
    """One request, read: its query, body and path as the endpoint's models
    (rest/order_models.py), and the runtime."""

    query: Any
    body: Any
    path: Any
    runtime: Runtime


# ---------------------------------------------------------------- endpoints


Handler = Callable[[UnitOfWork, Call, Shapes], dict[str, Any]]


@dataclass(frozen=True)
class Endpoint:
    """One documented endpoint: its handler, the models its body, query and path parameters
    are read into (the document is generated from them), and `echo`, the request ids repeated
    in error bodies (taken from the body and path as sent)."""

    method: str
    path: str
    operation: str
    handler: Handler
    write: bool = False
    echo: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None
    body: type[RestModel] = NoInput
    query: type[RestModel] = NoInput
    params: type[RestModel] = NoInput
    summary: str = ""
    description: str | None = None
    response: str = ""


# -- orders


def get_orders(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Oldest first (Centra's plugin setting "Get orders starting with: Oldest"); set
    `Settings.extra["order_api_newest_first"]` for newest first."""
    query: m.OrdersQuery = call.query
    rows = queries.find_orders(
        uow.session,
        number=query.order,
        customer_id=query.customer_id,
        newer_than=query.newer_than,
        older_than=query.older_than,
        newest_first=bool(call.runtime.settings.extra.get("order_api_newest_first")),
        limit=m.DEFAULT_ORDER_LIMIT if query.limit is None else query.limit,
        offset=query.offset,
    )
    return {"orders": shapes.orders(rows)}


def put_orders(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.UpdateOrderRequest = call.body
    order = external_orders.append_internal_comment(uow, body.order, body.internalComment)
    return {"order": order.number}


def _address(address: m.AddressInput | None) -> dict[str, Any]:
    return address.stored() if address is not None else {}


def _payment_record(record: m.PaymentRecordInput | None) -> external_payments.PaymentRecord | None:
    if record is None:
        return None
    assert record.amount is not None  # required by the model
    return external_payments.PaymentRecord(
        status=record.status,
        amount=record.amount,
        transaction=record.transaction,
        method=record.method,
        response=record.response,
        external_url=record.external_url,
    )


def _payment(payment: m.PaymentInput | None) -> external_payments.ExternalPayment | None:
    if payment is None:
        return None
    return external_payments.ExternalPayment(
        plugin_id=payment.id,
        auth=_payment_record(payment.auth),
        capture=_payment_record(payment.capture),
    )


def _line(line: m.OrderLineInput) -> external_orders.ExternalLine:
    return external_orders.ExternalLine(
        quantity=line.qty,
        product_size_id=line.id,
        ean=line.ean,
        sku=line.sku,
        unit_price=line.unitPrice,
        original_price=line.originalPrice,
        comment=line.comment,
        item_text=line.itemText,
    )


def post_order(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Insert an order from an external checkout. The order is placed at once (Pending, or
    Confirmed in an autoconfirm store); `createOnly` answers with `order` instead of `orders`
    but does not hold the order back as Centra does."""
    body: m.CreateOrderRequest = call.body
    both = _address(body.address)
    billing = _address(body.invoiceAddress) or both
    shipping = _address(body.deliveryAddress) or both or billing
    order = external_orders.create_external_order(
        uow,
        external_orders.ExternalOrder(
            billing_address=billing or shipping,
            shipping_address=shipping,
            lines=[_line(line) for line in body.products or []],
            market_id=body.marketId,
            market_name=body.market,
            pricelist_id=body.pricelistId,
            pricelist_name=body.pricelist,
            customer_id=body.customerId,
            customer_register=bool(body.customerRegister),
            shipping_value=body.shippingValue,
            voucher_value=body.voucherValue,
            number=body.orderNumber,
            adjust_stock=bool(body.adjustStock),
            force_create=bool(body.forceCreate),
            internal_order=bool(body.internalOrder),
            comment=body.comment,
            internal_comment=body.internalComment,
            placed_at=body.orderDate,
            payment=_payment(body.payment),
        ),
    )
    if body.createOnly:
        return {"order": order.number}
    return {"orders": [order.number]}


def post_order_complete(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.CompleteOrderRequest = call.body
    path: m.OrderIdPath = call.path
    order = external_orders.complete_external_order(
        uow,
        path.orderId,
        payment=_payment(body.payment),
        internal_comment=body.internalComment,
        placed_at=body.orderDate,
    )
    return {"orders": [str(order.number)]}


# -- shipments


def get_shipments(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: m.ShipmentsQuery = call.query
    rows = queries.find_shipments(
        uow.session,
        state=query.status,
        order_number=query.order,
        newer_than=query.newer_than,
        older_than=query.older_than,
        limit=query.limit,
        offset=query.offset,
    )
    return {"shipments": shapes.shipments(rows)}


def _info(body: m.CreateShipmentRequest | m.CompleteShipmentRequest) -> ShipmentInfo | None:
    info = ShipmentInfo(
        carrier=body.carrier,
        service=body.service,
        packages=body.packages,
        tracking_number=body.tracking,
        return_tracking_number=body.returnSlipTracking,
    )
    return info if any(v is not None for v in vars(info).values()) else None


def post_shipments(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.CreateShipmentRequest = call.body
    shipment = external_shipments.ship_lines(
        uow,
        body.order,
        body.products,
        good_to_go=bool(body.gtg),
        capture=bool(body.capture),
        shipped=bool(body.shipped),
        send_email=bool(body.sendEmail),
        info=_info(body),
    )
    return {"order": body.order, "shipment": shipment.number}


def complete_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.CompleteShipmentRequest = call.body
    shipment = external_shipments.complete_shipment(
        uow,
        body.shipment,
        order_number=body.order,
        capture=bool(body.capture),
        good_to_go=body.gtg,
        shipped=body.shipped,
        send_email=bool(body.sendEmail),
        info=_info(body),
        internal_comment=body.internalComment,
    )
    order = uow.session.get(OrderRow, shipment.order_id)
    return {"order": order.number, "shipment": shipment.number}


def put_capture(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.CaptureShipmentRequest = call.body
    shipment = external_shipments.capture_shipment(uow, body.shipment)
    order = uow.session.get(OrderRow, shipment.order_id)
    return {"order": order.number, "shipment": shipment.number}


def put_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Only `gtg` can be changed: changing a shipment's products is not modelled."""
    body: m.UpdateShipmentRequest = call.body
    path: m.ShipmentIdPath = call.path
    if body.products is not None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            "changing the products of a shipment is not supported by mockcentra; "
            "delete the shipment and create a new one",
            ["products"],
        )
    shipment = external_shipments.set_good_to_go(uow, path.shipmentId, bool(body.gtg))
    return {"shipment": shapes.shipments([shipment])[0]}


def delete_shipment(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    path: m.ShipmentIdPath = call.path
    number, order_number = external_shipments.delete_shipment(uow, path.shipmentId)
    return {"msg": "shipment removed", "order": order_number, "shipment": number}


# -- returns


def _cost(value: Any, from_shipment: bool | None) -> ReturnCost | None:
    if from_shipment:
        return ReturnCost(from_shipment=True)
    return ReturnCost(value=value) if value is not None else None


def post_return(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.CreateReturnRequest = call.body
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
    query: m.ReturnsQuery = call.query
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
    return {"returns": shapes.returns(rows)}


def put_return(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: m.UpdateReturnRequest = call.body
    return_id = call.path.returnId
    if body.completed is not None:
        ret = external_returns.set_return_completed(uow, return_id, body.completed)
    else:
        rows = returns_queries.find_returns(uow.session, return_id=return_id)
        if not rows:
            raise DomainError(
                ErrorCode.NOT_FOUND, f"Could not find return with ID {return_id}.", ["id"]
            )
        ret = rows[0]
    return {"return": shapes.returns([ret])[0]}


# -- customers


def get_customers(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: m.CustomersQuery = call.query
    rows = find_customers(
        uow.session,
        email=query.email or None,
        created_after=query.created,
        modified_after=query.modified,
        limit=query.limit,
        offset=query.offset,
    )
    return {"customers": shapes.customers(rows)}


def get_customer(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    customer_id = call.path.customerId
    row = uow.session.get(CustomerRow, customer_id)
    if row is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, f"Customer with id={customer_id} does not exist", ["customer"]
        )
    return {"customer": shapes.customers([row])[0]}


# -- vouchers


def get_voucher(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """`GET vouchers/<id>`: Centra documents no usage counter, so none is shown here either."""
    row = voucher_queries.find_voucher(uow.session, call.path.id)
    if row is None:
        raise DomainError(ErrorCode.NOT_FOUND, "Voucher not found", ["voucher"])
    return {"voucher": shapes.voucher(voucher_queries.voucher_facts(uow.session, row))}


def clone_voucher(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """`PUT voucher/<id>/clone`: `stopDate` is checked before the voucher is looked up (the
    body is read before the path)."""
    body: m.CloneVoucherRequest = call.body
    clone = vouchers.clone_voucher(
        uow,
        call.path.id,
        stop_date=body.stopDate,
        name=body.name,
        code=body.code,
        conversion_html=body.conversionHtml,
    )
    return {"voucher": clone.id, "code": clone.code or ""}


# -- stock and products


def _items(
    uow: UnitOfWork, query: m.ProductsQuery, stock_modified: Any = None
) -> tuple[list[Any], dict[str, str]]:
    limit, page = query.limit, query.page
    rows = queries.find_product_items(
        uow.session,
        sku=query.sku or None,
        ean=query.ean or None,
        product_id=query.productId,
        variant_id=query.variantId,
        size_id=query.size_id,
        created_after=query.created,
        modified_after=query.modified,
        stock_modified_after=stock_modified,
        limit=None if limit is None else limit + 1,
        offset=None if limit is None else (page - 1) * limit,
    )
    links: dict[str, str] = {}
    if limit is not None:
        if page > 1:
            links["previous"] = f"?limit={limit}&page={page - 1}"
        if len(rows) > limit:
            links["next"] = f"?limit={limit}&page={page + 1}"
            rows = rows[:limit]
    return rows, links


def get_stock(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    query: m.StockQuery = call.query
    rows, links = _items(uow, query, query.stock_modified)
    physical = query.exclude != "physicalStock"
    return {"products": shapes.stock_items(rows, with_physical=physical), **links}


def get_products(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    rows, links = _items(uow, call.query)
    return {"products": shapes.products(rows), **links}


# ---------------------------------------------------------------- the endpoint table


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


ENDPOINTS: list[Endpoint] = [
    Endpoint(
        "GET",
        "/orders",
        "get_orders",
        get_orders,
        query=m.OrdersQuery,
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
        body=m.UpdateOrderRequest,
        summary="Update order (append to the internal comment)",
        response="OrderNumberResponse",
    ),
    Endpoint(
        "POST",
        "/order",
        "create_order",
        post_order,
        True,
        body=m.CreateOrderRequest,
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
        body=m.CompleteOrderRequest,
        params=m.OrderIdPath,
        summary="Complete order",
        response="CompleteOrderResponse",
        description="Record payment auth/capture later; may be called again.",
    ),
    Endpoint(
        "GET",
        "/shipments",
        "get_shipments",
        get_shipments,
        query=m.ShipmentsQuery,
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
        body=m.CreateShipmentRequest,
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
        body=m.UpdateShipmentRequest,
        params=m.ShipmentIdPath,
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
        params=m.ShipmentIdPath,
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
        body=m.CompleteShipmentRequest,
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
        body=m.CompleteShipmentRequest,
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
        body=m.CaptureShipmentRequest,
        summary="Capture shipment",
        response="ShipmentDoneResponse",
    ),
    Endpoint(
        "POST",
        "/return",
        "create_return",
        post_return,
        True,
        body=m.CreateReturnRequest,
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
        query=m.ReturnsQuery,
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
        body=m.UpdateReturnRequest,
        params=m.ReturnIdPath,
        summary="Update return (completed or pending)",
        response="ReturnResponse",
    ),
    Endpoint(
        "GET",
        "/customers",
        "get_customers",
        get_customers,
        query=m.CustomersQuery,
        summary="List customers",
        response="CustomersResponse",
    ),
    Endpoint(
        "GET",
        "/customers/{customerId}",
        "get_customer",
        get_customer,
        params=m.CustomerIdPath,
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
        params=m.VoucherIdPath,
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
        body=m.CloneVoucherRequest,
        params=m.VoucherIdPath,
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
        query=m.StockQuery,
        summary="Get stock",
        response="StockResponse",
    ),
    Endpoint(
        "GET",
        "/products",
        "get_products",
        get_products,
        query=m.ProductsQuery,
        summary="Get products",
        response="ProductsResponse",
    ),
]

__all__ = ["ENDPOINTS", "Call", "Endpoint"]
