"""Markets (create, update, read), pricelist name filter, sorting and deletion, and size
charts with display units and deletion."""

from __future__ import annotations

from mockcentra.testing import CentraClient
from tests.graphql._catalog_setup import create_variant

MARKET = "id name comment store { id } countries { code } allocationRule { id } displays { id }"
CREATE_MARKET = f"""mutation($input: MarketCreateInput!) {{ createMarket(input: $input) {{
  market {{ {MARKET} }} userErrors {{ message path }} }} }}"""
UPDATE_MARKET = f"""mutation($id: Int!, $input: MarketUpdateInput!) {{
  updateMarket(id: $id, input: $input) {{ market {{ {MARKET} }} userErrors {{ message path }} }} }}"""
DELETE_PRICELIST = (
    "mutation($id: Int!) { deletePricelist(id: $id) { userErrors { message path } } }"
)
DELETE_CHART = "mutation($id: Int!) { deleteSizeChart(id: $id) { userErrors { message path } } }"


def market_count(centra: CentraClient) -> int:
    return len(centra.graphql("{ markets { id } }").payload("markets"))


def test_a_market_takes_a_country_another_market_gave_up(centra: CentraClient):
    # Given Sweden taken out of the retail store's market
    centra.graphql(UPDATE_MARKET, {"id": 1, "input": {"removeCountries": [{"code": "SE"}]}}).ok(
        "updateMarket"
    )
    # When a new market of that store is created with it
    made = centra.graphql(
        CREATE_MARKET,
        {
            "input": {
                "name": "Nordics",
                "store": {"id": 1},
                "comment": "for SE",
                "addCountries": [{"code": "SE"}],
            }
        },
    ).ok("createMarket")["market"]
    # Then it has the country, no allocation rule and no displays yet
    assert made == {
        "id": 3,
        "name": "Nordics",
        "comment": "for SE",
        "store": {"id": 1},
        "countries": [{"code": "SE"}],
        "allocationRule": None,
        "displays": [],
    }
    single = centra.graphql("{ market(id: 3) { name countries { code } } }").payload("market")
    assert single == {"name": "Nordics", "countries": [{"code": "SE"}]}


def test_a_country_is_in_one_market_per_store(centra: CentraClient):
    before = market_count(centra)
    refused = centra.graphql(
        CREATE_MARKET,
        {"input": {"name": "Second", "store": {"id": 1}, "addCountries": [{"code": "DE"}]}},
    ).payload("createMarket")
    assert refused == {
        "market": None,
        "userErrors": [
            {
                "message": "Country DE is already assigned to market Retail market.",
                "path": ["input", "addCountries", "0"],
            }
        ],
    }
    assert market_count(centra) == before


def test_market_names_are_unique_per_store_and_wholesale_markets_take_no_countries(
    centra: CentraClient,
):
    duplicate = centra.graphql(
        CREATE_MARKET, {"input": {"name": "Retail market", "store": {"id": 1}}}
    ).payload("createMarket")
    wholesale = centra.graphql(
        CREATE_MARKET,
        {"input": {"name": "B2B", "store": {"id": 2}, "addCountries": [{"code": "SE"}]}},
    ).payload("createMarket")
    same_name_other_store = centra.graphql(
        CREATE_MARKET, {"input": {"name": "Retail market", "store": {"id": 2}}}
    ).ok("createMarket")

    assert duplicate["userErrors"] == [
        {
            "message": "Market with name Retail market already exists in store Retail.",
            "path": ["input", "name"],
        }
    ]
    assert wholesale["userErrors"] == [
        {
            "message": "Countries can only be added to markets of direct to consumer stores.",
            "path": ["input", "addCountries"],
        }
    ]
    assert same_name_other_store["market"]["store"] == {"id": 2}


def test_updating_a_market_renames_it_and_moves_countries(centra: CentraClient):
    centra.graphql(
        UPDATE_MARKET, {"id": 1, "input": {"removeCountries": [{"code": "NO"}, {"code": "DK"}]}}
    ).ok("updateMarket")
    made = centra.graphql(
        CREATE_MARKET,
        {"input": {"name": "Norway", "store": {"id": 1}, "addCountries": [{"code": "NO"}]}},
    ).ok("createMarket")["market"]

    updated = centra.graphql(
        UPDATE_MARKET,
        {
            "id": made["id"],
            "input": {
                "name": "Scandinavia",
                "comment": "",
                "allocationRule": {"id": 1},
                "addCountries": [{"code": "DK"}],
                "removeCountries": [{"code": "NO"}],
            },
        },
    ).ok("updateMarket")["market"]

    assert (updated["name"], updated["comment"], updated["allocationRule"]) == (
        "Scandinavia",
        None,
        {"id": 1},
    )
    assert updated["countries"] == [{"code": "DK"}]


