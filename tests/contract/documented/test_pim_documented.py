"""The PIM guide's capabilities, each as an operation in the guide's shape.

Every operation is our own, written the way Centra's PIM integration guide (and the media
upload and custom attribute pages) write theirs: it must validate against the committed SDL
and execute on the demo scenario, and the test checks the values it answers.
"""

from __future__ import annotations

import base64

from mockcentra.domain.media.images import solid_png
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


def test_sizes_are_activated_with_a_gtin_and_size_number(centra: CentraClient) -> None:
    chart = run_documented(
        centra,
        """mutation twoSizes {
          createSizeChart(input: { name: "Caps", horizontalLabels: ["S/M", "L/XL"] }) {
            sizeChart { id sizes { id name } }
            userErrors { message path }
          }
        }""",
    )["createSizeChart"]["sizeChart"]
    product = run_documented(
        centra,
        """mutation cap {
          createProduct(input: { name: "Wool cap", status: ACTIVE, productNumber: "CAP-1" }) {
            product { id }
            userErrors { message path }
          }
        }""",
    )["createProduct"]["product"]
    variant = run_documented(
        centra,
        """mutation capVariant($product: Int!, $chart: Int!) {
          createProductVariant(input: {
            product: { id: $product }
            name: "Grey"
            status: ACTIVE
            sizeChart: { id: $chart }
          }) {
            productVariant { id }
            userErrors { message path }
          }
        }""",
        {"product": product["id"], "chart": chart["id"]},
    )["createProductVariant"]["productVariant"]

    by_id = run_documented(
        centra,
        """mutation firstSize($variant: Int!, $size: Int!) {
          createProductSize(
            input: {
              productVariant: { id: $variant },
              size: { id: $size },
              gtin: "4006381333931",
              sizeNumber: "SM"
            }
          ) {
            productSize { id GTIN sizeNumber }
            userErrors { message path }
          }
        }""",
        {"variant": variant["id"], "size": chart["sizes"][0]["id"]},
    )["createProductSize"]
    by_name = run_documented(
        centra,
        """mutation secondSize($variant: Int!) {
          createProductSize(
            input: {
              productVariant: { id: $variant },
              size: { name: "L/XL" },
              gtin: "CAP1GREYLXL",
              sizeNumber: "LXL"
            }
          ) {
            productSize { id GTIN sizeNumber }
            userErrors { message path }
          }
        }""",
        {"variant": variant["id"]},
    )["createProductSize"]

    assert by_id["userErrors"] == [] and by_name["userErrors"] == []
    assert {k: v for k, v in by_id["productSize"].items() if k != "id"} == {
        "GTIN": "4006381333931",
        "sizeNumber": "SM",
    }
    assert {k: v for k, v in by_name["productSize"].items() if k != "id"} == {
        "GTIN": "CAP1GREYLXL",
        "sizeNumber": "LXL",
    }


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


ATTRIBUTES_FRAGMENT = """
fragment attributes on ObjectWithAttributes {
  attributes {
    type {
      name
      isMapped
    }
    description
    objectType
    elements {
      key
      description
      kind
      ... on AttributeStringElement {
        value
      }
      ... on AttributeChoiceElement {
        isMulti
        selectedValue
        selectedValueName
      }
      ... on AttributeFileElement {
        url
      }
      ... on AttributeImageElement {
        url
        width
        height
        mimeType
      }
    }
  }
}
"""


def test_products_and_variants_are_read_with_their_attributes(centra: CentraClient) -> None:
    data = run_documented(
        centra,
        """query attributedProducts(
          $status: [ProductStatus!]! = [ACTIVE]
          $page: Int! = 1
        ) {
          products(
            where: { status: $status }
            sort: [updatedAt_DESC]
            limit: 3
            page: $page
          ) {
            id
            name
            ...attributes
            variants {
              id
              name
              ...attributes
            }
          }
          counters {
            products(where: { status: $status })
          }
        }"""
        + ATTRIBUTES_FRAGMENT,
    )
    product = data["products"][0]
    assert product["attributes"][0]["type"] == {"name": "pr_materials", "isMapped": True}
    swatch = product["variants"][0]["attributes"][0]
    assert swatch["objectType"] == "ProductVariant"
    assert swatch["elements"][2]["kind"] == "IMAGE"
    assert swatch["elements"][2]["url"].endswith(".png")


