"""The PIM guide's capabilities, each as an operation in the guide's shape.

Every operation is our own, written the way Centra's PIM integration guide (and the media
upload and custom attribute pages) write theirs: it must validate against the committed SDL
and execute on the demo scenario, and the test checks the values it answers.
"""

from __future__ import annotations

from mockcentra.testing import CentraClient
from tests.contract.documented.shapes import run_documented

MARKET_FIELDS = """
fragment marketParts on Market {
  id
  name
  comment
  campaigns { id name }
  displays { id name }
  allocationRule { id name }
  store { id name }
}
"""


def test_markets_are_created_updated_and_read(centra: CentraClient) -> None:
    run_documented(
        centra,
        """mutation freeCountry {
          updateMarket(id: 1, input: { removeCountries: [{ code: "FI" }] }) {
            userErrors { message path }
          }
        }""",
    )
    created = run_documented(
        centra,
        """mutation newMarket {
          createMarket(input: {
            name: "Finland only"
            store: { id: 1 }
            comment: "pilot"
            addCountries: [{ code: "FI" }]
          }) {
            userErrors { message path }
            market { ...marketParts }
          }
        }"""
        + MARKET_FIELDS,
    )["createMarket"]
    assert created["userErrors"] == []
    market = created["market"]
    assert market["name"] == "Finland only" and market["comment"] == "pilot"
    assert market["campaigns"] == [] and market["allocationRule"] is None

    updated = run_documented(
        centra,
        """mutation renameMarket($id: Int!) {
          updateMarket(id: $id, input: { name: "Suomi" }) {
            userErrors { message path }
            market { ...marketParts }
          }
        }"""
        + MARKET_FIELDS,
        {"id": market["id"]},
    )["updateMarket"]["market"]
    assert updated["name"] == "Suomi"

    one = run_documented(
        centra,
        "query oneMarket($id: Int!) { market(id: $id) { ...marketParts } }" + MARKET_FIELDS,
        {"id": market["id"]},
    )
    every = run_documented(
        centra, "query everyMarket { markets { ...marketParts } }" + MARKET_FIELDS
    )
    assert one["market"] == updated
    assert [m["id"] for m in every["markets"]] == [1, 2, market["id"]]


def test_folders_list_their_products(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query foldersWithProducts {
          folders(where: { name: { contains: "Acc" } }) {
            id
            name
            isTopFolder
            products { ...productBasics }
          }
        }

        fragment productBasics on Product {
          id
          name
          status
          productNumber
          harmonizedCommodityCode
          harmonizedCommodityCodeDescription
          internalComment
          isBundle
          isSerializableProduct
          createdAt
          updatedAt
        }""",
    )
    folder = data["folders"][0]
    assert (folder["name"], folder["isTopFolder"]) == ("Accessories", False)
    assert folder["products"] and all(
        p["isSerializableProduct"] is False for p in folder["products"]
    )


def test_brands_are_created_into_stores(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """mutation brandForRetail {
          createBrand(input: {
            name: "North Label",
            uri: "north-label",
            addToStores: { id: 1 } }
          ) {
            brand { id name }
            userErrors { message path }
          }
        }""",
    )["createBrand"]
    assert data["userErrors"] == [] and data["brand"]["name"] == "North Label"
    listed = run_documented(
        centra, 'query labels { brands(where: { name: { contains: "North" } }) { id name } }'
    )
    assert listed["brands"] == [data["brand"]]


def test_collections_have_a_status(centra: CentraClient) -> None:
    made = run_documented(
        centra,
        """mutation newCollection {
          createCollection(input: {
            name: "FW26",
            status: INACTIVE
          }) {
            collection { id name status }
            userErrors { message path }
          }
        }""",
    )["createCollection"]
    assert made["collection"]["status"] == "INACTIVE"


def test_size_charts_with_display_units_are_created_and_deleted(centra: CentraClient) -> None:
    made = run_documented(
        centra,
        """mutation gridChart {
          createSizeChart(
            input: {
              name: "Gloves"
              dividerSymbol: "/"
              horizontalLabels: ["7", "8"]
              verticalLabels: ["A", "B"]
              displayUnit: ""
              displayDividedBy: 0
            }
          ) {
            sizeChart {
              id
              name
              sizes { id name }
              horizontalLabels
              verticalLabels
              dividerSymbol
            }
            userErrors { message path }
          }
        }""",
    )["createSizeChart"]["sizeChart"]
    assert [s["name"] for s in made["sizes"]] == ["7/A", "7/B", "8/A", "8/B"]
    deleted = run_documented(
        centra,
        "mutation dropChart($id: Int!) { deleteSizeChart(id: $id) { userErrors { message path } } }",
        {"id": made["id"]},
    )
    assert deleted["deleteSizeChart"]["userErrors"] == []


def test_warehouses_are_filtered_and_sorted(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query mainWarehouses {
          warehouses(where: { name: { contains: "Main" } }, sort: [id_ASC]) {
            id
            name
            status
          }
        }""",
    )
    assert data["warehouses"] == [{"id": 1, "name": "Main warehouse", "status": "ACTIVE"}]


