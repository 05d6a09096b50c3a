"""Argument values converted to their Python types by a converter built once per type.

strawberry converts each argument of each call by walking its type: per input field it works
out the field's GraphQL name and resolves its type again, so a mutation's input (a return's
lines, a shipment's lines and addresses) cost about as much to convert as a statement the
mutation runs. `Converters.converter` does the same conversion as strawberry's
`convert_argument` with the walking done once per type: input objects built from the given
fields (a field without a default that is left out is None), lists copied or converted item
by item, scalars and enums as graphql-core parsed them. A type it does not cover (a `Maybe`,
an input with its own `from_input`, a `GlobalID`) has no converter: strawberry converts those.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any

from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryOptional,
    has_object_definition,
)
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition
from strawberry.types.lazy_type import LazyType
from strawberry.types.unset import UNSET

Convert = Callable[[Any], Any]


class Converters:
    """The converters of one schema's argument types, each built on first use."""

    def __init__(self, scalar_registry: Mapping[object, Any], names_of: NameConverter) -> None:
        self._scalars = scalar_registry
        self._names_of = names_of
        self._inputs: dict[type, Convert | None] = {}

    def converter(self, type_: Any) -> Convert | None:
        """How to convert a value of `type_` (None and UNSET stay as they are); None when only
        strawberry's conversion covers the type."""
        if isinstance(type_, StrawberryMaybe):
            return None
        if isinstance(type_, StrawberryOptional):
            return self.converter(type_.of_type)
        if isinstance(type_, LazyType):
            return self.converter(type_.resolve_type())
        if isinstance(type_, StrawberryList):
            return self._list(type_.of_type)
        if type_ is GlobalID:
            return None
        if self._is_leaf(type_):
            return _as_given
        if has_object_definition(type_):
            return self._input(type_)
        return None

    def _is_leaf(self, type_: Any) -> bool:
        if isinstance(type_, LazyType):
            type_ = type_.resolve_type()
        return bool(
            is_scalar(type_, self._scalars)
            or isinstance(type_, StrawberryEnumDefinition)
            or has_enum_definition(type_)
        )

    def _list(self, item_type: Any) -> Convert | None:
        item = item_type.of_type if isinstance(item_type, StrawberryOptional) else item_type
        if item is not GlobalID and not isinstance(item, StrawberryMaybe) and self._is_leaf(item):
            # copied: graphql-core gives one default list to every request that leaves it out
            return lambda value: value if value is None or value is UNSET else list(value)
        convert_item = self.converter(item_type)
        if convert_item is None:
            return None

        def convert(value: Any) -> Any:
            if value is None or value is UNSET:
                return value
            return [convert_item(x) for x in value]

        return convert

    def _input(self, input_type: Any) -> Convert | None:
        if input_type in self._inputs:
            return self._inputs[input_type]
        definition = input_type.__strawberry_definition__
        if definition.from_input is not None:
            self._inputs[input_type] = None
            return None
        # an input that contains itself finds its converter here while it is being built
        self._inputs[input_type] = lambda value: build(value)
        known_before = set(self._inputs) - {input_type}
        fields: list[tuple[str, str, Convert]] = []
        for field in definition.fields:
            convert_field = self.converter(field.resolve_type(type_definition=definition))
            if convert_field is None:  # nor the inputs built meanwhile that may contain it
                for built in set(self._inputs) - known_before:
                    self._inputs[built] = None
                return None
            fields.append((self._names_of.from_field(field), field.python_name, convert_field))
        left_out = {
            field.python_name: None
            for field in definition.fields
            if definition.is_input
            and field.default_value is MISSING
            and field.default_factory is MISSING
        }

        def build(value: Any) -> Any:
            if value is None or value is UNSET:
                return value
            kwargs = dict(left_out)
            for gql_name, python_name, convert_field in fields:
                if gql_name in value:
                    kwargs[python_name] = convert_field(value[gql_name])
            return input_type(**kwargs)

        self._inputs[input_type] = build
        return build


def _as_given(value: Any) -> Any:
    return value