def test_mapped_attributes_are_listed_assigned_and_unassigned(centra: CentraClient) -> None:
    listed = run_documented(
        centra,
        """query materials {
          mappedAttributes(where: {typeName: {equals: "pr_materials"}}) {
            id
            name
            description
            objectType
            type { name }
            elements {
              key
              description
              kind
              ... on AttributeStringElement {
                value
              }
            }
          }
        }""",
    )["mappedAttributes"]
    linen = next(m for m in listed if m["name"] == "Linen")
    assigned = run_documented(
        centra,
        """mutation tagProduct($linen: Int!) {
          assignAttributes(input: {
            objectType: Product
            objectId: 9
            mappedAttributes: [
              {
                attributeTypeName: "pr_materials"
                attributeId: $linen
              }
            ]
            dynamicAttributes: [
              {
                attributeTypeName: "pr_long_name"
                attributeElementKey: "text"
                attributeElementValue: "Linen, long and light"
              }
            ]
          }) {
            userErrors {
              message
              path
            }
            object {
              ...on Product {
                id
                name
                createdAt
                updatedAt
              }
              ...attributes
            }
          }
        }"""
        + ATTRIBUTES_FRAGMENT,
        {"linen": linen["id"]},
    )["assignAttributes"]
    assert assigned["userErrors"] == []
    names = [a["type"]["name"] for a in assigned["object"]["attributes"]]
    assert names.count("pr_materials") >= 1 and "pr_long_name" in names
    unassigned = run_documented(
        centra,
        """mutation untagProduct($linen: Int!) {
          unassignAttributes(input: {
            objectType: Product
            objectId: 9
            mappedAttributes: [
              {
                attributeTypeName: "pr_materials"
                attributeId: $linen
              }
            ]
            dynamicAttributes: [
              {
                attributeTypeName: "pr_long_name"
                attributeElementKey: "text"
              }
            ]
          }) {
            userErrors {
              message
              path
            }
            object {
              ...on Product {
                id
              }
              ...attributes
            }
          }
        }"""
        + ATTRIBUTES_FRAGMENT,
        {"linen": linen["id"]},
    )["unassignAttributes"]
    assert unassigned["userErrors"] == []
    assert "pr_long_name" not in [a["type"]["name"] for a in unassigned["object"]["attributes"]]
    via_update = run_documented(
        centra,
        """mutation tagThroughUpdate($linen: Int!) {
          updateProduct(id: 9, input: {
            assignMappedAttributes: [
              {
                attributeTypeName: "pr_materials"
                attributeId: $linen
              }
            ]
          }) {
            userErrors {
              message
              path
            }
          }
        }""",
        {"linen": linen["id"]},
    )
    assert via_update["updateProduct"]["userErrors"] == []


TRANSLATIONS_FRAGMENT = """
fragment translations on Localizable {
  localized {
    language { id, languageCode, countryCode }
    translations {
      field
      value
    }
  }
}
"""


