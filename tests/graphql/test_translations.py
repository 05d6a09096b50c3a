"""Languages and translations of displays, products, variants and categories (`localize`,
`ObjectWithTranslations.translations` and the deprecated `Localizable.localized`)."""

from __future__ import annotations

from mockcentra.testing import CentraClient

LOCALIZE = """mutation($input: LocalizeInput!) { localize(input: $input) {
  userErrors { message path }
  localizedObject { __typename ...translated } } }
fragment translated on ObjectWithTranslations {
  translations { language { code } fields { field value } } }"""
DISPLAY_FIELDS = [
    "name",
    "uri",
    "metaDescription",
    "metaKeywords",
    "metaTitle",
    "shortDescription",
    "description",
]


def localize(centra: CentraClient, object_type: str, object_id: int, language: dict, **fields):
    data = {
        "objectType": object_type,
        "objectId": object_id,
        "language": language,
        "translations": [{"field": f, "value": v} for f, v in fields.items()],
    }
    return centra.graphql(LOCALIZE, {"input": data}).payload("localize")


def values(translations: list[dict], code: str) -> dict[str, str | None]:
    entry = next(t for t in translations if t["language"]["code"] == code)
    return {f["field"]: f["value"] for f in entry["fields"]}


def test_languages_available_for_localization_leave_out_the_default(centra: CentraClient):
    result = centra.graphql(
        """{ all: languages { name isDefault isAvailableForLocalization }
             translated: languages(where: {isAvailableForLocalization: true}) {
               id name languageCode countryCode isActive code } }"""
    )
    assert result.payload("all") == [
        {"name": "English", "isDefault": True, "isAvailableForLocalization": False},
        {"name": "Swedish", "isDefault": False, "isAvailableForLocalization": True},
        {"name": "German", "isDefault": False, "isAvailableForLocalization": True},
    ]
    assert result.payload("translated") == [
        {
            "id": 2,
            "name": "Swedish",
            "languageCode": "sv",
            "countryCode": "SE",
            "isActive": True,
            "code": "sv",
        },
        {
            "id": 3,
            "name": "German",
            "languageCode": "de",
            "countryCode": "DE",
            "isActive": True,
            "code": "de",
        },
    ]
    assert result.extensions["permissionsUsed"] == ["Language:read"]


def test_a_display_is_translated_field_by_field_and_a_null_removes_one(centra: CentraClient):
    # Given a display with no German meta title
    done = localize(
        centra, "Display", 6, {"code": "de"}, metaTitle="Titel", shortDescription="Kurz"
    )
    assert done["userErrors"] == []
    # When one field is removed and another changed
    result = localize(centra, "Display", 6, {"id": 3}, metaTitle=None, shortDescription="Knapp")
    # Then every translatable field is listed per language, untranslated ones as null
    german = values(result["localizedObject"]["translations"], "de")
    assert list(german) == DISPLAY_FIELDS
    assert (german["metaTitle"], german["shortDescription"]) == (None, "Knapp")
    again = centra.graphql(
        "{ display(id: 6) { translations { language { code } fields { field value } } } }"
    ).payload("display")
    assert values(again["translations"], "de") == german


def test_the_deprecated_localized_field_reads_the_same_translations(centra: CentraClient):
    localize(centra, "Category", 4, {"code": "sv"}, metaTitle="Skor online")
    result = centra.graphql(
        """{ category(id: 4) { name localized { language { id languageCode countryCode }
          translations { field value } } } }"""
    )
    swedish = result.payload("category")["localized"][0]
    assert swedish["language"] == {"id": 2, "languageCode": "sv", "countryCode": "SE"}
    assert {t["field"]: t["value"] for t in swedish["translations"]} == {
        "name": "Skor",
        "uri": None,
        "metaTitle": "Skor online",
        "metaDescription": None,
        "metaKeywords": None,
    }
    assert result.extensions["permissionsUsed"] == [
        "Category:read",
        "Localization:read",
        "Language:read",
    ]


def test_products_and_variants_translate_names_and_text_attributes(centra: CentraClient):
    product = localize(
        centra,
        "Product",
        7,
        {"code": "de"},
        name="Produkt",
        **{"attributes.pr_long_name.text": "Ein langer Name"},
    )
    variant = localize(centra, "ProductVariant", 7, {"code": "sv"}, name="Svart")

    german = values(product["localizedObject"]["translations"], "de")
    assert german == {
        "name": "Produkt",
        "attributes.prod_care.text": None,
        "attributes.pr_long_name.text": "Ein langer Name",
    }
    assert values(variant["localizedObject"]["translations"], "sv") == {
        "name": "Svart",
        "attributes.var_fit_note.text": None,
    }


def test_refused_translations_change_nothing(centra: CentraClient):
    before = centra.graphql(
        "{ display(id: 6) { translations { language { code } fields { field value } } } }"
    ).payload("display")
    localize(centra, "Display", 7, {"code": "de"}, uri="lange-jacke")

    cases = [
        (
            {"code": "de"},
            {"name": "X", "price": "1"},
            "Field price of Display cannot be translated "
            "(translatable: name, uri, metaDescription, metaKeywords, metaTitle, shortDescription, "
            "description).",
            ["input", "translations", "1", "field"],
        ),
        (
            {"code": "en"},
            {"name": "X"},
            "English is not a language objects are translated into.",
            ["input", "language"],
        ),
        (
            {"code": "fr"},
            {"name": "X"},
            "Could not find Language with code fr.",
            ["input", "language"],
        ),
        (
            {"code": "de"},
            {"name": "X", "uri": "Lange Jacke!"},
            'URI "Lange Jacke!" is not valid: " ", "!" are reserved characters.',
            ["input", "translations", "1", "value"],
        ),
        (
            {"code": "de"},
            {"name": "X", "uri": "lange-jacke"},
            "URI lange-jacke is already used in German by Display 7.",
            ["input", "translations", "1", "value"],
        ),
    ]
    for language, fields, message, path in cases:
        result = localize(centra, "Display", 6, language, **fields)
        assert result == {
            "userErrors": [{"message": message, "path": path}],
            "localizedObject": None,
        }
    after = centra.graphql(
        "{ display(id: 6) { translations { language { code } fields { field value } } } }"
    ).payload("display")
    assert after == before


def test_the_demo_translates_its_first_products(centra: CentraClient):
    displays = centra.graphql(
        """{ displays(limit: 6) { name product { name translations { language { code }
          fields { field value } } } translations { language { code } fields { field value } } } }"""
    ).payload("displays")
    translated = [d for d in displays if values(d["translations"], "sv")["name"] is not None]
    assert len(translated) == 5
    for display in translated:
        swedish = values(display["translations"], "sv")
        german = values(display["translations"], "de")
        assert swedish["uri"] and german["uri"] and swedish["uri"] != german["uri"]
        assert swedish["description"].startswith(swedish["name"] + " i ")
        assert german["description"].startswith(german["name"] + " aus ")
        assert values(display["product"]["translations"], "de")["name"] == german["name"]
