"""The catalogue's enums and sort orders, shared by its types, inputs and filters."""

from __future__ import annotations

import strawberry

from mockcentra.domain.catalog import status
from mockcentra.graphql.common import simple_sort

ProductStatus = strawberry.enum(status.ProductStatus, name="ProductStatus")
Status = strawberry.enum(status.VariantStatus, name="Status")
BundleType = strawberry.enum(status.BundleType, name="BundleType")
BundlePriceType = strawberry.enum(status.BundlePriceType, name="BundlePriceType")
ProductSort = strawberry.enum(status.ProductSort, name="ProductSort")
WeightUnit = strawberry.enum(status.WeightUnit, name="WeightUnit")
BrandSort = simple_sort("BrandSort")
CollectionSort = simple_sort("CollectionSort")
FolderSort = simple_sort("FolderSort")
SizeChartSort = simple_sort("SizeChartSort")
