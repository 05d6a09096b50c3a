"""Per-request context: the unit of work, the token's permissions and the app's runtime."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from starlette.requests import HTTPConnection

from mockcentra.state.runtime import Runtime
from mockcentra.storage.uow import UnitOfWork


@dataclass
class Context:
    uow: UnitOfWork
    permissions: frozenset[str]
    runtime: Runtime
    integration_name: str = "default"
    store_id: int | None = None
    #: The bearer token, whose rate limit buckets `rateLimits` reports.
    token: str | None = None
    #: The HTTP request being answered (None outside one).
    request: HTTPConnection | None = None
    #: Per-request memo (currencies by code, rows already loaded) so lists avoid repeat reads.
    cache: dict[Any, Any] = field(default_factory=dict)

    @property
    def session(self) -> Any:
        return self.uow.session

    @cached_property
    def base_url(self) -> str:
        """Where this server is reached (`http://host:port`), for the URLs of files it serves;
        read from the request when a field first needs it (most requests never do)."""
        return str(self.request.base_url).rstrip("/") if self.request is not None else ""

    def absolute_url(self, url: str) -> str:
        """A path this server serves (`/media/...`) as a full URL; other URLs as they are."""
        return f"{self.base_url}{url}" if url.startswith("/") else url
