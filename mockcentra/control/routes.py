"""/_mock, the control plane for tests and people: every concern's route list, in one table.

Each concern has its module: status (health, about), snapshots (reset, snapshots), clock,
access (tokens, rate limits), webhooks, inspection (journal, faults, scenarios) and answers.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

from mockcentra.control.access import access_routes
from mockcentra.control.answers import answer_routes
from mockcentra.control.clock import clock_routes
from mockcentra.control.http import handled_routes
from mockcentra.control.inspection import inspection_routes
from mockcentra.control.snapshots import snapshot_routes
from mockcentra.control.status import status_routes
from mockcentra.control.webhooks import webhook_routes
from mockcentra.state.runtime import Runtime


def control_routes(rt: Runtime) -> list[BaseRoute]:
    """Every /_mock route, each endpoint with the control plane's one exception mapping."""
    return handled_routes(
        [
            *status_routes(rt),
            *snapshot_routes(rt),
            *clock_routes(rt),
            *access_routes(rt),
            *webhook_routes(rt),
            *inspection_routes(rt),
            *answer_routes(rt),
        ]
    )
