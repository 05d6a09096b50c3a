"""/_mock/reset and /_mock/snapshots: back to the scenario, or to a state saved by name."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import ControlModel, body, error
from mockcentra.runtime.threads import off_loop
from mockcentra.state.runtime import Runtime


class SnapshotBody(ControlModel):
    """POST /_mock/snapshots."""

    name: str = ""


def snapshot_routes(rt: Runtime) -> list[Route]:
    """/reset, /snapshots, /snapshots/{name} and /snapshots/{name}/restore."""

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

    return [
        Route("/reset", reset, methods=["POST"]),
        Route("/snapshots", snapshots, methods=["GET", "POST"]),
        Route("/snapshots/{name}", delete_snapshot, methods=["DELETE"]),
        Route("/snapshots/{name}/restore", restore, methods=["POST"]),
    ]
