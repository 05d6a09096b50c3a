"""`languages` and `localize`."""

from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.translations import translations as domain
from mockcentra.graphql.attributes.types import attribute_config
from mockcentra.graphql.common import Payload
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import mutation
from mockcentra.graphql.translations.types import Language, ObjectWithTranslations


@strawberry.enum
class LocalizableObjectType(Enum):
    Display = "Display"
    Product = "Product"
    ProductVariant = "ProductVariant"
    Category = "Category"


@strawberry.input
class LanguageInput:
    id: int | None = None
    code: str | None = None


@strawberry.input
class TranslationInput:
    field: str
    value: str | None = strawberry.field(default=None, description="null removes a translation.")


@strawberry.input
class LocalizeInput:
    object_type: LocalizableObjectType
    object_id: int
    language: LanguageInput
    translations: list[TranslationInput]


@strawberry.type
class LocalizePayload(Payload):
    localized_object: ObjectWithTranslations | None = None


@strawberry.input
class LanguageFilter:
    id: list[int] | None = None
    is_active: bool | None = None
    is_available_for_localization: bool | None = None


@strawberry.type
class Query:
    @strawberry.field
    def languages(self, info: Info, where: LanguageFilter | None = None) -> list[Language]:
        w = where or LanguageFilter()
        return domain.languages(  # type: ignore[return-value]
            info.context.session,
            ids=w.id,
            is_active=w.is_active,
            is_available_for_localization=w.is_available_for_localization,
        )


@strawberry.type
class Mutation:
    @mutation(permission="Localization:write")
    def localize(self, info: Info, input: LocalizeInput) -> LocalizePayload:
        def action() -> dict[str, Any]:
            obj = domain.localize(
                info.context.uow,
                attribute_config(info),
                input.object_type.value,
                input.object_id,
                input.language,
                [domain.FieldTranslation(t.field, t.value) for t in input.translations],
            )
            return {"localized_object": obj}

        return run_mutation(info, LocalizePayload, action, reads="input")
