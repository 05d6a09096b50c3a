"""The vocabulary of wholesale accounts, buyers and delivery windows (Centra's enum values)."""

from __future__ import annotations

from enum import StrEnum


class AccountStatus(StrEnum):
    ACTIVE = "ACTIVE"  # its buyers can place orders
    INACTIVE = "INACTIVE"  # kept, but no new orders
    CANCELLED = "CANCELLED"  # the relationship ended; no new orders


class BuyerStatus(StrEnum):
    ACTIVE = "ACTIVE"  # can log in and order for the account
    INACTIVE = "INACTIVE"  # cannot order


class DeliveryWindowStatus(StrEnum):
    ACTIVE = "ACTIVE"  # open for orders (a preorder window within its sales dates)
    INACTIVE = "INACTIVE"  # prepared, not open
    CANCELLED = "CANCELLED"  # closed for good


class DeliveryWindowKind(StrEnum):
    """Which of `atOnce` / `preorder` a window was created with (its GraphQL type)."""

    AT_ONCE = "AT_ONCE"  # sells current stock (AtOnceDeliveryWindow)
    PREORDER = "PREORDER"  # takes orders within sales dates for later delivery


class VariantDeliveryType(StrEnum):
    """How a variant's availability is shown to buyers in a delivery window."""

    PREORDER = "PREORDER"  # ordered ahead of stock: lines stay demand until allocated
    STOCK = "STOCK"  # sold from stock now, per the account's allocation rule
    LINK = "LINK"  # sold from incoming supplier orders (treated as STOCK here)
    STOCK_LINK = "STOCK_LINK"  # stock, then incoming supplier orders (treated as STOCK here)


class PreorderAllocationOrder(StrEnum):
    FIFO = "FIFO"  # stock arriving for the window goes to the oldest orders first


class DeliveryWindowLimitType(StrEnum):
    HIGH = "HIGH"  # an upper bound: orders cannot exceed the limit


class DeliveryWindowLimitOn(StrEnum):
    ProductVariant = "ProductVariant"  # the limit counts all sizes of the variant together
    ProductSize = "ProductSize"  # the limit counts each size on its own
