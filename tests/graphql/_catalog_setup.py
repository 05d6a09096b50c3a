"""Arrange helpers: a product with one variant and activated sizes, made through GraphQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockcentra.testing import CentraClient

CREATE_CHART = """
mutation($name: String!, $labels: [String!]!) {
  createSizeChart(input: {name: $name, horizontalLabels: $labels}) {
    sizeChart { id sizes { id name } }
    userErrors { message path }
  }
}
"""

CREATE_PRODUCT = """
mutation($name: String!, $number: String!, $chart: Int!, $sizes: [ProductSizeCreateOnProductVariantInput!]) {
  createProduct(input: {
    name: $name, status: ACTIVE, productNumber: $number,
    addProductVariants: [{name: $name, status: ACTIVE, sizeChart: {id: $chart}, productSizes: $sizes}]
  }) {
    product { id variants { id productSizes { id size { id name } } } }
    userErrors { message path }
  }
}
"""


@dataclass(frozen=True)
class Variant:
    product_id: int
    id: int
    size_chart_id: int
    size_ids: dict[str, int]  # every size of the chart, by name
    product_size_ids: dict[str, int]  # the activated sizes, by size name


def create_variant(
    centra: CentraClient,
    *,
    chart: str = "Tees",
    sizes: Sequence[str] = ("S", "M", "L", "XL"),
    activate: Sequence[str] | None = None,
    name: str = "Tee",
    number: str = "T100",
) -> Variant:
    """A size chart (created unless one with that name exists) and an active product with one
    variant whose `activate` sizes (default: all) are activated."""
    existing = centra.graphql(
        "query($n:String){ sizeCharts(where:{name:{equals:$n}}) { id sizes { id name } } }",
        {"n": chart},
    ).payload("sizeCharts")
    if existing:
        made = existing[0]
    else:
        made = centra.graphql(CREATE_CHART, {"name": chart, "labels": list(sizes)}).ok(
            "createSizeChart"
        )["sizeChart"]
    size_ids = {s["name"]: s["id"] for s in made["sizes"]}
    wanted = list(sizes if activate is None else activate)
    product = centra.graphql(
        CREATE_PRODUCT,
        {
            "name": name,
            "number": number,
            "chart": made["id"],
            "sizes": [{"size": {"name": n}} for n in wanted],
        },
    ).ok("createProduct")["product"]
    variant = product["variants"][0]
    return Variant(
        product_id=product["id"],
        id=variant["id"],
        size_chart_id=made["id"],
        size_ids=size_ids,
        product_size_ids={ps["size"]["name"]: ps["id"] for ps in variant["productSizes"]},
    )
