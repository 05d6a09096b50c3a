"""What one API request did, collected while it runs: for the request journal.

The control plane's middleware opens a trace per request (`begin`); the unit of work stamps the
events it writes with the trace's request id, and each transport notes the refusals it answers
(code, message, path and the rule's `explain`), so the journal entry can tell why a request was
refused and the timeline which request caused a change. Code that runs outside a request
(seeding, the webhook sender) has no trace and notes nothing.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RequestTrace:
    request_id: int
    refusals: list[dict[str, Any]] = field(default_factory=list)
    #: Rows the request wrote: table -> row id -> the columns changed ("*" for an insert).
    wrote: dict[str, dict[int, set[str]]] = field(default_factory=dict)

    def note_write(self, table: str, row_id: int, columns: set[str]) -> None:
        self.wrote.setdefault(table, {}).setdefault(row_id, set()).update(columns)

    def written(self) -> dict[str, dict[str, list[str]]]:
        """What the request wrote, JSON-ready."""
        return {
            t: {str(i): sorted(cols) for i, cols in rows.items()} for t, rows in self.wrote.items()
        }


_CURRENT: ContextVar[RequestTrace | None] = ContextVar("mockcentra_request_trace", default=None)


def begin(request_id: int) -> tuple[RequestTrace, Token]:
    """Open the trace of the request `request_id`; pass the token to `end`."""
    trace = RequestTrace(request_id)
    return trace, _CURRENT.set(trace)


def end(token: Token) -> None:
    _CURRENT.reset(token)


def current() -> RequestTrace | None:
    return _CURRENT.get()


def request_id() -> int | None:
    """The journal id of the request being served (None outside a request)."""
    trace = _CURRENT.get()
    return trace.request_id if trace is not None else None


def note_refusal(refusal: dict[str, Any]) -> None:
    """Keep a refusal the request answers (the transports call this where they convert one)."""
    trace = _CURRENT.get()
    if trace is not None:
        trace.refusals.append(refusal)
