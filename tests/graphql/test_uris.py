"""URIs through the Integration API: generated with diacritics transliterated, validated (never
sanitized) when given, the same rule for brands, displays and categories."""

from __future__ import annotations

from typing import Any

import pytest

from mockcentra.testing import CentraClient

CREATE_BRAND = """
mutation($input: BrandCreateInput!) {
  createBrand(input: $input) { brand { id name uri } userErrors { message path } }
}
"""
CREATE_DISPLAY = """
mutation($input: DisplayCreateInput!) {
  createDisplay(input: $input) {
    display { id name uri }
    userErrors { message path }
    userWarnings { message path }
  }
}
"""
UPDATE_DISPLAY = """
mutation($id: Int!, $input: DisplayUpdateInput!) {
  updateDisplay(id: $id, input: $input) { display { id uri } userErrors { message path } }
}
"""
CREATE_CATEGORY = """
mutation($input: CategoryCreateInput!) {
  createCategory(input: $input) { category { id name uri } userErrors { message path } }
}
"""
#: A product of the demo scenario without a display in store 1.
UNDISPLAYED_PRODUCT = 20


def brands(centra: CentraClient) -> list[dict[str, Any]]:
    return centra.graphql("{ brands { id name uri } }").payload("brands")


def displays(centra: CentraClient) -> list[dict[str, Any]]:
    return centra.graphql("{ displays(limit: 200) { id uri } }").payload("displays")


def categories(centra: CentraClient) -> list[dict[str, Any]]:
    return centra.graphql("{ categories { id uri } }").payload("categories")


def display_input(**fields: Any) -> dict[str, Any]:
    return {
        "store": {"id": 1},
        "product": {"id": UNDISPLAYED_PRODUCT},
        "status": "ACTIVE",
        "name": "Canvas Tote",
        **fields,
    }


def test_a_brand_uri_is_generated_with_diacritics_transliterated(centra: CentraClient) -> None:
    payload = centra.graphql(CREATE_BRAND, {"input": {"name": "Pchnąć w tę łódź"}}).ok(
        "createBrand"
    )

    assert payload["brand"]["name"] == "Pchnąć w tę łódź"
    assert payload["brand"]["uri"] == "pchnac-w-te-lodz"
    assert brands(centra)[-1] == payload["brand"]


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("Smörgåsbord Æble & Øl", "smorgasbord-aeble-ol"),
        ("Straße Crème brûlée", "strasse-creme-brulee"),
        ("  Đorđe -- Ħaġar  ", "dorde-hagar"),
    ],
)
def test_generated_uris_transliterate_latin_letters(
    centra: CentraClient, name: str, uri: str
) -> None:
    payload = centra.graphql(CREATE_BRAND, {"input": {"name": name}}).ok("createBrand")

    assert payload["brand"]["uri"] == uri


def test_a_display_uri_is_generated_from_a_polish_name(centra: CentraClient) -> None:
    display = centra.graphql(
        CREATE_DISPLAY, {"input": display_input(name="Pchnąć w tę łódź jeża")}
    ).ok("createDisplay")["display"]

    assert display["uri"] == "pchnac-w-te-lodz-jeza"


def test_a_given_uri_keeps_other_unicode_letters(centra: CentraClient) -> None:
    display = centra.graphql(CREATE_DISPLAY, {"input": display_input(uri="シऌēźç")}).ok(
        "createDisplay"
    )["display"]

    assert display["uri"] == "シऌēźç"
    assert {"id": display["id"], "uri": "シऌēźç"} in displays(centra)


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("spring/summer", 'URI "spring/summer" is not valid: "/" is a reserved character.'),
        ("a?b#c", 'URI "a?b#c" is not valid: "?", "#" are reserved characters.'),
        ("my brand", 'URI "my brand" is not valid: " " is a reserved character.'),
        ("100%", 'URI "100%" is not valid: "%" is a reserved character.'),
        ("tote-👜", 'URI "tote-👜" is not valid: "👜" is a reserved character.'),
    ],
)
def test_a_brand_uri_with_reserved_characters_is_refused(
    centra: CentraClient, uri: str, message: str
) -> None:
    before = brands(centra)

    payload = centra.graphql(CREATE_BRAND, {"input": {"name": "Coast", "uri": uri}}).payload(
        "createBrand"
    )

    assert payload == {
        "brand": None,
        "userErrors": [{"message": message, "path": ["input", "uri"]}],
    }
    assert brands(centra) == before


def test_a_display_uri_with_reserved_characters_is_refused(centra: CentraClient) -> None:
    before = displays(centra)

    payload = centra.graphql(
        CREATE_DISPLAY, {"input": display_input(uri="tote?colour=red")}
    ).payload("createDisplay")

    assert payload["display"] is None
    assert payload["userErrors"] == [
        {
            "message": 'URI "tote?colour=red" is not valid: "?", "=" are reserved characters.',
            "path": ["input", "uri"],
        }
    ]
    assert displays(centra) == before


def test_updating_a_display_to_a_reserved_uri_changes_nothing(centra: CentraClient) -> None:
    before = displays(centra)

    payload = centra.graphql(UPDATE_DISPLAY, {"id": 1, "input": {"uri": "tops/t-shirt"}}).payload(
        "updateDisplay"
    )

    assert payload == {
        "display": None,
        "userErrors": [
            {
                "message": 'URI "tops/t-shirt" is not valid: "/" is a reserved character.',
                "path": ["input", "uri"],
            }
        ],
    }
    assert displays(centra) == before


