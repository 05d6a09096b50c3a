"""The Checkout API's wire shapes: the session (selection, location, methods, countries) and
the receipt of a placed order."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from mockcentra.domain.catalog import skus
from mockcentra.domain.checkout import vouchers
from mockcentra.domain.checkout.countries import country_by_code
from mockcentra.domain.checkout.summary import PricedLine, Summary, summarize
from mockcentra.domain.money import ZERO, times
from mockcentra.domain.orders.status import STATUS_CODES, STATUS_WORDS, OrderStatus
from mockcentra.domain.orders.totals import (
    line_value,
    lines_of,
    net_of_tax,
    order_totals,
    shipments_of,
)
from mockcentra.domain.payments import psp
from mockcentra.domain.vouchers import entries as voucher_entries
from mockcentra.domain.vouchers.entries import VoucherEntry
from mockcentra.rest.serializers import centra_datetime, checkout_price, number, price_pair
from mockcentra.state.runtime import Runtime
from mockcentra.storage.records import record_by_key, records_of, stored_record
from mockcentra.storage.tables import (
    CountryRow,
    MarketRow,
    OrderLineRow,
    OrderRow,
    PricelistRow,
    SelectionRow,
    ShipmentRow,
    ShippingOptionRow,
)
from mockcentra.storage.tables.base import key


def _minus(name: str, amount: Decimal, currency: str) -> dict[str, Any]:
    """A discount as Centra prints it: negative (`-10.00 SEK`), zero as `0.00`."""
    return {
        name: checkout_price(-amount if amount else ZERO, currency),
        f"{name}AsNumber": number(-amount) if amount else 0,
    }


def _voucher_lists(
    entries: list[VoucherEntry], currency: str, zone: ZoneInfo, tokens: dict[str, str] | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Order-level `discounts.vouchers` and `discounts.automaticDiscounts` of voucher entries.

    `tokens` maps item ids to selection line ids (`lines`); receipts have no line ids.
    Gap: newer Centra instances key these by code / voucher id; mockcentra returns lists, as
    the Checkout API's OpenAPI description does.
    """
    codes, automatic = [], []
    for e in entries:
        block: dict[str, Any] = {**_minus("priceOff", e.items_value, currency)}
        if tokens is not None:
            block["lines"] = [tokens[k] for k in e.lines if k in tokens]
        block.update(_minus("shippingDiscount", e.shipping_value, currency))
        if e.free_shipping_for is not None:
            block["freeShippingFor"] = [str(i) for i in e.free_shipping_for]
        block["expiryDate"] = centra_datetime(e.expiry, zone)
        if e.automatic:
            automatic.append({"automaticDiscount": str(e.voucher_id), "name": e.name, **block})
        else:
            kind = "url" if e.method == "URL" else "code"
            codes.append({"voucher": e.voucher, "type": kind, "description": e.name, **block})
    return codes, automatic


def _item_discounts(
    entries: list[VoucherEntry], item: str, currency: str, affected: bool
) -> dict[str, Any]:
    """`items[].discounts`: what each voucher took off this line."""
    codes, automatic = [], []
    for e in entries:
        off = e.lines.get(item, ZERO)
        if not off:
            continue
        block = {**_minus("priceOff", off, currency), "hasAffectedItemPrice": affected}
        if e.automatic:
            automatic.append({"automaticDiscount": e.voucher_id, **block})
        else:
            codes.append({"voucher": e.voucher, **block})
    return {"vouchers": codes, "automaticDiscounts": automatic}


def _discounts(
    entries: list[VoucherEntry], currency: str, zone: ZoneInfo, tokens: dict[str, str] | None
) -> dict[str, Any]:
    codes, automatic = _voucher_lists(entries, currency, zone, tokens)
    items_off = sum((e.items_value for e in entries), ZERO)
    auto_off = sum((e.items_value for e in entries if e.automatic), ZERO)
    return {
        "anyDiscount": items_off > 0,
        **_minus("discount", auto_off, currency),
        "vouchers": codes,
        "automaticDiscounts": automatic,
    }


