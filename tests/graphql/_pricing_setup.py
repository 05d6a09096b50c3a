"""Arrange helpers for pricing, display and ID conversion tests, all through GraphQL.

Demo facts they lean on (stable for the default seed): store 1 "Retail" (DTC) and 2
"Wholesale"; pricelists 1 SEK (SE), 2 EUR (DE DK FI FR NL NO PL), 3 USD (US), 4 GBP (GB) in
store 1 and 5 "Wholesale EUR" in store 2; shipping options 1-4 in store 1; market 1 in store 1
and 2 in store 2; categories 1-5 in store 1; products 1-20, each active one with a display in
store 1.
"""

from __future__ import annotations

from typing import Any

from mockcentra.testing import CentraClient

CREATE_PRODUCT = """
mutation($input: ProductCreateInput!) {
  createProduct(input: $input) {
    product { id variants { id } }
    userErrors { message path }
  }
}
"""

CREATE_PRICELIST = """
mutation($input: PricelistCreateInput!) {
  createPricelist(input: $input) {
    pricelist { id name currency { code } }
    userErrors { message path }
  }
}
"""

PRICES = """
query($id: Int!, $products: [Int!]) {
  pricelist(id: $id) {
    prices(where: {productId: $products}, limit: 200) {
      product { id } productVariant { id } price { value } recommendedRetailPrice { value }
    }
  }
}
"""


def new_product(
    centra: CentraClient, name: str = "Canvas Tote", number: str = "N-1", colours: int = 2
) -> tuple[int, list[int]]:
    """An active one-size product with `colours` active variants: (product id, variant ids)."""
    variants = [
        {
            "name": f"Colour {n}",
            "status": "ACTIVE",
            "sizeChart": {"id": 1},
            "productSizes": [{"size": {"name": "One Size"}}],
        }
        for n in range(1, colours + 1)
    ]
    product = centra.graphql(
        CREATE_PRODUCT,
        {
            "input": {
                "name": name,
                "status": "ACTIVE",
                "productNumber": number,
                "addProductVariants": variants,
            }
        },
    ).ok("createProduct")["product"]
    return product["id"], [v["id"] for v in product["variants"]]


def variants_of(centra: CentraClient, product_id: int) -> list[int]:
    found = centra.graphql(
        "query($id: Int!) { product(id: $id) { variants { id } } }", {"id": product_id}
    ).payload("product")
    return [v["id"] for v in found["variants"]]


def demo_product_with_variants(centra: CentraClient, count: int = 2) -> tuple[int, list[int]]:
    """The first demo product with at least `count` variants."""
    listed = centra.graphql("{ products(limit: 20) { id variants { id } } }").payload("products")
    for product in listed:
        if len(product["variants"]) >= count:
            return product["id"], [v["id"] for v in product["variants"]]
    raise AssertionError(f"no demo product with {count} variants")


def create_pricelist(centra: CentraClient, **fields: Any) -> int:
    """A pricelist (default: wholesale store, EUR, INACTIVE); answers its id."""
    body = {"name": "Extra", "status": "INACTIVE", "store": {"id": 2}, "currencyIsoCode": "EUR"}
    body.update(fields)
    return centra.graphql(CREATE_PRICELIST, {"input": body}).ok("createPricelist")["pricelist"][
        "id"
    ]


def prices(
    centra: CentraClient, pricelist_id: int, product_ids: list[int] | None = None
) -> list[tuple[int, int, float | None, float | None]]:
    """(product, variant, price, RRP) rows of a pricelist, as `Pricelist.prices` lists them."""
    listed = centra.graphql(PRICES, {"id": pricelist_id, "products": product_ids}).payload(
        "pricelist"
    )["prices"]
    return [
        (
            p["product"]["id"],
            p["productVariant"]["id"],
            p["price"]["value"] if p["price"] else None,
            p["recommendedRetailPrice"]["value"] if p["recommendedRetailPrice"] else None,
        )
        for p in listed
    ]


def events(centra: CentraClient, object_type: str) -> list[tuple[str, str, int | None]]:
    """(change type, object ref, store id) of the recorded events of one object type."""
    with centra.runtime.db.raw() as conn:
        rows = conn.execute(
            "SELECT change_type, object_ref, store_id FROM event WHERE object_type = ? ORDER BY id",
            (object_type,),
        ).fetchall()
    return [tuple(r) for r in rows]


def set_external_id(centra: CentraClient, object_type: str, internal_id: int, external: str):
    centra.graphql(
        "mutation($t: IdConversionEntryObjectType!, $i: Int!, $e: String!) { setIdConversions("
        "input: {objectType: $t, internalId: $i, externalId: $e}) { userErrors { message } } }",
        {"t": object_type, "i": internal_id, "e": external},
    ).ok("setIdConversions")
