"""ID conversion: `setIdConversions`, `unsetIdConversions`, `idConversions`.

Entries belong to the token's integration name. Permissions are `IdConversion:write` for the
mutations and `IdConversion:read` for entries (Centra's exact names are not documented).
"""

from typing import Any, TypeAlias

import strawberry
from strawberry.types import Info

from mockcentra.domain import idconversion
from mockcentra.graphql.common import Payload, StringMatch
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import mutation, read_permission

strawberry.enum(idconversion.IdConversionObjectType, name="IdConversionEntryObjectType")
IdConversionEntryObjectType: TypeAlias = idconversion.IdConversionObjectType


@read_permission("IdConversion:read")
@strawberry.type
class IdConversionEntry:
    id: int
    external_id: str
    internal_id: int
    object_type: IdConversionEntryObjectType
    integration_name: str


@strawberry.input
class IdConversionSetInput:
    external_id: str
    internal_id: int = strawberry.field(
        description="If an entry with this internal ID and type exists, its external ID is "
        "replaced with the one given."
    )
    object_type: IdConversionEntryObjectType


@strawberry.input
class IdConversionInput:
    """Exactly one of the fields should be given."""

    id: int | None = None
    internal_id: int | None = None
    external_id: str | None = None


@strawberry.input
class IdConversionUnsetInput:
    id_conversion: IdConversionInput
    object_type: IdConversionEntryObjectType


@strawberry.input
class IdConversionFilter:
    object_type: list[IdConversionEntryObjectType] | None = None
    external_id: StringMatch | None = None
    internal_id: list[int] | None = None


@strawberry.type
class IdConversionsSetPayload(Payload):
    entries: list[IdConversionEntry] | None = None


@strawberry.type
class IdConversionsUnsetPayload(Payload):
    pass


@strawberry.type
class Query:
    @strawberry.field
    def id_conversions(
        self,
        info: Info,
        where: IdConversionFilter | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[IdConversionEntry]:
        return idconversion.list_entries(  # type: ignore[return-value]
            info.context.session,
            info.context.integration_name,
            object_types=where.object_type if where else None,
            external_id=where.external_id if where else None,
            internal_ids=where.internal_id if where else None,
            limit=limit,
            page_number=page,
        )


@strawberry.type
class Mutation:
    @mutation(permission="IdConversion:write")
    def set_id_conversions(
        self, info: Info, input: list[IdConversionSetInput]
    ) -> IdConversionsSetPayload:
        def action() -> dict[str, Any]:
            specs = [
                idconversion.EntrySpec(e.object_type, e.internal_id, e.external_id) for e in input
            ]
            entries, warnings = idconversion.set_entries(info.context.uow, specs)
            return {"entries": entries, "warnings": warnings}

        return run_mutation(info, IdConversionsSetPayload, action, reads="input")

    @mutation(permission="IdConversion:write")
    def unset_id_conversions(
        self, info: Info, input: list[IdConversionUnsetInput]
    ) -> IdConversionsUnsetPayload:
        def action() -> dict[str, Any]:
            specs = [
                idconversion.UnsetSpec(
                    e.object_type,
                    id=e.id_conversion.id,
                    internal_id=e.id_conversion.internal_id,
                    external_id=e.id_conversion.external_id,
                )
                for e in input
            ]
            return {"warnings": idconversion.unset_entries(info.context.uow, specs)}

        return run_mutation(info, IdConversionsUnsetPayload, action, reads="input")
