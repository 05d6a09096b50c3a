"""The executor of an operation: graphql-core's, with the per-field work it repeats for every
field and every list item worked out once per document.

graphql-core handles every field alike: it collects the field's nodes, looks its definition
up, builds a path and a resolve info, looks at the arguments, calls the resolver, checks twice
whether the result is awaitable and completes it through the non-null, list, leaf and object
steps, each a call of its own. A page of orders has a few hundred fields, most of which just
read an attribute or call a method of the row (`quantity`, `SKU`, `value`). This executor:

- keeps what it works out for a selection (its collected subfields, and each field's
  definition and how to read it: `FieldStep`) in `Plans`, shared by every request of the same
  cached document whose selections do not depend on variables (no directives), else for the
  one request;
- reads a field that `direct.install` marked (`leaf_read`: a scalar or enum read from the
  source) inline, and builds its path only for an error;
- completes lists and objects without graphql-core's awaitable and `@stream` checks: every
  resolver is synchronous, and the documents it runs carry no directive that could stream.

Errors stay the same in the same places: a null where the schema says non-null, a value the
scalar cannot serialize, an exception while reading, with the same paths and locations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FloatValueNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    SelectionSetNode,
    StringValueNode,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import CollectedFields, collect_subfields
from graphql.execution.executor_throwing_on_incremental import ExecutorThrowingOnIncremental
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path

from mockcentra.storage.records import Record

#: The attribute of a resolver naming how to read its value: (read, leaf type, non-null).
LEAF_READ = "leaf_read"


def mark_leaf(resolve: Any, read: Callable[[Any], Any], field_type: Any) -> None:
    """Let the executor read this field as `read(source)` when its type is a scalar or enum."""
    non_null = isinstance(field_type, GraphQLNonNull)
    leaf = field_type.of_type if non_null else field_type
    if is_leaf_type(leaf):
        setattr(resolve, LEAF_READ, (read, leaf, non_null))


class FieldStep(NamedTuple):
    """One entry of a selection: its response key, its nodes and definition, and for a marked
    leaf field without arguments how to read it (`read` is None for the other fields).
    `arguments` are the field's coerced arguments when they are the same for every request
    (none, defaults, plain literals), else None: worked out per request."""

    name: str
    details: Any
    definition: Any
    read: Callable[[Any], Any] | None
    leaf: Any
    null_message: str | None
    nodes: list[FieldNode]
    arguments: dict[str, Any] | None


class Plans:
    """What executing one operation works out per selection: the root's fields, each
    selection's subfields, each grouped field set's steps. `shared` when they hold for every
    request of the document (no directive makes a selection depend on variables)."""

    def __init__(self, shared: bool) -> None:
        self.shared = shared
        self.root: dict[str, Any] | None = None
        self.subfields: dict[tuple[Any, int], tuple[Any, CollectedFields]] = {}
        self.steps: dict[tuple[Any, int], tuple[Any, list[FieldStep]]] = {}


def has_directives(document: DocumentNode) -> bool:
    """Whether a selection of `document` carries a directive, or a fragment takes variables:
    then which fields are collected may depend on the request's variables."""
    pending: list[SelectionSetNode] = []
    for definition in document.definitions:
        if getattr(definition, "variable_definitions", None) and not hasattr(
            definition, "operation"
        ):
            return True  # a fragment with variables
        selection_set = getattr(definition, "selection_set", None)
        if selection_set is not None:
            pending.append(selection_set)
    while pending:
        for selection in pending.pop().selections:
            if selection.directives:
                return True
            if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                pending.append(selection.selection_set)
            elif not isinstance(selection, FieldNode | InlineFragmentNode | FragmentSpreadNode):
                return True  # pragma: no cover - a selection graphql-core does not know
    return False


#: Literal argument values that coerce to the same immutable value in every request.
_FIXED_LITERALS = (IntValueNode, FloatValueNode, StringValueNode, BooleanValueNode, NullValueNode)
_IMMUTABLE = (str, int, float, bool, type(None))


def _fixed_arguments(definition: Any, details: Any) -> dict[str, Any] | None:
    """The field's coerced arguments when no variable can change them, else None."""
    if not definition.args:
        return {}
    node = details[0].node
    if details[0].fragment_variable_values is not None or any(
        not isinstance(argument.value, _FIXED_LITERALS) for argument in node.arguments or ()
    ):
        return None
    try:
        values = get_argument_values(definition, node)
    except Exception:  # refused again, in its place, when the field runs
        return None
    return values if all(type(v) in _IMMUTABLE for v in values.values()) else None


def _steps_of(
    schema: GraphQLSchema, parent_type: GraphQLObjectType, grouped_field_set: Any
) -> list[FieldStep]:
    steps = []
    for name, details in grouped_field_set.items():
        node = details[0].node
        definition = schema.get_field(parent_type, node.name.value)
        if definition is None:
            continue  # graphql-core leaves out a field the type does not have
        nodes = [d.node for d in details]
        plain = getattr(definition.resolve, LEAF_READ, None)
        if plain is None or node.arguments:
            arguments = _fixed_arguments(definition, details)
            steps.append(FieldStep(name, details, definition, None, None, None, nodes, arguments))
            continue
        read, leaf, non_null = plain
        message = (
            f"Cannot return null for non-nullable field {parent_type}.{node.name.value}."
            if non_null
            else None
        )
        steps.append(FieldStep(name, details, definition, read, leaf, message, nodes, {}))
    return steps


