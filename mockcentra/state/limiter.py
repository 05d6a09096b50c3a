"""The optional fixed-window request limit in front of the APIs (MOCKCENTRA_RATE_LIMIT)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RateLimiter:
    """A fixed window per credential: `limit` requests per `window` seconds of the mock clock
    (so a frozen clock holds the window until it is advanced)."""

    limit: int
    window: float
    windows: dict[str, tuple[float, int]] = field(default_factory=dict)

    def take(self, key: str, now: float) -> float | None:
        """None when the request may go; otherwise the seconds until the window reopens."""
        started, used = self.windows.get(key, (now, 0))
        if now - started >= self.window or now < started:
            started, used = now, 0
        if used >= self.limit:
            return self.window - (now - started)
        self.windows[key] = (started, used + 1)
        return None

    def clear(self) -> None:
        self.windows.clear()