def test_pricelists_are_filtered_sorted_created_and_deleted(centra: CentraClient) -> None:
    listed = run_documented(
        centra,
        """query sekPricelists {
          pricelists(where: { name: { contains: "SEK" } }, sort: [id_ASC]) {
            ...pricelistParts
          }
        }

        fragment pricelistParts on Pricelist {
          id
          name
          status
        }""",
    )
    assert listed["pricelists"] == [{"id": 1, "name": "SEK", "status": "ACTIVE"}]
    made = run_documented(
        centra,
        """mutation spareList {
          createPricelist(input: {
            name: "Spare GBP"
            status: INACTIVE
            store: { id: 1 }
            currencyIsoCode: "GBP"
          }) {
            pricelist { id name status }
            userErrors { message path }
          }
        }""",
    )["createPricelist"]["pricelist"]
    deleted = run_documented(
        centra,
        "mutation dropList($id: Int!) { deletePricelist(id: $id) { userErrors { message path } } }",
        {"id": made["id"]},
    )
    assert deleted["deletePricelist"]["userErrors"] == []


def test_products_page_with_counters_and_formatted_dates(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query productPage(
          $status: [ProductStatus!]! = [INACTIVE, ACTIVE]
          $page: Int! = 1
        ) {
          products(
            where: { status: $status }
            sort: [updatedAt_DESC]
            limit: 5
            page: $page
          ) {
            id
            name
            isSerializableProduct
            variants {
              id
              updatedAt(format: "Y-m-d\\\\TH:i:sO")
              productSizes { id description sizeNumber GTIN SKU }
            }
          }
          counters {
            products(where: { status: $status })
          }
        }""",
    )
    assert data["counters"] == {"products": 20}
    assert len(data["products"]) == 5
    variant = data["products"][0]["variants"][0]
    assert variant["updatedAt"].endswith("+0100") and "T" in variant["updatedAt"]
    assert all(s["description"] for s in variant["productSizes"])


def test_product_weight_is_read_and_changed(centra: CentraClient) -> None:
    changed = run_documented(
        centra,
        """mutation heavier {
          updateProduct(id: 2, input: {
            weight: {
              value: 2.5
              unit: KILOGRAMS
            }
          }) {
            userErrors { message path }
            userWarnings { message path }
            product { weight { ...weightParts } }
          }
        }

        fragment weightParts on Weight {
          value
          unit
          formattedValue
        }""",
    )["updateProduct"]
    assert changed["product"]["weight"] == {
        "value": 2.5,
        "unit": "KILOGRAMS",
        "formattedValue": "2.500 kg",
    }
    read = run_documented(
        centra,
        """query readWeight {
          product(id: 2) {
            id
            weight { ...weightParts }
            variants { id productSizes { description weight { ...weightParts } } }
          }
        }

        fragment weightParts on Weight {
          value
          unit
          formattedValue
        }""",
    )["product"]
    assert {s["weight"]["formattedValue"] for v in read["variants"] for s in v["productSizes"]} == {
        "2.500 kg"
    }


def test_measurement_charts_are_created_assigned_and_removed(centra: CentraClient) -> None:
    chart = run_documented(
        centra,
        """mutation shirtMeasures {
          createMeasurementChart(
            input: {
              name: "Shirt measures"
              horizontalLabels: ["S", "M"]
              verticalLabels: ["Chest", "Length"]
              displayUnit: "cm"
              values: [
                {horizontalLabel: "S", verticalLabel: "Chest", value: "96"},
                {horizontalLabel: "M", verticalLabel: "Chest", value: "102"},
                {horizontalLabel: "S", verticalLabel: "Length", value: "70"},
                {horizontalLabel: "M", verticalLabel: "Length", value: "72"}
              ]
            }
          ) {
            measurementChart {
              id
              name
              horizontalLabels
              verticalLabels
              displayUnit
              contentJSON
            }
            userErrors { message path }
          }
        }""",
    )["createMeasurementChart"]["measurementChart"]
    assert chart["contentJSON"] == '{"Chest":{"S":"96","M":"102"},"Length":{"S":"70","M":"72"}}'

    product_parts = """
      product {
        id
        name
        brand { name }
        collection { name }
        folder { name }
        measurementTable { chart { name } }
      }
      userErrors { message path }
    """
    assigned = run_documented(
        centra,
        f"""mutation showMeasures($chart: Int) {{
          updateProduct(id: 3, input: {{
              measurementTable: {{
                  inherited: false
                  measurementChart: {{id: $chart}}
              }}
          }}) {{ {product_parts} }}
        }}""",
        {"chart": chart["id"]},
    )["updateProduct"]["product"]
    assert assigned["measurementTable"] == {"chart": {"name": "Shirt measures"}}
    unassigned = run_documented(
        centra,
        f"""mutation hideMeasures {{
          updateProduct(id: 3, input: {{
              measurementTable: {{
                  inherited: false
                  measurementChart: {{id: null}}
              }}
          }}) {{ {product_parts} }}
        }}""",
    )["updateProduct"]["product"]
    assert unassigned["measurementTable"] is None
    removed = run_documented(
        centra,
        """mutation dropMeasures($id: Int!) {
          deleteMeasurementChart(id: $id) { userErrors { message path } }
        }""",
        {"id": chart["id"]},
    )
    assert removed["deleteMeasurementChart"]["userErrors"] == []