class PlainExecutor(ExecutorThrowingOnIncremental):
    """No incremental delivery; the work per selection kept in `plans`; marked leaf fields
    read inline."""

    plans: Plans

    def execute_collected_root_fields(
        self,
        root_type: GraphQLObjectType,
        root_value: Any,
        grouped_field_set: Any,
        serially: bool,
        new_defer_usages: Any,
    ) -> Any:
        """The root's fields as the first request of a shared plan collected them, so that
        what is kept per selection is found again."""
        plans = self.plans
        if plans.shared and not new_defer_usages:
            if plans.root is None:
                plans.root = grouped_field_set
            grouped_field_set = plans.root
        return super().execute_collected_root_fields(
            root_type, root_value, grouped_field_set, serially, new_defer_usages
        )

    def collect_subfields(self, return_type: GraphQLObjectType, field_details_list: Any) -> Any:
        subfields = self.plans.subfields
        key = (return_type, id(field_details_list))
        found = subfields.get(key)
        if found is None:
            collected = collect_subfields(
                self.schema,
                self.fragments,
                self.variable_values,
                self.operation,
                return_type,
                field_details_list,
                self.hide_suggestions,
            )
            # the list is kept with its entry, so that its id is not reused meanwhile
            found = subfields.setdefault(key, (field_details_list, collected))
        return found[1]

    def _field_steps(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> list:
        steps = self.plans.steps
        key = (parent_type, id(grouped_field_set))
        found = steps.get(key)
        if found is None:
            made = _steps_of(self.schema, parent_type, grouped_field_set)
            found = steps.setdefault(key, (grouped_field_set, made))
        return found[1]

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Any,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        """Every resolver is synchronous: the results are values, never awaited."""
        results: dict[str, Any] = {}
        type_name = parent_type.name
        for step in self._field_steps(parent_type, grouped_field_set):
            name, details, definition, read, leaf, null_message, _, _ = step
            if read is None:
                field_path = Path(path, name, type_name)
                results[name] = self._resolve(step, parent_type, source_value, field_path)
                continue
            try:
                value = read(source_value)
                if isinstance(value, Exception):
                    raise value
                if value is None or value is Undefined:
                    if null_message is not None:
                        raise TypeError(null_message)
                    results[name] = None
                    continue
                results[name] = self.complete_leaf_value(leaf, value)
            except Exception as raw_error:
                field_path = Path(path, name, type_name)
                self.handle_field_error(raw_error, definition.type, details, field_path)
                results[name] = None
        return results

    def _resolve(
        self, step: FieldStep, parent_type: GraphQLObjectType, source: Any, path: Path
    ) -> Any:
        """graphql-core's `execute_field` for a field of a kept step: its nodes and fixed
        arguments are known, and neither the result nor its completion is awaitable."""
        if self.middleware_manager:
            return self.execute_field(parent_type, source, step.details, path, None)
        definition = step.definition
        return_type = definition.type
        info = GraphQLResolveInfo(
            step.nodes[0].name.value,
            step.nodes,
            return_type,
            parent_type,
            path,
            self.schema,
            self.fragment_definitions,
            self.root_value,
            self.operation,
            self.variable_values,
            self.context_value,
            self.is_awaitable,
            self.abort_signal,
            self.async_helpers,
        )
        try:
            arguments = step.arguments
            if arguments is None:
                first = step.details[0]
                arguments = get_argument_values(
                    definition,
                    first.node,
                    self.variable_values,
                    first.fragment_variable_values,
                    self.hide_suggestions,
                )
            result = (definition.resolve or self.field_resolver)(source, info, **arguments)
            return self.complete_value(return_type, step.details, info, path, result, None)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, step.details, path)
            return None

    def complete_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        """graphql-core's completion, with lists and objects completed here."""
        if isinstance(result, Exception):
            raise result
        kind = type(return_type)
        if kind is GraphQLNonNull:
            completed = self.complete_value(
                return_type.of_type, field_details_list, info, path, result, None
            )
            if completed is None:
                raise TypeError(
                    "Cannot return null for non-nullable field"
                    f" {info.parent_type}.{info.field_name}."
                )
            return completed
        if result is None or result is Undefined:
            return None
        if kind is GraphQLObjectType:
            return self.complete_object_value(
                return_type, field_details_list, info, path, result, None
            )
        if kind is GraphQLList and type(result) is list and self.plans.shared:
            return self._complete_list(return_type.of_type, field_details_list, info, path, result)
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _complete_list(
        self, item_type: Any, field_details_list: Any, info: Any, path: Any, items: list
    ) -> list:
        """A list's items, as `complete_iterable_value` completes them when nothing is
        awaitable and nothing streams (a shared plan's document has no `@stream`)."""
        completed: list[Any] = []
        append = completed.append
        complete_value = self.complete_value
        for index, item in enumerate(items):
            item_path = Path(path, index, None)
            try:
                append(complete_value(item_type, field_details_list, info, item_path, item, None))
            except Exception as raw_error:
                self.handle_field_error(raw_error, item_type, field_details_list, item_path)
                append(None)
        return completed

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        """graphql-core's, where `is_type_of` is synchronous."""
        is_type_of = return_type.is_type_of
        if is_type_of is not None and not is_type_of(result, info):
            return super().complete_object_value(
                return_type, field_details_list, info, path, result, position_context
            )
        collected = self.collect_subfields(return_type, field_details_list)
        if collected.new_defer_usages:
            return self.execute_collected_subfields(
                return_type,
                result,
                path,
                collected.grouped_field_set,
                collected.new_defer_usages,
                None,
            )
        return self.execute_fields(return_type, result, path, collected.grouped_field_set, None)


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
