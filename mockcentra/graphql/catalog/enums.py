"""The catalogue's enums and sort orders, shared by its types, inputs and filters."""

from enum import StrEnum
from typing import TypeAlias

import strawberry

from mockcentra.domain.catalog import status

# A domain enum is registered under its GraphQL name; annotations name it through an alias.
strawberry.enum(status.ProductStatus, name="ProductStatus")
ProductStatus: TypeAlias = status.ProductStatus
strawberry.enum(status.VariantStatus, name="Status")
Status: TypeAlias = status.VariantStatus
strawberry.enum(status.BundleType, name="BundleType")
BundleType: TypeAlias = status.BundleType
strawberry.enum(status.BundlePriceType, name="BundlePriceType")
BundlePriceType: TypeAlias = status.BundlePriceType
strawberry.enum(status.ProductSort, name="ProductSort")
ProductSort: TypeAlias = status.ProductSort
strawberry.enum(status.WeightUnit, name="WeightUnit")
WeightUnit: TypeAlias = status.WeightUnit


# Centra has one sort enum per list; the domain reads each value as `<field>_ASC|DESC` text.


@strawberry.enum
class BrandSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


@strawberry.enum
class CollectionSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


@strawberry.enum
class FolderSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"


@strawberry.enum
class SizeChartSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    name_ASC = "name_ASC"
    name_DESC = "name_DESC"
