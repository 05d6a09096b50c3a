"""/_mock answers no plain API gives: an order's timeline, what changed since a snapshot, and
whether the state keeps the domain's invariants."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import error
from mockcentra.domain import invariants
from mockcentra.domain.ordering.timeline import TimelineEntry, find_order, order_timeline
from mockcentra.state.diff import diff
from mockcentra.state.runtime import INITIAL_SNAPSHOT, Runtime

#: Which row and column each kind of timeline fact was written by (see `_writer`).
_FACT_COLUMNS = {
    "paid": "paid_at",
    "captured": "captured_at",
    "shipped": "shipped_at",
    "completed": "completed_at",
}


def _fact_row(entry: TimelineEntry) -> tuple[str, int, str] | None:
    """(table, row id, column) whose writing the fact records; "*" for a row's insert."""
    data = entry.data
    verb = entry.what.rsplit(" ", 1)[-1]
    if entry.kind == "order":
        return "orders", data["orderId"], "*"
    if entry.kind == "payment":
        return "payment_entry", data["id"], "*"
    if entry.kind == "voucher":
        return "voucher_usage", data["id"], "*"
    if entry.kind == "shipment":
        return "shipment", data["id"], _FACT_COLUMNS.get(verb, "*")
    if entry.kind == "return":
        return "return_", data["return"], _FACT_COLUMNS.get(verb, "*")
    return None


def _writer(journal: list[dict[str, Any]], table: str, row_id: int, column: str) -> int | None:
    """The last request that wrote `column` of the row (or inserted it)."""
    found = None
    for entry in journal:
        columns = entry.get("wrote", {}).get(table, {}).get(str(row_id))
        if columns and (column in columns or "*" in columns):
            found = entry["id"]
    return found


def timeline_body(rt: Runtime, ref: str) -> dict[str, Any] | None:
    """The order's timeline, each entry with the journal request behind it when known: an
    event carries its request's id; a row's change is matched to the last request that wrote
    that row and column while the journal still holds it."""
    with rt.unit_of_work(write=False) as uow:
        order = find_order(uow.session, ref)
        if order is None:
            return None
        entries = order_timeline(uow.session, order)
        number = order.number
    journal = sorted(rt.journal.find(), key=lambda e: e["id"])
    by_id = {e["id"]: e for e in journal}
    found = []
    for entry in entries:
        request_id = entry.request_id
        if request_id is None and (row := _fact_row(entry)) is not None:
            request_id = _writer(journal, *row)
        found.append((entry, request_id))
    # a frozen clock gives many facts one time: within a moment, the requests' order decides
    last = max(by_id, default=0) + 1
    found.sort(key=lambda f: (f[0].at, f[1] if f[1] is not None else last))
    out = []
    for entry, request_id in found:
        request = by_id.get(request_id) if request_id is not None else None
        out.append(
            {
                "at": entry.at.astimezone(rt.clock.zone).isoformat(),
                "kind": entry.kind,
                "what": entry.what,
                "data": entry.data,
                "eventId": entry.event_id,
                "requestId": request_id,
                "request": _request_summary(request) if request else None,
            }
        )
    return {"order": number, "count": len(out), "timeline": out}


def _request_summary(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": entry["id"],
        "at": entry["at"],
        "method": entry["method"],
        "path": entry["path"],
        "status": entry["status"],
        "operationName": entry["operation_name"],
        "rootField": entry["root_field"],
    }


def answer_routes(rt: Runtime) -> list[Route]:
    async def timeline(request: Request) -> JSONResponse:
        ref = request.path_params["id"]
        body = timeline_body(rt, ref)
        if body is None:
            return error(f"No order with number or id '{ref}'.", 404)
        return JSONResponse(body)

    async def check(_: Request) -> JSONResponse:
        with rt.db.private_copy() as conn:
            violations = invariants.check(conn)
        return JSONResponse(
            {
                "ok": not violations,
                "rules": list(invariants.RULES),
                "violations": [v.described() for v in violations],
            }
        )

    async def changes(request: Request) -> JSONResponse:
        since = request.query_params.get("since") or INITIAL_SNAPSHOT
        limit = request.query_params.get("limit", "200")
        if not limit.isdigit() or not 0 < int(limit) <= 10_000:
            return error("'limit' must be a whole number from 1 to 10000.")
        try:
            with rt.db.snapshot_reader(since) as before, rt.db.private_copy() as after:
                tables = diff(before, after, limit=int(limit))
        except KeyError:
            return error(f"No snapshot named '{since}'.", 404)
        return JSONResponse(
            {
                "since": "reset" if since == INITIAL_SNAPSHOT else since,
                "at": rt.clock.now().isoformat(),
                "changed": sum(
                    t["inserted"] + t["updated"] + t["deleted"] for t in tables.values()
                ),
                "tables": tables,
            }
        )

    return [
        Route("/orders/{id}/timeline", timeline, methods=["GET"]),
        Route("/invariants", check, methods=["GET"]),
        Route("/diff", changes, methods=["GET"]),
    ]
