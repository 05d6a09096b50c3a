"""/_mock/health and /_mock/about: whether the server is up, and what it serves where with
which development tokens (the console's home page)."""

from __future__ import annotations

import os
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra import __version__
from mockcentra.control.guards import control_refusal
from mockcentra.settings import Settings
from mockcentra.state.runtime import Runtime


def health_answer(rt: Runtime, request: Request) -> dict[str, Any]:
    """Up or not, in every mode; where the database is and which scenario and time it has
    only for those the control plane lets in."""
    if control_refusal(request.scope, rt.settings) is not None:
        return {"status": "ok", "version": __version__}
    answer: dict[str, Any] = {
        "status": "ok",
        "version": __version__,
        "database": rt.settings.db,
        "scenario": rt.scenario,
        "now": rt.clock.now().isoformat(),
    }
    if rt.settings.workers > 1:  # which of the worker processes answered
        answer["worker"] = os.getpid()
        answer["workers"] = rt.settings.workers
    loading = rt.loading
    if loading is not None:  # a scenario load under way (POST /_mock/scenarios/{name}/load)
        answer["loading"] = loading
    return answer


def about_answer(rt: Runtime) -> dict[str, Any]:
    """What is served where and the tokens to use: development defaults only, never a
    configured secret."""
    settings = rt.settings
    return {
        "version": __version__,
        "scenario": rt.scenario,
        "database": settings.db,
        "now": rt.clock.now().isoformat(),
        "frozen": rt.clock.is_frozen,
        "console": "/",
        "served": served(settings),
        "tokens": development_tokens(settings),
    }


def served(settings: Settings) -> list[dict[str, Any]]:
    """The APIs and pages on this port, with where each one's documentation is."""
    order_api = settings.order_api_base.rstrip("/")
    return [
        {"name": "Integration API (GraphQL)", "url": "/graphql", "docs": "/graphql"},
        {"name": "Order API (REST)", "url": f"{order_api}/", "docs": "/docs"},
        {
            "name": "Checkout API (REST)",
            "url": "/api/checkout/",
            "docs": "/api/checkout/openapi.json",
        },
        {"name": "Control plane", "url": "/_mock/", "docs": None},
        {"name": "Media", "url": "/media/", "docs": None},
    ]


def development_tokens(settings: Settings) -> list[dict[str, Any]]:
    """Each API's credential and header; the value only while it is the default."""
    defaults = type(settings)()

    def shown(value: str, default: str) -> str | None:
        return value if value == default else None

    return [
        {
            "name": "Integration API",
            "header": "Authorization: Bearer",
            "value": shown(settings.integration_token, defaults.integration_token),
        },
        {
            "name": "Integration API admin (generateToken)",
            "header": "Authorization: Bearer",
            "value": shown(settings.admin_token, defaults.admin_token),
        },
        {
            "name": "Order API",
            "header": "API-Authorization",
            "value": shown(settings.order_api_secret, defaults.order_api_secret),
        },
        {
            "name": "Checkout API shared secret (optional)",
            "header": "Authorization: Bearer",
            "value": shown(settings.checkout_secret, defaults.checkout_secret),
        },
    ]


def status_routes(rt: Runtime) -> list[Route]:
    """/, /about and /health."""

    async def health(request: Request) -> JSONResponse:
        return JSONResponse(health_answer(rt, request))

    async def about(_: Request) -> JSONResponse:
        return JSONResponse(about_answer(rt))

    return [
        Route("/", about, methods=["GET"]),
        Route("/about", about, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
