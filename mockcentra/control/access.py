"""/_mock/tokens and /_mock/rate-limits: who may call the Integration API, and how often."""

from __future__ import annotations

from typing import Any

from pydantic import Field
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import ControlModel, Refused, body, error
from mockcentra.runtime.wire import INT64_MAX
from mockcentra.state.runtime import Runtime


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


def access_routes(rt: Runtime) -> list[Route]:
    """/tokens and /rate-limits."""

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

    return [
        Route("/tokens", create_token, methods=["POST"]),
        Route("/rate-limits", rate_limits, methods=["GET", "POST"]),
    ]
