"""Units of work whose commit writes the domain events their actions collected.

For code that has no server runtime (seeding, scripts, benchmarks); the transports open theirs
through `Runtime.unit_of_work()`, which adds the control plane's faults and wakes the webhook
sender after a commit that queued webhooks.
"""

from __future__ import annotations

from collections.abc import Callable

from mockcentra.domain.events.actions import record_events
from mockcentra.domain.events.audience import Audience, changed_audience
from mockcentra.runtime.clock import Clock
from mockcentra.storage.engine import Database
from mockcentra.storage.uow import CommitHook, UnitOfWork


def events_hook(
    on_webhooks_queued: Callable[[], None] | None = None, audience: Audience | None = None
) -> CommitHook:
    """The commit hook that writes the collected events; `on_webhooks_queued` is called after
    a commit whose events went into the webhook outbox. `audience` keeps whether anyone
    listens; it is dropped after a commit that changed listeners or subscriptions."""

    def hook(uow: UnitOfWork) -> None:
        if audience is not None and changed_audience(uow.session):
            uow.on_commit(audience.forget)
        if record_events(uow, audience) and on_webhooks_queued is not None:
            uow.on_commit(on_webhooks_queued)

    return hook


def unit_of_work(
    db: Database,
    clock: Clock,
    *,
    write: bool = True,
    seed: int = 1,
    integration_name: str = "default",
    faults: dict[str, str] | None = None,
    on_webhooks_queued: Callable[[], None] | None = None,
    audience: Audience | None = None,
) -> UnitOfWork:
    """A unit of work on `db` that records events on commit (use it as a context manager)."""
    return UnitOfWork(
        db,
        clock,
        write=write,
        seed=seed,
        before_commit=(events_hook(on_webhooks_queued, audience),),
        integration_name=integration_name,
        faults=faults,
    )
