"""/_mock routes for verification and chaos: request journal, faults, scenarios, and the items
a storefront can sell now (what test helpers order)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import ControlModel, Refused, body, error, read_object
from mockcentra.domain.checkout.sellable import sellable_items
from mockcentra.domain.errors import DomainError
from mockcentra.runtime.threads import off_loop
from mockcentra.state.runtime import Runtime


def _bounded(raw: str, name: str) -> int:
    """A query parameter that must be a whole number from 1 to a billion."""
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 1_000_000_000:
        raise ValueError(f"'{name}' must be a whole number from 1 to 1000000000.")
    return int(raw)


class OutcomeBody(ControlModel):
    """PUT /_mock/faults/domain/{name}."""

    outcome: str | None = None


def inspection_routes(rt: Runtime) -> list[Route]:
    """/sellable-items, /journal, /faults... and /scenarios..."""
    return [*sellable_routes(rt), *journal_routes(rt), *fault_routes(rt), *scenario_routes(rt)]


def sellable_routes(rt: Runtime) -> list[Route]:
    """/sellable-items."""

    async def sellable(request: Request) -> JSONResponse:
        """What a storefront can buy now (the test helpers' `sellable_items`), the first
        `limit` items when asked."""
        q = request.query_params
        try:
            store = _bounded(q.get("store", "1"), "store")
            min_free = _bounded(q.get("minFree", "1"), "minFree")
            limit = _bounded(q["limit"], "limit") if "limit" in q else None
            country = q.get("country", "SE").upper()
            with rt.unit_of_work(write=False) as uow:
                items = sellable_items(uow.session, store, country, min_free, limit)
        except ValueError as exc:
            return error(str(exc))
        except DomainError as exc:
            return error(exc.message, 400, exc.path)
        return JSONResponse(
            {
                "items": [
                    {
                        "item": f"{i.display_id}-{i.product_size_id}",
                        "displayId": i.display_id,
                        "productSizeId": i.product_size_id,
                        "price": str(i.price),
                        "free": i.free,
                    }
                    for i in items
                ]
            }
        )

    return [Route("/sellable-items", sellable, methods=["GET"])]


def journal_routes(rt: Runtime) -> list[Route]:
    """/journal: the requests served, filtered; DELETE empties it."""

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

    return [Route("/journal", journal, methods=["GET", "DELETE"])]


def fault_routes(rt: Runtime) -> list[Route]:
    """/faults (route faults: list, add, clear), /faults/{id} and /faults/domain/{name}."""

    async def faults(request: Request) -> JSONResponse:
        if request.method == "GET":
            return JSONResponse(rt.faults.describe())
        if request.method == "DELETE":
            rt.faults.clear()
            return JSONResponse({"status": "ok"})
        refused = rt.per_process("Injected faults")
        if refused:
            return error(refused, 409)
        try:
            fault = rt.faults.add_route(await read_object(request))
        except (ValueError, TypeError) as exc:
            raise Refused(str(exc)) from None
        return JSONResponse({"id": fault.id, "path": fault.path}, status_code=201)

    async def fault(request: Request) -> JSONResponse:
        fault_id = request.path_params["id"]
        if not rt.faults.remove(fault_id):
            return error(f"No fault with id {fault_id}.", 404)
        return JSONResponse({"status": "ok"})

    async def domain_fault(request: Request) -> JSONResponse:
        name = request.path_params["name"]
        refused = rt.per_process("Injected faults")
        if refused and request.method == "PUT":
            return error(refused, 409)
        outcome = None if request.method == "DELETE" else (await body(request, OutcomeBody)).outcome
        try:
            if request.method == "PUT" and not outcome:
                raise ValueError("Give {'outcome': ...}, e.g. {'outcome': 'decline'}.")
            rt.faults.set_domain(name, outcome)
        except (ValueError, TypeError) as exc:
            return error(str(exc))
        return JSONResponse({"domain": rt.faults.domain})

    return [
        Route("/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route("/faults/{id:int}", fault, methods=["DELETE"]),
        Route("/faults/domain/{name}", domain_fault, methods=["PUT", "DELETE"]),
    ]


def _known() -> dict[str, str]:
    """Each scenario's description by name. The registry is imported when first asked for: it
    brings the seeders and reads the scenario files, which a process starting from a cached
    template does not need (about 12 ms of its start)."""
    from mockcentra.seeding.scenarios import SCENARIOS

    return {name: description for name, (description, _seeder) in SCENARIOS.items()}


def scenario_routes(rt: Runtime) -> list[Route]:
    """/scenarios and /scenarios/{name}/load."""

    async def scenarios(_: Request) -> JSONResponse:
        return JSONResponse({"current": rt.scenario, "scenarios": _known()})

    async def load(request: Request) -> JSONResponse:
        name = request.path_params["name"]
        known = _known()
        if name not in known:
            return error(f"Unknown scenario '{name}'. Known: {', '.join(sorted(known))}.", 404)
        # seeding a scenario the first time takes seconds (a minute for `large`): the server
        # keeps answering meanwhile
        await off_loop(rt.load_scenario, name)
        return JSONResponse({"status": "ok", "scenario": name})

    return [
        Route("/scenarios", scenarios, methods=["GET"]),
        Route("/scenarios/{name}/load", load, methods=["POST"]),
    ]
