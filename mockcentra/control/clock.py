"""/_mock/clock: the server's time, frozen, moved or back to real time."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mockcentra.control.http import ControlModel, Refused, body
from mockcentra.state.runtime import Runtime


class ClockBody(ControlModel):
    """POST /_mock/clock: freeze (at a moment, or now), move, or go back to real time."""

    freeze: bool | str | None = None  # `false` freezes nothing
    advance_seconds: float | None = Field(None, alias="advanceSeconds")
    unfreeze: bool | None = None


def clock_routes(rt: Runtime) -> list[Route]:
    """/clock."""

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

    return [Route("/clock", clock, methods=["GET", "POST"])]
