"""Status vocabulary of catalogue objects."""

from enum import StrEnum


class ProductStatus(StrEnum):
    ACTIVE = "ACTIVE"  # sellable where displayed
    INACTIVE = "INACTIVE"  # kept, not sellable
    CANCELLED = "CANCELLED"  # withdrawn from the assortment


class BundleType(StrEnum):
    FIXED = "FIXED"  # every section has a fixed variant choice and quantity
    FLEXIBLE = "FLEXIBLE"  # the shopper picks variants (and counts) per section


class BundlePriceType(StrEnum):
    STATIC = "STATIC"  # the bundle has its own price
    DYNAMIC = "DYNAMIC"  # the price is the sum of the chosen variants' prices
