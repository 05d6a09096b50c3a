"""/_mock routes for tests and people: health, reset, snapshots, clock and tokens."""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any

from pydantic import Field
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra import __version__
from mockcentra.control.answers import answer_routes
from mockcentra.control.guards import control_refusal
from mockcentra.control.http import ControlModel, Refused, body, error, handled_routes
from mockcentra.control.inspection import inspection_routes
from mockcentra.control.webhooks import webhook_routes
from mockcentra.runtime.threads import off_loop
from mockcentra.runtime.wire import INT64_MAX
from mockcentra.state.runtime import Runtime


class SnapshotBody(ControlModel):
    """POST /_mock/snapshots."""

    name: str = ""


class ClockBody(ControlModel):
    """POST /_mock/clock: freeze (at a moment, or now), move, or go back to real time."""

    freeze: bool | str | None = None  # `false` freezes nothing
    advance_seconds: float | None = Field(None, alias="advanceSeconds")
    unfreeze: bool | None = None


class TokenBody(ControlModel):
    """POST /_mock/tokens. `token` and `permissions` are checked by the token store, which
    words its own refusals."""

    token: Any = None
    permissions: Any = None
    description: str | None = None
    integration_name: str | None = Field(None, alias="integrationName")
    store_id: int | None = Field(None, alias="storeId", ge=1, le=INT64_MAX)


class RateLimitsBody(ControlModel):
    """POST /_mock/rate-limits."""

    plan: str | None = None
    quotas: dict[str, dict[str, Any]] | None = None


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
        name = (await body(request, SnapshotBody)).name
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
        """The clock's moves are checked before any is made: a refused change (a moment or a
        move beyond the clock's range, see runtime/clock.py) leaves the clock as it was."""
        if request.method == "POST":
            usage = (
                " Send {'freeze': ISO-8601 | true}, {'advanceSeconds': n} or {'unfreeze': true}."
            )
            change = await body(request, ClockBody, "Invalid clock change: ")
            try:
                at = change.freeze
                rt.clock.change(
                    freeze=at is not None and at is not False,
                    at=datetime.fromisoformat(at) if isinstance(at, str) else None,
                    advance=change.advance_seconds,
                    unfreeze=bool(change.unfreeze),
                )
            except ValueError as exc:  # ClockOutOfRange is one
                raise Refused(f"Invalid clock change: {exc}.{usage}") from None
            finally:
                rt.clock_changed()  # every worker process tells the same time
        return JSONResponse({"now": rt.clock.now().isoformat(), "frozen": rt.clock.is_frozen})

    async def create_token(request: Request) -> JSONResponse:
        wanted = await body(request, TokenBody)
        try:
            row = rt.tokens.create(wanted.model_dump(by_alias=True, exclude_none=True))
        except ValueError as exc:
            raise Refused(str(exc)) from None
        return JSONResponse(row, status_code=201)

    async def rate_limits(request: Request) -> JSONResponse:
        if request.method == "POST":
            refused = rt.per_process("Rate limits")
            if refused:
                return error(refused, 409)
            usage = (
                " Send {'plan': 'centra' | 'off' | ...} and/or "
                "{'quotas': {'REQUEST_COUNT': {'TEN_SECONDS': 3}}}."
            )
            wanted = await body(request, RateLimitsBody, "Invalid rate limits: ")
            try:
                rt.rate_limits.configure(wanted.plan, wanted.quotas)
            except ValueError as exc:
                raise Refused(f"Invalid rate limits: {exc}{usage}") from None
        return JSONResponse(rt.rate_limits.describe())

    return handled_routes(
        [
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
    )
