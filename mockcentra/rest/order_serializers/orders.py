"""Orders as the Order API shows them: the head that orders and shipments share (store,
customer, addresses), then the status, totals, payment, shipments, lines and discounts."""

from __future__ import annotations

from typing import Any

from mockcentra.domain.money import ZERO, format_money
from mockcentra.domain.ordering.queries import payment_entries
from mockcentra.domain.orders.status import STATUS_CODES, STATUS_WORDS, OrderStatus
from mockcentra.domain.orders.totals import OrderTotals, order_totals
from mockcentra.domain.payments import psp
from mockcentra.domain.payments.rules import is_waiting_for_payment, payment_reference
from mockcentra.domain.vouchers import entries
from mockcentra.rest.order_serializers.lines import shape_order_line
from mockcentra.rest.order_serializers.shapes import Shapes
from mockcentra.rest.order_serializers.values import UNSET_DATE, flag, tax_breakdown, text
from mockcentra.rest.serializers import number
from mockcentra.storage.records import rows_where_in
from mockcentra.storage.tables import OrderLineRow, OrderRow, ShipmentLineRow, ShipmentRow
from mockcentra.storage.tables.base import key


def shape_orders(shapes: Shapes, orders: list[OrderRow]) -> list[dict[str, Any]]:
    """A page of orders, their lines, shipments and payments loaded for all of them at once."""
    ids = [key(o) for o in orders]
    lines = shapes.by_order(OrderLineRow, ids, "id")
    ships = shapes.by_order(ShipmentRow, ids, "sequence")
    payments = payment_entries(shapes.session, ids)
    shipped_allocations = _shipped_allocations(
        shapes, [key(s) for group in ships.values() for s in group]
    )
    shapes.load_items([line.product_size_id for group in lines.values() for line in group])
    return [
        _order(shapes, o, lines[i], ships[i], payments[i], shipped_allocations)
        for o, i in zip(orders, ids, strict=True)
    ]