def _selection_item(line: PricedLine, entries: list[VoucherEntry], code: str) -> dict[str, Any]:
    """One `items[]` of a selection: prices before vouchers, what each voucher takes off."""
    return {
        "item": line.item,
        "product": str(line.row.display_id),
        "productName": line.product.name,
        "variantName": line.variant.name,
        "size": line.size_name,
        "sku": skus.sku(
            line.product.product_number, line.variant.variant_number, line.size.size_number
        ),
        "ean": line.size.ean,
        "quantity": line.row.quantity,
        "line": line.row.line,
        "comment": line.row.comment,
        **price_pair("priceEach", line.unit_price, code),
        **price_pair("priceEachBeforeDiscount", line.unit_price, code),
        **price_pair(
            "priceEachWithoutTax",
            net_of_tax(line.unit_price, line.tax_percent_hundredths),
            code,
        ),
        **price_pair("priceEachReduction", ZERO, code),
        **price_pair("totalPrice", line.total, code),
        **price_pair("totalPriceBeforeDiscount", line.total, code),
        "anyDiscount": False,
        "discounts": _item_discounts(entries, line.item, code, affected=False),
        "taxPercent": line.tax_percent_hundredths / 100,
    }


def _selection_totals(summary: Summary) -> dict[str, Any]:
    """`totals` of a selection: the vouchers' discount is shown here, not on the items."""
    code = summary.currency.code
    discount = summary.items_discount
    return {
        **price_pair("itemsTotalPrice", summary.items_total, code),
        **(
            _minus("totalDiscountPrice", discount, code)
            if discount
            else {"totalDiscountPrice": False, "totalDiscountPriceAsNumber": False}
        ),
        **price_pair("shippingPrice", summary.shipping_due, code),
        **price_pair("handlingCostPrice", ZERO, code),
        "totalQuantity": summary.quantity,
        "taxDeducted": False,
        "taxDeductedAsNumber": False,
        "taxAdded": False,
        "taxAddedAsNumber": False,
        "taxPercent": summary.tax_percent_hundredths / 100,
        **price_pair("grandTotalPrice", summary.grand_total, code),
        **price_pair("grandTotalPriceTax", summary.tax, code),
    }


def selection_body(session: Session, sel: SelectionRow, runtime: Runtime) -> dict[str, Any]:
    """The selection: item prices before vouchers; the vouchers' discount at order level.

    As in Centra, a selection shows voucher discounts in `discounts` and `totals`
    (`hasAffectedItemPrice` false); the order moves them onto its items.
    """
    summary = summarize(session, sel, runtime.clock.now())
    code = summary.currency.code
    zone = runtime.clock.zone
    assert summary.discounts is not None
    entries = vouchers.order_entries(summary.discounts, code)
    applied = {e.voucher_id for e in entries}
    for attached in summary.discounts.attached:
        if attached.row.id not in applied:
            entries.append(vouchers.idle_entry(attached, code))
    tokens = {line.item: line.row.line for line in summary.lines}
    items = [_selection_item(line, entries, code) for line in summary.lines]
    option = (
        record_by_key(session, ShippingOptionRow, sel.shipping_option_id)
        if sel.shipping_option_id
        else None
    )
    return {
        "currency": code,
        "language": sel.language,
        "paymentMethod": sel.payment_method,
        "paymentMethodName": psp.method_name(sel.payment_method),
        "shippingMethod": str(option.id) if option else None,
        "shippingMethodName": option.name if option else None,
        "items": items,
        "discounts": _discounts(entries, code, zone, tokens),
        "totals": _selection_totals(summary),
        "vatExempt": False,
        "address": dict(sel.address or {}),
        "shippingAddress": sel.shipping_address or {},
        "currencyFormat": {
            "currency": code,
            "name": code,
            "prefix": "",
            "suffix": f"\u00a0{code}",
            "decimalPoint": ".",
            "decimalDigits": 2,
        },
    }


def location_body(session: Session, sel: SelectionRow) -> dict[str, Any]:
    country = country_by_code(session, sel.country_code)
    if country is None:  # a selection is only ever placed in a known country
        raise LookupError(f"Country {sel.country_code} is not stored")
    market = stored_record(session, MarketRow, sel.market_id)
    pricelist = stored_record(session, PricelistRow, sel.pricelist_id)
    return {
        "country": country.code,
        "countryName": country.name,
        "state": None,
        "market": str(market.id),
        "pricelist": str(pricelist.id),
        "eu": country.is_eu,
    }


