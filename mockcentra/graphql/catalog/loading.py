"""Loading the children of a listed page at once (variants of products, sizes of variants,
sections of bundles): one statement per page instead of one per parent."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from strawberry.types import Info

from mockcentra.graphql import batch


def announce(info: Info, kind: str, ids: Iterable[int | None]) -> None:
    """Tell the batcher which parents a list put in the result, to load their children at once."""
    batch.announce(info, kind, ids)


def children(
    info: Info, kind: str, parent_id: int, load: batch.Loader, then: str | tuple[str, ...] = ()
) -> list[Any]:
    """The children of one parent; in a query, those of every announced parent come along
    (`then` announces the children for the next level, see `batch.batched`)."""
    return batch.batched(info, kind, parent_id, load, (then,) if isinstance(then, str) else then)
