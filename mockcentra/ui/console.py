"""The console at `/`: one HTML page whose ES modules (static/console/) read and act through the
public APIs only: /_mock, /graphql and the Checkout API. Shipped in the package; no build step,
no CDN, so it works offline."""

from __future__ import annotations

from importlib import resources

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route


def console_routes() -> list[Route]:
    page = resources.files("mockcentra.ui").joinpath("static/console/index.html").read_text()

    async def index(_: Request) -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    return [Route("/", index, methods=["GET"])]
