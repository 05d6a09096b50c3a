"""The running server's state, typed and owned in one place: what every transport shares.

`Runtime` holds the settings, the database, the clock and the services kept in memory (token
grants, request journal, faults, rate limits, the webhook sender). Every transport opens its
transaction with `unit_of_work()`, and reset, restore and scenario load drop the same
transient state through `reset_transient_state()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from mockcentra.domain.events.audience import Audience
from mockcentra.domain.work import unit_of_work
from mockcentra.runtime.clock import Clock
from mockcentra.settings import Settings
from mockcentra.state.faults import Faults
from mockcentra.state.journal import Journal
from mockcentra.state.limiter import RateLimiter
from mockcentra.state.ratelimits import RateLimits
from mockcentra.state.shared import SharedState
from mockcentra.state.tokens import TokenStore, ensure_default_token
from mockcentra.storage.engine import Database
from mockcentra.storage.uow import UnitOfWork

log = logging.getLogger("mockcentra")

#: The snapshot `reset` returns to: the state the server started with (or last loaded).
INITIAL_SNAPSHOT = "__initial__"


class ScenarioTemplates(Protocol):
    """Seeded scenarios to copy from (mockcentra.seeding.templates.ScenarioTemplates)."""

    def template(
        self,
        name: str,
        seed: int,
        timezone: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> bytes: ...


class WebhookSender(Protocol):
    """The webhook outbox sender (mockcentra.webhooks.delivery.WebhookService)."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def deliver_due(self) -> int: ...

    async def adeliver_due(self) -> int: ...


