"""What an operation costs before it runs: its complexity and depth, with every fragment
expanded where it is spread.

Complexity: every selected field costs 1; the fields under a list cost as many times as the
list's literal `limit`, or for a connection's `edges` its `first`/`last` (10 when not given or
given by a variable), at most 1000 times. A fragment costs what its fields cost at each place it
is spread (a fragment spread ten times inside a list of 100 costs a thousand times its fields),
so moving fields into fragments never makes them cheaper; the same goes for depth.

Each fragment is scored once per (multiplier, page size) and reused, so a document whose
fragments spread each other many times is scored in time linear in its size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)

DEFAULT_LIST_COST = 10
MAX_MULTIPLIER = 1000


@dataclass(frozen=True)
class Cost:
    complexity: int
    depth: int


def _is_list(t: Any) -> bool:
    if isinstance(t, GraphQLNonNull):
        t = t.of_type
    return isinstance(t, GraphQLList)


def int_argument(node: FieldNode, name: str) -> int:
    """A literal integer argument's value; 0 when absent or given by a variable."""
    value = next((a.value for a in node.arguments or () if a.name.value == name), None)
    return int(value.value) if isinstance(value, IntValueNode) else 0


def operation_cost(
    schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode | None
) -> Cost:
    """The cost of `operation` with its fragments expanded (RecursionError when the fragments
    nest deeper than Python can follow: the caller refuses the query)."""
    if operation is None:
        return Cost(0, 0)
    scorer = _Scorer(schema, document)
    root = schema.get_root_type(operation.operation)
    complexity, depth = scorer.selections(operation.selection_set, root, 1, 0, frozenset())
    return Cost(complexity, depth)


class _Scorer:
    """Scores one document's selections as (complexity, depth), each fragment once per
    (multiplier, page size)."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.scored: dict[tuple[str, int, int], tuple[int, int]] = {}

    def selections(
        self, node: SelectionSetNode, parent: Any, mult: int, page: int, open_: frozenset[str]
    ) -> tuple[int, int]:
        total = deepest = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                cost, depth = self.field(selection, parent, mult, page, open_)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                cost, depth = self.selections(selection.selection_set, inner, mult, page, open_)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in open_:  # unknown or a cycle: validation refuses
                    continue
                key = (name, mult, page)
                if key not in self.scored:
                    inner = self.schema.get_type(fragment.type_condition.name.value)
                    self.scored[key] = self.selections(
                        fragment.selection_set, inner, mult, page, open_ | {name}
                    )
                cost, depth = self.scored[key]
            else:
                continue
            total += cost
            deepest = max(deepest, depth)
        return total, deepest

    def field(
        self, node: FieldNode, parent: Any, mult: int, page: int, open_: frozenset[str]
    ) -> tuple[int, int]:
        inner_mult, inner_type = mult, None
        name = node.name.value
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) and name in parent.fields:
            field_type = parent.fields[name].type
            if _is_list(field_type):
                n = int_argument(node, "limit") or page
                inner_mult = min(mult * (n if n > 0 else DEFAULT_LIST_COST), MAX_MULTIPLIER)
            inner_type = get_named_type(field_type)
        if node.selection_set is None:
            return mult, 1
        # a connection's `first`/`last`: how many `edges` its list field holds
        inner_page = int_argument(node, "first") or int_argument(node, "last")
        cost, depth = self.selections(node.selection_set, inner_type, inner_mult, inner_page, open_)
        return mult + cost, depth + 1
