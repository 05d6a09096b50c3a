"""The request journal (as WireMock keeps one): every API request, filterable for verification."""

from __future__ import annotations

import re
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from mockcentra.runtime.wire import UnreadableInput, read_json

_OPERATION = re.compile(r"^\s*(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")
_FIRST_FIELD = re.compile(r"\{\s*([_A-Za-z][_0-9A-Za-z]*)")


@dataclass
class JournalEntry:
    id: int
    at: str
    method: str
    path: str
    query: str
    status: int
    duration_ms: float
    operation_name: str | None
    root_field: str | None
    request_body: str | None
    #: When the request began, by the mock's clock (`at` is when it ended).
    started_at: str | None = None
    #: Each refusal the request answered: code, message, path and, where the rule says it,
    #: `explain` (the rule and the values it compared).
    refusals: list[dict[str, Any]] = field(default_factory=list)
    #: The rows it wrote: table -> row id -> columns changed ("*": inserted).
    wrote: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: "console read" / "console action" for the console's own requests, else None.
    source: str | None = None


#: Bodies up to this size have their names kept: clients send the same few bodies again.
KEPT_BODY_BYTES = 4096


def graphql_names(body: bytes) -> tuple[str | None, str | None]:
    """The operation name (given or written in the document) and the first root field."""
    if len(body) <= KEPT_BODY_BYTES:
        return _kept_names(body)
    return _names(body)


@lru_cache(maxsize=256)
def _kept_names(body: bytes) -> tuple[str | None, str | None]:
    return _names(body)


def _names(body: bytes) -> tuple[str | None, str | None]:
    try:
        data = read_json(body or b"null")
    except UnreadableInput:  # the endpoint answers it
        return None, None
    if not isinstance(data, dict) or not isinstance(data.get("query"), str):
        return None, None
    text = re.sub(r"#[^\n]*", "", data["query"])
    match = _OPERATION.search(text)
    name = data.get("operationName") or (match.group(2) if match else None)
    field = _FIRST_FIELD.search(text)
    return name, field.group(1) if field else None


class Journal:
    """The last `size` requests, newest last."""

    def __init__(self, size: int = 5000) -> None:
        self.entries: deque[JournalEntry] = deque(maxlen=size)
        self._next = 1

    def reserve(self) -> int:
        """The id of a request that starts now (ids never repeat, not even after a reset, so
        an event stamped with one never points at another request)."""
        entry_id = self._next
        self._next += 1
        return entry_id

    def record(
        self,
        at: str,
        method: str,
        path: str,
        query: str,
        status: int,
        started: float,
        body: bytes,
        *,
        entry_id: int | None = None,
        started_at: str | None = None,
        refusals: list[dict[str, Any]] | None = None,
        wrote: dict[str, dict[str, list[str]]] | None = None,
        source: str | None = None,
        names: tuple[str | None, str | None] | None = None,
    ) -> None:
        """`names`: the operation name and first root field when the caller has read them from
        the body already (`graphql_names`); read here otherwise."""
        if names is not None:
            op, root = names
        elif path.endswith("/graphql") and method == "POST":
            op, root = graphql_names(body)
        else:
            op, root = None, None
        text = body.decode("utf-8", "replace")[:4000] if body else None
        self.entries.append(
            JournalEntry(
                entry_id if entry_id is not None else self.reserve(),
                at,
                method,
                path,
                query,
                status,
                round((time.perf_counter() - started) * 1000, 3),
                op,
                root,
                text,
                started_at,
                list(refusals or []),
                dict(wrote or {}),
                source,
            )
        )

    def get(self, entry_id: int) -> dict[str, Any] | None:
        """One entry by id, while the journal still holds it."""
        for e in reversed(self.entries):
            if e.id == entry_id:
                return asdict(e)
        return None

    def find(
        self,
        *,
        method: str | None = None,
        path: str | None = None,
        operation_name: str | None = None,
        status: int | None = None,
    ) -> list[dict[str, Any]]:
        out = []
        for e in self.entries:
            if method and e.method != method.upper():
                continue
            if path and not (
                e.path == path or (path.endswith("*") and e.path.startswith(path[:-1]))
            ):
                continue
            if operation_name and operation_name not in (e.operation_name, e.root_field):
                continue
            if status is not None and e.status != status:
                continue
            out.append(asdict(e))
        return out

    def clear(self) -> None:
        self.entries.clear()
