"""Seed 004 (ERP guide), pricelists and price alterations: the guide's operations as it writes them.

The guide's ids belong to its instance: each test creates (or picks from the demo) what an
operation points at and puts those ids into the guide's text. Everything else is compared with
the guide's response. Demo pricelists: 1 SEK, 2 EUR, 3 USD, 4 GBP (store 1), 5 Wholesale EUR.
"""

from __future__ import annotations

import re

from mockcentra.testing import CentraClient
from tests.graphql._pricing_setup import create_pricelist, set_external_id, variants_of

# --- the guide's operations, verbatim ---------------------------------------------------------

CREATE_PRICELIST = """
mutation CreatePricelist {
createPricelist(input: {
name: "Test pricelist SEK"
status: INACTIVE
store: {
id: 1
}
currencyIsoCode: "SEK"
defaultShippingOption: {
id: 1
},
addCountries: [
{
code: "SE"
}
]
}) {
pricelist {
id
name
status
store { id name type }
currency { code }
assignedToCountries { id name }
defaultShippingOption { id name }
}
userErrors { message path }
}
}
"""


SET_PRICES = """
mutation {
setPrices(
input: {
pricelist: { id: 23 }
productPrices:[
{
product: {id: 2}
price: { value: 290, currencyIsoCode: "EUR" }
}
]
}
)
{
pricelist {
id
}
userErrors { message path }
}
}
"""


CREATE_PRICE_ALTERATION = """
mutation CreatePriceAlteration {
createPriceAlteration(
input: {
name: "First price alteration"
status: INACTIVE
store: {
id: 2
}
startDate: "2024-02-01T00:00:00+0000"
}
) {
priceAlteration {
id
name
startDate
status
store { id }
deliveryWindows { id }
}
userErrors { message path }
}
}
"""


SET_ALTERED_PRICES = """
mutation SetAlteredPrices {
setAlteredPrices(input: {
priceAlteration: {
id: 1
},
pricelist: {
id: 21
},
productPrices: [
{
product: {
id: 1
}
price: {
value: 1000
currencyIsoCode: "SEK"
}
}
]
}){
priceAlteration {
id
}
pricelist {
id
}
products {
id name
}
userErrors {
message path
}
}
}
"""


SET_PRICES_BATCH = """
mutation setPricesBatch {
setPricesBatch(input: [
{
pricelist: {id: 19}
productPrices: {
product: {id: 1}
price: {value: 2 currencyIsoCode: "USD"}
overrideIndividualVariantPrices: true
#individualVariantPrices
}
}
{
pricelist: {externalId: "19"}
productPrices: [
{
product: {id: 1}
price: {value: 100 currencyIsoCode: "EUR"}
#recommendedRetailPrice: {value: 10 currencyIsoCode: "USD"}
overrideIndividualVariantPrices: true
#individualVariantPrices
}
{
product: {id: 2}
price: {value: 200 currencyIsoCode: "EUR"}
#recommendedRetailPrice: {value: 10 currencyIsoCode: "USD"}
overrideIndividualVariantPrices: true
#individualVariantPrices
}
]
}
]) {
userErrors {message path}
userWarnings {message path}
pricelists {
id name
prices {
product {id}
productVariant {id}
price {value}
recommendedRetailPrice {value}
}
}
products {id name}
}
}
"""


SET_ALTERED_PRICES_BATCH = """
mutation SetAlteredPricesBatch {
setAlteredPricesBatch(input: [
{
priceAlteration: {
id: 1
}
pricelist: {
id: 65
},
productPrices: [
{
product: {
id: 1293
}
price: {
value: 10
currencyIsoCode: "EUR"
}
overrideIndividualVariantPrices: true
}
{
product: {
id: 67
}
price: {
value: 11
currencyIsoCode: "EUR"
}
overrideIndividualVariantPrices: true
}
]
}
{
priceAlteration: {
id: 1
}
pricelist: {
id: 66
},
productPrices: [
{
product: {
id: 1293
}
price: {
value: 12
currencyIsoCode: "GBP"
}
overrideIndividualVariantPrices: true
}
{
product: {
id: 67
}
price: {
value: 13
currencyIsoCode: "GBP"
}
overrideIndividualVariantPrices: true
}
]
}
]) {
userErrors {
message path
}
userWarnings {message path}
pricelists {
id
}
products {
id name
}
priceAlterations {
id
name
prices(where: {pricelistId: [65, 66] productId: [1293, 67]}) {
pricelist {
id
}
product {
id
}
price {value}
}
}
}
}
"""


def substitute(text: str, ids: dict[int, int]) -> str:
    """Put our ids where the guide has its own (whole numbers only)."""
    return re.sub(r"\b\d+\b", lambda m: str(ids.get(int(m.group()), m.group())), text)


def product_name(centra: CentraClient, product_id: int) -> str:
    return centra.graphql(
        "query($id: Int!) { product(id: $id) { name } }", {"id": product_id}
    ).payload("product")["name"]


