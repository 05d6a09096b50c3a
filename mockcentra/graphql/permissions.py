"""Permissions declared where types and fields are defined, checked against the token.

A field requires its own declared permission (``field(permission=...)``) or, if it declares
none, the read permission of the object type it returns (``@read_permission``; for a Relay
connection, its nodes' type). The check wraps
only those resolvers; ``permissionsUsed`` is worked out once per query text, like Centra's
static query analysis, and with it the deprecation reports Centra adds to ``extensions``:

- a permission renamed under Centra's new convention (``Product.Brand:read`` -> ``Brand:read``)
  is declared with ``deprecated=``; a token holding either is let through, both are reported
  in ``permissionsUsed`` and the pair in ``deprecatedPermissionsUsed``;
- a field with a ``deprecation_reason`` is reported in ``deprecatedFieldsUsed`` with its date of
  removal (``removal=``) when one is set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, TypeVar

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
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

from mockcentra.graphql.caches import analyses
from mockcentra.graphql.cost import operation_cost

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


def _metadata(f: Any) -> dict[str, Any]:
    definition = (f.extensions or {}).get("strawberry-definition")
    return getattr(definition, "metadata", None) or {}


def _field_permissions(
    gql_type: GraphQLObjectType | GraphQLInterfaceType, name: str
) -> tuple[tuple[str, ...], str | None]:
    """The permissions a field needs, and the deprecated old name of the first one (or None)."""
    f = gql_type.fields[name]
    metadata = _metadata(f)
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


def _possible(schema: GraphQLSchema, gql_type: Any) -> frozenset[str]:
    """The object types a selection on `gql_type` can be."""
    if isinstance(gql_type, GraphQLObjectType):
        return frozenset({gql_type.name})
    if gql_type is None or not hasattr(gql_type, "name"):
        return frozenset()
    try:
        return frozenset(t.name for t in schema.get_possible_types(gql_type))
    except Exception:  # noqa: BLE001 - not an abstract type
        return frozenset()


def _field_context(schema: GraphQLSchema, node: FieldNode, gql_type: Any) -> frozenset[str]:
    """The object types a field's selection is about: the types it can return, narrowed to
    those its selection names in `... on Type` (`object { ... on Product { id } ...attrs }`
    is about products), as Centra reports permissions for such payloads."""
    possible = _possible(schema, get_named_type(gql_type))
    if len(possible) <= 1 or node.selection_set is None:
        return possible
    named = frozenset(
        s.type_condition.name.value
        for s in node.selection_set.selections
        if isinstance(s, InlineFragmentNode) and s.type_condition is not None
    )
    return (possible & named) or possible


def _narrowed(schema: GraphQLSchema, context: frozenset[str], condition: Any) -> frozenset[str]:
    """The context inside `... on Condition`: the types both allow (the condition's own types
    when nothing narrower is known)."""
    allowed = _possible(schema, condition)
    both = context & allowed
    return both or allowed


def _interface_field_permissions(
    schema: GraphQLSchema, parent: Any, name: str, context: frozenset[str]
) -> tuple[tuple[str, ...], str | None]:
    """A field selected on an interface reports what its implementations in context declare
    (`attributes` on a product is `Product.attributes:read`); without context, the
    interface's own declaration."""
    concrete = [
        t
        for t in (schema.type_map.get(n) for n in sorted(context & _possible(schema, parent)))
        if isinstance(t, GraphQLObjectType)
    ]
    if not concrete:
        return _field_permissions(parent, name)
    found: dict[str, None] = {}
    deprecated: str | None = None
    for t in concrete:
        if name in t.fields:
            perms, old = _field_permissions(t, name)
            for perm in perms:
                found.setdefault(perm)
            deprecated = deprecated or old
    return tuple(found), deprecated