def test_a_category_uri_is_generated_and_validated_by_the_same_rule(
    centra: CentraClient,
) -> None:
    before = categories(centra)

    made = centra.graphql(
        CREATE_CATEGORY, {"input": {"name": "Męskie buty", "status": "ACTIVE", "store": {"id": 1}}}
    ).ok("createCategory")["category"]
    refused = centra.graphql(
        CREATE_CATEGORY,
        {"input": {"name": "Shoes", "uri": "men:shoes", "status": "ACTIVE", "store": {"id": 1}}},
    ).payload("createCategory")

    assert made["uri"] == "meskie-buty"
    assert refused == {
        "category": None,
        "userErrors": [
            {
                "message": 'URI "men:shoes" is not valid: ":" is a reserved character.',
                "path": ["input", "uri"],
            }
        ],
    }
    assert categories(centra) == [*before, {"id": made["id"], "uri": "meskie-buty"}]


CREATE_COLLECTION = """
mutation($input: CollectionCreateInput!) {
  createCollection(input: $input) { collection { id uri } userErrors { message path } }
}
"""
UPDATE_BRAND = """
mutation($id: Int!, $input: BrandUpdateInput!) {
  updateBrand(id: $id, input: $input) { brand { id uri } userErrors { message path } }
}
"""


def collections(centra: CentraClient) -> list[dict[str, Any]]:
    return centra.graphql("{ collections { id uri } }").payload("collections")


def test_collections_and_brand_updates_follow_the_same_rule(centra: CentraClient) -> None:
    made = centra.graphql(CREATE_COLLECTION, {"input": {"name": "Jesień–Zima 2027"}}).ok(
        "createCollection"
    )["collection"]
    after_create = collections(centra)
    brand = centra.graphql(CREATE_BRAND, {"input": {"name": "Coast"}}).ok("createBrand")["brand"]
    before = brands(centra)

    refused_collection = centra.graphql(
        CREATE_COLLECTION, {"input": {"name": "AW27", "uri": "aw27#new"}}
    ).payload("createCollection")
    refused_brand = centra.graphql(
        UPDATE_BRAND, {"id": brand["id"], "input": {"uri": "coast&co"}}
    ).payload("updateBrand")
    after_refusals = brands(centra)
    regenerated = centra.graphql(
        UPDATE_BRAND, {"id": brand["id"], "input": {"name": "Côte d'Azur", "uri": ""}}
    ).ok("updateBrand")["brand"]

    assert made["uri"] == "jesien-zima-2027"
    assert refused_collection == {
        "collection": None,
        "userErrors": [
            {
                "message": 'URI "aw27#new" is not valid: "#" is a reserved character.',
                "path": ["input", "uri"],
            }
        ],
    }
    assert collections(centra) == after_create
    assert refused_brand["userErrors"] == [
        {
            "message": 'URI "coast&co" is not valid: "&" is a reserved character.',
            "path": ["input", "uri"],
        }
    ]
    assert after_refusals == before
    assert before[-1] == {"id": brand["id"], "name": "Coast", "uri": "coast"}
    assert regenerated == {"id": brand["id"], "uri": "cote-d-azur"}


LOCALIZE = """mutation($input: LocalizeInput!) { localize(input: $input) {
  userErrors { message path } } }"""
TRANSLATED_URIS = """query($id: Int!) {
  category(id: $id) { translations { language { code } fields { field value } } } }"""


def translated_uri(centra: CentraClient, category: int, code: str) -> str | None:
    found = centra.graphql(TRANSLATED_URIS, {"id": category}).payload("category")
    entry = next((t for t in found["translations"] if t["language"]["code"] == code), None)
    fields = {f["field"]: f["value"] for f in (entry or {"fields": []})["fields"]}
    return fields.get("uri")


def localize_uri(centra: CentraClient, object_type: str, object_id: int, uri: str) -> list:
    data = {
        "objectType": object_type,
        "objectId": object_id,
        "language": {"code": "sv"},
        "translations": [{"field": "uri", "value": uri}],
    }
    return centra.graphql(LOCALIZE, {"input": data}).payload("localize")["userErrors"]


def test_translated_uris_follow_the_same_rule(centra: CentraClient) -> None:
    before = translated_uri(centra, 2, "sv")

    kept = localize_uri(centra, "Category", 2, "kläder/överdelar")
    stored = translated_uri(centra, 2, "sv")
    refused_category = localize_uri(centra, "Category", 2, "kläder//toppar?")
    refused_display = localize_uri(centra, "Display", 1, "kläder/tröja")

    assert before != "kläder/överdelar"
    assert kept == []
    assert stored == "kläder/överdelar"
    assert refused_category == [
        {
            "message": 'URI "kläder//toppar?" is not valid: it has an empty segment.',
            "path": ["input", "translations", "0", "value"],
        }
    ]
    assert refused_display == [
        {
            "message": 'URI "kläder/tröja" is not valid: "/" is a reserved character.',
            "path": ["input", "translations", "0", "value"],
        }
    ]
    assert translated_uri(centra, 2, "sv") == stored
