"""Fault injection: per-route latency, error status or dropped connection, and domain faults."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DOMAIN_FAULTS = {
    "psp.authorization": {"decline"},
    "psp.capture": {"decline", "pending"},
    "psp.refund": {"decline"},
    "psp.cancel": {"decline"},
}


@dataclass
class RouteFault:
    """Matches requests by path (exact, or prefix ending in `*`), method and GraphQL operation.

    `operation_name` matches the operation's name or its first root field, as the journal's
    filter does, so `mutation { createShipment ... }` is found by "createShipment"."""

    id: int
    path: str
    method: str | None = None
    operation_name: str | None = None
    latency_ms: int = 0
    status: int | None = None
    body: Any = None
    drop: bool = False
    times: int | None = None  # None: until removed
    hits: int = field(default=0)

    def matches(
        self, method: str, path: str, operation: str | None, root_field: str | None = None
    ) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if self.method and self.method.upper() != method:
            return False
        if self.operation_name and self.operation_name not in (operation, root_field):
            return False
        if self.path.endswith("*"):
            return path.startswith(self.path[:-1])
        return path == self.path


class Faults:
    def __init__(self) -> None:
        self.routes: list[RouteFault] = []
        self.domain: dict[str, str] = {}
        self._next = 1

    def add_route(self, spec: dict[str, Any]) -> RouteFault:
        path = spec.get("path")
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError("Give 'path' starting with '/' (a trailing '*' matches a prefix).")
        status = spec.get("status")
        if status is not None and (not isinstance(status, int) or not 100 <= status <= 599):
            raise ValueError("'status' must be an HTTP status code (100-599).")
        latency = spec.get("latencyMs", 0)
        if not isinstance(latency, int) or not 0 <= latency <= 60000:
            raise ValueError("'latencyMs' must be an integer between 0 and 60000.")
        times = spec.get("times")
        if times is not None and (not isinstance(times, int) or times < 1):
            raise ValueError("'times' must be a positive integer.")
        if status is None and not latency and not spec.get("drop"):
            raise ValueError("A fault needs 'status', 'latencyMs' or 'drop'.")
        fault = RouteFault(
            self._next,
            path,
            spec.get("method"),
            spec.get("operationName"),
            latency,
            status,
            spec.get("body"),
            bool(spec.get("drop")),
            times,
        )
        self._next += 1
        self.routes.append(fault)
        return fault

    def set_domain(self, name: str, outcome: str | None) -> None:
        if name not in DOMAIN_FAULTS:
            raise ValueError(
                f"Unknown domain fault '{name}'. Known: {', '.join(sorted(DOMAIN_FAULTS))}."
            )
        if outcome is None:
            self.domain.pop(name, None)
            return
        if outcome not in DOMAIN_FAULTS[name]:
            raise ValueError(f"'{name}' takes one of: {', '.join(sorted(DOMAIN_FAULTS[name]))}.")
        self.domain[name] = outcome

    def match(
        self, method: str, path: str, operation: str | None, root_field: str | None = None
    ) -> RouteFault | None:
        for fault in self.routes:
            if fault.matches(method, path, operation, root_field):
                fault.hits += 1
                return fault
        return None

    def remove(self, fault_id: int) -> bool:
        before = len(self.routes)
        self.routes = [f for f in self.routes if f.id != fault_id]
        return len(self.routes) != before

    def clear(self) -> None:
        self.routes.clear()
        self.domain.clear()

    def describe(self) -> dict[str, Any]:
        return {"routes": [asdict(f) for f in self.routes], "domain": dict(self.domain)}
