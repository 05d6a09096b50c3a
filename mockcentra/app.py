"""create_app(settings): one Starlette app serving the Integration API, REST APIs and /_mock."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mockcentra import __version__
from mockcentra.control.faults import Faults
from mockcentra.control.guards import GuardMiddleware
from mockcentra.control.journal import Journal
from mockcentra.control.middleware import ControlMiddleware
from mockcentra.control.ratelimits import RateLimits
from mockcentra.graphql.http import GraphQLEndpoint
from mockcentra.graphql.permissions import make_analyzer
from mockcentra.graphql.schema import CentraSchema, build_schema
from mockcentra.runtime.clock import Clock
from mockcentra.settings import MEMORY, Settings
from mockcentra.storage.engine import Database

log = logging.getLogger("mockcentra")

INITIAL_SNAPSHOT = "__initial__"
_SCHEMA: CentraSchema | None = None


def shared_schema() -> CentraSchema:
    """The schema is the same for every app in a process; build it once."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = build_schema()
    return _SCHEMA


@dataclass
class Runtime:
    """Everything a request handler needs: settings, database, clock, schema."""

    settings: Settings
    db: Database
    clock: Clock
    schema: CentraSchema
    analyze: Any
    scenario: str
    extra: dict[str, Any] = field(default_factory=dict)
    #: Valid tokens by value; cleared whenever tokens or the whole database change.
    token_cache: dict[str, Any] = field(default_factory=dict)
    #: The webhook outbox sender (mockcentra.webhooks.delivery.WebhookService).
    webhooks: Any = None
    journal: Journal = field(default_factory=Journal)
    faults: Faults = field(default_factory=Faults)
    #: The Integration API's token buckets (off unless MOCKCENTRA_RATE_LIMITS says otherwise).
    rate_limits: RateLimits = field(default_factory=RateLimits)

    def domain_faults(self) -> dict[str, str]:
        """Domain faults injected through the control plane (e.g. {"psp.capture": "decline"})."""
        return dict(self.faults.domain)

    def load_scenario(self, name: str) -> None:
        """Replace the whole state with a scenario's; it becomes what `reset` returns to."""
        from mockcentra.control.tokens import ensure_default_token

        template = scenario_template(name, self.settings.seed, self.clock)
        with self.db.raw() as conn:
            template.backup(conn)
        ensure_default_token(self.db, self.settings.integration_token)
        self.db.snapshot(INITIAL_SNAPSHOT)
        self.scenario = name
        self.token_cache.clear()
        self.journal.clear()
        self.faults.clear()
        self.rate_limits.reset()
        self.clock.unfreeze()

    def restore(self, name: str) -> None:
        """Copy a named snapshot back over the live database."""
        self.db.restore(name)
        self.token_cache.clear()
        self.rate_limits.clear()

    def reset(self) -> None:
        """Back to the state the server started with: data, clock, faults and journal."""
        self.restore(INITIAL_SNAPSHOT)
        self.clock.unfreeze()
        self.journal.clear()
        self.faults.clear()
        self.rate_limits.reset()


_TEMPLATES: dict[tuple[str, int], sqlite3.Connection] = {}


def scenario_template(name: str, seed: int, clock: Clock) -> sqlite3.Connection:
    """A scenario seeded once per process into memory; loading it later is a backup copy."""
    from mockcentra.seeding.scenarios import seed_scenario

    key = (name, seed)
    if key not in _TEMPLATES:
        scratch = Database(MEMORY)
        scratch.create_all()
        seed_scenario(scratch, clock, name, seed)
        template = sqlite3.connect(":memory:", check_same_thread=False)
        with scratch.raw() as conn:
            conn.backup(template)
        scratch.dispose()
        _TEMPLATES[key] = template
    return _TEMPLATES[key]


def build_runtime(settings: Settings) -> Runtime:
    from mockcentra.seeding.scenarios import ensure_seeded

    db = Database(settings.db)
    clock = Clock(settings.timezone)
    if settings.in_memory:
        from mockcentra.control.tokens import ensure_default_token

        with db.raw() as conn:
            scenario_template(settings.scenario, settings.seed, clock).backup(conn)
        ensure_default_token(db, settings.integration_token)
        scenario = settings.scenario
    else:
        db.create_all()
        scenario = ensure_seeded(db, clock, settings)
    db.snapshot(INITIAL_SNAPSHOT)
    schema = shared_schema()
    from mockcentra.webhooks.delivery import WebhookService

    return Runtime(
        settings=settings,
        db=db,
        clock=clock,
        schema=schema,
        analyze=make_analyzer(schema._schema),
        scenario=scenario,
        webhooks=WebhookService(db, clock),
        rate_limits=RateLimits(settings.rate_limits),
    )


def create_app(settings: Settings | None = None) -> Starlette:
    """The whole mock on one ASGI app; `app.state.runtime` gives tests the runtime."""
    from mockcentra.control.routes import control_routes
    from mockcentra.rest.checkout_api import checkout_routes
    from mockcentra.rest.order_api import order_api_docs_route, order_api_routes

    settings = settings or Settings.from_env()
    runtime = build_runtime(settings)
    graphql = GraphQLEndpoint(runtime)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Mount("/_mock", routes=control_routes(runtime)),
        # GraphiQL's own files, shipped in the package so the page works offline.
        Mount("/static", app=StaticFiles(packages=[("mockcentra.ui", "static")]), name="static"),
        Mount("/api/checkout", routes=checkout_routes(runtime)),
        Mount(settings.order_api_base, routes=order_api_routes(runtime)),
        order_api_docs_route(runtime),
    ]

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        """Webhooks are sent by a background task while the server runs."""
        await runtime.webhooks.start()
        try:
            yield
        finally:
            await runtime.webhooks.stop()

    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(GuardMiddleware, runtime=runtime),
            Middleware(ControlMiddleware, runtime=runtime),
        ],
    )
    app.state.runtime = runtime
    app.state.version = __version__
    return app
