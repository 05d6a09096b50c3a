"""Argument values converted by the converters built once per type (graphql/inputs.py) equal
strawberry's own conversion, for every input type of the schema: with every field given and
with only the required ones."""

from __future__ import annotations

from dataclasses import MISSING
from typing import Any

import pytest
from strawberry.types.arguments import convert_argument
from strawberry.types.base import (
    StrawberryList,
    StrawberryObjectDefinition,
    StrawberryOptional,
    has_object_definition,
)
from strawberry.types.lazy_type import LazyType

from mockcentra.graphql.inputs import Converters
from mockcentra.graphql.schema import build_schema

SCHEMA = build_schema()
NAMES = SCHEMA.config.name_converter
REGISTRY = SCHEMA.schema_converter.scalar_registry
INPUTS = sorted(
    (
        t.definition.origin
        for t in SCHEMA.schema_converter.type_map.values()
        if isinstance(t.definition, StrawberryObjectDefinition) and t.definition.is_input
    ),
    key=lambda t: t.__name__,
)


class Parsed:
    """A scalar or enum value as graphql-core parsed it: both conversions pass it on as is."""


def _value(type_: Any, full: bool, depth: int) -> Any:
    if isinstance(type_, LazyType):
        type_ = type_.resolve_type()
    if isinstance(type_, StrawberryOptional):
        return _value(type_.of_type, full, depth) if full and depth < 3 else None
    if isinstance(type_, StrawberryList):
        return [_value(type_.of_type, full, depth + 1), _value(type_.of_type, full, depth + 1)]
    if has_object_definition(type_):
        definition = type_.__strawberry_definition__
        value = {}
        for field in definition.fields:
            kind = field.resolve_type(type_definition=definition)
            required = not isinstance(kind, StrawberryOptional) and field.default_value is MISSING
            if full or required:
                value[NAMES.from_field(field)] = _value(kind, full, depth + 1)
        return value
    return Parsed()


@pytest.mark.parametrize("full", [True, False], ids=["every field", "required fields"])
def test_each_input_type_converts_as_strawberry_converts_it(full: bool) -> None:
    converters = Converters(REGISTRY, NAMES)
    covered = 0
    for input_type in INPUTS:
        convert = converters.converter(input_type)
        if convert is None:
            continue
        given = _value(input_type, full, 0)
        assert convert(given) == convert_argument(given, input_type, REGISTRY, SCHEMA.config), (
            input_type.__name__
        )
        covered += 1
    assert covered >= 0.9 * len(INPUTS)


def test_a_list_given_is_copied() -> None:
    # graphql-core hands every request that leaves a list out the same default list
    converters = Converters(REGISTRY, NAMES)
    convert = converters.converter(StrawberryList(of_type=int))
    assert convert is not None
    given = [1, 2]

    converted = convert(given)

    assert converted == [1, 2] and converted is not given
