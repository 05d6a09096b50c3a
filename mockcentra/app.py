"""create_app(settings): one Starlette app serving the Integration API, REST APIs and /_mock."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mockcentra import __version__
from mockcentra.graphql.http import GraphQLEndpoint
from mockcentra.graphql.permissions import make_analyzer
from mockcentra.graphql.schema import CentraSchema, build_schema
from mockcentra.runtime.clock import Clock
from mockcentra.settings import Settings
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

    def domain_faults(self) -> dict[str, str]:
        """Domain faults injected through the control plane (e.g. {"psp.capture": "decline"})."""
        return dict(self.extra.get("domain_faults", {}))

    def restore(self, name: str) -> None:
        """Copy a named snapshot back over the live database."""
        self.db.restore(name)
        self.token_cache.clear()

    def reset(self) -> None:
        """Back to the state the server started with (scenario seeded), clock unfrozen."""
        self.restore(INITIAL_SNAPSHOT)
        self.clock.unfreeze()


def build_runtime(settings: Settings) -> Runtime:
    from mockcentra.seeding.scenarios import ensure_seeded

    db = Database(settings.db)
    clock = Clock(settings.timezone)
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

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.runtime = runtime
    app.state.version = __version__
    return app