def test_languages_and_translations_are_read_and_written(centra: CentraClient) -> None:
    languages = run_documented(
        centra,
        """query languages {
          languages(where: {isAvailableForLocalization: true}) {
            id
            name
            languageCode
            countryCode
            isActive
          }
        }""",
    )["languages"]
    german = next(lang for lang in languages if lang["languageCode"] == "de")
    found = run_documented(
        centra,
        """query findProduct {
          products (where: {name: {contains: "a"}}, limit: 1) {
            id
            name
            variants {
              id
              name
            }
          }
        }""",
    )["products"][0]
    for operation, variables in (
        (
            "query productTranslations($id: Int!) { product(id: $id) { name ...translations } }",
            {"id": found["id"]},
        ),
        (
            "query variantTranslations($id: Int!) { productVariant(id: $id) { name ...translations } }",
            {"id": found["variants"][0]["id"]},
        ),
        ("query displayTranslations { display(id: 8) { name uri ...translations } }", {}),
    ):
        read = run_documented(centra, operation + TRANSLATIONS_FRAGMENT, variables)
        (obj,) = read.values()
        assert [entry["language"]["languageCode"] for entry in obj["localized"]] == ["sv", "de"]
    written = run_documented(
        centra,
        """mutation addOrEditTranslations($language: Int!) {
          localize(input: {
            objectType: Display
            objectId: 8
            language: { id: $language }
            translations: [
              { field: "name", value: "Anzeige auf Deutsch" },
              { field: "uri", value: "anzeige-auf-deutsch" },
            ]
          }) {
            userErrors {
              message
              path
            }
            localizedObject {
              ...translations
            }
          }
        }"""
        + TRANSLATIONS_FRAGMENT,
        {"language": german["id"]},
    )["localize"]
    assert written["userErrors"] == []
    de = written["localizedObject"]["localized"][1]["translations"]
    assert de[:2] == [
        {"field": "name", "value": "Anzeige auf Deutsch"},
        {"field": "uri", "value": "anzeige-auf-deutsch"},
    ]
    current = run_documented(
        centra,
        """query displayTranslationsNow {
          displays(where: {id: 8}) {
            id
            name
            ...translations
          }
        }

        fragment translations on ObjectWithTranslations {
          translations {
            language { code }
            fields {
              field
              value
            }
          }
        }""",
    )["displays"][0]
    assert current["translations"][1]["fields"][0] == {
        "field": "name",
        "value": "Anzeige auf Deutsch",
    }


def test_media_are_imported_in_a_batch_and_shown_on_displays(centra: CentraClient) -> None:
    picture = "data:image/png;base64," + base64.b64encode(solid_png(30, 40, (200, 80, 0))).decode()
    variant = run_documented(centra, "{ product(id: 4) { variants { id } } }")["product"][
        "variants"
    ][0]["id"]
    queued = run_documented(
        centra,
        """mutation importPictures($picture: String!, $variant: Int!) {
          createMediaBatch(input: {
            productMedia: [
              {
                productId: 4
                variantId: $variant
                url: $picture
                metaDataJSON: "{\\"photographer\\": \\"Studio 4\\"}"
              },
              {
                productId: 4
                url: $picture
              }
            ]
          }) {
            queueId
            userErrors {
              message
              path
            }
          }
        }""",
        {"picture": picture, "variant": variant},
    )["createMediaBatch"]
    assert queued["userErrors"] == []
    progress = run_documented(
        centra,
        """query batchProgress($queue: String!) {
          mediaBatch(queueId: $queue) {
            status
            productMedia {
              productId
              variantId
              mediaType
              url
              key
              completed
            }
          }
        }""",
        {"queue": queued["queueId"]},
    )["mediaBatch"]
    assert progress["status"] == "COMPLETED"
    assert [(m["productId"], m["variantId"], m["completed"]) for m in progress["productMedia"]] == [
        (4, variant, True),
        (4, None, True),
    ]
    newest = run_documented(
        centra,
        """query newestPicture {
          product(id: 4) {
            media(sort: id_DESC, limit: 1) {
              id
              source(sizeName: "standard") {
                mediaSize {
                  name
                  quality
                  maxWidth
                  maxHeight
                }
                url
                mimeType
              }
              metaDataJSON
            }
          }
        }""",
    )["product"]["media"][0]
    assert newest["source"]["mediaSize"]["name"] == "standard"
    assert newest["source"]["url"].endswith(".png")
    display = run_documented(
        centra,
        """mutation displayWithPicture($media: Int!) {
          updateDisplay(
            id: 4
            input: {
              addProductMedia: [{ productMedia: { id: $media } }]
            }
          ) {
            userErrors { message path }
            display {
              id
              media { id }
            }
          }
        }""",
        {"media": newest["id"]},
    )["updateDisplay"]
    assert display["userErrors"] == []
    assert display["display"]["media"][-1] == {"id": newest["id"]}
    listed = run_documented(
        centra,
        """{
          displays(where: {id: 4}) {
            id
            name
            media {
              source(sizeName: "standard") {
                type
                url
              }
            }
          }
        }""",
    )["displays"][0]
    assert all(m["source"]["type"] == "image" for m in listed["media"])


