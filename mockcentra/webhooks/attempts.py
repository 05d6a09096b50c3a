"""One webhook attempt as the sender sees it: the claimed job, what came of it, and how a
failure is worded in the delivery log."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from mockcentra import __version__
from mockcentra.webhooks import signing


@dataclass(frozen=True)
class Job:
    """One claimed attempt: everything needed to send it without the database."""

    delivery_id: int
    subscription_id: int
    claim: str
    attempt: int
    url: str
    body: str
    signature: str
    timeout: float
    verify: bool
    retries: int
    retry_delay: float

    @property
    def headers(self) -> dict[str, str]:
        return {
            "Content-Type": signing.CONTENT_TYPE,
            "Accept": "*/*",
            "User-Agent": f"mockcentra-webhook/{__version__}",
            signing.HEADER: self.signature,
        }


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to: the status code or error, its duration, the reply's start."""

    status_code: int | None
    error: str | None
    duration_ms: int
    excerpt: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def failure_text(exc: Exception) -> str:
    """A failed attempt's error as the delivery log shows it."""
    if isinstance(exc, httpx.TimeoutException):
        return f"timeout: {type(exc).__name__}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
