"""The Integration API schema: every area's Query and Mutation merged into one."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from mockcentra.graphql import dates, direct, permissions
from mockcentra.graphql.areas import AREAS
from mockcentra.graphql.caches import DocumentCache
from mockcentra.graphql.errors import is_client_error
from mockcentra.graphql.scalars import SCALARS
from mockcentra.graphql.validation import VALIDATION_RULES, listify_arguments


class CentraSchema(strawberry.Schema):
    def _create_execution_context(self, *args, **kwargs):  # type: ignore[override]
        """Every request validates with Centra's relaxed variable typing."""
        context = super()._create_execution_context(*args, **kwargs)
        context.validation_rules = VALIDATION_RULES
        return context

    def process_errors(self, errors, execution_context=None) -> None:  # type: ignore[override]
        """Only failures of the server are logged; refusals and bad input are the client's."""
        for error in errors:
            if not is_client_error(error):
                super().process_errors([error], execution_context)


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
    direct.install(schema._schema)
    dates.install(schema._schema)
    listify_arguments(schema._schema)
    permissions.install(schema._schema)
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
