"""create_app(settings): one Starlette app serving the Integration API, REST APIs and /_mock."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mockcentra import __version__, startup
from mockcentra.control.failsafe import FailsafeMiddleware
from mockcentra.control.guards import GuardMiddleware, unrouted
from mockcentra.control.middleware import ControlMiddleware
from mockcentra.control.routes import control_routes
from mockcentra.files.routes import media_routes
from mockcentra.graphql.http import GraphQLEndpoint
from mockcentra.rest.checkout_api import checkout_routes
from mockcentra.rest.order_api import order_api_docs_route, order_api_routes
from mockcentra.runtime.clock import Clock
from mockcentra.seeding.templates import ScenarioTemplates
from mockcentra.settings import Settings
from mockcentra.state.runtime import Runtime
from mockcentra.state.shared import SHARED_ENV, SharedState
from mockcentra.state.tokens import ensure_default_token
from mockcentra.storage.engine import Database
from mockcentra.ui.console import console_routes
from mockcentra.webhooks.delivery import WebhookService


def build_runtime(
    settings: Settings,
    templates: ScenarioTemplates | None = None,
    shared: SharedState | None = None,
) -> Runtime:
    """The runtime on `settings.db`: an in-memory database starts as a copy of the scenario's
    template; a file database is seeded once and kept as it is after that. `shared`: this is
    one worker of `serve --workers N` (see mockcentra/state/shared.py)."""
    templates = templates if templates is not None else ScenarioTemplates()
    db = Database(settings.db, shared.folder if shared is not None else None)
    clock = Clock(settings.timezone)
    if settings.in_memory:
        db.load(templates.template(settings.scenario, settings.seed, settings.timezone))
        ensure_default_token(db, settings.integration_token, settings.admin_token)
        scenario = settings.scenario
    else:
        from mockcentra.seeding.scenarios import ensure_seeded  # only a file database seeds here

        db.create_all()
        scenario = ensure_seeded(db, clock, settings)
    runtime = Runtime.start(settings, db, clock, templates, scenario, shared)
    runtime.webhooks = WebhookService(runtime)
    return runtime


def create_worker_app() -> Starlette:
    """The app of one worker process of `serve --workers N` (uvicorn calls this factory in
    each): settings from the MOCKCENTRA_* variables the serving process set, and the shared
    control-plane state it made."""
    return create_app(Settings.from_env(), shared=SharedState(os.environ[SHARED_ENV]))


def create_app(
    settings: Settings | None = None,
    *,
    templates: ScenarioTemplates | None = None,
    shared: SharedState | None = None,
) -> Starlette:
    """The whole mock on one ASGI app; `app.state.runtime` gives tests the runtime.

    `templates` lets several apps in one process share seeded scenarios (the pytest plugin
    does); without it the app seeds its own. `shared`: see `create_worker_app`."""
    settings = settings or Settings.from_env()
    runtime = build_runtime(settings, templates, shared)
    graphql = GraphQLEndpoint(runtime)
    routes = [
        *console_routes(),
        Route("/graphql", graphql),  # it answers other methods itself (a GraphQL 405)
        Mount("/_mock", routes=control_routes(runtime)),
        # The console's, GraphiQL's and Swagger UI's files, shipped in the package (offline).
        Mount("/static", app=StaticFiles(packages=[("mockcentra.ui", "static")]), name="static"),
        Mount("/media", routes=media_routes(runtime)),
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
            runtime.db.checkpoint()  # a file database leaves no grown -wal file behind

    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        # starlette types every handler as taking any Exception; one keyed by a status code is
        # only ever handed an HTTPException, the type `unrouted` takes
        exception_handlers={404: unrouted, 405: unrouted},  # type: ignore[dict-item]
        middleware=[
            Middleware(FailsafeMiddleware, runtime=runtime),
            Middleware(GuardMiddleware, runtime=runtime),
            Middleware(ControlMiddleware, runtime=runtime),
        ],
    )
    app.state.runtime = runtime
    app.state.version = __version__
    return app


startup.defined()
