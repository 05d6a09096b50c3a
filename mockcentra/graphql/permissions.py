"""Permissions declared where types and fields are defined, checked against the token.

A field requires its own declared permission (``field(permission=...)``) or, if it declares
none, the read permission of the object type it returns (``@read_permission``; for a Relay
connection, its nodes' type). The check wraps only those resolvers; ``permissionsUsed``
and the deprecation reports Centra adds to ``extensions`` are worked out once per query text
(analysis.py) from these declarations:

- a permission renamed under Centra's new convention (``Product.Brand:read`` -> ``Brand:read``)
  is declared with ``deprecated=``; a token holding either is let through, both are reported
  in ``permissionsUsed`` and the pair in ``deprecatedPermissionsUsed``;
- a field with a ``deprecation_reason`` is reported in ``deprecatedFieldsUsed`` with its date of
  removal (``removal=``) when one is set.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

import strawberry
from graphql import (
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    default_field_resolver,
    get_named_type,
)

ALL = "*"
_NO_PERMISSION = ""
T = TypeVar("T")
#: mockcentra keeps a field it renamed for one release: the first release after this date
#: removes it. Renames Centra made itself carry no date (Centra publishes none for them).
RENAMED_FIELD_REMOVAL = "2027-06-30"


def read_permission(permission: str, deprecated: str | None = None) -> Callable[[type[T]], type[T]]:
    """Declare the permission needed to read any field that returns this object type (and the
    old name still accepted for it, if Centra renamed it)."""

    def mark(cls: type[T]) -> type[T]:
        cls.__centra_permission__ = permission  # type: ignore[attr-defined]
        cls.__centra_deprecated_permission__ = deprecated  # type: ignore[attr-defined]
        return cls

    return mark


def field(
    *args: Any,
    permission: str | tuple[str, ...] | None = None,
    deprecated: str | None = None,
    removal: str | None = None,
    **kwargs: Any,
) -> Any:
    """`strawberry.field` with a declared permission; `permission=""` declares none at all.

    `deprecated` is the old name of the (first) permission, still accepted and reported as
    deprecated; `removal` is the date of removal of a field with a `deprecation_reason`.
    """
    metadata = dict(kwargs.get("metadata") or {})
    if permission is not None:
        metadata["permission"] = permission
    if deprecated is not None:
        metadata["deprecated_permission"] = deprecated
    if removal is not None:
        metadata["removal"] = removal
    if metadata:
        kwargs["metadata"] = metadata
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


def metadata_of(f: Any) -> dict[str, Any]:
    definition = (f.extensions or {}).get("strawberry-definition")
    return getattr(definition, "metadata", None) or {}


def field_permissions(
    gql_type: GraphQLObjectType | GraphQLInterfaceType, name: str
) -> tuple[tuple[str, ...], str | None]:
    """The permissions a field needs, and the deprecated old name of the first one (or None)."""
    f = gql_type.fields[name]
    metadata = metadata_of(f)
    declared = metadata.get("permission")
    if declared is not None:
        deprecated = metadata.get("deprecated_permission")
        if isinstance(declared, tuple):
            return declared, deprecated
        return (() if declared == _NO_PERMISSION else (declared,)), deprecated
    perm, deprecated = _read_permission_of(get_named_type(f.type))
    return ((perm,) if perm else ()), (deprecated if perm else None)


def _read_permission_of(target: Any) -> tuple[str | None, str | None]:
    """The read permission of an object type (and its deprecated old name); a Relay connection
    needs its node type's."""
    origin = getattr((target.extensions or {}).get("strawberry-definition"), "origin", None)
    perm = getattr(origin, "__centra_permission__", None)
    if perm is None and isinstance(target, GraphQLObjectType) and "pageInfo" in target.fields:
        edge = get_named_type(target.fields["edges"].type)
        return _read_permission_of(get_named_type(edge.fields["node"].type))
    return perm, getattr(origin, "__centra_deprecated_permission__", None)


def _guard(
    resolve: Callable[..., Any] | None,
    perms: tuple[str, ...],
    deprecated: str | None,
    field_name: str,
):
    inner = resolve or default_field_resolver
    first = perms[0]

    def checked(source: Any, info: Any, **kwargs: Any) -> Any:
        granted = info.context.permissions
        if ALL not in granted:
            for perm in perms:
                if perm not in granted and not (perm == first and deprecated in granted):
                    raise PermissionDenied(perm, field_name)
        return inner(source, info, **kwargs)

    return checked


def install(schema: GraphQLSchema) -> None:
    """Wrap the resolvers of every field that needs a permission with the token check."""
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType) or gql_type.name.startswith("__"):
            continue
        for name, f in gql_type.fields.items():
            perms, deprecated = field_permissions(gql_type, name)
            if perms:
                f.resolve = _guard(f.resolve, perms, deprecated, name)


@lru_cache(maxsize=4)
def permission_names(schema: GraphQLSchema) -> tuple[str, ...]:
    """Every permission a field of the schema declares or accepts, sorted (`permissionNames`)."""
    names: set[str] = set()
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType | GraphQLInterfaceType):
            continue
        if gql_type.name.startswith("__"):
            continue
        for name in gql_type.fields:
            perms, deprecated = field_permissions(gql_type, name)
            names.update(perms)
            if deprecated:
                names.add(deprecated)
    return tuple(sorted(names))
