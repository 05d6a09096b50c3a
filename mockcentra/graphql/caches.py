"""Caches keyed by query text, bounded by the bytes of text they keep rather than by entries:
a few hundred distinct megabyte-sized documents must not pin gigabytes of text and syntax
trees. A document too big for a fair share of the budget is never kept (parsing it again costs
little next to running it); the least recently used entries go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any, Generic, TypeVar

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

V = TypeVar("V")

#: Query text kept by each cache. Syntax trees take about ten to twenty times their text.
CACHE_BYTES = 4 * 1024 * 1024
#: The largest text a cache keeps; bigger documents are parsed each time.
ENTRY_BYTES = 64 * 1024


class TextBoundedCache(Generic[V]):
    """An LRU map whose entries are charged the length of their query text (thread-safe: GraphQL
    requests run on worker threads)."""

    def __init__(self, budget: int = CACHE_BYTES, entry_limit: int = ENTRY_BYTES) -> None:
        self.budget = budget
        self.entry_limit = entry_limit
        self.used = 0
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, size: int, make: Callable[[], V]) -> V:
        """The cached value for `key`, or `make()` (kept when `size` fits the limits)."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        value = make()  # outside the lock: parsing or analysing may take a while
        if size > self.entry_limit:
            return value
        with self._lock:
            if key not in self._entries:
                self._entries[key] = (value, size)
                self.used += size
                while self.used > self.budget:
                    _, (_, dropped) = self._entries.popitem(last=False)
                    self.used -= dropped
        return value

    def find(self, key: Hashable) -> V | None:
        """The cached value for `key`, now the most recently used (None when not kept)."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def peek(self, key: Hashable) -> V | None:
        """The cached value for `key` without touching its recency (None when not kept)."""
        with self._lock:
            found = self._entries.get(key)
        return found[0] if found is not None else None

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.used = 0


_documents: TextBoundedCache[Any] = TextBoundedCache()
_validations: TextBoundedCache[Any] = TextBoundedCache()
#: What each (schema, query text, operation name) needs and costs (graphql.permissions).
analyses: TextBoundedCache[Any] = TextBoundedCache()
#: What executing each (schema, query text, operation name) works out per selection.
_plans: TextBoundedCache[Any] = TextBoundedCache()


def document_of(query: str) -> DocumentNode:
    """The parsed document of `query`, kept within the budget (a syntax error raises)."""
    return _documents.get_or_make(query, len(query), lambda: parse(query))


def validation_errors(
    schema: GraphQLSchema, query: str, document: DocumentNode, rules: Any
) -> list[GraphQLError]:
    """What validating `document` (the text `query`) with `rules` finds; kept with the document
    when the document is the cached one."""

    def validate() -> Any:
        return validate_document(schema, document, rules)

    if document is not _documents.peek(query):
        return validate()
    return _validations.get_or_make(query, len(query), validate)


def kept_with_document(
    schema: GraphQLSchema,
    query: str,
    document: DocumentNode,
    operation_name: str | None,
    make: Callable[[], V],
) -> V:
    """`make()` kept per schema, query text and operation name while `document` is the cached
    parse of `query`; made afresh for any other document."""
    if document is not _documents.peek(query):
        return make()
    return _plans.get_or_make((schema, query, operation_name), len(query), make)


class DocumentCache(SchemaExtension):
    """Strawberry's parse and validation steps, cached per query text within the byte budget
    (in place of its ParserCache and ValidationCache, which count entries)."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query or ""
        if context.parse_options:
            context.graphql_document = parse(query, **context.parse_options)
        else:
            context.graphql_document = document_of(query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query or ""
        document = context.graphql_document
        schema = context.schema._schema
        if document is None:  # strawberry validates only a document it parsed
            yield
            return
        if context.parse_options:
            context.pre_execution_errors = validate_document(
                schema, document, context.validation_rules
            )
        else:
            context.pre_execution_errors = validation_errors(
                schema, query, document, context.validation_rules
            )
        yield


def cache_usage() -> dict[str, int]:
    """Bytes of query text each cache holds (for tests and the health of a long-running server)."""
    return {
        "analyses": analyses.used,
        "documents": _documents.used,
        "plans": _plans.used,
        "validations": _validations.used,
    }
