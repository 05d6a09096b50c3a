"""The request journal (as WireMock keeps one): every API request, filterable for verification."""

from __future__ import annotations

import json
import re
import time
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any

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


def graphql_names(body: bytes) -> tuple[str | None, str | None]:
    """The operation name (given or written in the document) and the first root field."""
    try:
        data = json.loads(body or b"null")
    except ValueError:
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

    def record(
        self, at: str, method: str, path: str, query: str, status: int, started: float, body: bytes
    ) -> None:
        op, field = (
            graphql_names(body) if path.endswith("/graphql") and method == "POST" else (None, None)
        )
        text = body.decode("utf-8", "replace")[:4000] if body else None
        self.entries.append(
            JournalEntry(
                self._next,
                at,
                method,
                path,
                query,
                status,
                round((time.perf_counter() - started) * 1000, 3),
                op,
                field,
                text,
            )
        )
        self._next += 1

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
            out.append({k: v for k, v in asdict(e).items()})
        return out

    def clear(self) -> None:
        self.entries.clear()
