"""Relay connections, one generic shape for every `*Connection` root field.

`Connection[Order]` prints as `OrderConnection { totalCount pageInfo edges { cursor node } }`
with `OrderEdge`; a root field takes `first/after/last/before` plus its list's `where` and
`sort`, builds the list's cursor `Source` and returns `connection(...)`. The paging itself
(slicing, cursors, `hasNextPage`/`hasPreviousPage`) is `mockcentra.domain.cursors`.
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry

from mockcentra.domain.cursors import CursorPage, SortKey, Source, Window, cursor_page

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    _count: strawberry.Private[Callable[[], int]]

    @strawberry.field
    def total_count(self) -> int:
        """How many rows the `where` filter matches, counted only when asked for."""
        return self._count()


def connection(
    source: Source,
    keys: Sequence[SortKey],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    loaded: Callable[[list[Any]], None] | None = None,
) -> Connection[Any]:
    """The page `first/after/last/before` asks for; `loaded(rows)` lets the area preload what
    the page's nodes point at (as its plain list does)."""
    page: CursorPage = cursor_page(source, keys, Window(first, after, last, before))
    if loaded is not None:
        loaded(page.rows)
    return Connection(
        edges=[Edge(cursor=c, node=row) for c, row in zip(page.cursors, page.rows, strict=True)],
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        _count=page.count,
    )
