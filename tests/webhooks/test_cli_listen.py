"""`mockcentra webhooks listen`: subscribe to a running server, print, forward unchanged."""

import socket
import threading
import time

import httpx
import pytest

from mockcentra.cli import main
from mockcentra.testing import CentraClient
from mockcentra.webhooks.receiver import WebhookReceiver


def _wait_for_subscription(http: httpx.Client, present: bool) -> list[dict]:
    deadline = time.monotonic() + 5
    while True:
        subs = http.get("/_mock/webhooks/subscriptions").json()["subscriptions"]
        if bool(subs) == present or time.monotonic() > deadline:
            return subs
        time.sleep(0.01)


def test_listen_prints_and_forwards_with_the_original_signature(
    centra_server, centra: CentraClient, capsys: pytest.CaptureFixture[str]
) -> None:
    token = centra.runtime.settings.integration_token
    with WebhookReceiver("cli-secret") as app, httpx.Client(base_url=centra_server.url) as http:
        args = [
            "webhooks",
            "listen",
            "--url",
            centra_server.url,
            "--forward-to",
            app.url,
            "--version",
            "Checkout API",
            "--secret",
            "cli-secret",
            "--max-events",
            "1",
        ]
        runner = threading.Thread(target=main, args=(args,))
        runner.start()
        [sub] = _wait_for_subscription(http, present=True)
        http.post(
            "/graphql",
            json={"query": 'mutation { createBrand(input:{name:"Forwarded"}) { brand { id } } }'},
            headers={"Authorization": f"Bearer {token}"},
        ).raise_for_status()
        [forwarded] = app.wait_for(1)
        runner.join(timeout=10)
        left = _wait_for_subscription(http, present=False)

    assert not runner.is_alive()
    assert sub["version"] == "Checkout API" and sub["name"] == "mockcentra webhooks listen"
    assert forwarded.signature_ok is True
    assert list(forwarded.payload) == ["brands"]
    printed = capsys.readouterr().out
    assert "Signing secret: cli-secret" in printed
    assert f"[signature ok] brands: {forwarded.payload['brands'][0]} -> {app.url} 200" in printed
    assert left == []


def test_listen_says_what_to_do_when_no_server_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    code = main(["webhooks", "listen", "--url", f"http://127.0.0.1:{port}"])

    assert code == 1
    assert capsys.readouterr().err == (
        f"mockcentra: Cannot reach mockcentra at http://127.0.0.1:{port} (ConnectError). "
        "Start it with `mockcentra serve` or point --url at it.\n"
    )
