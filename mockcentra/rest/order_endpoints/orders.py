"""The Order API's order handlers: list orders, create an order from an external checkout,
complete its payment later, append to its internal comment."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.ordering import external_orders, external_payments, queries
from mockcentra.rest.order_endpoints.endpoint import Call
from mockcentra.rest.order_models.fields import DEFAULT_ORDER_LIMIT
from mockcentra.rest.order_models.orders import (
    AddressInput,
    CompleteOrderRequest,
    CreateOrderRequest,
    OrderIdPath,
    OrderLineInput,
    OrdersQuery,
    PaymentInput,
    PaymentRecordInput,
    UpdateOrderRequest,
)
from mockcentra.rest.order_serializers.orders import shape_orders
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.storage.records import reading
from mockcentra.storage.tables import OrderRow
from mockcentra.storage.uow import UnitOfWork


def get_orders(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    """Oldest first (Centra's plugin setting "Get orders starting with: Oldest"); set
    `Settings.extra["order_api_newest_first"]` for newest first."""
    query: OrdersQuery = call.query
    rows = queries.find_orders(
        reading(uow.session, OrderRow),
        number=query.order,
        customer_id=query.customer_id,
        newer_than=query.newer_than,
        older_than=query.older_than,
        newest_first=bool(call.runtime.settings.extra.get("order_api_newest_first")),
        limit=DEFAULT_ORDER_LIMIT if query.limit is None else query.limit,
        offset=query.offset,
    )
    return {"orders": shape_orders(shapes, rows)}


def put_orders(uow: UnitOfWork, call: Call, shapes: Shapes) -> dict[str, Any]:
    body: UpdateOrderRequest = call.body
    order = external_orders.append_internal_comment(uow, body.order, body.internalComment)
    return {"order": order.number}


def _address(address: AddressInput | None) -> dict[str, Any]:
    return address.stored() if address is not None else {}


def _payment_record(record: PaymentRecordInput | None) -> external_payments.PaymentRecord | None:
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


def _payment(payment: PaymentInput | None) -> external_payments.ExternalPayment | None:
    if payment is None:
        return None
    return external_payments.ExternalPayment(
        plugin_id=payment.id,
        auth=_payment_record(payment.auth),
        capture=_payment_record(payment.capture),
    )


def _line(line: OrderLineInput) -> external_orders.ExternalLine:
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
    body: CreateOrderRequest = call.body
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
    body: CompleteOrderRequest = call.body
    path: OrderIdPath = call.path
    order = external_orders.complete_external_order(
        uow,
        path.orderId,
        payment=_payment(body.payment),
        internal_comment=body.internalComment,
        placed_at=body.orderDate,
    )
    return {"orders": [str(order.number)]}
