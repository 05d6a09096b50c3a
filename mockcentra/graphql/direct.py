"""Resolvers without arguments are called by graphql-core directly.

strawberry wraps every resolver in per-call work: it builds its own `Info`, converts arguments,
chains field extensions and only then calls the function. A field with no arguments, no field
extensions and a synchronous resolver needs none of that, and a list of orders calls such
resolvers (line prices, totals, child lists) a few hundred times per request. These resolvers
get graphql-core's `GraphQLResolveInfo`, which carries the `context` and `operation` that
mockcentra's resolvers read; nothing in mockcentra reads strawberry-only `Info` attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema

Resolver = Callable[..., Any]


def _direct(func: Resolver, takes_self: bool, info_name: str | None) -> Resolver:
    if takes_self and info_name:
        return lambda source, info, **_: func(source, **{info_name: info})
    if takes_self:
        return lambda source, info, **_: func(source)
    if info_name:
        return lambda source, info, **_: func(**{info_name: info})
    return lambda source, info, **_: func()


def install(schema: GraphQLSchema) -> int:
    """Point every eligible field at its function; returns how many fields it changed."""
    changed = 0
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType) or gql_type.name.startswith("__"):
            continue
        for f in gql_type.fields.values():
            field = (f.extensions or {}).get("strawberry-definition")
            resolver = getattr(field, "base_resolver", None)
            if (
                resolver is None
                or field.extensions
                or field.arguments
                or resolver.is_async
                or resolver.root_parameter
                or resolver.parent_parameter
            ):
                continue
            info = resolver.info_parameter
            f.resolve = _direct(
                resolver.wrapped_func, resolver.self_parameter is not None, info and info.name
            )
            changed += 1
    return changed
