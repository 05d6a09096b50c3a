"""What a query will touch, known before it runs: the permissions it uses, Centra's
deprecation reports, its complexity and depth. Worked out once per query text, like Centra's
static query analysis; the permissions each field declares are in permissions.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    get_named_type,
    parse,
    visit,
)

from mockcentra.graphql.caches import analyses
from mockcentra.graphql.cost import operation_cost
from mockcentra.graphql.permissions import field_permissions, metadata_of


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
        return field_permissions(parent, name)
    found: dict[str, None] = {}
    deprecated: str | None = None
    for t in concrete:
        if name in t.fields:
            perms, old = field_permissions(t, name)
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


def deprecated_field_notice(type_name: str, field_name: str, f: Any) -> str:
    """Centra's `deprecatedFieldsUsed` entry for a field."""
    notice = f"Field: {type_name}.{field_name}, reason: {f.deprecation_reason}"
    removal = metadata_of(f).get("removal")
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


class _Walker(Visitor):
    """One pass over the chosen operation and its fragments: the permissions each field needs
    (a field on an interface: what its implementations in context declare) and what
    deprecated fields and permission names it touches."""

    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode
    ) -> None:
        super().__init__()
        self.schema, self.op = schema, op
        self.type_info = TypeInfo(schema)
        self.spread_contexts = _spread_contexts(schema, document)
        self.contexts: list[frozenset[str]] = [frozenset()]
        self.used: dict[str, None] = {}
        self.old_fields: dict[str, None] = {}
        self.old_permissions: dict[str, None] = {}

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        parent = self.type_info.get_parent_type()
        name = node.name.value
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) and name in parent.fields:
            self._note(parent, name)
        self.contexts.append(_field_context(self.schema, node, self.type_info.get_type()))

    def _note(self, parent: GraphQLObjectType | GraphQLInterfaceType, name: str) -> None:
        if isinstance(parent, GraphQLInterfaceType):
            perms, deprecated = _interface_field_permissions(
                self.schema, parent, name, self.contexts[-1]
            )
        else:
            perms, deprecated = field_permissions(parent, name)
        for perm in perms:
            self.used.setdefault(perm)
        if deprecated:
            self.used.setdefault(deprecated)
            self.old_permissions.setdefault(
                f"Field: {parent.name}.{name}, deprecated: {deprecated}, current: {perms[0]}"
            )
        if parent.fields[name].deprecation_reason is not None:
            self.old_fields.setdefault(
                deprecated_field_notice(parent.name, name, parent.fields[name])
            )

    def enter_inline_fragment(self, node: InlineFragmentNode, *_: Any) -> None:
        self.contexts.append(_narrowed(self.schema, self.contexts[-1], self.type_info.get_type()))

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: Any) -> None:
        self.contexts.append(self.spread_contexts.get(node.name.value, frozenset()))

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> Any:
        if node is not self.op:
            return Visitor.SKIP
        self.contexts.append(_possible(self.schema, self.type_info.get_type()))
        return None

    def leave_field(self, *_: Any) -> None:
        self.contexts.pop()

    leave_inline_fragment = leave_fragment_definition = leave_field


class Analyzer:
    """`analyze(query, operation_name)`: an analysis per (query text, operation name), cached
    within a budget of query text; `analyze.known(...)` is the kept analysis or None.

    Complexity and depth are scored with every fragment expanded where it is spread
    (mockcentra.graphql.cost)."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema

    def __call__(self, query: str, operation_name: str | None) -> Analysis:
        return analyses.get_or_make(
            (self.schema, query, operation_name),
            len(query),
            lambda: self._analyze(query, operation_name),
        )

    def known(self, query: str, operation_name: str | None) -> Analysis | None:
        return analyses.find((self.schema, query, operation_name))

    def _analyze(self, query: str, operation_name: str | None) -> Analysis:
        try:
            document: DocumentNode = parse(query)
        except RecursionError:
            raise _too_deep() from None
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        op = _chosen(operations, operation_name)
        walker = _Walker(self.schema, document, op)
        visit(document, TypeInfoVisitor(walker.type_info, walker))
        try:
            cost = operation_cost(self.schema, document, op)
        except RecursionError:
            raise _too_deep() from None
        return Analysis(
            is_mutation=op.operation == OperationType.MUTATION,
            complexity=cost.complexity,
            permissions=tuple(walker.used),
            depth=cost.depth,
            deprecated_fields=tuple(walker.old_fields),
            deprecated_permissions=tuple(walker.old_permissions),
        )


def _too_deep() -> GraphQLError:
    return GraphQLError(
        "The query is nested too deeply to parse.", extensions={"category": "complexity"}
    )
