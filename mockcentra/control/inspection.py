"""/_mock routes for verification and chaos: request journal, faults, scenarios."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import error, read_json
from mockcentra.seeding.scenarios import SCENARIOS
from mockcentra.state.runtime import Runtime


def inspection_routes(rt: Runtime) -> list[Route]:
    async def journal(request: Request) -> JSONResponse:
        if request.method == "DELETE":
            rt.journal.clear()
            return JSONResponse({"status": "ok"})
        q = request.query_params
        status = q.get("status")
        entries = rt.journal.find(
            method=q.get("method"),
            path=q.get("path"),
            operation_name=q.get("operationName"),
            status=int(status) if status and status.isdigit() else None,
        )
        return JSONResponse({"count": len(entries), "requests": entries})

    async def faults(request: Request) -> JSONResponse:
        if request.method == "GET":
            return JSONResponse(rt.faults.describe())
        if request.method == "DELETE":
            rt.faults.clear()
            return JSONResponse({"status": "ok"})
        try:
            fault = rt.faults.add_route(await read_json(request))
        except (ValueError, TypeError) as exc:
            return error(str(exc))
        return JSONResponse({"id": fault.id, "path": fault.path}, status_code=201)

    async def fault(request: Request) -> JSONResponse:
        fault_id = request.path_params["id"]
        if not rt.faults.remove(fault_id):
            return error(f"No fault with id {fault_id}.", 404)
        return JSONResponse({"status": "ok"})

    async def domain_fault(request: Request) -> JSONResponse:
        name = request.path_params["name"]
        try:
            outcome = (
                None if request.method == "DELETE" else (await read_json(request)).get("outcome")
            )
            if request.method == "PUT" and not outcome:
                raise ValueError("Give {'outcome': ...}, e.g. {'outcome': 'decline'}.")
            rt.faults.set_domain(name, outcome)
        except (ValueError, TypeError) as exc:
            return error(str(exc))
        return JSONResponse({"domain": rt.faults.domain})

    async def scenarios(_: Request) -> JSONResponse:
        return JSONResponse(
            {"current": rt.scenario, "scenarios": {n: d for n, (d, _f) in SCENARIOS.items()}}
        )

    async def load(request: Request) -> JSONResponse:
        name = request.path_params["name"]
        if name not in SCENARIOS:
            return error(f"Unknown scenario '{name}'. Known: {', '.join(sorted(SCENARIOS))}.", 404)
        # seeding a scenario the first time takes seconds (a minute for `large`): the server
        # keeps answering meanwhile
        await run_in_threadpool(rt.load_scenario, name)
        return JSONResponse({"status": "ok", "scenario": name})

    return [
        Route("/journal", journal, methods=["GET", "DELETE"]),
        Route("/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route("/faults/{id:int}", fault, methods=["DELETE"]),
        Route("/faults/domain/{name}", domain_fault, methods=["PUT", "DELETE"]),
        Route("/scenarios", scenarios, methods=["GET"]),
        Route("/scenarios/{name}/load", load, methods=["POST"]),
    ]
