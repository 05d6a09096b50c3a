"""One Settings object, built from flags or MOCKCENTRA_* environment variables and passed in."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

MEMORY = ":memory:"


def _env_bool(value: str) -> bool:
    text = value.strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"'{value}' is not a yes/no value (use on/off, true/false or 1/0)")


@dataclass(frozen=True)
class Settings:
    """Everything the server can be configured with; each field has a MOCKCENTRA_<NAME> twin."""

    db: str = "./mockcentra.db"
    scenario: str = "demo"
    seed: int = 1
    host: str = "127.0.0.1"
    port: int = 8080
    integration_token: str = "dev-integration-token"
    #: Centra's admin token ("GraphQL Access"): it never expires and may only issue and revoke
    #: tokens (`generateToken`, `revokeAccess`, `permissionNames`).
    admin_token: str = "dev-admin-token"
    checkout_secret: str = "dev-checkout-secret"
    order_api_secret: str = "dev-order-api-secret"
    order_api_base: str = "/api/order"
    #: The control plane (/_mock): off answers 404 there; a token makes it require
    #: `Authorization: Bearer <control_token>`.
    control: bool = True
    control_token: str = ""
    #: Largest request body in bytes (413 above it); 0 for no limit.
    max_body_bytes: int = 5 * 1024 * 1024
    #: Requests per credential per `rate_limit_window` seconds on the APIs (429 above it);
    #: 0 turns rate limiting off.
    rate_limit: int = 0
    rate_limit_window: int = 10
    #: Centra's token-bucket rate limits on the Integration API: "off", "centra" (the default
    #: plan) or a plan name from mockcentra.state.ratelimits.PLANS.
    rate_limits: str = "off"
    #: GraphQL operations nested deeper, or costing more complexity points, are refused.
    graphql_max_depth: int = 15
    graphql_max_complexity: int = 150000
    #: GraphQL documents (the query text) larger than this many bytes are refused unparsed.
    graphql_max_query_bytes: int = 256 * 1024
    timezone: str = "Europe/Stockholm"
    #: Server processes sharing the port and the file database (`serve --workers N`).
    workers: int = 1
    autoconfirm: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Read MOCKCENTRA_* variables; explicit overrides (CLI flags) win over the environment."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "extra":
                continue
            raw = environ.get(f"MOCKCENTRA_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("bool", bool):
                values[f.name] = _env_bool(raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @property
    def in_memory(self) -> bool:
        return self.db == MEMORY
