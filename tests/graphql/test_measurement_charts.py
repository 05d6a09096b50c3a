"""Measurement charts: created with their values, shown as a product's measurement table,
deleted only when no product shows them."""

from __future__ import annotations

from mockcentra.testing import CentraClient

CREATE = """mutation($input: MeasurementChartCreateInput!) {
  createMeasurementChart(input: $input) {
    measurementChart { id name horizontalLabels verticalLabels displayUnit contentJSON }
    userErrors { message path } } }"""
SET_TABLE = """mutation($id: Int!, $chart: Int) { updateProduct(id: $id, input: {
  measurementTable: {inherited: false, measurementChart: {id: $chart}}}) {
  product { measurementTable { inherited chart { name } contentJSON } }
  userErrors { message path } } }"""
DELETE = "mutation($id: Int!) { deleteMeasurementChart(id: $id) { userErrors { message path } } }"
TROUSERS = {
    "name": "Trousers",
    "horizontalLabels": ["30", "32"],
    "verticalLabels": ["Waist", "Leg"],
    "displayUnit": "in",
    "values": [
        {"horizontalLabel": "32", "verticalLabel": "Waist", "value": "32"},
        {"horizontalLabel": "30", "verticalLabel": "Waist", "value": "30"},
        {"horizontalLabel": "30", "verticalLabel": "Leg", "value": "31"},
        {"horizontalLabel": "32", "verticalLabel": "Leg", "value": "32.5"},
    ],
}


def chart_names(centra: CentraClient) -> list[str]:
    """Charts besides the demo's own "Tops" and "Bottoms"."""
    rows = centra.graphql("{ measurementCharts { name } }").payload("measurementCharts")
    return [r["name"] for r in rows if r["name"] not in ("Tops", "Bottoms")]


def test_a_chart_keeps_its_values_in_label_order(centra: CentraClient):
    result = centra.graphql(CREATE, {"input": TROUSERS})

    chart = result.ok("createMeasurementChart")["measurementChart"]
    assert chart["horizontalLabels"] == ["30", "32"]
    assert chart["verticalLabels"] == ["Waist", "Leg"]
    assert chart["displayUnit"] == "in"
    assert chart["contentJSON"] == '{"Waist":{"30":"30","32":"32"},"Leg":{"30":"31","32":"32.5"}}'
    assert result.extensions["permissionsUsed"] == ["MeasurementChart:write"]


def test_a_value_for_an_unknown_label_is_refused(centra: CentraClient):
    bad = {
        **TROUSERS,
        "values": [{"horizontalLabel": "34", "verticalLabel": "Waist", "value": "34"}],
    }
    refused = centra.graphql(CREATE, {"input": bad}).payload("createMeasurementChart")
    assert refused == {
        "measurementChart": None,
        "userErrors": [
            {
                "message": "34 is not a horizontal label of the chart.",
                "path": ["input", "values", "0", "horizontalLabel"],
            }
        ],
    }
    assert chart_names(centra) == []


def test_a_product_shows_a_chart_until_it_is_unassigned(centra: CentraClient):
    chart = centra.graphql(CREATE, {"input": TROUSERS}).ok("createMeasurementChart")
    chart_id = chart["measurementChart"]["id"]
    # product 1 of the demo is an accessory: it shows no chart of its own

    shown = centra.graphql(SET_TABLE, {"id": 1, "chart": chart_id}).ok("updateProduct")
    in_use = centra.graphql(DELETE, {"id": chart_id}).payload("deleteMeasurementChart")
    removed = centra.graphql(SET_TABLE, {"id": 1, "chart": None}).ok("updateProduct")
    deleted = centra.graphql(DELETE, {"id": chart_id}).payload("deleteMeasurementChart")

    assert shown["product"]["measurementTable"] == {
        "inherited": False,
        "chart": {"name": "Trousers"},
        "contentJSON": '{"Waist":{"30":"30","32":"32"},"Leg":{"30":"31","32":"32.5"}}',
    }
    assert in_use == {
        "userErrors": [
            {
                "message": "Measurement chart Trousers is used by products (1) and cannot be "
                "deleted.",
                "path": ["id"],
            }
        ]
    }
    assert removed["product"]["measurementTable"] is None
    assert deleted == {"userErrors": []}
    assert chart_names(centra) == []


def test_an_unknown_chart_is_not_assigned(centra: CentraClient):
    refused = centra.graphql(SET_TABLE, {"id": 1, "chart": 404}).payload("updateProduct")
    assert refused["userErrors"] == [
        {
            "message": "Could not find MeasurementChart with ID 404.",
            "path": ["input", "measurementTable", "measurementChart"],
        }
    ]


def test_chart_names_are_unique(centra: CentraClient):
    centra.graphql(CREATE, {"input": TROUSERS}).ok("createMeasurementChart")
    again = centra.graphql(CREATE, {"input": TROUSERS}).payload("createMeasurementChart")
    assert again["userErrors"] == [
        {
            "message": "Measurement chart with name Trousers already exists.",
            "path": ["input", "name"],
        }
    ]
    assert chart_names(centra) == ["Trousers"]
