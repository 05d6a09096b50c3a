"""A server on a database file killed with SIGKILL mid-traffic comes back with every write it
acknowledged: a 2xx means committed to disk."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.slow,  # starts and kills server processes
]

CONTROL = "/_mock/tokens"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mockcentra",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--scenario",
            "empty",
            "--log-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MOCKCENTRA_CONTROL_TOKEN": ""},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/_mock/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


def test_acknowledged_writes_survive_a_kill(tmp_path: Path) -> None:
    db = tmp_path / "durable.db"
    port = _free_port()
    server = _serve(db, port)
    acknowledged: list[str] = []
    stop = threading.Event()

    def traffic() -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            n = 0
            while not stop.is_set():
                name = f"durable-{n}"
                n += 1
                try:
                    r = client.post(CONTROL, json={"token": name, "permissions": ["Order:read"]})
                    created = client.post(
                        "/graphql",
                        headers={"Authorization": "Bearer dev-integration-token"},
                        json={
                            "query": "mutation($n:String!){createBrand(input:{name:$n}){"
                            "brand{name} userErrors{message}}}",
                            "variables": {"n": name},
                        },
                    )
                except httpx.HTTPError:
                    return
                if r.status_code == 201:
                    acknowledged.append(f"token:{name}")
                if created.status_code == 200 and (
                    (created.json().get("data") or {}).get("createBrand") or {}
                ).get("brand"):
                    acknowledged.append(f"brand:{name}")

    writer = threading.Thread(target=traffic)
    try:
        writer.start()
        while len(acknowledged) < 40:
            time.sleep(0.02)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        stop.set()
        writer.join(timeout=10)
    finally:
        stop.set()
        if server.poll() is None:
            server.kill()

    server = _serve(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            brands = client.post(
                "/graphql",
                headers={"Authorization": "Bearer dev-integration-token"},
                json={"query": "{ brands(limit: 1000) { name } }"},
            ).json()["data"]["brands"]
            names = {b["name"] for b in brands}
            for entry in acknowledged:
                kind, value = entry.split(":", 1)
                if kind == "token":
                    again = client.post(CONTROL, json={"token": value, "permissions": []})
                    assert again.status_code == 400, entry  # it exists already
                    assert "already exists" in again.json()["error"]
                else:
                    assert value in names, entry
    finally:
        server.kill()
        server.wait(timeout=10)
    assert len(acknowledged) >= 40
