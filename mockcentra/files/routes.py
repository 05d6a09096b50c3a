"""`/media/...`: the files behind the URLs the Integration API answers with.

- `/media/images/{size}/{key}`: a product image (kept in the database) in one of the
  instance's sizes; every size serves the original file (no resizing).
- `/media/attributes/{name}`: a file of a mapped attribute, from `fixtures/media/attributes/`.
- `/media/swatches/{RRGGBB}.png`: a 50 x 50 colour swatch, drawn on request.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mockcentra.domain.media.images import hex_colour, solid_png
from mockcentra.domain.media.media import file_of, media_size
from mockcentra.state.runtime import Runtime

CACHE = {"Cache-Control": "public, max-age=86400"}
_TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif"}


def _not_found(what: str) -> JSONResponse:
    return JSONResponse({"error": f"{what} not found."}, status_code=404)


def attribute_files_dir() -> Path:
    """`fixtures/media/attributes`: inside the installed package, or in the source checkout."""
    here = Path(__file__).resolve()
    packaged = here.parents[1] / "_fixtures" / "media" / "attributes"
    return packaged if packaged.is_dir() else here.parents[2] / "fixtures" / "media" / "attributes"


def media_routes(runtime: Runtime) -> list[Route]:
    async def image(request: Request) -> Response:
        size, key = request.path_params["size"], request.path_params["key"]
        if media_size(size) is None:
            return _not_found(f"Image size {size}")
        with runtime.unit_of_work(write=False) as uow:
            found = file_of(uow.session, key)
            if found is None:
                return _not_found(f"Image {key}")
            return Response(found.data, media_type=found.mime_type, headers=CACHE)

    async def attribute_file(request: Request) -> Response:
        name = request.path_params["name"]
        folder = attribute_files_dir()
        path = (folder / name).resolve()
        if path.parent != folder.resolve() or not path.is_file():
            return _not_found(f"File {name}")
        media_type = _TYPES.get(path.suffix.lower(), "application/octet-stream")
        return Response(path.read_bytes(), media_type=media_type, headers=CACHE)

    async def swatch(request: Request) -> Response:
        colour = hex_colour(request.path_params["hex"])
        if colour is None:
            return _not_found("Swatch")
        return Response(solid_png(50, 50, colour), media_type="image/png", headers=CACHE)

    return [
        Route("/images/{size}/{key}", image, methods=["GET"]),
        Route("/attributes/{name}", attribute_file, methods=["GET"]),
        Route("/swatches/{hex}.png", swatch, methods=["GET"]),
    ]
