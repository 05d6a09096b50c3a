"""The Integration API schema: every area's Query and Mutation merged into one."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, TypeGuard

import strawberry
from graphql import DocumentNode, ExecutionResult, GraphQLError, OperationType, get_operation_ast
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from mockcentra.graphql import dates, direct, permissions
from mockcentra.graphql.areas import AREAS
from mockcentra.graphql.caches import (
    DocumentCache,
    document_of,
    kept_with_document,
    validation_errors,
)
from mockcentra.graphql.errors import is_client_error
from mockcentra.graphql.execution import (
    PlainExecutor,
    Plans,
    has_directives,
    install_type_resolvers,
)
from mockcentra.graphql.inputs import Converters
from mockcentra.graphql.scalars import SCALARS
from mockcentra.graphql.validation import VALIDATION_RULES, listify_arguments


class CentraSchema(strawberry.Schema):
    def _create_execution_context(self, *args, **kwargs):
        """Every request validates with Centra's relaxed variable typing."""
        context = super()._create_execution_context(*args, **kwargs)
        context.validation_rules = VALIDATION_RULES
        return context

    def process_errors(self, errors, execution_context=None) -> None:
        """Only failures of the server are logged; refusals and bad input are the client's."""
        for error in errors:
            if not is_client_error(error):
                super().process_errors([error], execution_context)

    def run(
        self,
        query: str,
        variables: dict[str, Any] | None,
        context: Any,
        operation_name: str | None,
    ) -> Any:
        """Run one operation synchronously (`data`, `errors`).

        A query or mutation whose document parses and validates (both kept per query text)
        runs on graphql-core's plain executor (mockcentra.graphql.execution): no incremental
        delivery (the schema has no `@defer` or `@stream`), and nothing awaitable to look for,
        as every resolver is synchronous. Anything else (a syntax or validation error, an operation that is not
        there, variables that do not coerce) goes through strawberry, which words the reply."""
        try:
            document = document_of(query)
        except GraphQLError:
            document = None
        if document is not None and not validation_errors(
            self._schema, query, document, VALIDATION_RULES
        ):
            operation = get_operation_ast(document, operation_name)
            if operation is not None and operation.operation in RUNS_PLAIN:
                executor = PlainExecutor.build(
                    self._schema,
                    document,
                    context_value=context,
                    raw_variable_values=variables,
                    operation_name=operation_name,
                    is_awaitable=_never_awaitable,
                )
                if isinstance(executor, PlainExecutor):  # else: the errors of its variables
                    executor.plans = self._plans(query, document, operation_name)
                    try:
                        result = executor.execute_operation()
                        if not isinstance(result, ExecutionResult):  # nothing is awaitable here
                            raise TypeError("A synchronous operation answered asynchronously.")
                    except Exception as exc:  # as strawberry answers what escapes execution
                        error = exc if isinstance(exc, GraphQLError) else None
                        error = error or GraphQLError(str(exc), original_error=exc)
                        result = ExecutionResult(None, [error])
                    if result.errors:
                        self.process_errors(result.errors)
                    return result
        return self.execute_sync(
            query, variables, context_value=context, operation_name=operation_name
        )

    def _plans(self, query: str, document: DocumentNode, operation_name: str | None) -> Plans:
        """The document's execution plans, kept with it when no directive makes them depend on
        the request's variables."""
        kept = kept_with_document(
            self._schema,
            query,
            document,
            operation_name,
            lambda: Plans(shared=not has_directives(document)),
        )
        return kept if kept.shared else Plans(shared=False)


#: The operations `CentraSchema.run` executes itself (a subscription goes through strawberry).
RUNS_PLAIN = (OperationType.QUERY, OperationType.MUTATION)


def _never_awaitable(_value: Any) -> TypeGuard[Awaitable[Any]]:
    return False


def build_schema() -> CentraSchema:
    query = merge_types("Query", tuple(a.Query for a in AREAS if hasattr(a, "Query")))
    mutation = merge_types("Mutation", tuple(a.Mutation for a in AREAS if hasattr(a, "Mutation")))
    schema = CentraSchema(
        query=query,
        mutation=mutation,
        extensions=[DocumentCache],
        config=StrawberryConfig(scalar_map=SCALARS),
        types=[t for a in AREAS for t in getattr(a, "EXTRA_TYPES", ())],
    )
    names_of = schema.config.name_converter
    converters = Converters(schema.schema_converter.scalar_registry, names_of)
    direct.install(schema._schema, names_of, converters)
    dates.install(schema._schema)
    listify_arguments(schema._schema)
    permissions.install(schema._schema)
    install_type_resolvers(schema._schema)
    return schema


_SHARED: CentraSchema | None = None


def shared_schema() -> CentraSchema:
    """The schema is the same for every app in a process (and immutable): build it once."""
    global _SHARED
    if _SHARED is None:
        _SHARED = build_schema()
    return _SHARED


def print_sdl(schema: CentraSchema | None = None) -> str:
    return (schema or build_schema()).as_str() + "\n"
