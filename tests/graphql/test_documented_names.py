"""Names as Centra documents them: markets' `assignedToCountries`, countries' `isEU`,
`continent` and `states`, `Order.paymentMethod` as an object, the `StockTotals` type. Our old
names still answer, deprecated, and say so in `deprecatedFieldsUsed`."""

from __future__ import annotations

from mockcentra.testing import CentraClient
from mockcentra.testing.factories import Factories
from tests.rest.order_api_client import OrderApi

EU = ["DE", "DK", "FI", "FR", "NL", "PL", "SE"]
ALL_COUNTRIES = ["SE", "US", "DE", "GB", "DK", "NO", "FI", "FR", "NL", "PL"]


def test_countries_answer_eu_membership_continent_and_states(centra: CentraClient) -> None:
    result = centra.graphql("{ countries { code name continent isEU states { code name } } }")

    countries = {c["code"]: c for c in result.payload("countries")}
    assert countries["SE"] == {
        "code": "SE",
        "name": "Sweden",
        "continent": "Europe",
        "isEU": True,
        "states": [],
    }
    assert countries["GB"]["isEU"] is False
    assert countries["NO"]["isEU"] is False
    assert sorted(code for code, c in countries.items() if c["isEU"]) == EU
    assert {c["continent"] for code, c in countries.items() if code != "US"} == {"Europe"}
    us = countries["US"]
    assert (us["continent"], us["isEU"], len(us["states"])) == ("North America", False, 51)
    assert us["states"][:3] == [
        {"code": "AL", "name": "Alabama"},
        {"code": "AK", "name": "Alaska"},
        {"code": "AZ", "name": "Arizona"},
    ]
    assert {"code": "DC", "name": "District of Columbia"} in us["states"]
    assert us["states"][-1] == {"code": "WY", "name": "Wyoming"}
    assert "deprecatedFieldsUsed" not in result.extensions


def test_the_old_is_eu_name_still_answers_and_is_reported(centra: CentraClient) -> None:
    result = centra.graphql('{ countries(where: {code: ["GB", "FI"]}) { code isEu isEU } }')

    assert result.payload("countries") == [
        {"code": "GB", "isEu": False, "isEU": False},
        {"code": "FI", "isEu": True, "isEU": True},
    ]
    assert result.extensions["deprecatedFieldsUsed"] == [
        "Field: Country.isEu, reason: Renamed to isEU., date of removal: 2027-06-30"
    ]


def test_markets_list_their_assigned_countries(centra: CentraClient) -> None:
    result = centra.graphql("{ markets { id name assignedToCountries { code } } }")

    assert result.payload("markets") == [
        {
            "id": 1,
            "name": "Retail market",
            "assignedToCountries": [{"code": c} for c in ALL_COUNTRIES],
        },
        {
            "id": 2,
            "name": "Wholesale market",
            "assignedToCountries": [{"code": c} for c in ALL_COUNTRIES],
        },
    ]
    assert result.extensions["permissionsUsed"] == ["Market:read", "Country:read"]
    assert "deprecatedFieldsUsed" not in result.extensions


def test_the_old_market_countries_name_still_answers_and_is_reported(
    centra: CentraClient,
) -> None:
    result = centra.graphql("{ markets(where: {id: [2]}) { countries { code } } }")

    assert result.payload("markets") == [{"countries": [{"code": c} for c in ALL_COUNTRIES]}]
    assert result.extensions["deprecatedFieldsUsed"] == [
        "Field: Market.countries, reason: Renamed to assignedToCountries., "
        "date of removal: 2027-06-30"
    ]


PAYMENT_METHOD = """query($n: [Int!]) { orders(where: {number: $n}) {
  number paymentMethod { uri plugin name } paymentHistory { paymentMethod } } }"""


def test_an_orders_payment_method_is_an_object(
    centra: CentraClient, centra_factories: Factories
) -> None:
    placed = centra_factories.place_order()

    [order] = centra.graphql(PAYMENT_METHOD, {"n": [placed.number]}).payload("orders")

    assert order == {
        "number": placed.number,
        "paymentMethod": {
            "uri": "dummy",
            "plugin": "dummy",
            "name": "Dummy payment (authorizes at once)",
        },
        "paymentHistory": [{"paymentMethod": "dummy"}],
    }


def test_an_imported_orders_payment_method_is_the_psp_it_names(
    centra: CentraClient, centra_factories: Factories
) -> None:
    item = centra_factories.sellable_item(min_free=1)
    number = OrderApi(centra).create_order(
        [(item, 1)],
        payment={"auth": {"status": 1, "amount": float(item.price), "method": "klarna"}},
    )

    [order] = centra.graphql(PAYMENT_METHOD, {"n": [number]}).payload("orders")

    assert order["paymentMethod"] == {"uri": "klarna", "plugin": "klarna", "name": "klarna"}


def test_stock_totals_have_centras_type_name(centra: CentraClient) -> None:
    query = """{ productSize(id: 1) { stockTotals { __typename ...totals } } }
    fragment totals on StockTotals { physicalQuantity allocatedQuantity freeToAllocateQuantity }"""

    totals = centra.graphql(query).payload("productSize")["stockTotals"]

    assert totals["__typename"] == "StockTotals"
    assert (
        totals["physicalQuantity"]
        == totals["allocatedQuantity"] + (totals["freeToAllocateQuantity"])
    )


def test_the_old_stock_totals_type_name_is_refused(centra: CentraClient) -> None:
    query = """{ productSize(id: 1) { stockTotals { ...t } } }
    fragment t on ProductSizeStockTotals { physicalQuantity }"""

    result = centra.graphql(query)

    assert result.status_code == 400
    assert result.errors[0]["message"] == (
        "Unknown type 'ProductSizeStockTotals'. Did you mean 'ProductSizeStockSetInput'?"
    )
