"""The `format:` argument of every date field, added once to the built schema.

Centra's date fields take a PHP `date()` pattern (`orderDate(format: "Y-m-d")`,
`updatedAt(format: "Y-m-d\\\\TH:i:sO")`). Rather than declare it on each of the many date
fields, every field of type `DateTimeTz` or `Date` gets the argument here, and its resolver
prints the value with the pattern when one is given (see `scalars.format_moment`).
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLString,
    default_field_resolver,
    get_named_type,
)

from mockcentra.graphql.scalars import format_moment

DATE_SCALARS = ("DateTimeTz", "Date")
ARGUMENT = GraphQLArgument(
    GraphQLString,
    description='A PHP date() pattern, e.g. "Y-m-d" or "Y-m-d\\\\TH:i:sO"; the value is printed '
    "with it in the instance's time zone.",
)


def _formatting(inner: Any) -> Any:
    def resolve(source: Any, info: Any, **kwargs: Any) -> Any:
        pattern = kwargs.pop("format", None)
        value = inner(source, info, **kwargs)
        return value if pattern is None else format_moment(value, pattern)

    return resolve


def install(schema: GraphQLSchema) -> None:
    """Add `format: String` to every date field (interfaces too, so fragments on them validate)."""
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType | GraphQLInterfaceType):
            continue
        if gql_type.name.startswith("__"):
            continue
        for f in gql_type.fields.values():
            if get_named_type(f.type).name not in DATE_SCALARS or "format" in f.args:
                continue
            f.args["format"] = ARGUMENT
            if isinstance(gql_type, GraphQLObjectType):
                f.resolve = _formatting(f.resolve or default_field_resolver)
