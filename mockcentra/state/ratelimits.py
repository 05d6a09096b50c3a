"""Centra's Integration API rate limits: token buckets per token, one per type and interval.

Centra documents token buckets that start full, lose the request's cost when a request is
allowed and refill at a constant rate (quota per interval) up to the quota; a request that any
bucket cannot pay for is refused whole with 429. Time is the mock's clock, so a frozen clock
holds the buckets until it is advanced.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

TYPES = ("REQUEST_COUNT", "QUERY_COMPLEXITY", "MUTATION_COUNT")
INTERVALS = {"TEN_SECONDS": 10, "ONE_HOUR": 3600}
#: The buckets in the order the `rateLimits` query lists them (as in Centra's example).
KEYS = tuple((t, i) for t in TYPES for i in INTERVALS)
OFF = "off"
#: `centra` means Centra's default plan.
DEFAULT_PLAN = "growth"
_EPSILON = 1e-9

Quotas = dict[tuple[str, str], int]


def _plan(requests: tuple[int, int], complexity: tuple[int, int], mutations: tuple[int, int]):
    quotas: Quotas = {}
    for kind, (ten, hour) in zip(TYPES, (requests, complexity, mutations), strict=True):
        quotas[(kind, "TEN_SECONDS")] = ten
        quotas[(kind, "ONE_HOUR")] = hour
    return quotas


#: Centra's plans (centra.dev "Rate limits"; Growth is the default) and `classic`, the quotas of
#: the older docs' example answer for a fresh instance.
PLANS: dict[str, Quotas] = {
    "growth": _plan((60, 5000), (250_000, 30_000_000), (20, 1800)),
    "enhanced": _plan((150, 20_000), (900_000, 90_000_000), (50, 4500)),
    "high-volume": _plan((450, 40_000), (1_800_000, 180_000_000), (150, 7000)),
    "enterprise": _plan((1500, 85_000), (4_000_000, 400_000_000), (500, 25_000)),
    "classic": _plan((20, 10_000), (150_000, 20_000_000), (100, 1000)),
}
PLAN_NAMES = (OFF, "centra", *PLANS)


def plan_quotas(name: str) -> Quotas | None:
    """The quotas of a plan name (None for off); ValueError for an unknown name."""
    key = name.strip().lower()
    if key in (OFF, ""):
        return None
    if key == "centra":
        key = DEFAULT_PLAN
    if key not in PLANS:
        raise ValueError(f"Unknown rate limit plan '{name}': use one of {', '.join(PLAN_NAMES)}.")
    return dict(PLANS[key])


@dataclass
class _Bucket:
    tokens: float
    at: datetime


@dataclass(frozen=True)
class Refusal:
    """The bucket that refused a request; `wait` is None when its cost exceeds the quota."""

    type: str
    interval: str
    quota: int
    remaining: int
    cost: int
    wait: float | None


class RateLimits:
    """The buckets of every token plus the quotas in force (None: rate limiting is off)."""

    def __init__(self, plan: str = OFF) -> None:
        self.configured_plan = plan
        self._lock = threading.Lock()
        self._buckets: dict[str, dict[tuple[str, str], _Bucket]] = {}
        self.plan = OFF
        self.quotas: Quotas | None = None
        self.reset()

    @property
    def enabled(self) -> bool:
        return self.quotas is not None

    def configure(self, plan: str | None = None, quotas: dict[str, Any] | None = None) -> None:
        """Switch plan and/or override single quotas (`{"REQUEST_COUNT": {"TEN_SECONDS": 3}}`);
        usage starts over. Overrides on an off server start from the default plan."""
        new_plan = self.plan if plan is None else plan.strip().lower()
        new = plan_quotas(new_plan)
        if quotas:
            if new is None:
                new_plan, new = DEFAULT_PLAN, plan_quotas(DEFAULT_PLAN)
            assert new is not None
            for kind, by_interval in quotas.items():
                if kind not in TYPES or not isinstance(by_interval, dict):
                    raise ValueError(
                        f"'quotas' maps a type ({', '.join(TYPES)}) to "
                        f"{{interval: quota}}; got '{kind}'."
                    )
                for interval, quota in by_interval.items():
                    if interval not in INTERVALS:
                        raise ValueError(
                            f"Unknown interval '{interval}': use {' or '.join(INTERVALS)}."
                        )
                    if isinstance(quota, bool) or not isinstance(quota, int) or quota < 1:
                        raise ValueError(f"The quota of {kind} {interval} must be an integer >= 1.")
                    new[(kind, interval)] = quota
        with self._lock:
            self.plan = new_plan
            self.quotas = new
            self._buckets.clear()

    def reset(self) -> None:
        """Back to the configured plan with every bucket full."""
        self.configure(self.configured_plan)

    def clear(self) -> None:
        """Every bucket full again; the quotas stay."""
        with self._lock:
            self._buckets.clear()

    def take(self, key: str, costs: dict[str, int], now: datetime) -> Refusal | None:
        """Charge every bucket of `key`, or none of them when one cannot pay (the refusal
        names the bucket that keeps the request waiting longest)."""
        quotas = self.quotas
        if quotas is None:
            return None
        with self._lock:
            buckets = self._refilled(key, quotas, now)
            worst: Refusal | None = None
            for bucket_key, bucket in buckets.items():
                kind, interval = bucket_key
                cost = costs.get(kind, 0)
                if cost <= 0 or bucket.tokens + _EPSILON >= cost:
                    continue
                quota = quotas[bucket_key]
                rate = quota / INTERVALS[interval]
                wait = None if cost > quota else (cost - bucket.tokens) / rate
                refusal = Refusal(kind, interval, quota, _whole(bucket.tokens), cost, wait)
                if worst is None or _later(refusal, worst):
                    worst = refusal
            if worst is not None:
                return worst
            for (kind, _), bucket in buckets.items():
                bucket.tokens -= costs.get(kind, 0)
            return None

    def report(self, key: str | None, now: datetime) -> list[dict[str, Any]]:
        """The `rateLimits` rows of a token; with rate limiting off, the default plan unused."""
        quotas = self.quotas
        if quotas is None:
            defaults = PLANS[DEFAULT_PLAN]
            return [_row(k, defaults[k], defaults[k]) for k in KEYS]
        with self._lock:
            buckets = self._refilled(key or "", quotas, now)
            return [_row(k, quotas[k], _whole(buckets[k].tokens)) for k in KEYS]

    def describe(self) -> dict[str, Any]:
        """The configuration as the control plane shows it."""
        quotas = self.quotas or {}
        return {
            "enabled": self.enabled,
            "plan": self.plan,
            "quotas": {t: {i: quotas[(t, i)] for i in INTERVALS} for t in TYPES}
            if quotas
            else None,
        }

    def _refilled(self, key: str, quotas: Quotas, now: datetime) -> dict[tuple[str, str], _Bucket]:
        buckets = self._buckets.setdefault(
            key, {k: _Bucket(float(q), now) for k, q in quotas.items()}
        )
        for bucket_key, bucket in buckets.items():
            quota = quotas[bucket_key]
            if now > bucket.at:
                rate = quota / INTERVALS[bucket_key[1]]
                elapsed = (now - bucket.at).total_seconds()
                bucket.tokens = min(float(quota), bucket.tokens + elapsed * rate)
            bucket.at = now
        return buckets


def _whole(tokens: float) -> int:
    return max(0, math.floor(tokens + _EPSILON))


def _later(a: Refusal, b: Refusal) -> bool:
    if b.wait is None:
        return False
    return a.wait is None or a.wait > b.wait


def _row(key: tuple[str, str], quota: int, remaining: int) -> dict[str, Any]:
    return {
        "type": key[0],
        "intervalSeconds": key[1],
        "quota": quota,
        "usedQuota": quota - remaining,
        "remainingQuota": remaining,
    }