def test_markets_sort_and_filter_by_name(centra: CentraClient):
    rows = centra.graphql("{ markets(sort: [id_DESC]) { id } }").payload("markets")
    named = centra.graphql(
        '{ markets(where: {name: {contains: "Whole"}}) { name store { id } } }'
    ).payload("markets")
    assert rows == [{"id": 2}, {"id": 1}]
    assert named == [{"name": "Wholesale market", "store": {"id": 2}}]


def test_pricelists_filter_by_name_and_sort(centra: CentraClient):
    rows = centra.graphql(
        '{ pricelists(where: {name: {contains: "EUR"}}, sort: [name_DESC]) { name } }'
    ).payload("pricelists")
    exact = centra.graphql('{ pricelists(where: {name: {equals: "EUR"}}) { name } }')
    assert rows == [{"name": "Wholesale EUR"}, {"name": "EUR"}]
    assert exact.payload("pricelists") == [{"name": "EUR"}]


def test_an_unused_pricelist_is_deleted_with_its_prices(centra: CentraClient):
    made = centra.graphql(
        """mutation { createPricelist(input: {name: "Spare", status: INACTIVE, store: {id: 1},
          currencyIsoCode: "EUR"}) { pricelist { id } userErrors { message } } }"""
    ).ok("createPricelist")["pricelist"]
    centra.graphql(
        """mutation($p: Int!) { setPrices(input: {pricelist: {id: $p}, productPrices: [
          {product: {id: 1}, price: {value: 10, currencyIsoCode: "EUR"}}]}) {
          userErrors { message } } }""",
        {"p": made["id"]},
    ).ok("setPrices")

    result = centra.graphql(DELETE_PRICELIST, {"id": made["id"]})

    assert result.payload("deletePricelist") == {"userErrors": []}
    assert result.extensions["permissionsUsed"] == ["Pricelist:write"]
    gone = centra.graphql("query($id: Int!) { pricelist(id: $id) { id } }", {"id": made["id"]})
    assert gone.payload("pricelist") is None


def test_a_pricelist_in_use_is_not_deleted(centra: CentraClient):
    refused = centra.graphql(DELETE_PRICELIST, {"id": 1}).payload("deletePricelist")
    assert refused == {
        "userErrors": [
            {
                "message": "Pricelist SEK is in use and cannot be deleted: countries SE are "
                "assigned to it.",
                "path": ["id"],
            }
        ]
    }
    still = centra.graphql("{ pricelist(id: 1) { name prices(limit: 1) { id } } }").payload(
        "pricelist"
    )
    assert still["name"] == "SEK" and len(still["prices"]) == 1


def test_size_charts_keep_their_display_unit(centra: CentraClient):
    made = centra.graphql(
        """mutation { createSizeChart(input: {name: "Rings", horizontalLabels: ["52", "54"],
          displayUnit: "mm", displayDividedBy: 10}) {
          sizeChart { name displayUnit displayDividedBy sizes { name } } userErrors { message } } }"""
    ).ok("createSizeChart")["sizeChart"]
    plain = centra.graphql(
        """mutation { createSizeChart(input: {name: "Plain", horizontalLabels: ["A"],
          displayUnit: "", displayDividedBy: 0}) {
          sizeChart { displayUnit displayDividedBy } userErrors { message } } }"""
    ).ok("createSizeChart")["sizeChart"]

    assert made == {
        "name": "Rings",
        "displayUnit": "mm",
        "displayDividedBy": 10,
        "sizes": [{"name": "52"}, {"name": "54"}],
    }
    assert plain == {"displayUnit": None, "displayDividedBy": 0}


def test_an_unused_size_chart_is_deleted_and_a_used_one_is_not(centra: CentraClient):
    spare = centra.graphql(
        """mutation { createSizeChart(input: {name: "Spare", horizontalLabels: ["X", "Y"]}) {
          sizeChart { id } userErrors { message } } }"""
    ).ok("createSizeChart")["sizeChart"]["id"]
    used = create_variant(centra, chart="Used chart", sizes=("S",), number="SC-1")

    deleted = centra.graphql(DELETE_CHART, {"id": spare}).payload("deleteSizeChart")
    refused = centra.graphql(DELETE_CHART, {"id": used.size_chart_id}).payload("deleteSizeChart")
    old_name = centra.graphql(
        "mutation($id: Int!) { removeSizeChart(id: $id) { userErrors { message } } }",
        {"id": spare},
    ).payload("removeSizeChart")

    assert deleted == {"userErrors": []}
    assert refused == {
        "userErrors": [
            {
                "message": f"Size chart Used chart is used by product variants ({used.id}) "
                "and cannot be deleted.",
                "path": ["id"],
            }
        ]
    }
    assert old_name == {"userErrors": [{"message": f"Could not find SizeChart with ID {spare}."}]}
    names = centra.graphql("{ sizeCharts { name } }").payload("sizeCharts")
    assert {"name": "Spare"} not in names and {"name": "Used chart"} in names
