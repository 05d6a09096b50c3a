"""Resolvers that graphql-core calls directly, without strawberry's per-call wrapping.

strawberry wraps every resolver in per-call work: it builds its own `Info`, converts arguments,
chains field extensions and only then calls the function; a field without a resolver goes
through `StrawberryField.get_result` to its default resolver. A list of orders calls such
fields (line prices, totals, child lists, plain columns) a few hundred times per request, so
the fields that need none of that are pointed straight at their function:

- a plain attribute (no resolver, no extensions) reads the attribute;
- a synchronous resolver without field extensions (a method, or a static resolver whose
  first parameter is `root: Parent[Row]`) is called with the arguments given,
  renamed, when each of them is a scalar (strawberry passes a scalar as graphql-core parsed it,
  under its Python name) or null (strawberry passes None for any null but a `Maybe`);
  arguments left out take the function's defaults, as with strawberry. A request that gives
  an input object, enum or list goes through strawberry's conversion (`orders(limit: 10)` is
  called directly, `orders(where: ...)` is converted).

These resolvers get graphql-core's `GraphQLResolveInfo`, which carries the `context` and
`operation` that mockcentra's resolvers read; nothing in mockcentra reads strawberry-only
`Info` attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLField, GraphQLObjectType, GraphQLScalarType, GraphQLSchema
from graphql import get_nullable_type as nullable
from strawberry.relay.types import GlobalID
from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import StrawberryMaybe, StrawberryOptional

from mockcentra.graphql.execution import mark_leaf

Resolver = Callable[..., Any]


def _direct(func: Resolver, takes_self: bool, info_name: str | None) -> Resolver:
    if takes_self and info_name:
        return lambda source, info, **_: func(source, **{info_name: info})
    if takes_self:
        return lambda source, info, **_: func(source)
    if info_name:
        return lambda source, info, **_: func(**{info_name: info})
    return lambda source, info, **_: func()


def _with_arguments(
    func: Resolver, takes_self: bool, info_name: str | None, names: dict[str, str]
) -> Resolver:
    """`names`: each argument's GraphQL name and its Python name."""

    def resolve(source: Any, info: Any, **given: Any) -> Any:
        kwargs = {names[k]: v for k, v in given.items() if k in names}
        if info_name:
            kwargs[info_name] = info
        return func(source, **kwargs) if takes_self else func(**kwargs)

    return resolve


def _attribute(name: str) -> Resolver:
    def resolve(source: Any, info: Any, **_: Any) -> Any:
        return getattr(source, name)

    return resolve


def _reader(name: str) -> Callable[[Any], Any]:
    return lambda source: getattr(source, name)


def _when_given_scalars(
    func: Resolver,
    takes_self: bool,
    info_name: str | None,
    names: dict[str, str],
    others: dict[str, str],
    converting: Resolver,
) -> Resolver:
    """Called directly when every argument given is one of the plain scalars in `names`, or
    null (a null default included: `stores(where: null)`); through strawberry's conversion
    (`converting`) when another one is given a value. `others`: the other arguments' GraphQL
    and Python names."""
    direct = _with_arguments(func, takes_self, info_name, {**names, **others})

    def resolve(source: Any, info: Any, **given: Any) -> Any:
        for name, value in given.items():
            if name not in names and (value is not None or name not in others):
                return converting(source, info, **given)
        return direct(source, info, **given)

    return resolve


def _scalar_names(
    f: GraphQLField, field: Any, names_of: NameConverter
) -> tuple[dict[str, str], dict[str, str]]:
    """The GraphQL and Python names of the field's arguments that are plain scalars, and of
    the others."""
    names: dict[str, str] = {}
    others: dict[str, str] = {}
    for argument in field.arguments:
        gql_name = names_of.from_argument(argument)
        gql_argument = f.args.get(gql_name)
        kind = argument.type
        if isinstance(kind, StrawberryOptional):
            kind = kind.of_type
        if (
            gql_argument is None
            or not isinstance(nullable(gql_argument.type), GraphQLScalarType)
            or kind is GlobalID
        ):
            others[gql_name] = argument.python_name
            continue
        names[gql_name] = argument.python_name
    return names, others


def _takes_source_first(resolver: Any) -> bool | None:
    """Whether the function takes the parent object as its first argument (`self`, or a
    static resolver's `root: Parent[Row]`); None when it takes it some other way."""
    source = [p for p in (resolver.self_parameter, resolver.root_parameter) if p is not None]
    if resolver.parent_parameter is not None and resolver.parent_parameter not in source:
        source.append(resolver.parent_parameter)
    if not source:
        return False
    if len(source) > 1:
        return None
    first = next(iter(resolver.signature.parameters.values()))
    return True if first == source[0] else None


def install(schema: GraphQLSchema, names_of: NameConverter) -> int:
    """Point every eligible field at its function; returns how many fields it changed."""
    changed = 0
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType) or gql_type.name.startswith("__"):
            continue
        for f in gql_type.fields.values():
            field = (f.extensions or {}).get("strawberry-definition")
            if field is None or field.extensions:
                continue
            resolver = field.base_resolver
            if resolver is None:
                if getattr(f.resolve, "_is_default", False):
                    f.resolve = _attribute(field.python_name)
                    mark_leaf(f.resolve, _reader(field.python_name), f.type)
                    changed += 1
                continue
            if resolver.is_async:
                continue
            takes_self = _takes_source_first(resolver)
            if takes_self is None:
                continue
            if any(isinstance(a.type, StrawberryMaybe) for a in field.arguments):
                continue  # strawberry tells an argument left out from one given as null
            names, others = _scalar_names(f, field, names_of) if field.arguments else ({}, {})
            info = resolver.info_parameter
            info_name = info and info.name
            if others:
                f.resolve = _when_given_scalars(
                    resolver.wrapped_func, takes_self, info_name, names, others, f.resolve
                )
            elif names:
                f.resolve = _with_arguments(resolver.wrapped_func, takes_self, info_name, names)
            else:
                f.resolve = _direct(resolver.wrapped_func, takes_self, info_name)
                if takes_self and not info_name:
                    mark_leaf(f.resolve, resolver.wrapped_func, f.type)
            changed += 1
    return changed
