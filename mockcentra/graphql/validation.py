"""Centra's relaxed variable typing: date inputs take `String` variables, and a single value
may be passed where a list is expected (`where: {number: $n}` with `$n: Int!`)."""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLType,
    default_field_resolver,
    get_named_type,
    specified_rules,
    type_from_ast,
)
from graphql.validation import VariablesInAllowedPositionRule
from graphql.validation.rules.variables_in_allowed_position import allowed_variable_usage

TEXTUAL = {"String", "DateTimeTz", "Date"}


def _strip(t: GraphQLType) -> GraphQLType:
    return t.of_type if isinstance(t, GraphQLNonNull) else t


def relaxed_usage(
    schema: GraphQLSchema, var_type: Any, var_default: Any, loc: Any, loc_default: Any
) -> bool:
    if allowed_variable_usage(schema, var_type, var_default, loc, loc_default):
        return True
    location = _strip(loc)
    if isinstance(location, GraphQLList) and not isinstance(_strip(var_type), GraphQLList):
        if relaxed_usage(schema, var_type, var_default, location.of_type, loc_default):
            return True
    same_shape = isinstance(_strip(var_type), GraphQLList) == isinstance(location, GraphQLList)
    names = {get_named_type(var_type).name, get_named_type(loc).name}
    return same_shape and names <= TEXTUAL


class RelaxedVariablesInAllowedPositionRule(VariablesInAllowedPositionRule):
    def leave_operation_definition(self, operation: Any, *_args: Any) -> None:
        usages = self.context.get_recursive_variable_usages(operation)
        for usage in usages:
            node, type_ = usage.node, usage.type
            var_def = self.var_def_map.get(node.name.value)
            if not (var_def and type_):
                continue
            var_type = type_from_ast(self.context.schema, var_def.type)
            if var_type and not relaxed_usage(
                self.context.schema, var_type, var_def.default_value, type_, usage.default_value
            ):
                self.report_error(
                    GraphQLError(
                        f"Variable '${node.name.value}' of type '{var_type}' used"
                        f" in position expecting type '{type_}'.",
                        [var_def, node],
                    )
                )


VALIDATION_RULES = tuple(
    RelaxedVariablesInAllowedPositionRule if rule is VariablesInAllowedPositionRule else rule
    for rule in specified_rules
)


def _has_list(t: Any, seen: set[str]) -> bool:
    t = _strip(t)
    if isinstance(t, GraphQLList):
        return True
    if isinstance(t, GraphQLInputObjectType) and t.name not in seen:
        seen.add(t.name)
        return any(_has_list(f.type, seen) for f in t.fields.values())
    return False


def _listify(value: Any, t: Any) -> Any:
    t = _strip(t)
    if value is None:
        return None
    if isinstance(t, GraphQLList):
        items = value if isinstance(value, list) else [value]
        return [_listify(v, t.of_type) for v in items]
    if isinstance(t, GraphQLInputObjectType) and isinstance(value, dict):
        return {k: _listify(v, t.fields[k].type) if k in t.fields else v for k, v in value.items()}
    return value


def listify_arguments(schema: GraphQLSchema) -> None:
    """Wrap single values given (by variables) where a list is expected, on every field whose
    arguments contain a list; other fields keep their resolver untouched."""
    for gql_type in schema.type_map.values():
        if not isinstance(gql_type, GraphQLObjectType) or gql_type.name.startswith("__"):
            continue
        for f in gql_type.fields.values():
            list_args = {n: a.type for n, a in f.args.items() if _has_list(a.type, set())}
            if list_args:
                f.resolve = _wrap(f.resolve or default_field_resolver, list_args)


def _wrap(inner: Any, list_args: dict[str, Any]) -> Any:
    def resolve(source: Any, info: Any, **kwargs: Any) -> Any:
        for name, t in list_args.items():
            if name in kwargs:
                kwargs[name] = _listify(kwargs[name], t)
        return inner(source, info, **kwargs)

    return resolve
