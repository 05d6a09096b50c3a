"""Wire shapes of Centra's REST Order API: orders, shipments, returns, customers, stock items.

Field names, types and quirks follow Centra's documented examples: order ids are strings in
orders and shipments but integers in returns; flags are 0/1 in orders and booleans in returns
and customers; money is a JSON number; unset dates are "0000-00-00 00:00:00"; unset text is "".
`sku` is the product SKU, with `variantSku` and `sizeSku` beside it (their concatenation is the
size's full SKU). A `Shapes` object loads what a page of results needs in a few queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from mockcentra.domain.customers.queries import latest_addresses
from mockcentra.domain.money import ZERO, amount_text, format_money
from mockcentra.domain.ordering.queries import payment_entries
from mockcentra.domain.orders.status import (
    STATUS_CODES,
    STATUS_WORDS,
    OrderStatus,
)
from mockcentra.domain.orders.totals import (
    discount_percent,
    line_tax,
    line_value,
    net_of_tax,
    order_totals,
    tax_in_gross,
)
from mockcentra.domain.payments import psp
from mockcentra.domain.payments.rules import is_waiting_for_payment, payment_reference
from mockcentra.domain.pricing.prices import pick_price
from mockcentra.domain.returns.actions import return_value
from mockcentra.domain.returns.status import ReturnStatus, ReturnStockPolicy
from mockcentra.domain.shipments.queries import shipment_totals
from mockcentra.domain.stock.levels import totals_for_sizes
from mockcentra.domain.vouchers import entries
from mockcentra.domain.vouchers.queries import VoucherFacts
from mockcentra.domain.vouchers.status import VoucherStatus
from mockcentra.rest.serializers import centra_datetime, number
from mockcentra.storage.tables import (
    BrandRow,
    CategoryRow,
    CollectionRow,
    CountryRow,
    CurrencyRow,
    CustomerRow,
    DisplayCategoryRow,
    DisplayRow,
    FolderRow,
    NewsletterSubscriptionRow,
    OrderLineRow,
    OrderRow,
    PricelistRow,
    PriceRow,
    ProductRow,
    ProductSizeRow,
    ReturnLineRow,
    ReturnRow,
    ShipmentLineRow,
    ShipmentRow,
    ShippingOptionRow,
    SizeRow,
    StoreRow,
    VariantRow,
    WarehouseRow,
)

UNSET_DATE = "0000-00-00 00:00:00"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _flag(value: bool) -> int:
    return 1 if value else 0


def _percent(hundredths: int) -> float | int:
    value = hundredths / 100
    return int(value) if value == int(value) else value


@dataclass(frozen=True)
class Item:
    """Catalogue facts about one product size, as of now."""

    size: ProductSizeRow
    variant: VariantRow
    product: ProductRow
    size_name: str
    brand: str
    collection: str
    origin: str


class Shapes:
    """Serialises rows of one request; loads related rows in bulk and caches them."""

    def __init__(self, session: Any, zone: ZoneInfo) -> None:
        self.session = session
        self.zone = zone
        self._items: dict[int, Item] = {}
        self._warehouses: dict[int, str] | None = None
        self._stores: dict[int, StoreRow] | None = None
        self._options: dict[int, ShippingOptionRow] | None = None

    # ------------------------------------------------------------ loading

    def date(self, moment: Any) -> str:
        return centra_datetime(moment, self.zone)

    def warehouses(self) -> dict[int, str]:
        if self._warehouses is None:
            rows = self.session.exec(select(WarehouseRow.id, WarehouseRow.name))
            self._warehouses = {pk: name for pk, name in rows}
        return self._warehouses

    def stores(self) -> dict[int, StoreRow]:
        if self._stores is None:
            self._stores = {s.id: s for s in self.session.exec(select(StoreRow))}
        return self._stores

    def options(self) -> dict[int, ShippingOptionRow]:
        if self._options is None:
            self._options = {o.id: o for o in self.session.exec(select(ShippingOptionRow))}
        return self._options

    def load_items(self, size_ids: list[int]) -> dict[int, Item]:
        """Product, variant, size name, brand, collection and origin of many sizes at once."""
        wanted = [i for i in dict.fromkeys(size_ids) if i not in self._items]
        if wanted:
            rows = self.session.exec(
                select(
                    ProductSizeRow,
                    VariantRow,
                    ProductRow,
                    SizeRow.name,
                    BrandRow.name,
                    CollectionRow.name,
                    CountryRow.code,
                )
                .join(VariantRow, VariantRow.id == ProductSizeRow.variant_id)
                .join(ProductRow, ProductRow.id == VariantRow.product_id)
                .join(SizeRow, SizeRow.id == ProductSizeRow.size_id)
                .outerjoin(BrandRow, BrandRow.id == ProductRow.brand_id)
                .outerjoin(CollectionRow, CollectionRow.id == ProductRow.collection_id)
                .outerjoin(CountryRow, CountryRow.id == ProductRow.country_of_origin_id)
                .where(col(ProductSizeRow.id).in_(wanted))
            )
            for size, variant, product, size_name, brand, collection, origin in rows:
                self._items[size.id] = Item(
                    size,
                    variant,
                    product,
                    size_name,
                    _text(brand),
                    _text(collection),
                    _text(origin),
                )
        return {i: self._items[i] for i in size_ids if i in self._items}

    def _by_order(self, table: Any, order_ids: list[int], order_by: Any) -> dict[int, list[Any]]:
        grouped: dict[int, list[Any]] = {i: [] for i in order_ids}
        if order_ids:
            rows = self.session.exec(
                select(table).where(col(table.order_id).in_(order_ids)).order_by(order_by)
            )
            for row in rows:
                grouped[row.order_id].append(row)
        return grouped

    # ------------------------------------------------------------ orders

    def orders(self, orders: list[OrderRow]) -> list[dict[str, Any]]:
        ids = [o.id for o in orders]
        lines = self._by_order(OrderLineRow, ids, col(OrderLineRow.id))
        ships = self._by_order(ShipmentRow, ids, col(ShipmentRow.sequence))
        payments = payment_entries(self.session, ids)
        shipped_allocations = self._shipped_allocations(
            [s.id for group in ships.values() for s in group]
        )
        self.load_items([line.product_size_id for group in lines.values() for line in group])
        return [
            self.order(o, lines[o.id], ships[o.id], payments[o.id], shipped_allocations)
            for o in orders
        ]

    def _shipped_allocations(self, shipment_ids: list[int]) -> dict[int, dict[str, int]]:
        """Per order line, the warehouses its shipped units were taken from."""
        taken: dict[int, dict[str, int]] = {}
        if shipment_ids:
            for sl in self.session.exec(
                select(ShipmentLineRow).where(col(ShipmentLineRow.shipment_id).in_(shipment_ids))
            ):
                into = taken.setdefault(sl.order_line_id, {})
                for key, qty in (sl.allocations or {}).items():
                    into[key] = into.get(key, 0) + qty
        return taken

    def head(self, order: OrderRow) -> dict[str, Any]:
        """The order-level fields that orders and shipments share."""
        store = self.stores().get(order.store_id)
        wholesale = order.store_type == "WHOLESALE"
        ship_to = order.shipping_address or {}
        bill_to = order.billing_address or {}
        option = self.options().get(order.shipping_option_id or 0)
        return {
            "orderId": str(order.number),
            "selectionId": order.hash,
            "orderDate": self.date(order.created_at),
            "cancelDate": UNSET_DATE,
            "preferredDeliveryDate": UNSET_DATE,
            "estimatedDeliveryDate": UNSET_DATE,
            "orderStore": (store.name if store else "retail").lower(),
            "orderCurrency": order.currency_code,
            "customerId": _text(order.customer_id),
            "accountId": "0" if wholesale else "",
            **_address("delivery", ship_to, cell=True),
            **_address("billing", bill_to, cell=False),
            "billingVAT": _text(bill_to.get("vatNumber")),
            "poNumber": "",
            "shippingList": option.name.lower() if option else "",
        }

    def order(
        self,
        order: OrderRow,
        lines: list[OrderLineRow],
        shipments: list[ShipmentRow],
        payments: list[Any],
        shipped_allocations: dict[int, dict[str, int]],
    ) -> dict[str, Any]:
        totals = order_totals(self.session, order, lines)
        status = OrderStatus(order.status)
        code = STATUS_CODES[status]
        items_tax = totals.items_tax
        vouchers = entries.read(order.vouchers)
        method = order.payment_method
        head = self.head(order)
        return {
            "orderId": head.pop("orderId"),
            "orderStatus": str(code),
            "orderStatusDescription": STATUS_WORDS[status],
            **head,
            "suspect": 0,
            "internalOrder": _flag(order.is_internal),
            "hold": _flag(order.is_on_hold),
            "waitingForPayment": _flag(is_waiting_for_payment(payments)),
            "shippingValue": number(totals.shipping),
            "voucherValue": number(sum((v.value for v in vouchers), ZERO)),
            "grandTotalValue": number(totals.grand_total),
            "grandTotalTaxValue": number(totals.tax),
            "taxAdded": 0,
            "taxDeducted": 0,
            "internalComment": _text(order.internal_comment),
            "otherComment": _text(order.other_comment),
            "marketId": order.market_id,
            "pricelistId": order.pricelist_id,
            "ipAddress": "",
            "paymentPlugin": method,
            "paymentType": "free"
            if totals.grand_total == 0
            else ("cc" if method.startswith("dummy") else "3rd"),
            "paymentDescription": psp.method_name(method) or method,
            "paymentReference": payment_reference(payments),
            "paymentMethod": method,
            "defaultCarrier": "",
            "shipments": [self.order_shipment(s) for s in shipments],
            "totalItemsPriceTax": number(-items_tax),
            "totalItemsPrice": number(totals.items),
            "totalItemsWithoutTax": number(totals.items - items_tax),
            "taxBreakdown": (
                [
                    {
                        "description": "VAT",
                        "taxPercent": _percent(order.tax_percent_hundredths),
                        "value": number(totals.tax),
                    }
                ]
                if totals.tax
                else []
            ),
            "products": [self.order_line(ln, shipped_allocations.get(ln.id, {})) for ln in lines],
            "totalItemsDiscount": number(totals.discounts),
            "discounts": {
                "anyDiscount": bool(vouchers) or totals.discounts > 0,
                "discount": format_money(-totals.discounts, order.currency_code)
                if totals.discounts
                else format_money(ZERO, order.currency_code),
                "discountAsNumber": number(-totals.discounts) if totals.discounts else 0,
                "vouchers": [
                    {
                        "voucher": v.label,
                        "name": v.name,
                        "priceOff": format_money(-v.value, order.currency_code),
                        "priceOffAsANumber": number(-v.value),
                        "description": "",
                        "isCredit": False,
                        "originalPriceOff": format_money(-v.value, order.currency_code),
                        "originalPriceOffAsNumber": number(-v.value),
                    }
                    for v in vouchers
                ],
                "automaticDiscounts": [],
            },
        }

    def order_shipment(self, shipment: ShipmentRow) -> dict[str, Any]:
        return {
            "shipmentId": shipment.number,
            "shippedDate": self.date(shipment.shipped_at),
            "carrier": _text(shipment.carrier),
            "service": _text(shipment.service),
            "trackingId": _text(shipment.tracking_number),
            "trackingUrl": "",
            "returnSlipTracking": _text(shipment.return_tracking_number),
        }

    def _line_fields(self, line: OrderLineRow) -> dict[str, Any]:
        item = self.load_items([line.product_size_id]).get(line.product_size_id)
        return {
            "lineId": str(line.id),
            "sku": item.product.product_number if item else line.sku,
            "variantSku": _text(item.variant.variant_number) if item else "",
            "sizeSku": _text(item.size.size_number) if item else "",
            "ean": _text(line.ean),
            "upc": _text(item.size.upc) if item else "",
            "name": line.product_name,
            "variant": line.variant_name,
            "brand": item.brand if item else "",
            "size": line.size_name,
        }

    def order_line(self, line: OrderLineRow, shipped: dict[str, int]) -> dict[str, Any]:
        item = self.load_items([line.product_size_id]).get(line.product_size_id)
        price, original = line.unit_price, line.unit_original_price
        discount = max(ZERO, original - price)
        total = line_value(line)
        where: dict[str, int] = dict(shipped)
        for key, qty in (line.allocations or {}).items():
            where[key] = where.get(key, 0) + qty
        names = self.warehouses()
        return {
            **self._line_fields(line),
            "qty": line.quantity,
            "originalPrice": number(original),
            "price": number(price),
            "weight": 0,
            "weightUnit": "kg",
            "countryOfOrigin": item.origin if item else "",
            "harmCode": _text(item.product.harmonized_commodity_code) if item else "",
            "comment": _text(line.comment),
            "otherComment": "",
            "taxPercent": _percent(line.tax_percent_hundredths),
            "priceDiscount": number(discount),
            "priceDiscountAsPercent": number(discount_percent(line)) if discount else 0,
            "taxValue": number(line_tax(line)),
            "totalPrice": number(total),
            "anyDiscount": discount > 0,
            "priceEachWithoutTax": number(net_of_tax(price, line.tax_percent_hundredths)),
            "priceEachReduction": 0,
            "warehouses": [
                {"name": names.get(int(key), key), "itemQty": qty}
                for key, qty in sorted(where.items(), key=lambda kv: int(kv[0]))
                if qty
            ],
            "isBundle": False,
        }

    # ------------------------------------------------------------ shipments

    def shipments(self, shipments: list[ShipmentRow]) -> list[dict[str, Any]]:
        order_ids = list(dict.fromkeys(s.order_id for s in shipments))
        orders = (
            {
                o.id: o
                for o in self.session.exec(select(OrderRow).where(col(OrderRow.id).in_(order_ids)))
            }
            if order_ids
            else {}
        )
        lines = self._by_order(OrderLineRow, order_ids, col(OrderLineRow.id))
        line_by_id = {ln.id: ln for group in lines.values() for ln in group}
        self.load_items([ln.product_size_id for ln in line_by_id.values()])
        ship_lines: dict[int, list[ShipmentLineRow]] = {s.id: [] for s in shipments}
        if shipments:
            for sl in self.session.exec(
                select(ShipmentLineRow)
                .where(col(ShipmentLineRow.shipment_id).in_(list(ship_lines)))
                .order_by(col(ShipmentLineRow.id))
            ):
                ship_lines[sl.shipment_id].append(sl)
        return [
            self.shipment(s, orders[s.order_id], ship_lines[s.id], line_by_id) for s in shipments
        ]

    def shipment(
        self,
        shipment: ShipmentRow,
        order: OrderRow,
        lines: list[ShipmentLineRow],
        line_by_id: dict[int, OrderLineRow],
    ) -> dict[str, Any]:
        totals = shipment_totals(
            shipment, order, [(line_by_id[sl.order_line_id], sl.quantity) for sl in lines]
        )
        tax = totals.tax
        products = []
        names = self.warehouses()
        for sl in lines:
            line = line_by_id[sl.order_line_id]
            item = self.load_items([line.product_size_id]).get(line.product_size_id)
            products.append(
                {
                    **self._line_fields(line),
                    "qty": sl.quantity,
                    "originalPrice": number(line.unit_original_price),
                    "price": number(line.unit_price),
                    "weight": 0,
                    "weightUnit": "kg",
                    "countryOfOrigin": item.origin if item else "",
                    "harmCode": _text(item.product.harmonized_commodity_code) if item else "",
                    "comment": _text(line.comment),
                    "warehouses": [
                        {"name": names.get(int(key), key), "itemQty": str(qty)}
                        for key, qty in sorted(
                            (sl.allocations or {}).items(), key=lambda kv: int(kv[0])
                        )
                        if qty
                    ],
                    "isBundle": False,
                }
            )
        head = self.head(order)
        return {
            "orderId": head.pop("orderId"),
            "selectionId": head.pop("selectionId"),
            "orderDate": head.pop("orderDate"),
            "cancelDate": head.pop("cancelDate"),
            "preferredDeliveryDate": head.pop("preferredDeliveryDate"),
            "estimatedDeliveryDate": head.pop("estimatedDeliveryDate"),
            "orderStore": head.pop("orderStore"),
            "orderCurrency": head.pop("orderCurrency"),
            "shipmentId": shipment.number,
            **head,
            "defaultCarrier": _text(shipment.carrier),
            "deliveryService": _text(shipment.service),
            "shipmentDate": self.date(shipment.created_at),
            "shippedDate": self.date(shipment.shipped_at),
            "trackingNumber": _text(shipment.tracking_number),
            "trackingUrl": "",
            "returnSlipTracking": _text(shipment.return_tracking_number),
            "suspect": 0,
            "hold": _flag(order.is_on_hold),
            "paid": _flag(shipment.is_paid),
            "shouldCapture": _flag(not shipment.is_captured),
            "goodToGo": _flag(shipment.is_good_to_go),
            "shippingValue": number(shipment.shipping_value),
            "voucherValue": 0,
            "grandTotalValue": number(totals.grand_total),
            "grandTotalTaxValue": number(tax),
            "taxAdded": 0,
            "taxDeducted": 0,
            "internalComment": _text(order.internal_comment),
            "otherComment": _text(order.other_comment),
            "taxBreakdown": (
                [
                    {
                        "description": "VAT",
                        "taxPercent": _percent(order.tax_percent_hundredths),
                        "value": number(tax),
                    }
                ]
                if tax
                else []
            ),
            "products": products,
        }

    # ------------------------------------------------------------ returns

    def returns(self, rets: list[ReturnRow]) -> list[dict[str, Any]]:
        if not rets:
            return []
        order_ids = list(dict.fromkeys(r.order_id for r in rets))
        orders = {
            o.id: o
            for o in self.session.exec(select(OrderRow).where(col(OrderRow.id).in_(order_ids)))
        }
        ship_ids = list(dict.fromkeys(r.shipment_id for r in rets))
        ships = {
            s.id: s
            for s in self.session.exec(select(ShipmentRow).where(col(ShipmentRow.id).in_(ship_ids)))
        }
        rows = self.session.exec(
            select(ReturnLineRow, ShipmentLineRow, OrderLineRow)
            .join(ShipmentLineRow, ShipmentLineRow.id == ReturnLineRow.shipment_line_id)
            .join(OrderLineRow, OrderLineRow.id == ShipmentLineRow.order_line_id)
            .where(col(ReturnLineRow.return_id).in_([r.id for r in rets]))
            .order_by(col(ReturnLineRow.id))
        ).all()
        self.load_items([ol.product_size_id for _, _, ol in rows])
        by_return: dict[int, list[tuple[ReturnLineRow, ShipmentLineRow, OrderLineRow]]] = {}
        for rl, sl, ol in rows:
            by_return.setdefault(rl.return_id, []).append((rl, sl, ol))
        base = self.session.exec(select(CurrencyRow.code).where(CurrencyRow.is_base)).first()
        return [
            self.return_(r, orders[r.order_id], ships[r.shipment_id], by_return.get(r.id, []), base)
            for r in rets
        ]

    def return_(
        self,
        ret: ReturnRow,
        order: OrderRow,
        shipment: ShipmentRow,
        lines: list[tuple[ReturnLineRow, ShipmentLineRow, OrderLineRow]],
        base_currency: str | None,
    ) -> dict[str, Any]:
        tax = tax_in_gross(return_value(self.session, ret), order.tax_percent_hundredths)
        products = []
        for rl, sl, ol in lines:
            item = self.load_items([ol.product_size_id]).get(ol.product_size_id)
            products.append(
                {
                    "returnLineId": rl.id,
                    "shipmentLineId": sl.id,
                    "orderLineId": ol.id,
                    "productId": ol.product_id,
                    "variantId": ol.variant_id,
                    "productName": ol.product_name,
                    "productBrand": item.brand if item else "",
                    "variantName": ol.variant_name,
                    "size": ol.size_name,
                    "sku": item.product.product_number if item else ol.sku,
                    "variantSku": _text(item.variant.variant_number) if item else "",
                    "sizeSku": _text(item.size.size_number) if item else "",
                    "ean": _text(ol.ean),
                    "quantity": rl.quantity,
                    "price": number(ol.unit_price),
                }
            )
        return {
            "returnId": ret.id,
            "completed": ret.status == ReturnStatus.COMPLETED,
            "shipment": shipment.number,
            "shipmentId": shipment.id,
            "orderId": order.number,
            "selectionId": order.hash,
            "customerId": order.customer_id,
            "date": self.date(ret.created_at),
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
            "products": products,
        }

    # ------------------------------------------------------------ vouchers

    def voucher(self, facts: VoucherFacts) -> dict[str, Any]:
        """A voucher as `GET vouchers/<id>` shows it; a free-shipping-only voucher is "priceoff"
        with no value (Centra documents only the two types)."""
        v = facts.voucher
        shown: dict[str, Any] = {
            "id": v.id,
            "name": v.name,
            "code": v.code or "",
            "conversionHtml": v.conversion_html or "",
            "startDate": v.start_at.astimezone(self.zone).strftime("%Y-%m-%d"),
            "stopDate": v.stop_at.astimezone(self.zone).strftime("%Y-%m-%d"),
            "type": facts.kind or "priceoff",
            "value": None if facts.percent is None else format(facts.percent.normalize(), "f"),
        }
        if facts.kind != "percentoff":
            shown["valueByPricelist"] = {
                str(pricelist): number(amount)
                for pricelist, amount in sorted(facts.value_by_pricelist.items())
            }
        shown.update(
            store=v.store_id,
            markets=facts.market_ids,
            limit=v.max_usages,
            status="active" if v.status == VoucherStatus.ACTIVE else "inactive",
            priority=v.priority,
            createdAt=self.date(v.created_at),
        )
        return shown

    # ------------------------------------------------------------ customers

    def customers(self, customers: list[CustomerRow]) -> list[dict[str, Any]]:
        addresses = latest_addresses(self.session, [c.id for c in customers])
        emails = [c.email for c in customers]
        subscribed = (
            set(
                self.session.exec(
                    select(NewsletterSubscriptionRow.email).where(
                        col(NewsletterSubscriptionRow.email).in_(emails)
                    )
                )
            )
            if emails
            else set()
        )
        return [self.customer(c, addresses.get(c.id, {}), c.email in subscribed) for c in customers]

    def customer(self, c: CustomerRow, address: dict[str, Any], subscribed: bool) -> dict[str, Any]:
        return {
            "customerId": str(c.id),
            "email": c.email,
            "firstName": _text(c.first_name),
            "lastName": _text(c.last_name),
            "address1": _text(address.get("address1")),
            "address2": _text(address.get("address2")),
            "zipCode": _text(address.get("zipCode")),
            "city": _text(address.get("city")),
            "state": _text(address.get("stateOrProvince")),
            "country": _text(address.get("country")),
            "phoneNumber": _text(address.get("phoneNumber")),
            "newsletter": bool(c.newsletter or subscribed),
            "gender": "",
            "registered": bool(c.registered),
            "consents": [],
            "created": self.date(c.created_at),
            "modified": self.date(c.updated_at),
        }

    # ------------------------------------------------------------ stock and products

    def stock_items(
        self, sizes: list[ProductSizeRow], *, with_physical: bool = True
    ) -> list[dict[str, Any]]:
        items = self.load_items([s.id for s in sizes])
        totals = totals_for_sizes(self.session, [s.id for s in sizes], with_orders=False)
        out = []
        for size in sizes:
            item = items[size.id]
            t = totals[size.id]
            row = self.item_fields(item)
            if with_physical:
                row["physicalStock"] = t.physical
            row["allocatedStock"] = t.allocated
            row["availableStock"] = t.free_to_allocate
            out.append(row)
        return out

    def item_fields(self, item: Item) -> dict[str, Any]:
        active = item.product.status == "ACTIVE" and item.variant.status == "ACTIVE"
        return {
            "sku": item.product.product_number,
            "productId": item.product.id,
            "variantSku": _text(item.variant.variant_number),
            "variantId": item.variant.id,
            "sizeSku": _text(item.size.size_number),
            "brand": item.brand,
            "collection": item.collection,
            "product": item.product.name,
            "variant": item.variant.name,
            "size": item.size_name,
            "stockItemId": item.size.id,
            "ean": _text(item.size.ean),
            "weight": 0,
            "weightUnit": "kg",
            "countryOfOrigin": item.origin,
            "harmCode": _text(item.product.harmonized_commodity_code),
            "harmDescription": _text(item.product.harmonized_commodity_code_description),
            "active": _flag(active),
        }

    def products(self, sizes: list[ProductSizeRow]) -> list[dict[str, Any]]:
        items = self.load_items([s.id for s in sizes])
        product_ids = list(dict.fromkeys(items[s.id].product.id for s in sizes))
        folders = {f.id: f for f in self.session.exec(select(FolderRow))}
        categories = {c.id: c for c in self.session.exec(select(CategoryRow))}
        stores = self.stores()
        displays: dict[int, DisplayRow] = {}
        display_categories: dict[int, list[int]] = {}
        prices: dict[int, list[PriceRow]] = {}
        pricelists: dict[int, tuple[PricelistRow, str]] = {}
        if product_ids:
            for d in self.session.exec(
                select(DisplayRow)
                .where(col(DisplayRow.product_id).in_(product_ids))
                .order_by(col(DisplayRow.id))
            ):
                displays.setdefault(d.product_id, d)
            shown = [d.id for d in displays.values()]
            for dc in self.session.exec(
                select(DisplayCategoryRow).where(col(DisplayCategoryRow.display_id).in_(shown))
            ):
                display_categories.setdefault(dc.display_id, []).append(dc.category_id)
            for p in self.session.exec(
                select(PriceRow).where(col(PriceRow.product_id).in_(product_ids))
            ):
                prices.setdefault(p.product_id, []).append(p)
            for pl, code in self.session.exec(
                select(PricelistRow, CurrencyRow.code).join(
                    CurrencyRow, CurrencyRow.id == PricelistRow.currency_id
                )
            ):
                pricelists[pl.id] = (pl, code)

        def folder_path(folder_id: int | None) -> str:
            names = []
            while folder_id is not None and folder_id in folders:
                names.append(folders[folder_id].name)
                folder_id = folders[folder_id].parent_id
            return " / ".join(reversed(names))

        def category_path(category_id: int) -> str:
            names = []
            current: int | None = category_id
            while current is not None and current in categories:
                names.append(categories[current].name)
                current = categories[current].parent_id
            return " / ".join(reversed(names))

        out = []
        for size in sizes:
            item = items[size.id]
            display = displays.get(item.product.id)
            by_pricelist: dict[int, list[PriceRow]] = {}
            for p in prices.get(item.product.id, []):
                by_pricelist.setdefault(p.pricelist_id, []).append(p)
            own: dict[int, Decimal] = {}
            for pricelist_id, rows in by_pricelist.items():
                chosen = pick_price(rows, item.variant.id)
                if chosen is not None:
                    own[pricelist_id] = chosen.price
            store = stores.get(display.store_id) if display else None
            out.append(
                {
                    **self.item_fields(item),
                    "folder": folder_path(item.product.folder_id),
                    "name": display.name if display else item.product.name,
                    "description": _text(display.description) if display else "",
                    "shortDescription": _text(display.short_description) if display else "",
                    "comment": _text(display.comment) if display else "",
                    "store": store.name if store else "",
                    "categories": [category_path(c) for c in display_categories.get(display.id, [])]
                    if display
                    else [],
                    "images": [],
                    "prices": [
                        {
                            "id": str(pl_id),
                            "price": amount_text(price),
                            "pricelist": pricelists[pl_id][0].name,
                            "currency": pricelists[pl_id][1],
                            "campaigns": [],
                        }
                        for pl_id, price in sorted(own.items())
                        if pl_id in pricelists
                    ],
                }
            )
        return out


def _address(prefix: str, address: dict[str, Any], *, cell: bool) -> dict[str, Any]:
    name = " ".join(p for p in (address.get("firstName"), address.get("lastName")) if p)
    out = {
        f"{prefix}Name": name,
        f"{prefix}Company": _text(address.get("companyName")),
        f"{prefix}Email": _text(address.get("email")),
    }
    if cell:
        out[f"{prefix}Cell"] = _text(address.get("cellPhoneNumber"))
    out.update(
        {
            f"{prefix}Tele": _text(address.get("phoneNumber")),
            f"{prefix}Address": _text(address.get("address1")),
            f"{prefix}Coaddress": _text(address.get("address2")),
            f"{prefix}Zipcode": _text(address.get("zipCode")),
            f"{prefix}City": _text(address.get("city")),
            f"{prefix}State": _text(address.get("stateOrProvince")),
            f"{prefix}Country": _text(address.get("country")),
        }
    )
    return out