class OutboxSignal:
    """Who wants to know that a commit put webhooks into the outbox (the sender's wake-up)."""

    def __init__(self) -> None:
        self._watchers: list[Callable[[], None]] = []

    def watch(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` after each commit that queued webhooks; returns an unwatch."""
        self._watchers.append(callback)

        def unwatch() -> None:
            if callback in self._watchers:
                self._watchers.remove(callback)

        return unwatch

    def notify(self) -> None:
        for callback in list(self._watchers):
            try:
                callback()
            except Exception:  # a watcher must never break a reply
                log.exception("webhook outbox watcher failed")


@dataclass
class Runtime:
    """Everything a request handler needs besides its request."""

    settings: Settings
    db: Database
    clock: Clock
    templates: ScenarioTemplates
    #: The scenario the data came from ("existing" for a file database seeded before).
    scenario: str
    tokens: TokenStore
    journal: Journal = field(default_factory=Journal)
    faults: Faults = field(default_factory=Faults)
    #: The Integration API's token buckets (off unless MOCKCENTRA_RATE_LIMITS says otherwise).
    rate_limits: RateLimits = field(default_factory=RateLimits)
    #: The fixed-window limit in front of every API (None unless MOCKCENTRA_RATE_LIMIT > 0).
    request_limiter: RateLimiter | None = None
    outbox: OutboxSignal = field(default_factory=OutboxSignal)
    #: Whether anyone listens to events, kept between commits (domain/events/audience.py).
    audience: Audience = field(default_factory=Audience)
    #: Set by the app once the sender exists (it opens its units of work here).
    webhooks: WebhookSender = field(init=False)
    #: While a scenario loads: its name and the orders seeded so far (`/_mock/health`).
    loading: dict[str, object] | None = None
    #: With `serve --workers N`: the control-plane state the worker processes share.
    shared: SharedState | None = None
    #: Run GraphQL operations on the event loop's own thread. The in-process client sets it:
    #: its private loop serves one request at a time, so a worker thread would only add the
    #: hand-off between threads (about 0.4 ms a request) and protect nothing.
    work_on_loop: bool = False
    #: The resets and restores this process has caught up with (see `sync`).
    _seen_resets: int = field(default=0, init=False)
    _seen_restores: int = field(default=0, init=False)

    @classmethod
    def start(
        cls,
        settings: Settings,
        db: Database,
        clock: Clock,
        templates: ScenarioTemplates,
        scenario: str,
        shared: SharedState | None = None,
    ) -> Runtime:
        """The runtime of a database that holds its starting state (snapshotted for reset).

        With `shared` (a worker of `serve --workers N`) the serving process took that snapshot
        before the workers started, and the worker follows the shared state from the start."""
        if shared is None:
            db.snapshot(INITIAL_SNAPSHOT)
        runtime = cls(
            settings=settings,
            db=db,
            clock=clock,
            templates=templates,
            scenario=scenario,
            tokens=TokenStore(db, clock, cache=shared is None),
            rate_limits=RateLimits(settings.rate_limits),
            request_limiter=RateLimiter(settings.rate_limit, float(settings.rate_limit_window))
            if settings.rate_limit > 0
            else None,
            shared=shared,
            audience=Audience(keep=shared is None),
        )
        if shared is not None:
            state = shared.read()
            runtime._seen_resets = int(state.get("resets", 0))
            runtime._seen_restores = int(state.get("restores", 0))
            runtime._apply(state)
        return runtime

    # ------------------------------------------------------------ transactions

    def unit_of_work(self, *, write: bool = True, integration_name: str = "default") -> UnitOfWork:
        """The one way the transports open a transaction: seeded ids, injected domain faults,
        events written on commit and the webhook sender woken after a commit that queued any.
        Use it as a context manager, or commit/rollback and close it yourself."""
        return unit_of_work(
            self.db,
            self.clock,
            write=write,
            seed=self.settings.seed,
            integration_name=integration_name,
            faults=self.faults.domain,
            on_webhooks_queued=self.outbox.notify,
            audience=self.audience,
        )

    # ------------------------------------------------------------ starting over

    def reset_transient_state(self) -> None:
        """Drop what describes the data or the traffic rather than the test's set-up: cached
        token grants, whether anyone listens to events, the Integration API's rate-limit buckets
        and the fixed-window counters. Reset, restore and scenario load all call this, so none
        of them keeps a stale one."""
        self.tokens.forget()
        self.audience.forget()
        self.rate_limits.clear()
        if self.request_limiter is not None:
            self.request_limiter.clear()

    def _back_to_start(self) -> None:
        """The test's set-up as the server started: clock, journal, faults, rate-limit plan."""
        self.clock.unfreeze()
        self.journal.clear()
        self.faults.clear()
        self.rate_limits.reset()

    def restore(self, name: str) -> None:
        """Copy a named snapshot back over the live database (KeyError when unknown)."""
        self.db.restore(name)
        self.reset_transient_state()
        self._publish(count=("restores",))

    def reset(self) -> None:
        """Back to the state the server started with: data, clock, faults and journal."""
        self.db.restore(INITIAL_SNAPSHOT)
        self.reset_transient_state()
        self._back_to_start()
        self._publish(count=("resets",))

    def snapshot(self, name: str) -> None:
        """Copy the whole database into a named snapshot (replacing one of that name)."""
        self.db.snapshot(name)
        self._publish()

    def delete_snapshot(self, name: str) -> None:
        """Forget a named snapshot and free what it holds (KeyError when unknown)."""
        self.db.delete_snapshot(name)
        self._publish()

    def clock_changed(self) -> None:
        """Call after freezing, advancing or unfreezing `clock`: every worker tells that time."""
        self._publish()

    # ------------------------------------------------------------ several workers

    def per_process(self, what: str) -> str | None:
        """Why `what` (faults, rate limits) is refused: it lives in each worker process's
        memory, so with several workers it would hold for some requests and not others."""
        if self.settings.workers <= 1:
            return None
        return (
            f"{what} are kept in each server process, and this server runs "
            f"{self.settings.workers} worker processes (--workers): they would apply to some "
            "requests and not to others. Serve with one worker to use them."
        )

    def _publish(self, count: tuple[str, ...] = ()) -> None:
        """Tell the other workers what this one changed (nothing to do without workers)."""
        if self.shared is None:
            return
        frozen, offset = self.clock.state()
        state = self.shared.publish(
            {
                "clock": {"frozenAt": frozen, "offsetSeconds": offset},
                "scenario": self.scenario,
                "snapshots": self.db.snapshot_names(),
            },
            count,
        )
        self._seen_resets = int(state.get("resets", 0))
        self._seen_restores = int(state.get("restores", 0))

    def sync(self) -> None:
        """Catch up with what other workers changed (called at the start of every request)."""
        if self.shared is None:
            return
        state = self.shared.changed()
        if state is not None:
            self._apply(state)

    def _apply(self, state: dict) -> None:
        clock = state.get("clock")
        if clock is not None:
            self.clock.set_state(clock["frozenAt"], clock["offsetSeconds"])
        if "scenario" in state:
            self.scenario = state["scenario"]
        if "snapshots" in state:
            self.db.know_snapshots(list(state["snapshots"]))
        resets, restores = int(state.get("resets", 0)), int(state.get("restores", 0))
        if resets != self._seen_resets:
            self.reset_transient_state()
            self.journal.clear()
            self.faults.clear()
            self.rate_limits.reset()
        elif restores != self._seen_restores:
            self.reset_transient_state()
        self._seen_resets, self._seen_restores = resets, restores

    def load_scenario(self, name: str) -> None:
        """Replace the whole state with a scenario's; it becomes what `reset` returns to.
        While it seeds (the first load of a big scenario takes a while) `loading` says how
        far it got."""

        def progress(done: int, total: int) -> None:
            self.loading = {"scenario": name, "orders": done, "of": total}

        self.loading = {"scenario": name, "orders": 0, "of": None}
        try:
            image = self.templates.template(
                name, self.settings.seed, self.settings.timezone, progress
            )
            self.loading = {**self.loading, "copying": True}
            self.db.load(image)
        finally:
            self.loading = None
        ensure_default_token(self.db, self.settings.integration_token, self.settings.admin_token)
        self.db.snapshot(INITIAL_SNAPSHOT)
        self.scenario = name
        self.reset_transient_state()
        self._back_to_start()
        self._publish(count=("resets",))
