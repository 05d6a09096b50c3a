"""Order lines as the Order API shows them: in an order (with prices, tax and where the units
were taken from), in a shipment (the quantity shipped), and the SKUs a return line shares with
both."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockcentra.domain.money import ZERO
from mockcentra.domain.orders.totals import discount_percent, line_tax, line_value, net_of_tax
from mockcentra.rest.order_serializers.shapes import Item, Shapes
from mockcentra.rest.order_serializers.values import percent, text
from mockcentra.rest.serializers import number
from mockcentra.storage.tables import OrderLineRow, ShipmentLineRow


def sku_fields(item: Item | None, line_sku: str) -> dict[str, Any]:
    """The product SKU with the variant's and the size's beside it; the line's own SKU when
    the size is gone."""
    return {
        "sku": item.product.product_number if item else line_sku,
        "variantSku": text(item.variant.variant_number) if item else "",
        "sizeSku": text(item.size.size_number) if item else "",
    }


def warehouse_quantities(shapes: Shapes, allocations: Mapping[str, int]) -> list[tuple[str, int]]:
    """Each warehouse's name (its id when it is gone) and quantity, by warehouse id."""
    names = shapes.warehouses()
    return [
        (names.get(int(key), key), qty)
        for key, qty in sorted(allocations.items(), key=lambda kv: int(kv[0]))
        if qty
    ]


def _line_product(shapes: Shapes, line: OrderLineRow, quantity: int) -> dict[str, Any]:
    """What orders and shipments show alike of a line: what was bought, its prices, and the
    given quantity."""
    item = shapes.item(line.product_size_id)
    return {
        "lineId": str(line.id),
        **sku_fields(item, line.sku),
        "ean": text(line.ean),
        "upc": text(item.size.upc) if item else "",
        "name": line.product_name,
        "variant": line.variant_name,
        "brand": item.brand if item else "",
        "size": line.size_name,
        "qty": quantity,
        "originalPrice": number(line.unit_original_price),
        "price": number(line.unit_price),
        "weight": 0,
        "weightUnit": "kg",
        "countryOfOrigin": item.origin if item else "",
        "harmCode": text(item.product.harmonized_commodity_code) if item else "",
        "comment": text(line.comment),
    }


def shape_order_line(shapes: Shapes, line: OrderLineRow, shipped: dict[str, int]) -> dict[str, Any]:
    """A line of an order; its warehouses are those of the units still allocated and those
    already shipped."""
    price, original = line.unit_price, line.unit_original_price
    discount = max(ZERO, original - price)
    where: dict[str, int] = dict(shipped)
    for key, qty in (line.allocations or {}).items():
        where[key] = where.get(key, 0) + qty
    return {
        **_line_product(shapes, line, line.quantity),
        "otherComment": "",
        "taxPercent": percent(line.tax_percent_hundredths),
        "priceDiscount": number(discount),
        "priceDiscountAsPercent": number(discount_percent(line)) if discount else 0,
        "taxValue": number(line_tax(line)),
        "totalPrice": number(line_value(line)),
        "anyDiscount": discount > 0,
        "priceEachWithoutTax": number(net_of_tax(price, line.tax_percent_hundredths)),
        "priceEachReduction": 0,
        "warehouses": [
            {"name": name, "itemQty": qty} for name, qty in warehouse_quantities(shapes, where)
        ],
        "isBundle": False,
    }


def shape_shipment_line(
    shapes: Shapes, shipped: ShipmentLineRow, line: OrderLineRow
) -> dict[str, Any]:
    """A line of a shipment: the quantity shipped, from the warehouses it was taken from (the
    quantities as text)."""
    return {
        **_line_product(shapes, line, shipped.quantity),
        "warehouses": [
            {"name": name, "itemQty": str(qty)}
            for name, qty in warehouse_quantities(shapes, shipped.allocations or {})
        ],
        "isBundle": False,
    }
