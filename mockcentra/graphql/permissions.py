"""Permissions declared where types and fields are defined, checked against the token.

A field requires its own declared permission (``field(permission=...)``) or, if it declares
none, the read permission of the object type it returns (``@read_permission``; for a Relay
connection, its nodes' type). The check wraps
only those resolvers; ``permissionsUsed`` is worked out once per query text, like Centra's
static query analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    default_field_resolver,
    get_named_type,
    parse,
    visit,
)

ALL = "*"
_NO_PERMISSION = ""
T = TypeVar("T")


def read_permission(permission: str) -> Callable[[type[T]], type[T]]:
    """Declare the permission needed to read any field that returns this object type."""

    def mark(cls: type[T]) -> type[T]:
        cls.__centra_permission__ = permission  # type: ignore[attr-defined]
        return cls

    return mark


def field(*args: Any, permission: str | tuple[str, ...] | None = None, **kwargs: Any) -> Any:
    """`strawberry.field` with a declared permission; `permission=""` declares none at all."""
    if permission is not None:
        kwargs["metadata"] = {**kwargs.get("metadata", {}), "permission": permission}
    return strawberry.field(*args, **kwargs)


def mutation(*args: Any, permission: str | tuple[str, ...], **kwargs: Any) -> Any:
    """A mutation field and the write permission it needs."""
    kwargs["metadata"] = {**kwargs.get("metadata", {}), "permission": permission}
    return strawberry.mutation(*args, **kwargs)


class PermissionDenied(GraphQLError):
    def __init__(self, permission: str, field_name: str) -> None:
        super().__init__(
            f"You need {permission} permission to access {field_name}.",
            extensions={"category": "authorization"},
        )


def _field_permissions(gql_type: GraphQLObjectType, name: str) -> tuple[str, ...]:
    f = gql_type.fields[name]
    definition = (f.extensions or {}).get("strawberry-definition")
    declared = (getattr(definition, "metadata", None) or {}).get("permission")
    if declared is not None:
        if isinstance(declared, tuple):
            return declared
        return () if declared == _NO_PERMISSION else (declared,)
    perm = _read_permission_of(get_named_type(f.type))
    return (perm,) if perm else ()


def _read_permission_of(target: Any) -> str | None:
    """The read permission of an object type; a Relay connection needs its node type's."""
    origin = getattr((target.extensions or {}).get("strawberry-definition"), "origin", None)
    perm = getattr(origin, "__centra_permission__", None)
    if perm is None and isinstance(target, GraphQLObjectType) and "pageInfo" in target.fields:
        edge = get_named_type(target.fields["edges"].type)
        return _read_permission_of(get_named_type(edge.fields["node"].type))
    return perm


def _guard(resolve: Callable[..., Any] | None, perms: tuple[str, ...], field_name: str):
    inner = resolve or default_field_resolver

    def checked(source: Any, info: Any, **kwargs: Any) -> Any:
        granted = info.context.permissions
        if ALL not in granted:
            for perm in perms:
                if perm not in granted:
                    raise PermissionDenied(perm, field_name)
        return inner(source, info, **kwargs)

    return checked


def install(schema: GraphQLSchema) -> None:
    """Wrap the resolvers of every field that needs a permission with the token check."""
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType) or gql_type.name.startswith("__"):
            continue
        for name, f in gql_type.fields.items():
            perms = _field_permissions(gql_type, name)
            if perms:
                f.resolve = _guard(f.resolve, perms, name)


@dataclass(frozen=True)
class Analysis:
    """What a query will touch, known before it runs."""

    is_mutation: bool
    complexity: int
    permissions: tuple[str, ...]
    depth: int = 0


DEFAULT_LIST_COST = 10


def _is_list(t: Any) -> bool:
    if isinstance(t, GraphQLNonNull):
        t = t.of_type
    return isinstance(t, GraphQLList)


def _int_argument(node: FieldNode, name: str) -> int:
    """A literal integer argument's value; 0 when absent or given by a variable."""
    value = next((a.value for a in node.arguments or () if a.name.value == name), None)
    return int(value.value) if getattr(value, "kind", "") == "int_value" else 0


def make_analyzer(schema: GraphQLSchema) -> Callable[[str, str | None], Analysis]:
    """A cached analysis per (query text, operation name).

    Complexity: every selected field costs 1; the fields under a list cost as many times as
    the list's literal `limit`, or for a connection's `edges` its `first`/`last` (10 when not
    given or given by a variable), at most 1000.
    """

    @lru_cache(maxsize=512)
    def analyze(query: str, operation_name: str | None) -> Analysis:
        try:
            document: DocumentNode = parse(query)
        except RecursionError:
            raise GraphQLError(
                "The query is nested too deeply to parse.",
                extensions={"category": "complexity"},
            ) from None
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        op = next(
            (o for o in operations if operation_name and o.name and o.name.value == operation_name),
            operations[0] if operations else None,
        )
        type_info = TypeInfo(schema)
        used: dict[str, None] = {}
        multipliers = [1]
        # a connection's `first`/`last`: how many `edges` its list field holds
        page_sizes: list[int] = [0]
        complexity = 0
        depth = 0

        class Walker(Visitor):
            def enter_field(self, node: FieldNode, *_: Any) -> None:
                nonlocal complexity, depth
                depth = max(depth, len(multipliers))
                parent = type_info.get_parent_type()
                complexity += multipliers[-1]
                mult = multipliers[-1]
                if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) and (
                    node.name.value in parent.fields
                ):
                    for perm in _field_permissions(parent, node.name.value):
                        used.setdefault(perm)
                    if _is_list(parent.fields[node.name.value].type):
                        n = _int_argument(node, "limit") or page_sizes[-1]
                        mult = min(mult * (n if n > 0 else DEFAULT_LIST_COST), 1000)
                multipliers.append(mult)
                page_sizes.append(_int_argument(node, "first") or _int_argument(node, "last"))

            def leave_field(self, *_: Any) -> None:
                multipliers.pop()
                page_sizes.pop()

            def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any):
                return None if node is op else Visitor.SKIP

        visit(document, TypeInfoVisitor(type_info, Walker()))
        return Analysis(
            is_mutation=bool(op and op.operation == OperationType.MUTATION),
            complexity=complexity,
            permissions=tuple(used),
            depth=depth,
        )

    return analyze