def session_body(session: Session, sel: SelectionRow, runtime: Runtime) -> dict[str, Any]:
    return {
        "token": sel.token,
        "selection": selection_body(session, sel, runtime),
        "location": location_body(session, sel),
        "paymentMethods": [
            {
                "paymentMethod": method,
                "name": name,
                "paymentMethodType": method,
                "supportsInitiateOnly": False,
            }
            for method, name in psp.METHODS.items()
        ],
        "shippingMethods": [
            {
                "shippingMethod": str(o.id),
                "name": o.name,
                "price": checkout_price(o.price, o.currency_code or ""),
                "priceAsNumber": number(o.price),
            }
            for o in records_of(ShippingOptionRow).where_in(session, "store_id", [sel.store_id])
        ],
        "countries": [
            {"country": c.code, "name": c.name, "eu": c.is_eu}
            for c in records_of(CountryRow).all(session, order_by=("code",))
        ],
    }


def _receipt_item(line: OrderLineRow, entries: list[VoucherEntry], code: str) -> dict[str, Any]:
    """One `items[]` of a receipt: the order moved the vouchers' discount onto its items."""
    return {
        "item": f"{line.display_id}-{line.product_size_id}",
        "productName": line.product_name,
        "variantName": line.variant_name,
        "size": line.size_name,
        "sku": line.sku,
        "ean": line.ean,
        "quantity": line.quantity,
        **price_pair("priceEach", line.unit_price, code),
        **price_pair("priceEachBeforeDiscount", line.unit_original_price, code),
        **price_pair("priceEachReduction", line.unit_original_price - line.unit_price, code),
        **price_pair("totalPrice", line_value(line), code),
        **price_pair(
            "totalPriceBeforeDiscount", times(line.unit_original_price, line.quantity), code
        ),
        "anyDiscount": line.unit_price != line.unit_original_price,
        "discounts": _item_discounts(
            entries, f"{line.display_id}-{line.product_size_id}", code, affected=True
        ),
        "taxPercent": line.tax_percent_hundredths / 100,
    }


def _receipt_shipment(s: ShipmentRow, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "shipmentId": s.number,
        "shippedDate": centra_datetime(s.shipped_at, zone),
        "carrier": s.carrier,
        "service": s.service,
        "trackingId": s.tracking_number,
        "returnSlipTracking": s.return_tracking_number,
        "additionalMessage": s.additional_message,
    }


def receipt_body(session: Session, order: OrderRow, runtime: Runtime) -> dict[str, Any]:
    zone = runtime.clock.zone
    code = order.currency_code
    totals = order_totals(session, order)
    status = OrderStatus(order.status)
    shipments = shipments_of(session, key(order))
    entries = voucher_entries.read(order.vouchers)
    return {
        "order": str(order.number),
        "orderId": order.hash,
        "status": "untouched" if status == OrderStatus.PENDING else status.value.lower(),
        "statusCode": STATUS_CODES[status],
        "statusDescription": STATUS_WORDS[status],
        "message": "Thank you for your order!",
        "date": centra_datetime(order.created_at, zone),
        "market": str(order.market_id),
        "pricelist": str(order.pricelist_id),
        "currency": code,
        "paymentMethod": order.payment_method,
        "paymentMethodName": psp.method_name(order.payment_method),
        "items": [_receipt_item(line, entries, code) for line in lines_of(session, key(order))],
        "discounts": _discounts(entries, code, zone, None),
        "totals": {
            **price_pair("itemsTotalPrice", totals.items, code),
            **(
                _minus("totalDiscountPrice", totals.discounts, code)
                if totals.discounts
                else {"totalDiscountPrice": False, "totalDiscountPriceAsNumber": False}
            ),
            **price_pair("shippingPrice", totals.shipping, code),
            **price_pair("grandTotalPrice", totals.grand_total, code),
            **price_pair("grandTotalPriceTax", totals.tax, code),
        },
        "address": order.billing_address,
        "shippingAddress": order.shipping_address,
        "shipments": [_receipt_shipment(s, zone) for s in shipments],
    }
