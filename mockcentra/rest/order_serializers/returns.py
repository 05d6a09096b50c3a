"""Returns as the Order API shows them: ids as integers, flags as booleans, the costs and tax
of the return and each returned line with its SKUs."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from mockcentra.domain.orders.totals import tax_in_gross
from mockcentra.domain.returns.actions import return_value
from mockcentra.domain.returns.status import ReturnStatus, ReturnStockPolicy
from mockcentra.rest.order_serializers.lines import sku_fields
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.order_serializers.values import text
from mockcentra.rest.serializers import number
from mockcentra.storage.tables import (
    CurrencyRow,
    OrderLineRow,
    OrderRow,
    ReturnLineRow,
    ReturnRow,
    ShipmentLineRow,
    ShipmentRow,
)
from mockcentra.storage.tables.base import key

#: A returned line with the shipment line and order line it comes from.
ReturnedLine = tuple[ReturnLineRow, ShipmentLineRow, OrderLineRow]


def shape_returns(shapes: Shapes, rets: list[ReturnRow]) -> list[dict[str, Any]]:
    """A page of returns, their orders, shipments and lines loaded for all of them at once."""
    if not rets:
        return []
    orders = shapes.orders_by_id(list(dict.fromkeys(r.order_id for r in rets)))
    ship_ids = list(dict.fromkeys(r.shipment_id for r in rets))
    ships = {
        key(s): s
        for s in shapes.session.exec(select(ShipmentRow).where(ShipmentRow.id.in_(ship_ids)))
    }
    rows = shapes.session.exec(
        select(ReturnLineRow, ShipmentLineRow, OrderLineRow)
        .join(ShipmentLineRow, ShipmentLineRow.id == ReturnLineRow.shipment_line_id)
        .join(OrderLineRow, OrderLineRow.id == ShipmentLineRow.order_line_id)
        .where(ReturnLineRow.return_id.in_([r.id for r in rets]))
        .order_by(ReturnLineRow.id)
    ).all()
    shapes.load_items([ol.product_size_id for _, _, ol in rows])
    by_return: dict[int, list[ReturnedLine]] = {}
    for rl, sl, ol in rows:
        by_return.setdefault(rl.return_id, []).append((rl, sl, ol))
    base = shapes.session.exec(select(CurrencyRow.code).where(CurrencyRow.is_base)).first()
    return [
        _return(
            shapes, r, orders[r.order_id], ships[r.shipment_id], by_return.get(key(r), []), base
        )
        for r in rets
    ]


def _return(
    shapes: Shapes,
    ret: ReturnRow,
    order: OrderRow,
    shipment: ShipmentRow,
    lines: list[ReturnedLine],
    base_currency: str | None,
) -> dict[str, Any]:
    tax = tax_in_gross(return_value(shapes.session, ret), order.tax_percent_hundredths)
    return {
        "returnId": ret.id,
        "completed": ret.status == ReturnStatus.COMPLETED,
        "shipment": shipment.number,
        "shipmentId": shipment.id,
        "orderId": order.number,
        "selectionId": order.hash,
        "customerId": order.customer_id,
        "date": shapes.date(ret.created_at),
        "returnCost": number(ret.return_cost),
        "shippingCost": number(ret.shipping_value),
        "handlingCost": number(ret.handling_value),
        "voucherValue": number(ret.voucher_value),
        "taxValue": number(tax),
        "taxDeduction": 0,
        "currency": order.currency_code,
        "baseCurrency": base_currency or order.currency_code,
        "baseCurrencyRate": 1,
        "returnToStock": ret.stock_policy != ReturnStockPolicy.REMOVE_FROM_STOCK,
        "comment": ret.comment,
        "createdFrom": "Order API",
        "products": [_returned_line(shapes, line) for line in lines],
    }


def _returned_line(shapes: Shapes, line: ReturnedLine) -> dict[str, Any]:
    returned, shipped, ordered = line
    item = shapes.item(ordered.product_size_id)
    return {
        "returnLineId": returned.id,
        "shipmentLineId": shipped.id,
        "orderLineId": ordered.id,
        "productId": ordered.product_id,
        "variantId": ordered.variant_id,
        "productName": ordered.product_name,
        "productBrand": item.brand if item else "",
        "variantName": ordered.variant_name,
        "size": ordered.size_name,
        **sku_fields(item, ordered.sku),
        "ean": text(ordered.ean),
        "quantity": returned.quantity,
        "price": number(ordered.unit_price),
    }