class _Spreads(Visitor):
    """One pass over a document: the contexts each fragment spread sees."""

    def __init__(
        self,
        schema: GraphQLSchema,
        type_info: TypeInfo,
        fragments: dict[str, FragmentDefinitionNode],
        contexts: dict[str, frozenset[str]],
    ) -> None:
        super().__init__()
        self.schema, self.type_info = schema, type_info
        self.fragments, self.contexts = fragments, contexts
        self.stack: list[frozenset[str]] = []

    def enter_operation_definition(self, *_: Any) -> None:
        self.stack.append(_possible(self.schema, self.type_info.get_type()))

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: Any) -> None:
        self.stack.append(self.contexts.get(node.name.value, frozenset()))

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.stack.append(_field_context(self.schema, node, self.type_info.get_type()))

    def enter_inline_fragment(self, *_: Any) -> None:
        self.stack.append(_narrowed(self.schema, self.stack[-1], self.type_info.get_type()))

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        definition = self.fragments.get(node.name.value)
        if definition is None:
            return
        condition = self.schema.type_map.get(definition.type_condition.name.value)
        narrowed = _narrowed(self.schema, self.stack[-1], condition)
        name = node.name.value
        self.contexts[name] = self.contexts.get(name, frozenset()) | narrowed

    def leave_operation_definition(self, *_: Any) -> None:
        self.stack.pop()

    leave_fragment_definition = leave_field = leave_inline_fragment = leave_operation_definition


def _spread_contexts(schema: GraphQLSchema, document: DocumentNode) -> dict[str, frozenset[str]]:
    """For each fragment, the object types it is spread on (fragments in fragments too)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    contexts: dict[str, frozenset[str]] = {}
    for _ in range(len(fragments) + 1):  # a fixpoint: each round reaches one level deeper
        before = dict(contexts)
        type_info = TypeInfo(schema)
        visit(
            document, TypeInfoVisitor(type_info, _Spreads(schema, type_info, fragments, contexts))
        )
        if contexts == before:
            break
    return contexts


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
            perms, deprecated = _field_permissions(gql_type, name)
            if perms:
                f.resolve = _guard(f.resolve, perms, deprecated, name)


def deprecated_field_notice(type_name: str, field_name: str, f: Any) -> str:
    """Centra's `deprecatedFieldsUsed` entry for a field."""
    notice = f"Field: {type_name}.{field_name}, reason: {f.deprecation_reason}"
    removal = _metadata(f).get("removal")
    return f"{notice}, date of removal: {removal}" if removal else notice


@dataclass(frozen=True)
class Analysis:
    """What a query will touch, known before it runs."""

    is_mutation: bool
    complexity: int
    permissions: tuple[str, ...]
    depth: int = 0
    #: Centra's `deprecatedFieldsUsed` and `deprecatedPermissionsUsed` entries.
    deprecated_fields: tuple[str, ...] = ()
    deprecated_permissions: tuple[str, ...] = ()

    def extensions(self) -> dict[str, Any]:
        """The analysis part of a response's `extensions`; the deprecation lists only when an
        operation touched something deprecated, as Centra sends them."""
        body: dict[str, Any] = {
            "complexity": self.complexity,
            "permissionsUsed": list(self.permissions),
        }
        if self.deprecated_fields:
            body["deprecatedFieldsUsed"] = list(self.deprecated_fields)
        if self.deprecated_permissions:
            body["deprecatedPermissionsUsed"] = list(self.deprecated_permissions)
        return body


def _chosen(
    operations: list[OperationDefinitionNode], operation_name: str | None
) -> OperationDefinitionNode:
    """The operation a request runs: the one `operationName` names, else the only one; a
    GraphQLError (400, like any other invalid request) when there is none such, with
    graphql-core's words."""
    if operation_name is not None:
        for op in operations:
            if op.name and op.name.value == operation_name:
                return op
        raise GraphQLError(f"Unknown operation named '{operation_name}'.")
    if not operations:  # only fragments
        raise GraphQLError("Must provide an operation.")
    if len(operations) > 1:
        raise GraphQLError("Must provide operation name if query contains multiple operations.")
    return operations[0]


