"""The executor of an operation: graphql-core's, except that a field which only reads a value
and answers a scalar or enum is read and completed in one step.

graphql-core handles every field alike: it collects the field's nodes, builds a resolve info,
looks at the arguments, calls the resolver, checks twice whether the result is awaitable and
completes it through the non-null and leaf steps. A page of orders has a few hundred fields
that just read an attribute or call a method of the row (`quantity`, `SKU`, `value`), and
need none of that but the last step. `direct.install` marks their resolvers with the function
that reads the value (`leaf_read`); for those fields this executor calls it on the source and
completes the value the way graphql-core does, with the same errors in the same places (a
null where the schema says non-null, a value the scalar cannot serialize, an exception while
reading). A field whose resolver is wrapped (a permission check, `format:`) or that is given
arguments goes the usual way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.execution.executor_throwing_on_incremental import ExecutorThrowingOnIncremental

from mockcentra.storage.records import Record

#: The attribute of a resolver naming how to read its value: (read, leaf type, non-null).
LEAF_READ = "leaf_read"


def mark_leaf(resolve: Any, read: Callable[[Any], Any], field_type: Any) -> None:
    """Let the executor read this field as `read(source)` when its type is a scalar or enum."""
    non_null = isinstance(field_type, GraphQLNonNull)
    leaf = field_type.of_type if non_null else field_type
    if is_leaf_type(leaf):
        setattr(resolve, LEAF_READ, (read, leaf, non_null))


class PlainExecutor(ExecutorThrowingOnIncremental):
    """No incremental delivery; marked leaf fields are read inline."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        field_def = self.schema.get_field(parent_type, node.name.value)
        plain = getattr(field_def.resolve, LEAF_READ, None) if field_def else None
        if field_def is None or plain is None or node.arguments:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        read, leaf, non_null = plain
        try:
            result = read(source)
            if isinstance(result, Exception):
                raise result
            if result is None or result is Undefined:
                if non_null:
                    raise TypeError(
                        f"Cannot return null for non-nullable field"
                        f" {parent_type}.{node.name.value}."
                    )
                return None
            return self.complete_leaf_value(leaf, result)
        except Exception as raw_error:
            self.handle_field_error(raw_error, field_def.type, field_details_list, path)
            return None


def _record_first(original: Any) -> Any:
    def resolve_type(value: Any, info: Any, abstract_type: Any) -> Any:
        if not isinstance(value, Record):
            return original(value, info, abstract_type)
        for possible in info.schema.get_possible_types(abstract_type):
            if possible.is_type_of is not None and possible.is_type_of(value, info):
                return possible.name
        return None

    return resolve_type


def install_type_resolvers(schema: GraphQLSchema) -> None:
    """A record (mockcentra.storage.records) in an interface field is typed by its possible
    types' `is_type_of`, as graphql-core's default resolver would end up doing: strawberry's
    resolver first looks for a cast and a strawberry instance, which a record never is."""
    for gql_type in schema.type_map.values():
        if isinstance(gql_type, GraphQLInterfaceType) and gql_type.resolve_type is not None:
            gql_type.resolve_type = _record_first(gql_type.resolve_type)
