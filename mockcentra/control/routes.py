"""/_mock routes for tests and people: health, reset, snapshots, clock and tokens."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra import __version__
from mockcentra.control.answers import answer_routes
from mockcentra.control.guards import control_refusal
from mockcentra.control.http import error, read_json
from mockcentra.control.inspection import inspection_routes
from mockcentra.control.webhooks import webhook_routes
from mockcentra.runtime.threads import off_loop
from mockcentra.state.runtime import Runtime


def control_routes(rt: Runtime) -> list[Route]:
    async def health(request: Request) -> JSONResponse:
        """Up or not, in every mode; where the database is and which scenario and time it has
        only for those the control plane lets in."""
        if control_refusal(request.scope, rt.settings) is not None:
            return JSONResponse({"status": "ok", "version": __version__})
        answer = {
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
        return JSONResponse(answer)

    async def about(_: Request) -> JSONResponse:
        """What is served where and the tokens to use: development defaults only, never a
        configured secret (the console's home page)."""
        settings, defaults = rt.settings, type(rt.settings)()
        order_api = settings.order_api_base.rstrip("/")

        def shown(value: str, default: str) -> str | None:
            return value if value == default else None

        return JSONResponse(
            {
                "version": __version__,
                "scenario": rt.scenario,
                "database": settings.db,
                "now": rt.clock.now().isoformat(),
                "frozen": rt.clock.is_frozen,
                "console": "/",
                "served": [
                    {"name": "Integration API (GraphQL)", "url": "/graphql", "docs": "/graphql"},
                    {"name": "Order API (REST)", "url": f"{order_api}/", "docs": "/docs"},
                    {
                        "name": "Checkout API (REST)",
                        "url": "/api/checkout/",
                        "docs": "/api/checkout/openapi.json",
                    },
                    {"name": "Control plane", "url": "/_mock/", "docs": None},
                    {"name": "Media", "url": "/media/", "docs": None},
                ],
                "tokens": [
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
                ],
            }
        )

    async def reset(_: Request) -> JSONResponse:
        await off_loop(rt.reset)  # a big file database takes a while to copy back
        return JSONResponse({"status": "ok", "scenario": rt.scenario})

    async def snapshots(request: Request) -> JSONResponse:
        if request.method == "GET":
            return JSONResponse({"snapshots": [n for n in rt.db.snapshot_names() if n[:2] != "__"]})
        try:
            name = str((await read_json(request)).get("name") or "")
        except ValueError as exc:
            return error(f"Invalid JSON: {exc}")
        if not name or name.startswith("__"):
            return error("Give a snapshot 'name' that does not start with '__'.")
        await off_loop(rt.snapshot, name)
        return JSONResponse({"status": "ok", "name": name}, status_code=201)

    async def delete_snapshot(request: Request) -> JSONResponse:
        """Free a snapshot (its copy in memory, or its file beside a file database)."""
        name = request.path_params["name"]
        if name.startswith("__"):  # the scenario's own start state, which reset needs
            return error(f"No snapshot named '{name}'.", 404)
        try:
            rt.delete_snapshot(name)
        except KeyError:
            return error(f"No snapshot named '{name}'.", 404)
        return JSONResponse({"status": "ok", "name": name})

    async def restore(request: Request) -> JSONResponse:
        name = request.path_params["name"]
        try:
            await off_loop(rt.restore, name)
        except KeyError:
            return error(f"No snapshot named '{name}'.", 404)
        return JSONResponse({"status": "ok", "name": name})

    async def clock(request: Request) -> JSONResponse:
        if request.method == "POST":
            try:
                body = await read_json(request)
                if body.get("freeze") is not None:
                    at = body["freeze"]
                    rt.clock.freeze(None if at is True else datetime.fromisoformat(at))
                if body.get("advanceSeconds") is not None:
                    rt.clock.advance(timedelta(seconds=float(body["advanceSeconds"])))
                if body.get("unfreeze"):
                    rt.clock.unfreeze()
            except (ValueError, TypeError) as exc:
                return error(
                    f"Invalid clock change: {exc}. Send {{'freeze': ISO-8601 | true}}, "
                    "{'advanceSeconds': n} or {'unfreeze': true}."
                )
            finally:
                rt.clock_changed()  # every worker process tells the same time
        return JSONResponse({"now": rt.clock.now().isoformat(), "frozen": rt.clock.is_frozen})

    async def create_token(request: Request) -> JSONResponse:
        try:
            body = await read_json(request)
            row = rt.tokens.create(body)
        except (ValueError, TypeError) as exc:
            return error(str(exc))
        return JSONResponse(row, status_code=201)

    async def rate_limits(request: Request) -> JSONResponse:
        if request.method == "POST":
            refused = rt.per_process("Rate limits")
            if refused:
                return error(refused, 409)
            try:
                body = await read_json(request)
                plan = body.get("plan")
                if plan is not None and not isinstance(plan, str):
                    raise ValueError("'plan' must be a string")
                rt.rate_limits.configure(plan, body.get("quotas"))
            except (ValueError, TypeError) as exc:
                return error(
                    f"Invalid rate limits: {exc} Send {{'plan': 'centra' | 'off' | ...}} and/or "
                    "{'quotas': {'REQUEST_COUNT': {'TEN_SECONDS': 3}}}."
                )
        return JSONResponse(rt.rate_limits.describe())

    return [
        Route("/", about, methods=["GET"]),
        Route("/about", about, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/reset", reset, methods=["POST"]),
        Route("/snapshots", snapshots, methods=["GET", "POST"]),
        Route("/snapshots/{name}", delete_snapshot, methods=["DELETE"]),
        Route("/snapshots/{name}/restore", restore, methods=["POST"]),
        Route("/clock", clock, methods=["GET", "POST"]),
        Route("/tokens", create_token, methods=["POST"]),
        Route("/rate-limits", rate_limits, methods=["GET", "POST"]),
        *webhook_routes(rt),
        *inspection_routes(rt),
        *answer_routes(rt),
    ]