def _shipped_allocations(shapes: Shapes, shipment_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per order line, the warehouses its shipped units were taken from."""
    taken: dict[int, dict[str, int]] = {}
    for sl in rows_where_in(shapes.session, ShipmentLineRow, "shipment_id", shipment_ids):
        into = taken.setdefault(sl.order_line_id, {})
        for warehouse, qty in (sl.allocations or {}).items():
            into[warehouse] = into.get(warehouse, 0) + qty
    return taken


def order_head(shapes: Shapes, order: OrderRow) -> dict[str, Any]:
    """The order-level fields that orders and shipments share."""
    store = shapes.stores().get(order.store_id)
    wholesale = order.store_type == "WHOLESALE"
    ship_to = order.shipping_address or {}
    bill_to = order.billing_address or {}
    option = shapes.options().get(order.shipping_option_id or 0)
    return {
        "orderId": str(order.number),
        "selectionId": order.hash,
        "orderDate": shapes.date(order.created_at),
        "cancelDate": UNSET_DATE,
        "preferredDeliveryDate": UNSET_DATE,
        "estimatedDeliveryDate": UNSET_DATE,
        "orderStore": (store.name if store else "retail").lower(),
        "orderCurrency": order.currency_code,
        "customerId": text(order.customer_id),
        "accountId": "0" if wholesale else "",
        **_address("delivery", ship_to, cell=True),
        **_address("billing", bill_to, cell=False),
        "billingVAT": text(bill_to.get("vatNumber")),
        "poNumber": "",
        "shippingList": option.name.lower() if option else "",
    }


def _order(
    shapes: Shapes,
    order: OrderRow,
    lines: list[OrderLineRow],
    shipments: list[ShipmentRow],
    payments: list[Any],
    shipped_allocations: dict[int, dict[str, int]],
) -> dict[str, Any]:
    totals = order_totals(shapes.session, order, lines)
    status = OrderStatus(order.status)
    items_tax = totals.items_tax
    vouchers = entries.read(order.vouchers)
    head = order_head(shapes, order)
    return {
        "orderId": head.pop("orderId"),
        "orderStatus": str(STATUS_CODES[status]),
        "orderStatusDescription": STATUS_WORDS[status],
        **head,
        "suspect": 0,
        "internalOrder": flag(order.is_internal),
        "hold": flag(order.is_on_hold),
        "waitingForPayment": flag(is_waiting_for_payment(payments)),
        "shippingValue": number(totals.shipping),
        "voucherValue": number(sum((v.value for v in vouchers), ZERO)),
        "grandTotalValue": number(totals.grand_total),
        "grandTotalTaxValue": number(totals.tax),
        "taxAdded": 0,
        "taxDeducted": 0,
        "internalComment": text(order.internal_comment),
        "otherComment": text(order.other_comment),
        "marketId": order.market_id,
        "pricelistId": order.pricelist_id,
        "ipAddress": "",
        **_payment(order, totals, payments),
        "defaultCarrier": "",
        "shipments": [_order_shipment(shapes, s) for s in shipments],
        "totalItemsPriceTax": number(-items_tax),
        "totalItemsPrice": number(totals.items),
        "totalItemsWithoutTax": number(totals.items - items_tax),
        "taxBreakdown": tax_breakdown(order.tax_percent_hundredths, totals.tax),
        "products": [
            shape_order_line(shapes, ln, shipped_allocations.get(key(ln), {})) for ln in lines
        ],
        "totalItemsDiscount": number(totals.discounts),
        "discounts": _discounts(order, totals, vouchers),
    }


def _payment(order: OrderRow, totals: OrderTotals, payments: list[Any]) -> dict[str, Any]:
    """How the order is paid: its plugin, the kind of payment and the PSP's reference."""
    method = order.payment_method
    return {
        "paymentPlugin": method,
        "paymentType": "free"
        if totals.grand_total == 0
        else ("cc" if method.startswith("dummy") else "3rd"),
        "paymentDescription": psp.method_name(method) or method,
        "paymentReference": payment_reference(payments),
        "paymentMethod": method,
    }


def _discounts(
    order: OrderRow, totals: OrderTotals, vouchers: list[entries.VoucherEntry]
) -> dict[str, Any]:
    """The order's discount and each voucher's price off, as amounts and as text."""
    currency = order.currency_code
    return {
        "anyDiscount": bool(vouchers) or totals.discounts > 0,
        "discount": format_money(-totals.discounts, currency)
        if totals.discounts
        else format_money(ZERO, currency),
        "discountAsNumber": number(-totals.discounts) if totals.discounts else 0,
        "vouchers": [
            {
                "voucher": v.label,
                "name": v.name,
                "priceOff": format_money(-v.value, currency),
                "priceOffAsANumber": number(-v.value),
                "description": "",
                "isCredit": False,
                "originalPriceOff": format_money(-v.value, currency),
                "originalPriceOffAsNumber": number(-v.value),
            }
            for v in vouchers
        ],
        "automaticDiscounts": [],
    }


def _order_shipment(shapes: Shapes, shipment: ShipmentRow) -> dict[str, Any]:
    return {
        "shipmentId": shipment.number,
        "shippedDate": shapes.date(shipment.shipped_at),
        "carrier": text(shipment.carrier),
        "service": text(shipment.service),
        "trackingId": text(shipment.tracking_number),
        "trackingUrl": "",
        "returnSlipTracking": text(shipment.return_tracking_number),
    }


def _address(prefix: str, address: dict[str, Any], *, cell: bool) -> dict[str, Any]:
    """An address as the head's `<prefix>Name`, `<prefix>City`, ... fields."""
    name = " ".join(p for p in (address.get("firstName"), address.get("lastName")) if p)
    out = {
        f"{prefix}Name": name,
        f"{prefix}Company": text(address.get("companyName")),
        f"{prefix}Email": text(address.get("email")),
    }
    if cell:
        out[f"{prefix}Cell"] = text(address.get("cellPhoneNumber"))
    out.update(
        {
            f"{prefix}Tele": text(address.get("phoneNumber")),
            f"{prefix}Address": text(address.get("address1")),
            f"{prefix}Coaddress": text(address.get("address2")),
            f"{prefix}Zipcode": text(address.get("zipCode")),
            f"{prefix}City": text(address.get("city")),
            f"{prefix}State": text(address.get("stateOrProvince")),
            f"{prefix}Country": text(address.get("country")),
        }
    )
    return out
