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


class VariantStatus(StrEnum):
    """Centra's plain `Status` (variants, collections): there is no cancelled variant."""

    ACTIVE = "ACTIVE"  # sellable where its product is
    INACTIVE = "INACTIVE"  # kept, not sellable


class ProductSort(StrEnum):
    """Orders a product list can be read in (`<field>_ASC|DESC`, as Centra's sort enums)."""

    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"
    productNumber_ASC = "productNumber_ASC"
    productNumber_DESC = "productNumber_DESC"
    createdAt_ASC = "createdAt_ASC"
    createdAt_DESC = "createdAt_DESC"
    updatedAt_ASC = "updatedAt_ASC"
    updatedAt_DESC = "updatedAt_DESC"


class WeightUnit(StrEnum):
    """Units a product's weight is kept in (Centra shows value, unit and a formatted text)."""

    KILOGRAMS = "KILOGRAMS"  # printed "kg"
    POUNDS = "POUNDS"  # printed "lb"
