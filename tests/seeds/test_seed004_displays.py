"""Seed 004 (ERP guide), product displays: the guide's operations as it writes them.

The guide's product 2 already has a display in the demo's store 1 (one display per product
per store), so a new two-colour product stands in for it; its variants take the places of the
guide's 1545 and 1446.
"""

from __future__ import annotations

import re

from mockcentra.testing import CentraClient
from tests.graphql._pricing_setup import new_product

# --- the guide's operations, verbatim ---------------------------------------------------------

CREATE_DISPLAY = """
mutation create {
createDisplay(input: {
name: "New display!"
status: ACTIVE
store: {id: 1}
product: {id: 2}
addProductVariants: [
{productVariant: {id: 1545}}
]
}) {
userErrors {
message path
}
display {
id
}
}
}
"""


ADD_VARIANTS_TO_DISPLAY = """
mutation addVariantsToDisplay {
updateDisplay(
id: 2276
input: [ addProductVariants: { productVariant: { id: 1446 } } ]
) {
userErrors {
message
path
}
display {
id
}
}
}
"""

# The guide writes `input: [ ... ]`, which no GraphQL server parses; the object form is meant.
GUIDE_LIST_INPUT = "input: [ addProductVariants: { productVariant: { id: 1446 } } ]"
OBJECT_INPUT = "input: { addProductVariants: { productVariant: { id: 1446 } } }"


def substitute(text: str, ids: dict[int, int]) -> str:
    return re.sub(r"\b\d+\b", lambda m: str(ids.get(int(m.group()), m.group())), text)


def test_create_display(centra: CentraClient) -> None:
    product, (first, _) = new_product(centra, name="Basketball", number="BB-1")

    result = centra.graphql(substitute(CREATE_DISPLAY, {2: product, 1545: first}))

    payload = result.payload("createDisplay")
    assert payload == {"userErrors": [], "display": {"id": payload["display"]["id"]}}
    assert result.extensions["permissionsUsed"] == ["Display:write", "Display:read"]
    made = centra.graphql(
        "query($id: Int!) { display(id: $id) { name status uri store { id } product { id }"
        " productVariants { id } } }",
        {"id": payload["display"]["id"]},
    ).payload("display")
    assert made == {
        "name": "New display!",
        "status": "ACTIVE",
        "uri": "new-display",
        "store": {"id": 1},
        "product": {"id": product},
        "productVariants": [{"id": first}],
    }


def test_add_variants_to_display(centra: CentraClient) -> None:
    product, (first, second) = new_product(centra, name="Basketball", number="BB-1")
    created = centra.graphql(substitute(CREATE_DISPLAY, {2: product, 1545: first}))
    display = created.ok("createDisplay")["display"]["id"]
    text = substitute(
        ADD_VARIANTS_TO_DISPLAY.replace(GUIDE_LIST_INPUT, OBJECT_INPUT),
        {
            2276: display,
            1446: second,
        },
    )

    as_written = centra.graphql(substitute(ADD_VARIANTS_TO_DISPLAY, {2276: display}))
    result = centra.graphql(text)

    assert as_written.status_code == 400
    assert "Syntax Error" in as_written.errors[0]["message"]
    assert result.payload("updateDisplay") == {"userErrors": [], "display": {"id": display}}
    assert result.extensions["permissionsUsed"] == ["Display:write", "Display:read"]
    variants = centra.graphql(
        "query($id: Int!) { display(id: $id) { productVariants { id } } }", {"id": display}
    ).payload("display")["productVariants"]
    assert variants == [{"id": first}, {"id": second}]


def test_variants_of_another_product_are_refused(centra: CentraClient) -> None:
    product, (first, _) = new_product(centra, name="Basketball", number="BB-1")
    _, (foreign, _) = new_product(centra, name="Football", number="FB-1")
    display = centra.graphql(substitute(CREATE_DISPLAY, {2: product, 1545: first})).ok(
        "createDisplay"
    )["display"]["id"]
    text = substitute(
        ADD_VARIANTS_TO_DISPLAY.replace(GUIDE_LIST_INPUT, OBJECT_INPUT),
        {
            2276: display,
            1446: foreign,
        },
    )

    result = centra.graphql(text).payload("updateDisplay")

    assert result["display"] is None
    assert result["userErrors"] == [
        {
            "message": f"Product variant {foreign} belongs to product {product + 1}; you can only "
            f"add variants of the same product ({product}) to a display.",
            "path": ["input", "addProductVariants", "0", "productVariant"],
        }
    ]
