"""`mockcentra webhooks listen`: receive a running server's webhooks locally, print them, and
forward them (body and signature unchanged) to the app under development.

The listener subscribes itself on the server's control plane, answers each webhook with the
status the forward target gave (so the server's retries apply), and removes its subscription
when it stops.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

import httpx

from mockcentra.domain.events.subscriptions import EVENT_CHOICES, WebhookVersion
from mockcentra.webhooks import signing
from mockcentra.webhooks.receiver import ReceivedWebhook, WebhookReceiver


def summarize(payload: Any) -> str:
    """One line per webhook: `order/create #12, shipment/good_to_go #3` and the like."""
    if isinstance(payload, dict) and isinstance(payload.get("events"), list):
        parts = []
        for item in payload["events"]:
            if "trigger" in item:
                ev = item.get("event", {})
                parts.append(
                    f"{item['trigger']} ({ev.get('objectType')} {ev.get('objectReference')})"
                )
            else:
                parts.append(f"{item.get('type')}/{item.get('action')} #{item.get('id')}")
        return ", ".join(parts)
    if isinstance(payload, dict):
        return "; ".join(f"{key}: {','.join(map(str, ids))}" for key, ids in payload.items())
    return json.dumps(payload)[:200]


class _Listener:
    """Answers each webhook: forwards it (when asked), prints it, and counts it."""

    def __init__(
        self, forward_to: str | None, out: TextIO, print_json: bool, max_events: int | None
    ) -> None:
        self.forward_to = forward_to
        self.out = out
        self.print_json = print_json
        self.max_events = max_events
        self.count = 0
        self.done = threading.Event()
        self._lock = threading.Lock()
        self._forwarder = httpx.Client(timeout=30)

    def respond(self, hook: ReceivedWebhook) -> int:
        """The status to answer: the forward target's, 502 when it cannot be reached."""
        status, note = self._forward(hook) if self.forward_to else (200, "")
        check = "signature ok" if hook.signature_ok else "SIGNATURE INVALID"
        with self._lock:
            print(f"[{check}] {summarize(hook.payload)}{note}", file=self.out, flush=True)
            if self.print_json:
                print(json.dumps(hook.payload, indent=2), file=self.out, flush=True)
            self.count += 1
            if self.max_events and self.count >= self.max_events:
                self.done.set()
        return status

    def _forward(self, hook: ReceivedWebhook) -> tuple[int, str]:
        headers = {
            "Content-Type": signing.CONTENT_TYPE,
            signing.HEADER: hook.headers.get(signing.HEADER.lower(), ""),
        }
        try:
            answer = self._forwarder.post(
                str(self.forward_to), content=hook.body.encode(), headers=headers
            )
        except httpx.HTTPError as exc:
            return 502, f" -> {self.forward_to} failed: {type(exc).__name__}"
        return answer.status_code, f" -> {self.forward_to} {answer.status_code}"

    def close(self) -> None:
        self._forwarder.close()


def _subscribe(
    control: httpx.Client,
    server: str,
    subscription: dict[str, Any],
    fail: Callable[[str], Exception],
) -> int:
    """Subscribe on the server's control plane; the subscription's id."""
    try:
        created = control.post("/webhooks/subscriptions", json=subscription)
    except httpx.HTTPError as exc:
        raise fail(
            f"Cannot reach mockcentra at {server} ({type(exc).__name__}). Start it with "
            "`mockcentra serve` or point --url at it."
        ) from exc
    if created.status_code != 201:
        raise fail(f"mockcentra refused the subscription: {created.text}")
    return created.json()["id"]


def listen(
    server: str,
    forward_to: str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    version: str = WebhookVersion.INTEGRATION_API.value,
    events: list[str] | None = None,
    secret: str | None = None,
    max_events: int | None = None,
    print_json: bool = False,
    out: TextIO | None = None,
    fail: Callable[[str], Exception] = RuntimeError,
    control_token: str = "",
) -> int:
    """Run until Ctrl+C (or `max_events` webhooks); returns how many arrived."""
    out = out or sys.stdout
    secret = secret or secrets.token_hex(16)
    server = server.rstrip("/")
    listener = _Listener(forward_to, out, print_json, max_events)
    receiver = WebhookReceiver(secret, host=host, port=port, respond=listener.respond)
    receiver.start()
    auth = {"Authorization": f"Bearer {control_token}"} if control_token else {}
    control = httpx.Client(base_url=f"{server}/_mock", timeout=10, headers=auth)
    sub_id = None
    try:
        subscription = {
            "url": receiver.url,
            "secret": secret,
            "version": version,
            "events": events or [],
            "name": "mockcentra webhooks listen",
        }
        sub_id = _subscribe(control, server, subscription, fail)
        target = f", forwarding to {forward_to}" if forward_to else ""
        print(
            f"Ready: {version} webhooks from {server} arrive at {receiver.url}{target} "
            f"(subscription {sub_id}).\nSigning secret: {secret}\nPress Ctrl+C to stop.",
            file=out,
            flush=True,
        )
        try:
            while not listener.done.wait(0.2):
                pass
        except KeyboardInterrupt:
            pass
    finally:
        if sub_id is not None:
            try:
                control.delete(f"/webhooks/subscriptions/{sub_id}")
            except httpx.HTTPError:
                pass
        control.close()
        receiver.stop()
        listener.close()
    return listener.count


def add_webhooks_command(
    add: Callable[..., argparse.ArgumentParser], listen_command: Callable[[argparse.Namespace], int]
) -> None:
    """Register `mockcentra webhooks listen` on the main parser (`add` makes a subcommand,
    `listen_command` runs it)."""
    webhooks = add(
        "webhooks",
        "receive and forward webhooks locally",
        "Work with the webhooks a running mockcentra sends.",
    )
    sub = webhooks.add_subparsers(dest="webhooks_command", metavar="COMMAND")
    listen_parser = sub.add_parser(
        "listen",
        help="print a running server's webhooks and forward them to a local URL",
        description="Subscribe to a running mockcentra, print every webhook it sends, and "
        "forward it unchanged (body and X-Centra-Signature) to --forward-to; the status the "
        "target answers goes back to mockcentra, so its retries apply. The subscription is "
        "removed on exit.",
    )
    listen_parser.add_argument("--forward-to", metavar="URL", help="where to POST each webhook")
    listen_parser.add_argument(
        "--url",
        metavar="URL",
        help="the running server (default http://MOCKCENTRA_HOST:MOCKCENTRA_PORT)",
    )
    listen_parser.add_argument(
        "--port", type=int, default=0, help="local port to receive on (default: a free one)"
    )
    listen_parser.add_argument(
        "--host", default="127.0.0.1", help="local interface to receive on (default 127.0.0.1)"
    )
    listen_parser.add_argument(
        "--version",
        dest="webhook_version",
        default=WebhookVersion.INTEGRATION_API.value,
        choices=[v.value for v in WebhookVersion],
        help="payload version (default %(default)s)",
    )
    choices = sorted({e for names in EVENT_CHOICES.values() for e in names})
    listen_parser.add_argument(
        "--events",
        metavar="NAME,...",
        help=f"only these event types/keys/triggers (default all): {', '.join(choices)}",
    )
    listen_parser.add_argument("--secret", help="signing secret (default: a random one)")
    listen_parser.add_argument(
        "--max-events", type=int, metavar="N", help="exit after N webhooks (for scripts)"
    )
    listen_parser.add_argument("--json", action="store_true", help="also print each payload")
    listen_parser.set_defaults(func=listen_command)
    webhooks.set_defaults(func=lambda args: _help(webhooks))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2