DISPLAY_FIELDS = """
fragment displayParts on Display {
  id
  name
  status
  uri
  minimumOrderQuantity
  orderQuantityDenominator
  description
  shortDescription
  metaTitle
  metaDescription
  metaKeywords
  comment
  tags
  updatedAt
  categories { id name }
  canonicalCategory { id name }
  displayItems { id productVariant { id name } }
  localized {
    language { id name }
    translations { value field }
  }
  markets { id name }
  media { id }
  prices { id }
  campaignVariants { id }
  product { id name }
  productVariants { id name }
  related { id }
  store { id name }
  taxGroup { id name }
}
"""


def test_displays_are_listed_created_and_given_variants_with_every_field(
    centra: CentraClient,
) -> None:
    listed = run_documented(
        centra, "query firstDisplays { displays(limit: 3) { ...displayParts } }" + DISPLAY_FIELDS
    )["displays"]
    scrolled = run_documented(
        centra,
        """query displayPages {
          displayConnection(first: 3) {
            edges { node { ...displayParts } }
            pageInfo { hasNextPage endCursor }
          }
        }"""
        + DISPLAY_FIELDS,
    )["displayConnection"]
    assert [edge["node"] for edge in scrolled["edges"]] == listed
    assert scrolled["pageInfo"]["hasNextPage"] is True
    first = listed[0]
    assert [i["productVariant"] for i in first["displayItems"]] == first["productVariants"]
    assert (first["campaignVariants"], first["related"], first["taxGroup"]) == ([], [], None)

    product = run_documented(
        centra,
        """mutation bareProduct {
          createProduct(input: {
            name: "Rain Poncho"
            status: ACTIVE
            productNumber: "RP-1"
            addProductVariants: [
              { name: "Yellow", status: ACTIVE, sizeChart: { id: 1 } }
            ]
          }) {
            product { id variants { id name } }
            userErrors { message path }
          }
        }""",
    )["createProduct"]["product"]
    created = run_documented(
        centra,
        """mutation newDisplay($product: Int!) {
          createDisplay(input: {
            name: "Rain Poncho"
            status: ACTIVE
            store: { id: 1 }
            product: { id: $product }
          }) {
            userErrors { message path }
            display { ...displayParts }
          }
        }"""
        + DISPLAY_FIELDS,
        {"product": product["id"]},
    )["createDisplay"]
    assert created["userErrors"] == []
    assert created["display"]["displayItems"] == []

    activated = run_documented(
        centra,
        """mutation showVariant($display: Int!, $variant: Int!) {
          updateDisplay(
            id: $display
            input: { addProductVariants: { productVariant: { id: $variant } } }
          ) {
            userErrors { message path }
            display { ...displayParts }
          }
        }"""
        + DISPLAY_FIELDS,
        {"display": created["display"]["id"], "variant": product["variants"][0]["id"]},
    )["updateDisplay"]
    assert activated["userErrors"] == []
    (item,) = activated["display"]["displayItems"]
    assert item["productVariant"] == product["variants"][0]

    found = run_documented(
        centra,
        """query findPoncho {
          products (where: {name: {contains: "Rain Poncho"}}) {
            id
            name
            variants { id name }
            displays { id name }
          }
        }""",
    )["products"]
    assert found == [
        {
            "id": product["id"],
            "name": "Rain Poncho",
            "variants": product["variants"],
            "displays": [{"id": created["display"]["id"], "name": "Rain Poncho"}],
        }
    ]


def test_checkout_product_and_item_ids_come_from_display_items(centra: CentraClient) -> None:
    """The front-end guide's shapes: display item ids (and size ids) from products, and back."""
    products = run_documented(
        centra,
        """query itemIds {
          products (where: {status: ACTIVE}, sort: id_DESC, page: 1) {
            id
            name
            displays (where: {status: ACTIVE}) {
              id
              uri
              displayItems {
                id
                productVariant {
                  id
                  name
                  productSizes {
                    id
                    description
                  }
                }
              }
            }
          }
        }""",
    )["products"]
    display = next(d for p in products for d in p["displays"] if d["displayItems"])
    item = display["displayItems"][0]
    size = item["productVariant"]["productSizes"][0]

    back = run_documented(
        centra,
        f"""query fromItemId {{    # item {item["id"]}-{size["id"]}
          displayItems(where: {{id: {item["id"]}}}) {{
            display {{
              name
              uri
            }}
            productVariant {{
              id
              productSizes(where: {{id: {size["id"]}}}) {{
                description
                GTIN
              }}
            }}
          }}
        }}""",
    )["displayItems"]
    assert len(back) == 1
    assert back[0]["display"]["uri"] == display["uri"]
    assert back[0]["productVariant"]["id"] == item["productVariant"]["id"]
    assert [s["description"] for s in back[0]["productVariant"]["productSizes"]] == [
        size["description"]
    ]


