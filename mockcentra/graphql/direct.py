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
  arguments left out take the function's defaults, as with strawberry; an input object, enum
  or list argument is converted with its type's converter built once (mockcentra.graphql.
  inputs), and a request that gives a value of a type it does not cover goes through
  strawberry's conversion.

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
from mockcentra.graphql.inputs import Convert, Converters

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
    func: Resolver,
    takes_self: bool,
    info_name: str | None,
    names: dict[str, str],
    inputs: dict[str, tuple[str, Convert]] | None = None,
) -> Resolver:
    """`names`: each scalar argument's GraphQL name and its Python name; `inputs`: the same
    of the arguments whose values are converted, with their converters."""
    converted = inputs or {}

    def resolve(source: Any, info: Any, **given: Any) -> Any:
        kwargs = {names[k]: v for k, v in given.items() if k in names}
        for gql_name, (python_name, convert) in converted.items():
            if gql_name in given:
                kwargs[python_name] = convert(given[gql_name])
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
    arguments: _Arguments,
    converting: Resolver,
) -> Resolver:
    """Called directly when every argument given is a plain scalar, a value its converter
    covers, or null (a null default included: `stores(where: null)`); through strawberry's
    conversion (`converting`) when another one is given a value."""
    names, inputs, others = arguments
    direct = _with_arguments(func, takes_self, info_name, {**names, **others}, inputs)

    def resolve(source: Any, info: Any, **given: Any) -> Any:
        for name, value in given.items():
            if name in others and value is not None:
                return converting(source, info, **given)
        return direct(source, info, **given)

    return resolve


#: A field's arguments by GraphQL name: the plain scalars (their Python names), the ones
#: converted (Python name and converter), the others (Python names: strawberry converts them).
_Arguments = tuple[dict[str, str], dict[str, tuple[str, Convert]], dict[str, str]]


def _arguments(
    f: GraphQLField, field: Any, names_of: NameConverter, converters: Converters
) -> _Arguments:
    names: dict[str, str] = {}
    inputs: dict[str, tuple[str, Convert]] = {}
    others: dict[str, str] = {}
    for argument in field.arguments:
        gql_name = names_of.from_argument(argument)
        gql_argument = f.args.get(gql_name)
        kind = argument.type
        if isinstance(kind, StrawberryOptional):
            kind = kind.of_type
        if gql_argument is None or kind is GlobalID:
            others[gql_name] = argument.python_name
        elif isinstance(nullable(gql_argument.type), GraphQLScalarType):
            names[gql_name] = argument.python_name
        elif (convert := converters.converter(argument.type)) is not None:
            inputs[gql_name] = (argument.python_name, convert)
        else:
            others[gql_name] = argument.python_name
    return names, inputs, others


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


def install(schema: GraphQLSchema, names_of: NameConverter, converters: Converters) -> int:
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
            arguments = _arguments(f, field, names_of, converters) if field.arguments else None
            info = resolver.info_parameter
            info_name = info and info.name
            func = resolver.wrapped_func
            if arguments and arguments[2]:
                f.resolve = _when_given_scalars(func, takes_self, info_name, arguments, f.resolve)
            elif arguments:
                f.resolve = _with_arguments(func, takes_self, info_name, *arguments[:2])
            else:
                f.resolve = _direct(resolver.wrapped_func, takes_self, info_name)
                if takes_self and not info_name:
                    mark_leaf(f.resolve, resolver.wrapped_func, f.type)
            changed += 1
    return changed
