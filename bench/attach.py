"""Attach mode: a test session driving a server that is already running.

    python bench/attach.py [--runs 50] [--json]

Starts `mockcentra serve --db :memory:` in its own process (not timed), then measures what a
pytest session attached to it pays: the fixture ready (client, the server's scenario, one
reset through the control plane) and each further per-test reset. Prints numbers only.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time


def serve() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockcentra", "serve", "--db", ":memory:", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        found = re.search(r"Health\s+(http://[\d.]+:\d+)/_mock/health", line)
        if found:
            return proc, found.group(1)
    proc.kill()
    raise SystemExit("the server did not start")


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    proc, url = serve()
    try:
        import httpx

        for _ in range(400):  # the URL is printed just before uvicorn listens
            try:
                httpx.get(f"{url}/_mock/health")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        started = time.perf_counter()
        from mockcentra.testing.client import CentraClient

        imported = (time.perf_counter() - started) * 1e3
        started = time.perf_counter()
        client = CentraClient.attach(url)
        home = client.scenario()
        client.start_from(home)
        ready = (time.perf_counter() - started) * 1e3
        resets = []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.start_from(home)
            resets.append((time.perf_counter() - started) * 1e3)
        client.close()
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    result = {
        "attach_import_ms": imported,
        "attach_ready_ms": ready,
        "attach_reset_ms": statistics.median(resets),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"attached: importing the client {imported:.0f} ms, then fixture ready "
            f"{ready:.1f} ms, per-test reset {result['attach_reset_ms']:.2f} ms"
        )
    return result


if __name__ == "__main__":
    main()
