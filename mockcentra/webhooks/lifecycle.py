"""Lifecycle webhooks (mockcentra's own version): each trigger's event with the data fields
e-mail and CRM plugins read (`Order.Number`, money as exact text, ...)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from mockcentra.domain.events.status import Trigger
from mockcentra.domain.money import ZERO, amount_text, format_money
from mockcentra.domain.orders.totals import line_value, lines_of, order_totals
from mockcentra.domain.returns.actions import return_lines, return_value
from mockcentra.storage.tables import (
    BrandRow,
    CollectionRow,
    CustomerRow,
    EventRow,
    OrderLineRow,
    OrderRow,
    PaymentEntryRow,
    ProductRow,
    ReturnRow,
    SelectionRow,
    ShipmentLineRow,
    ShipmentRow,
    ShippingOptionRow,
)
from mockcentra.storage.tables.base import key, stored
from mockcentra.webhooks.dates import local_date, webhook_date


def lifecycle_item(session: Session, ev: EventRow, trigger: str, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "trigger": trigger,
        "date": webhook_date(ev.created_at, zone),
        "event": {
            "id": ev.id,
            "objectType": ev.object_type,
            "changeType": ev.change_type,
            "objectReference": ev.object_ref,
        },
        "fields": lifecycle_fields(session, ev, trigger, zone),
    }


def lifecycle_fields(
    session: Session, ev: EventRow, trigger: str, zone: ZoneInfo
) -> dict[str, Any]:
    """The data fields marketing plugins send for this moment (Rule's names, seed 001)."""
    t = Trigger(trigger)
    if t == Trigger.Newsletter:
        return {
            "Contact.Email": ev.data.get("email", ev.object_ref),
            "Contact.Language": None,
            "Address.Country": ev.data.get("country"),
        }
    if t == Trigger.PromotionRedeemed:
        return {
            "Promotion.Id": ev.object_ref,
            "Promotion.VoucherId": ev.data.get("voucherId"),
            "Order.Number": ev.data.get("order"),
            "Customer.Number": ev.data.get("customerId"),
            "Customer.Email": ev.data.get("email"),
        }
    if t == Trigger.CustomerCreated:
        return _customer_fields(session, ev.object_ref)
    order, shipment, ret = _objects_of(session, ev)
    if order is None:
        return {}
    if t in (Trigger.ReturnCompleted, Trigger.RefundCompleted):
        amount = None
        if t == Trigger.RefundCompleted and ev.data.get("value") is not None:
            amount = Decimal(str(ev.data["value"]))
        return {**_names(order), **_refund_fields(session, order, ret, amount)}
    if t == Trigger.ShipmentGoodToGo:
        return {**_names(order), "Shipment.Number": shipment.number if shipment else None}
    fields = _order_fields(session, order, zone)
    if ev.object_type == "Order" and ev.data.get("status"):
        fields["Order.Status"] = ev.data["status"]  # as the event left it
    if t in (Trigger.OrderConfirmed, Trigger.OrderShipped, Trigger.OrderCompleted):
        fields.update(_billing_fields(order))
    if t == Trigger.OrderShipped and shipment is not None:
        fields.update(
            {
                "Shipment.Number": shipment.number,
                "Order.Carrier": shipment.carrier,
                "Order.Trackinglink": None,
                "Order.Trackingno": shipment.tracking_number,
                "Order.ShippedDate": local_date(shipment.shipped_at, zone),
            }
        )
    if t == Trigger.OrderCancelled:
        fields.update(
            {"Order.AdditionalMessage": order.cancellation_comment, "Order.CompanyUrl": None}
        )
    return fields


def _customer_fields(session: Session, ref: str) -> dict[str, Any]:
    """The new customer's contact fields; only its number when it is gone (or never stored)."""
    customer = session.get(CustomerRow, int(ref)) if ref.isdigit() else None
    if customer is None:
        return {"Customer.Number": ref}
    return {
        "Customer.Number": customer.id,
        "Customer.Email": customer.email,
        "Customer.Firstname": customer.first_name,
        "Customer.Lastname": customer.last_name,
        "Customer.Registered": customer.registered,
        "Customer.Language": None,
    }


def _objects_of(
    session: Session, ev: EventRow
) -> tuple[OrderRow | None, ShipmentRow | None, ReturnRow | None]:
    ref = ev.object_ref
    if ev.object_type == "Order":
        order = session.exec(select(OrderRow).where(OrderRow.hash == ref)).first()
        return order, None, None
    if ev.object_type == "Shipment" and ref.isdigit():
        shipment = session.get(ShipmentRow, int(ref))
        return (session.get(OrderRow, shipment.order_id) if shipment else None), shipment, None
    if ev.object_type == "Return" and ref.isdigit():
        ret = session.get(ReturnRow, int(ref))
        return (session.get(OrderRow, ret.order_id) if ret else None), None, ret
    if ev.object_type == "Refund" and ref.isdigit():
        entry = session.get(PaymentEntryRow, int(ref))
        if entry is None:
            return None, None, None
        ret_id = entry.return_id or ev.data.get("return")
        ret = session.get(ReturnRow, int(ret_id)) if ret_id else None
        return session.get(OrderRow, entry.order_id), None, ret
    return None, None, None


def _names(order: OrderRow) -> dict[str, Any]:
    info = order.customer_info or {}
    bill = order.billing_address or {}
    return {
        "Order.Number": order.number,
        "Order.Firstname": info.get("firstName") or bill.get("firstName"),
        "Order.Lastname": info.get("lastName") or bill.get("lastName"),
    }


def _items(
    session: Session, pairs: list[tuple[OrderLineRow, int]], *, with_skus: bool
) -> dict[str, Any]:
    """Per-item lists (one entry per line) and counts; `pairs` are (line, quantity)."""
    lines = [ln for ln, _ in pairs]
    products = {
        p.id: p
        for p in session.exec(
            select(ProductRow).where(ProductRow.id.in_({ln.product_id for ln in lines}))
        )
    }
    brand_ids = {p.brand_id for p in products.values() if p.brand_id}
    collection_ids = {p.collection_id for p in products.values() if p.collection_id}
    brands: dict[int | None, str] = {
        b.id: b.name for b in session.exec(select(BrandRow).where(BrandRow.id.in_(brand_ids)))
    }
    collections: dict[int | None, str] = {
        c.id: c.name
        for c in session.exec(select(CollectionRow).where(CollectionRow.id.in_(collection_ids)))
    }
    fields: dict[str, Any] = {
        "Order.Brands": [brands.get(products[ln.product_id].brand_id) for ln in lines],
        "Order.Sizes": [ln.size_name for ln in lines],
        "Order.ProductCount": len(lines),
        "Order.IndividualProductCount": sum(q for _, q in pairs),
        "Order.Names": [ln.product_name for ln in lines],
        "Order.Variations": [ln.variant_name for ln in lines],
        "Order.Collections": [
            collections.get(products[ln.product_id].collection_id) for ln in lines
        ],
    }
    if with_skus:
        fields["Order.Skus"] = [ln.sku for ln in lines]
        fields["Order.Products"] = [products[ln.product_id].product_number for ln in lines]
    return fields


def _order_fields(session: Session, order: OrderRow, zone: ZoneInfo) -> dict[str, Any]:
    ship = order.shipping_address or {}
    lines = [ln for ln in lines_of(session, key(order)) if ln.quantity > 0]
    totals = order_totals(session, order, lines)
    cur = order.currency_code
    option = (
        session.get(ShippingOptionRow, order.shipping_option_id)
        if order.shipping_option_id
        else None
    )
    language = session.exec(
        select(SelectionRow.language).where(SelectionRow.order_id == order.id)
    ).first()
    return {
        **_names(order),
        "Order.Date": local_date(order.created_at, zone),
        "Order.Status": order.status,
        "Customer.Number": order.customer_id,
        "Customer.Email": (order.customer_info or {}).get("email"),
        "Customer.Language": language,
        "Order.Street": ship.get("address1"),
        "Order.City": ship.get("city"),
        "Order.Zipcode": ship.get("zipCode"),
        "Order.State": ship.get("stateOrProvince"),
        "Order.Country": ship.get("country") or order.country_code,
        "Order.Company": ship.get("companyName"),
        "Order.Tele": ship.get("phoneNumber"),
        "Order.Subtotal": format_money(totals.items, cur),
        "Order.Discount": format_money(totals.discounts, cur),
        "Order.Shipping": format_money(totals.shipping, cur),
        "Order.Total": format_money(totals.grand_total, cur),
        "Order.Vat": format_money(totals.tax, cur),
        "Order.Vatpercent": str(Decimal(order.tax_percent_hundredths) / 100),
        "Order.PaymentMethod": order.payment_method,
        "Order.DeliveryMethod": option.name if option else None,
        "Order.HandlingAmount": amount_text(totals.handling),
        "Order.TaxDeductionAmount": "0.00",
        "Order.SubtotalAmount": amount_text(totals.items),
        "Order.DiscountAmount": amount_text(totals.discounts),
        "Order.ShippingAmount": amount_text(totals.shipping),
        "Order.TotalAmount": amount_text(totals.grand_total),
        "Order.VatAmount": amount_text(totals.tax),
        "Order.Currency": cur,
        **_items(session, [(ln, ln.quantity) for ln in lines], with_skus=True),
    }


def _billing_fields(order: OrderRow) -> dict[str, Any]:
    bill = order.billing_address or {}
    return {
        "Order.Handling": format_money(order.handling_value, order.currency_code),
        "Order.BillingFirstname": bill.get("firstName"),
        "Order.BillingLastname": bill.get("lastName"),
        "Order.BillingStreet": bill.get("address1"),
        "Order.BillingCity": bill.get("city"),
        "Order.BillingZipcode": bill.get("zipCode"),
        "Order.BillingState": bill.get("stateOrProvince"),
        "Order.BillingCountry": bill.get("country"),
        "Order.BillingTele": bill.get("phoneNumber"),
        "Order.BillingCompany": bill.get("companyName"),
    }


def _refund_fields(
    session: Session, order: OrderRow, ret: ReturnRow | None, amount: Decimal | None
) -> dict[str, Any]:
    cur = order.currency_code
    if ret is None:
        total = amount if amount is not None else ZERO
        return {
            "Order.RefundValueTotal": format_money(total, cur),
            "Order.RefundValueTotalAmount": amount_text(total),
            "Order.RefundCurrency": cur,
        }
    total = amount if amount is not None else return_value(session, ret)
    pairs: list[tuple[OrderLineRow, int]] = []
    pieces: list[Decimal] = []
    for rl in return_lines(session, key(ret)):
        sl = stored(session, ShipmentLineRow, rl.shipment_line_id)
        line = stored(session, OrderLineRow, sl.order_line_id)
        pairs.append((line, rl.quantity))
        pieces.append(line_value(line, rl.quantity))
    return {
        "Return.Number": ret.id,
        "Order.RefundValueTotal": format_money(total, cur),
        "Order.RefundValueTotalAmount": amount_text(total),
        "Order.RefundHandlingCost": format_money(ret.handling_value, cur),
        "Order.RefundHandlingCostAmount": amount_text(ret.handling_value),
        "Order.RefundReturnCost": format_money(ret.return_cost, cur),
        "Order.RefundReturnCostAmount": amount_text(ret.return_cost),
        "Order.RefundCurrency": cur,
        "Order.RefundValuePcs": [format_money(p, cur) for p in pieces],
        "Order.RefundValuePcsAmount": [amount_text(p) for p in pieces],
        **_items(session, pairs, with_skus=False),
    }