def test_create_pricelist(centra: CentraClient) -> None:
    # The guide's instance had Sweden free; in the demo it belongs to the SEK pricelist, and a
    # country belongs to one pricelist per store, so it is released first.
    centra.graphql(
        'mutation { updatePricelist(id: 1, input: {removeCountries: [{code: "SE"}]}) '
        "{ userErrors { message } } }"
    ).ok("updatePricelist")

    result = centra.graphql(CREATE_PRICELIST)

    payload = result.ok("createPricelist")
    pricelist = payload["pricelist"]
    assert pricelist == {
        "id": pricelist["id"],
        "name": "Test pricelist SEK",
        "status": "INACTIVE",
        "store": {"id": 1, "name": "Retail", "type": "DIRECT_TO_CONSUMER"},
        "currency": {"code": "SEK"},
        "assignedToCountries": [
            {"id": pricelist["assignedToCountries"][0]["id"], "name": "Sweden"}
        ],
        "defaultShippingOption": {"id": 1, "name": "SEK"},
    }
    assert payload["userErrors"] == []
    assert result.extensions["permissionsUsed"] == [
        "Pricelist:write",
        "Pricelist:read",
        "Store:read",
        "Country:read",
        "ShippingOption:read",
    ]


def test_set_prices(centra: CentraClient) -> None:
    result = centra.graphql(substitute(SET_PRICES, {23: 2}))

    assert result.payload("setPrices") == {"pricelist": {"id": 2}, "userErrors": []}
    assert result.extensions["permissionsUsed"] == ["Price:write", "Pricelist:read"]
    listed = centra.graphql(
        "{ pricelist(id: 2) { prices(where: {productId: [2]}) { price { formattedValue } } } }"
    ).payload("pricelist")["prices"]
    assert listed and all(p["price"]["formattedValue"] == "290.00 EUR" for p in listed)


def test_create_price_alteration(centra: CentraClient) -> None:
    result = centra.graphql(CREATE_PRICE_ALTERATION)

    payload = result.payload("createPriceAlteration")
    assert payload == {
        "priceAlteration": {
            "id": payload["priceAlteration"]["id"],
            "name": "First price alteration",
            "startDate": "2024-02-01",
            "status": "INACTIVE",
            "store": {"id": 2},
            "deliveryWindows": [],
        },
        "userErrors": [],
    }
    assert result.extensions["permissionsUsed"] == [
        "Price:write",
        "Price:read",
        "Store:read",
        "DeliveryWindow:read",
    ]


def test_set_altered_prices(centra: CentraClient) -> None:
    alteration = centra.graphql(CREATE_PRICE_ALTERATION).ok("createPriceAlteration")
    alteration_id = alteration["priceAlteration"]["id"]
    sek = create_pricelist(centra, name="Wholesale SEK", currencyIsoCode="SEK")

    assert alteration_id == 1  # the guide's id too; its `id: 1` also names product 1

    result = centra.graphql(substitute(SET_ALTERED_PRICES, {21: sek}))

    assert result.payload("setAlteredPrices") == {
        "priceAlteration": {"id": alteration_id},
        "pricelist": {"id": sek},
        "products": [{"id": 1, "name": product_name(centra, 1)}],
        "userErrors": [],
    }
    assert result.extensions["permissionsUsed"] == [
        "Price:write",
        "Price:read",
        "Pricelist:read",
        "Product:read",
    ]


def test_set_prices_batch(centra: CentraClient) -> None:
    set_external_id(centra, "Pricelist", 2, "19")  # the guide's EUR pricelist, by its own id
    text = SET_PRICES_BATCH.replace("pricelist: {id: 19}", "pricelist: {id: 3}")  # USD

    result = centra.graphql(text)

    payload = result.ok("setPricesBatch")
    assert payload["userWarnings"] == []
    assert [(p["id"], p["name"]) for p in payload["pricelists"]] == [(3, "USD"), (2, "EUR")]
    assert payload["products"] == [
        {"id": 1, "name": product_name(centra, 1)},
        {"id": 2, "name": product_name(centra, 2)},
    ]
    usd, eur = payload["pricelists"]

    def by_product(pricelist: dict) -> dict[int, set[float]]:
        found: dict[int, set[float]] = {}
        for price in pricelist["prices"]:
            assert price["recommendedRetailPrice"] is None
            found.setdefault(price["product"]["id"], set()).add(price["price"]["value"])
        return found

    assert by_product(usd)[1] == {2.0}
    assert by_product(eur)[1] == {100.0}
    assert by_product(eur)[2] == {200.0}
    assert [p["productVariant"]["id"] for p in eur["prices"] if p["product"]["id"] == 2] == (
        variants_of(centra, 2)
    )


def test_set_altered_prices_batch(centra: CentraClient) -> None:
    alteration = centra.graphql(CREATE_PRICE_ALTERATION).ok("createPriceAlteration")
    alteration_id = alteration["priceAlteration"]["id"]
    gbp = create_pricelist(centra, name="Wholesale GBP", currencyIsoCode="GBP")
    ids = {1: alteration_id, 65: 5, 66: gbp, 1293: 1, 67: 2}

    result = centra.graphql(substitute(SET_ALTERED_PRICES_BATCH, ids))

    payload = result.ok("setAlteredPricesBatch")
    assert payload["userWarnings"] == []
    assert payload["pricelists"] == [{"id": 5}, {"id": gbp}]
    assert payload["products"] == [
        {"id": 1, "name": product_name(centra, 1)},
        {"id": 2, "name": product_name(centra, 2)},
    ]
    [altered] = payload["priceAlterations"]
    assert (altered["id"], altered["name"]) == (alteration_id, "First price alteration")
    expected = []
    for product, amounts in ((1, {5: 10.0, gbp: 12.0}), (2, {5: 11.0, gbp: 13.0})):
        for _ in variants_of(centra, product):
            expected += [
                {"pricelist": {"id": pl}, "product": {"id": product}, "price": {"value": value}}
                for pl, value in amounts.items()
            ]
    assert altered["prices"] == expected
