"""Sending the outbox: batches per subscription, signed, retried with growing delay, logged.

Each subscription's queue is FIFO: its oldest delivery is retried (after `retryDelaySeconds`,
doubling each time) until it succeeds or its retries run out; then it is FAILED and the queue
moves on, as Centra's plugin does. Nothing is kept only in memory: a delivery being sent when
the server stops is sent again on the next start (at least once).

`deliver_due()` runs one pass synchronously (tests without a lifespan); the background task
started in the app's lifespan runs `adeliver_due()`, the same pass over httpx.AsyncClient.
Every timestamp (`t` in signatures, retry times) comes from the runtime clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from sqlmodel import Session, select

from mockcentra.domain.events.status import DeliveryStatus
from mockcentra.runtime.threads import handing_loop
from mockcentra.state.runtime import Runtime
from mockcentra.storage.tables import (
    EventRow,
    WebhookAttemptRow,
    WebhookDeliveryRow,
    WebhookOutboxRow,
    WebhookSubscriptionRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.webhooks import payloads, signing
from mockcentra.webhooks.attempts import Job, Outcome, failure_text

log = logging.getLogger("mockcentra.webhooks")

EXCERPT = 500
MAX_ROUNDS = 1000


class WebhookService:
    """Owns the outbox of one database: claims due deliveries, sends them, records results."""

    def __init__(self, runtime: Runtime, *, poll_interval: float = 1.0) -> None:
        self.runtime = runtime
        self.clock = runtime.clock
        self.poll_interval = poll_interval
        self._task: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unwatch: Callable[[], None] | None = None
        self._thread_id: int | None = None
        self.recover()

    # ------------------------------------------------------------ database steps

    def recover(self) -> int:
        """Deliveries left SENDING by a stopped server are due again now."""
        with self.runtime.unit_of_work() as uow:
            rows = list(
                uow.session.exec(
                    select(WebhookDeliveryRow).where(
                        WebhookDeliveryRow.status == DeliveryStatus.SENDING
                    )
                )
            )
            for row in rows:
                row.status = DeliveryStatus.PENDING.value
                row.claim = None
                row.next_attempt_at = uow.clock.now()
                uow.session.add(row)
        return len(rows)

    def claim_due(self) -> list[Job]:
        """At most one job per subscription: its open delivery if due, else a new batch."""
        jobs: list[Job] = []
        with self.runtime.unit_of_work() as uow:
            session = uow.session
            now = uow.clock.now()
            subs = session.exec(
                select(WebhookSubscriptionRow)
                .where(WebhookSubscriptionRow.active)
                .order_by(WebhookSubscriptionRow.id)
            )
            for sub in subs:
                delivery = self._open_delivery(session, sub, now)
                if delivery is None or delivery.status == DeliveryStatus.SENDING:
                    continue
                if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
                    continue  # head of the queue waits for its retry; the rest waits behind it
                t = int(now.timestamp())
                delivery.status = DeliveryStatus.SENDING.value
                delivery.claim = secrets.token_hex(8)
                delivery.attempts += 1
                session.add(delivery)
                jobs.append(
                    Job(
                        delivery_id=key(delivery),
                        subscription_id=key(sub),
                        claim=delivery.claim,
                        attempt=delivery.attempts,
                        url=sub.url,
                        body=delivery.body,
                        signature=signing.signature_header(sub.secret, t, delivery.body),
                        timeout=sub.timeout_seconds,
                        verify=sub.validate_ssl,
                        retries=sub.retries,
                        retry_delay=sub.retry_delay_seconds,
                    )
                )
        return jobs

    def _open_delivery(
        self, session: Session, sub: WebhookSubscriptionRow, now: datetime
    ) -> WebhookDeliveryRow | None:
        """The subscription's unfinished delivery, or a new one made from waiting events."""
        open_row = session.exec(
            select(WebhookDeliveryRow)
            .where(
                WebhookDeliveryRow.subscription_id == sub.id,
                WebhookDeliveryRow.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
            )
            .order_by(WebhookDeliveryRow.id)
            .limit(1)
        ).first()
        if open_row is not None:
            return open_row
        zone = self.clock.zone
        while True:
            items = list(
                session.exec(
                    select(WebhookOutboxRow)
                    .where(
                        WebhookOutboxRow.subscription_id == sub.id,
                        WebhookOutboxRow.delivery_id.is_(None),
                    )
                    .order_by(WebhookOutboxRow.id)
                    .limit(sub.batch_size)
                )
            )
            if not items:
                return None
            by_id = {
                ev.id: ev
                for ev in session.exec(
                    select(EventRow).where(EventRow.id.in_([i.event_id for i in items]))
                )
            }
            events = [by_id[i.event_id] for i in items]
            payload = payloads.build_payload(session, sub, events, zone)
            delivery = WebhookDeliveryRow(
                subscription_id=key(sub),
                status=(DeliveryStatus.PENDING if payload else DeliveryStatus.SKIPPED).value,
                body=signing.encode_body(payload) if payload else "",
                event_ids=[key(ev) for ev in events],
                next_attempt_at=now if payload else None,
                created_at=now,
            )
            session.add(delivery)
            session.flush()
            for item in items:
                item.delivery_id = delivery.id
                session.add(item)
            session.flush()
            if payload:
                return delivery

    def settle(self, job: Job, outcome: Outcome) -> None:
        """Log the attempt; mark delivered, schedule the retry, or give up."""
        with self.runtime.unit_of_work() as uow:
            session = uow.session
            now = uow.clock.now()
            row = session.get(WebhookDeliveryRow, job.delivery_id)
            if row is None or row.claim != job.claim or row.status != DeliveryStatus.SENDING:
                return  # reset, restored or cancelled meanwhile
            session.add(
                WebhookAttemptRow(
                    delivery_id=key(row),
                    attempt=job.attempt,
                    at=now,
                    signature=job.signature,
                    ok=outcome.ok,
                    status_code=outcome.status_code,
                    error=outcome.error,
                    duration_ms=outcome.duration_ms,
                    response_excerpt=outcome.excerpt,
                )
            )
            row.claim = None
            row.last_status_code = outcome.status_code
            row.last_error = outcome.error
            if outcome.ok:
                row.status = DeliveryStatus.DELIVERED.value
                row.delivered_at = now
                row.next_attempt_at = None
            elif row.attempts > job.retries:
                row.status = DeliveryStatus.FAILED.value
                row.next_attempt_at = None
            else:
                delay = job.retry_delay * 2 ** (row.attempts - 1)
                row.status = DeliveryStatus.PENDING.value
                row.next_attempt_at = now + timedelta(seconds=delay)
            session.add(row)

    def work_due_in(self) -> float | None:
        """Seconds (clock time) until there is something to send; 0 now; None when idle."""
        with self.runtime.unit_of_work(write=False) as uow:
            waiting = uow.session.exec(
                select(WebhookOutboxRow.id)
                .join(
                    WebhookSubscriptionRow,
                    WebhookSubscriptionRow.id == WebhookOutboxRow.subscription_id,
                )
                .where(WebhookOutboxRow.delivery_id.is_(None), WebhookSubscriptionRow.active)
                .limit(1)
            ).first()
            first = uow.session.exec(
                select(WebhookDeliveryRow.next_attempt_at)
                .where(WebhookDeliveryRow.status == DeliveryStatus.PENDING)
                .order_by(WebhookDeliveryRow.next_attempt_at)
                .limit(1)
            ).first()
        if first is not None:
            return max(0.0, (first - self.clock.now()).total_seconds())
        return 0.0 if waiting is not None else None

    # ------------------------------------------------------------ sending

    @staticmethod
    def send(job: Job) -> Outcome:
        started = time.perf_counter()
        try:
            with httpx.Client(timeout=job.timeout, verify=job.verify) as client:
                response = client.post(job.url, content=job.body.encode(), headers=job.headers)
        except httpx.HTTPError as exc:
            return Outcome(None, failure_text(exc), _ms(started), None)
        return Outcome(response.status_code, None, _ms(started), response.text[:EXCERPT])

    @staticmethod
    async def asend(job: Job) -> Outcome:
        started = time.perf_counter()
        try:
            async with httpx.AsyncClient(timeout=job.timeout, verify=job.verify) as client:
                response = await client.post(
                    job.url, content=job.body.encode(), headers=job.headers
                )
        except httpx.HTTPError as exc:
            return Outcome(None, failure_text(exc), _ms(started), None)
        return Outcome(response.status_code, None, _ms(started), response.text[:EXCERPT])

    def deliver_due(self) -> int:
        """Send everything due now, synchronously; returns the number of attempts made."""
        attempts = 0
        for _ in range(MAX_ROUNDS):
            jobs = self.claim_due()
            if not jobs:
                break
            for job in jobs:
                self.settle(job, self.send(job))
                attempts += 1
        return attempts

    async def adeliver_due(self) -> int:
        """The same pass without blocking the event loop on HTTP (subscriptions in parallel)."""
        attempts = 0
        for _ in range(MAX_ROUNDS):
            jobs = self.claim_due()
            if not jobs:
                break
            outcomes = await asyncio.gather(*(self.asend(job) for job in jobs))
            for job, outcome in zip(jobs, outcomes, strict=True):
                self.settle(job, outcome)
                attempts += 1
        return attempts

    # ------------------------------------------------------------ background task

    def notify(self) -> None:
        """Wake the background task after a commit that queued webhooks.

        Only commits made for the server's own requests wake it: on its thread, or on a worker
        thread its event loop runs a request on. Code that commits from another thread (an
        in-process test client next to a live server) sends with `deliver_due()`.
        """
        loop, wake = self._loop, self._wake
        if loop is None or wake is None or loop.is_closed():
            return
        if threading.get_ident() == self._thread_id:
            wake.set()
            return
        # a worker thread: which event loop handed it the request? (asked without calling into
        # that loop, which may be waiting for the database this thread still holds)
        if handing_loop() is loop:
            loop.call_soon_threadsafe(wake.set)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        """Pick up what a previous run left (in the database), then send in the background."""
        if self.running:
            return
        self.recover()
        due_in = self.work_due_in()
        self._loop = asyncio.get_running_loop()
        self._thread_id = threading.get_ident()
        self._wake = asyncio.Event()
        self._unwatch = self.runtime.outbox.watch(self.notify)
        self._task = asyncio.create_task(self._run(due_in), name="mockcentra-webhooks")

    async def stop(self) -> None:
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._loop = None
        self._wake = None

    async def _run(self, due_in: float | None) -> None:
        """Idle until woken; while retries wait, look again every `poll_interval` seconds
        (the mock clock can be advanced, so clock-time delays are re-checked, not slept)."""
        assert self._wake is not None
        while True:
            if due_in is None:
                await self._wake.wait()
            elif due_in > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._wake.wait(), timeout=min(due_in, self.poll_interval)
                    )
            self._wake.clear()
            try:
                self.runtime.sync()  # the clock another worker process moved (serve --workers)
                attempts = await self.adeliver_due()
                due_in = self.work_due_in()
                if due_in == 0 and not attempts:
                    due_in = self.poll_interval  # blocked behind a delivery in flight elsewhere
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("webhook delivery pass failed")
                due_in = self.poll_interval


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)
