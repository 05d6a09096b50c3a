"""`assignAttributes`, `unassignAttributes` and `mappedAttributes`."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.attributes import assignments as domain
from mockcentra.domain.attributes import queries
from mockcentra.graphql.attributes.types import (
    ATTRIBUTE_TYPES,
    AttributeObjectType,
    MappedAttribute,
    ObjectWithAttributes,
    attribute_config,
    mapped_attribute,
)
from mockcentra.graphql.common import Payload, StringMatch
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.permissions import mutation


@strawberry.input
class DynamicAttributeAssignInput:
    attribute_type_name: str
    attribute_element_key: str
    attribute_element_value: str


@strawberry.input
class DynamicAttributeUnassignInput:
    attribute_type_name: str
    attribute_element_key: str


@strawberry.input
class MappedAttributeInput:
    attribute_type_name: str
    attribute_id: int

    def to_spec(self) -> domain.MappedAttributeSpec:
        return domain.MappedAttributeSpec(self.attribute_type_name, self.attribute_id)


@strawberry.input
class AssignAttributesInput:
    object_type: AttributeObjectType
    object_id: int = strawberry.field(description="An order is given by its number.")
    dynamic_attributes: list[DynamicAttributeAssignInput] = strawberry.field(default_factory=list)
    mapped_attributes: list[MappedAttributeInput] = strawberry.field(default_factory=list)


@strawberry.input
class UnassignAttributesInput:
    object_type: AttributeObjectType
    object_id: int = strawberry.field(description="An order is given by its number.")
    dynamic_attributes: list[DynamicAttributeUnassignInput] = strawberry.field(default_factory=list)
    mapped_attributes: list[MappedAttributeInput] = strawberry.field(default_factory=list)


@strawberry.type
class AssignAttributesPayload(Payload):
    object: ObjectWithAttributes | None = None


@strawberry.type
class UnassignAttributesPayload(Payload):
    object: ObjectWithAttributes | None = None


@strawberry.input
class MappedAttributeFilter:
    id: list[int] | None = None
    type_name: StringMatch | None = None
    object_type: AttributeObjectType | None = None


def _changes(input: AssignAttributesInput | UnassignAttributesInput) -> domain.AttributeChanges:
    return domain.AttributeChanges(
        dynamic=[
            domain.DynamicAttributeSpec(
                a.attribute_type_name,
                a.attribute_element_key,
                getattr(a, "attribute_element_value", ""),
            )
            for a in input.dynamic_attributes
        ],
        mapped=[m.to_spec() for m in input.mapped_attributes],
    )


@strawberry.type
class Query:
    @strawberry.field(description="Predefined attributes of mapped types, in id order.")
    def mapped_attributes(
        self, info: Info, where: MappedAttributeFilter | None = None
    ) -> list[MappedAttribute]:
        config = attribute_config(info)
        w = where or MappedAttributeFilter()
        found = queries.mapped_attributes(
            config,
            ids=w.id,
            type_name=w.type_name,
            object_type=w.object_type.value if w.object_type else None,
        )
        return [mapped_attribute(info, m) for m in found]


@strawberry.type
class Mutation:
    @mutation(permission="Attribute:write")
    def assign_attributes(
        self, info: Info, input: AssignAttributesInput
    ) -> AssignAttributesPayload:
        def action() -> dict[str, Any]:
            obj = domain.assign_attributes(
                info.context.uow,
                attribute_config(info),
                input.object_type.value,
                input.object_id,
                _changes(input),
            )
            return {"object": obj}

        return run_mutation(info, AssignAttributesPayload, action, reads="input")

    @mutation(permission="Attribute:write")
    def unassign_attributes(
        self, info: Info, input: UnassignAttributesInput
    ) -> UnassignAttributesPayload:
        def action() -> dict[str, Any]:
            obj, warnings = domain.unassign_attributes(
                info.context.uow,
                attribute_config(info),
                input.object_type.value,
                input.object_id,
                _changes(input),
            )
            return {"object": obj, "warnings": warnings}

        return run_mutation(info, UnassignAttributesPayload, action, reads="input")


EXTRA_TYPES = ATTRIBUTE_TYPES
