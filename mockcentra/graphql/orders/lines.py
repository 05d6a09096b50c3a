"""Order lines and the units of them allocated in warehouses."""

from decimal import Decimal

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.orders.line_stock import LineAllocation, allocations_of, delivery_line
from mockcentra.domain.orders.totals import discount_percent, line_value, lines_of, net_of_tax
from mockcentra.graphql import batch
from mockcentra.graphql.catalog.types import Brand, Product, ProductSize, ProductVariant
from mockcentra.graphql.common import MonetaryValue, money
from mockcentra.graphql.permissions import field
from mockcentra.graphql.stock.types import StockChangeLine, Warehouse
from mockcentra.storage.tables import (
    BrandRow,
    OrderLineRow,
    OrderRow,
    ProductRow,
    ProductSizeRow,
    VariantRow,
    WarehouseRow,
)
from mockcentra.storage.tables.base import key

CatalogProduct = Product
CatalogVariant = ProductVariant
CatalogSize = ProductSize


def _variant_name(root: Parent[OrderLineRow]) -> str:
    return root.variant_name


@strawberry.type
class OrderLine:
    id: int
    quantity: int
    cancelled_quantity: int
    shipped_quantity: int
    returned_quantity: int
    product_name: str
    product_variant_name: str = strawberry.field(resolver=_variant_name)
    comment: str | None

    @strawberry.field
    @staticmethod
    def product(root: Parent[OrderLineRow], info: Info) -> CatalogProduct | None:
        return info.context.session.get(ProductRow, root.product_id)

    @strawberry.field
    @staticmethod
    def product_variant(root: Parent[OrderLineRow], info: Info) -> CatalogVariant | None:
        return info.context.session.get(VariantRow, root.variant_id)

    @strawberry.field
    @staticmethod
    def product_size(root: Parent[OrderLineRow], info: Info) -> CatalogSize | None:
        return info.context.session.get(ProductSizeRow, root.product_size_id)

    @field(permission="Brand:read", description="The brand of the line's product.")
    @staticmethod
    def brand(root: Parent[OrderLineRow], info: Info) -> Brand | None:
        product = info.context.session.get(ProductRow, root.product_id)
        if product is None or product.brand_id is None:
            return None
        return info.context.session.get(BrandRow, product.brand_id)

    @strawberry.field(name="SKU")
    @staticmethod
    def sku_(root: Parent[OrderLineRow]) -> str:
        return root.sku

    @strawberry.field
    @staticmethod
    def size(root: Parent[OrderLineRow]) -> str:
        return root.size_name

    @strawberry.field
    @staticmethod
    def tax_percent(root: Parent[OrderLineRow]) -> float:
        return float(Decimal(root.tax_percent_hundredths) / 100)

    @strawberry.field
    @staticmethod
    def discount_percent(root: Parent[OrderLineRow]) -> float:
        return float(discount_percent(root))

    @strawberry.field
    @staticmethod
    def has_any_discount(root: Parent[OrderLineRow]) -> bool:
        return root.unit_price != root.unit_original_price

    @strawberry.field
    @staticmethod
    def unit_price(root: Parent[OrderLineRow], info: Info) -> MonetaryValue:
        return money(info, root.unit_price, _currency(info, root))

    @strawberry.field
    @staticmethod
    def unit_original_price(root: Parent[OrderLineRow], info: Info) -> MonetaryValue:
        return money(info, root.unit_original_price, _currency(info, root))

    @strawberry.field
    @staticmethod
    def line_value(
        root: Parent[OrderLineRow], info: Info, including_tax: bool = True
    ) -> MonetaryValue:
        value = line_value(root)
        if not including_tax:
            value = net_of_tax(value, root.tax_percent_hundredths)
        return money(info, value, _currency(info, root))

    @strawberry.field
    @staticmethod
    def allocated_quantity(root: Parent[OrderLineRow]) -> int:
        return sum((root.allocations or {}).values())

    @strawberry.field(
        name="allocations",
        description="Units of the line held in each warehouse (not yet in a shipment).",
    )
    @staticmethod
    def allocations_(root: Parent[OrderLineRow]) -> "list[Allocation]":
        return [Allocation.of(a) for a in allocations_of(root)]


@strawberry.type
class Allocation:
    """Units of one order line held in one warehouse.

    mockcentra keeps one allocation per line and warehouse; its `id` is derived from them
    (line id x 1000 + warehouse id).
    """

    id: int
    quantity: int
    is_waiting_for_confirmation: bool = strawberry.field(
        default=False, description="Always false: no warehouse confirms allocations here."
    )
    order_line_id: strawberry.Private[int] = 0
    warehouse_id: strawberry.Private[int] = 0
    product_size_id: strawberry.Private[int] = 0

    @classmethod
    def of(cls, allocation: LineAllocation) -> "Allocation":
        return cls(
            id=allocation.id,
            quantity=allocation.quantity,
            order_line_id=allocation.order_line_id,
            warehouse_id=allocation.warehouse_id,
            product_size_id=allocation.product_size_id,
        )

    @field(permission="Order:read")
    def order_line(self, info: Info) -> OrderLine:
        return info.context.session.get(OrderLineRow, self.order_line_id)

    @strawberry.field
    def warehouse(self, info: Info) -> Warehouse:
        return info.context.session.get(WarehouseRow, self.warehouse_id)

    @field(
        permission="StockChange:read",
        description="The latest stock change that delivered the size into the warehouse; "
        "null when its stock never came through a stock change.",
    )
    def stock_change_line(self, info: Info) -> StockChangeLine | None:
        return delivery_line(info.context.session, self.warehouse_id, self.product_size_id)


def order_lines(info: Info, order: OrderRow) -> list[OrderLineRow]:
    """The order's lines, loaded for the whole page of orders when it is a query."""
    order_id = key(order)
    batched = batch.order_lines(info, order_id)
    return batched if batched is not None else lines_of(info.context.session, order_id)


def _currency(info: Info, line: OrderLineRow) -> str:
    order_id = line.order_id
    key = ("order-currency", order_id)
    if key not in info.context.cache:
        info.context.cache[key] = batch.order_row(info, order_id).currency_code
    return info.context.cache[key]
