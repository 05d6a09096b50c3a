"""Languages and the translation interfaces displays, products, variants and categories
implement: `ObjectWithTranslations.translations` and the deprecated `Localizable.localized`."""

from typing import Any

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.translations import translations as domain
from mockcentra.graphql.attributes.types import attribute_config
from mockcentra.graphql.batch import batched
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.storage.tables import LanguageRow


@read_permission("Language:read")
@strawberry.type
class Language:
    id: int
    name: str
    language_code: str
    country_code: str | None
    is_active: bool

    @strawberry.field(description='The language code, e.g. "sv".')
    @staticmethod
    def code(root: Parent[LanguageRow]) -> str:
        return root.language_code

    @strawberry.field(description="Objects take translations into it (active, not the default).")
    @staticmethod
    def is_available_for_localization(root: Parent[LanguageRow]) -> bool:
        return root.is_active and not root.is_default

    @strawberry.field(description="Objects' own fields are in this language.")
    @staticmethod
    def is_default(root: Parent[LanguageRow]) -> bool:
        return root.is_default


@strawberry.type
class TranslatedField:
    field: str
    value: str | None = strawberry.field(description="null: not translated (the default applies).")


def _translation_language(root: "Parent[Translation]") -> Language:
    return root.language_row  # type: ignore[return-value]


@strawberry.type
class Translation:
    """An object's translatable fields in one language."""

    language_row: strawberry.Private[LanguageRow]
    language: Language = strawberry.field(resolver=_translation_language)
    fields: list[TranslatedField]


def _localization_language(root: "Parent[Localization]") -> Language:
    return root.language_row  # type: ignore[return-value]


@strawberry.type
class Localization:
    """Deprecated shape of `Translation` (`Localizable.localized`)."""

    language_row: strawberry.Private[LanguageRow]
    language: Language = strawberry.field(resolver=_localization_language)
    translations: list[TranslatedField]


def _translations(info: Info, obj: Any) -> list[domain.LanguageTranslations]:
    object_type = domain.object_type_of(obj)
    rows = batched(
        info,
        f"translations:{object_type}",
        obj.id,
        lambda session, ids: domain.stored_of(session, object_type, ids),
    )
    languages = info.context.cache.get("translation-languages")
    if languages is None:
        languages = domain.translation_languages(info.context.session)
        info.context.cache["translation-languages"] = languages
    return domain.translations_of(attribute_config(info), object_type, languages, rows)


def _fields(item: domain.LanguageTranslations) -> list[TranslatedField]:
    return [TranslatedField(field=f.field, value=f.value) for f in item.fields]


@strawberry.interface
class ObjectWithTranslations:
    """An object whose texts are translated, field by field, into the instance's languages."""

    @field(permission="Localization:read")
    def translations(self, info: Info) -> list[Translation]:
        return [
            Translation(language_row=t.language, fields=_fields(t))
            for t in _translations(info, self)
        ]


@strawberry.interface
class Localizable:
    """Deprecated: the same translations as `ObjectWithTranslations.translations`."""

    @field(
        permission="Localization:read",
        deprecation_reason="Use ObjectWithTranslations.translations instead of Localizable.",
        removal="2023-09-04",  # the date Centra's deprecation notice gives
    )
    def localized(self, info: Info) -> list[Localization]:
        return [
            Localization(language_row=t.language, translations=_fields(t))
            for t in _translations(info, self)
        ]