def test_everything_for_a_product_is_created_in_one_request_by_external_ids(
    centra: CentraClient,
) -> None:
    chart = run_documented(
        centra,
        """mutation chartFirst {
          createSizeChart(
            input: {
              name: "Scarf lengths"
              horizontalLabels: ["150", "180"]
              externalId: "scarf-lengths"
              dividerSymbol: "-"
              displayDividedBy: 1
            }
          ) {
            userErrors { message path }
            sizeChart { id name sizes { id name } }
          }
        }""",
    )["createSizeChart"]
    assert chart["userErrors"] == []
    long_size = next(s["id"] for s in chart["sizeChart"]["sizes"] if s["name"] == "180")

    done = run_documented(
        centra,
        """mutation scarfInOneGo($size: Int!) {
          sizeConversion: setIdConversions(
            input: [{ objectType: Size, externalId: "scarf-lengths|180", internalId: $size }]
          ) {
            userErrors { message path }
            userWarnings { message path }
            entries { id externalId internalId objectType integrationName }
          }
          createProduct(
            input: {
              name: "Wool scarf"
              status: ACTIVE
              productNumber: "SCARF-1"
              externalId: "scarf"
            }
          ) {
            product { id }
            userErrors { message path }
          }
          grey: createProductVariant(
            input: {
              product: { externalId: "scarf" }
              name: "Grey"
              status: ACTIVE
              sizeChart: { externalId: "scarf-lengths" }
              externalId: "scarf-grey"
            }
          ) {
            productVariant { id }
            userErrors { message path }
          }
          shop: createDisplay(
            input: {
              product: { externalId: "scarf" }
              store: { id: 1 }
              name: "Wool scarf"
              status: ACTIVE
              uri: "wool-scarf-grey"
              addProductVariants: [{ productVariant: { externalId: "scarf-grey" } }]
            }
          ) {
            display { id displayItems { productVariant { id } } }
            userErrors { message path }
          }
          longSize: createProductSize(
            input: {
              productVariant: { externalId: "scarf-grey" }
              size: { externalId: "scarf-lengths|180" }
            }
          ) {
            productSize { id }
            userErrors { message path }
          }
          firstDelivery: changeStock(
            input: {
              intoWarehouse: { id: 1 }
              description: "First scarves"
              productVariants: [
                {
                  productVariant: { externalId: "scarf-grey" }
                  unitCost: { value: 12, currencyIsoCode: "EUR" }
                  sizeChanges: {
                    size: { externalId: "scarf-lengths|180" }
                    deliveredQuantity: 4
                  }
                }
              ]
            }
          ) {
            stockChange { id }
            userErrors { message }
          }
        }""",
        {"size": long_size},
    )

    assert [v["userErrors"] for v in done.values()] == [[]] * 6
    variant = done["grey"]["productVariant"]["id"]
    assert done["shop"]["display"]["displayItems"] == [{"productVariant": {"id": variant}}]
    conversions = run_documented(
        centra,
        """query ourIds {
          idConversions(where: { objectType: [Product, ProductVariant, SizeChart] }) {
            objectType
            externalId
            internalId
          }
        }""",
    )["idConversions"]
    assert conversions == [
        {
            "objectType": "SizeChart",
            "externalId": "scarf-lengths",
            "internalId": chart["sizeChart"]["id"],
        },
        {
            "objectType": "Product",
            "externalId": "scarf",
            "internalId": done["createProduct"]["product"]["id"],
        },
        {"objectType": "ProductVariant", "externalId": "scarf-grey", "internalId": variant},
    ]
    stock = run_documented(
        centra,
        """query scarfStock($size: Int!) {
          productSize(id: $size) { stockTotals { physicalQuantity } }
        }""",
        {"size": done["longSize"]["productSize"]["id"]},
    )
    assert stock["productSize"]["stockTotals"]["physicalQuantity"] == 4