class Analyzer(Protocol):
    """`analyze(query, operation_name)`; `analyze.known(...)` is the kept analysis or None."""

    def __call__(self, query: str, operation_name: str | None) -> Analysis: ...

    def known(self, query: str, operation_name: str | None) -> Analysis | None: ...


def make_analyzer(schema: GraphQLSchema) -> Analyzer:
    """An analysis per (query text, operation name), cached within a budget of query text.

    Complexity and depth are scored with every fragment expanded where it is spread
    (mockcentra.graphql.cost)."""

    def analyze(query: str, operation_name: str | None) -> Analysis:
        return analyses.get_or_make(
            (schema, query, operation_name), len(query), lambda: _analyze(query, operation_name)
        )

    def known(query: str, operation_name: str | None) -> Analysis | None:
        return analyses.find((schema, query, operation_name))

    def _analyze(query: str, operation_name: str | None) -> Analysis:
        try:
            document: DocumentNode = parse(query)
        except RecursionError:
            raise _too_deep() from None
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        op = _chosen(operations, operation_name)
        type_info = TypeInfo(schema)
        used: dict[str, None] = {}
        old_fields: dict[str, None] = {}
        old_permissions: dict[str, None] = {}
        spread_contexts = _spread_contexts(schema, document)
        contexts: list[frozenset[str]] = [frozenset()]

        class Walker(Visitor):
            def enter_field(self, node: FieldNode, *_: Any) -> None:
                parent = type_info.get_parent_type()
                name = node.name.value
                if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) and (
                    name in parent.fields
                ):
                    if isinstance(parent, GraphQLInterfaceType):
                        perms, deprecated = _interface_field_permissions(
                            schema, parent, name, contexts[-1]
                        )
                    else:
                        perms, deprecated = _field_permissions(parent, name)
                    for perm in perms:
                        used.setdefault(perm)
                    if deprecated:
                        used.setdefault(deprecated)
                        old_permissions.setdefault(
                            f"Field: {parent.name}.{name}, deprecated: {deprecated}, "
                            f"current: {perms[0]}"
                        )
                    if parent.fields[name].deprecation_reason is not None:
                        old_fields.setdefault(
                            deprecated_field_notice(parent.name, name, parent.fields[name])
                        )
                contexts.append(_field_context(schema, node, type_info.get_type()))

            def leave_field(self, *_: Any) -> None:
                contexts.pop()

            def enter_inline_fragment(self, node: InlineFragmentNode, *_: Any) -> None:
                contexts.append(_narrowed(schema, contexts[-1], type_info.get_type()))

            def leave_inline_fragment(self, *_: Any) -> None:
                contexts.pop()

            def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: Any) -> None:
                contexts.append(spread_contexts.get(node.name.value, frozenset()))

            def leave_fragment_definition(self, *_: Any) -> None:
                contexts.pop()

            def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any):
                if node is not op:
                    return Visitor.SKIP
                contexts.append(_possible(schema, type_info.get_type()))
                return None

        visit(document, TypeInfoVisitor(type_info, Walker()))
        try:
            cost = operation_cost(schema, document, op)
        except RecursionError:
            raise _too_deep() from None
        return Analysis(
            is_mutation=bool(op and op.operation == OperationType.MUTATION),
            complexity=cost.complexity,
            permissions=tuple(used),
            depth=cost.depth,
            deprecated_fields=tuple(old_fields),
            deprecated_permissions=tuple(old_permissions),
        )

    analyze.known = known  # type: ignore[attr-defined]
    return analyze  # type: ignore[return-value]


def _too_deep() -> GraphQLError:
    return GraphQLError(
        "The query is nested too deeply to parse.", extensions={"category": "complexity"}
    )


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
            perms, deprecated = _field_permissions(gql_type, name)
            names.update(perms)
            if deprecated:
                names.add(deprecated)
    return tuple(sorted(names))
