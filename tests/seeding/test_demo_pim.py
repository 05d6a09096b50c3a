"""The demo scenario's PIM data: weights, measurement charts and custom attributes."""

from __future__ import annotations

import re

from mockcentra.testing import CentraClient

QUERY = """{ products(limit: 100) { id name status
  weight { formattedValue }
  measurementTable { chart { name } }
  attributes { type { name } elements { ... on AttributeStringElement { value } } }
  variants { name attributes { type { name } elements { ... on AttributeStringElement { value } } } }
  } displays(limit: 100) { product { id } description } }"""


def test_every_active_product_names_its_material_and_every_variant_its_swatch(
    centra: CentraClient,
) -> None:
    data = centra.graphql(QUERY).data
    assert data is not None
    descriptions = {d["product"]["id"]: d["description"] for d in data["displays"]}
    for product in data["products"]:
        if product["status"] != "ACTIVE":
            assert product["attributes"] == []
            continue
        (material,) = product["attributes"]
        assert material["type"]["name"] == "pr_materials"
        # the display text names the same material
        value = material["elements"][0]["value"]
        assert f" in {value.lower()}." in descriptions[product["id"]]
        for variant in product["variants"]:
            (swatch,) = variant["attributes"]
            assert swatch["type"]["name"] == "sh_swatch"
            assert swatch["elements"][0]["value"] == variant["name"]
            assert re.fullmatch(r"#[0-9A-F]{6}", swatch["elements"][1]["value"])


def test_tops_and_bottoms_show_measurement_charts_and_everything_weighs_something(
    centra: CentraClient,
) -> None:
    products = centra.graphql(QUERY).payload("products")
    charts = {p["measurementTable"]["chart"]["name"] for p in products if p["measurementTable"]}
    assert charts == {"Tops", "Bottoms"}
    for product in products:
        assert product["weight"]["formattedValue"] != "0.000 kg"
        if product["measurementTable"] is None:
            continue
        name = product["measurementTable"]["chart"]["name"]
        bottoms = ("Jeans", "Chinos", "Shorts", "Skirt")
        assert (name == "Bottoms") == any(b in product["name"] for b in bottoms)
