"""HTTP load against a real uvicorn server: GraphQL and REST next to a bare Starlette endpoint.

    python bench/http_load.py --db PATH [--scenario large] [-n 2000] [-c 8] [--json]
    python bench/http_load.py --serve --db PATH          (the server half, used by the above)

The server is the mockcentra app inside a benchmark-only Starlette app that adds two routes,
so the baselines are served by the same process, server and event loop as the APIs:
`GET /_bench/bare` (a plain JSONResponse) and `POST /_bench/floor` (the GraphQL floor: the
same orders answer from plain objects through strawberry, see bench/graphql_floor.py). The load comes from another process: `wrk` when it is
installed (`--client wrk`), otherwise a small asyncio HTTP/1.1 client with `-c` keep-alive
connections. Prints requests/s and p50/p99 latency per endpoint; never asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from operations import ORDERS  # noqa: E402  (bench/ is not a package)

TOKEN = "dev-integration-token"
ORDER_API_SECRET = "dev-order-api-secret"
PRODUCTS = (
    "query benchProducts { products(limit: 20) { id name status "
    "variants { id name productSizes { id SKU EAN } } } }"
)


# ---------------------------------------------------------------- the server half


def harness_app(db: str, scenario: str):
    """mockcentra's app mounted under a Starlette app that owns the baseline routes."""
    # Imported here: only the server process needs the app; the load client stays light.
    from contextlib import asynccontextmanager

    from graphql_floor import floor_route, mockcentra_answer
    from starlette.applications import Starlette
    from starlette.requests import Request as HttpRequest
    from starlette.responses import JSONResponse
    from starlette.routing import Mount, Route

    from mockcentra.app import create_app
    from mockcentra.settings import Settings

    inner = create_app(Settings(db=db, scenario=scenario))
    floor = floor_route(mockcentra_answer(inner))

    async def bare_json(request: HttpRequest) -> JSONResponse:
        return JSONResponse({"ok": True})

    @asynccontextmanager
    async def lifespan(app: Starlette):
        async with inner.router.lifespan_context(inner):
            yield

    return Starlette(
        routes=[Route("/_bench/bare", bare_json), floor, Mount("/", app=inner)], lifespan=lifespan
    )


def serve(db: str, scenario: str) -> None:
    import uvicorn

    app = harness_app(db, scenario)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


class Server:
    """The harness in a subprocess; `with Server(db) as port:`."""

    def __init__(self, db: str, scenario: str = "large") -> None:
        self.args = [sys.executable, __file__, "--serve", "--db", db, "--scenario", scenario]
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> int:
        self.proc = subprocess.Popen(
            self.args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        found = re.match(r"PORT (\d+)", line)
        if not found:
            self.proc.kill()
            raise RuntimeError(f"the bench server did not start: {line}{self.proc.stdout.read()}")
        port = int(found.group(1))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return port
            except OSError:
                time.sleep(0.05)
        self.proc.kill()
        raise RuntimeError("the bench server did not accept connections within 60 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# ---------------------------------------------------------------- requests


@dataclass(frozen=True)
class Request:
    name: str
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""

    def raw(self, port: int) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
        lines += [f"{k}: {v}" for k, v in self.headers.items()]
        if self.body or self.method == "POST":
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


def graphql(name: str, query: str) -> Request:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    return Request(name, "POST", "/graphql", headers, json.dumps({"query": query}).encode())


def bare() -> Request:
    return Request("bare Starlette JSON", "GET", "/_bench/bare", {})


def floor() -> Request:
    body = json.dumps({"query": ORDERS}).encode()
    headers = {"Content-Type": "application/json"}
    return Request("GraphQL floor (plain objects)", "POST", "/_bench/floor", headers, body)


def rest_order(number: int) -> Request:
    return Request(
        "REST GET orders?order=N",
        "GET",
        f"/api/order/orders?order={number}",
        {"API-Authorization": ORDER_API_SECRET},
    )


# ---------------------------------------------------------------- the python client


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key == b"content-length":
            length = int(value)
        elif key == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    body = b""
    while True:
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


async def _load(
    port: int, requests: list[bytes], n: int, concurrency: int, seconds: float | None = None
) -> dict[str, float]:
    """Up to `n` requests over `concurrency` keep-alive connections, stopping after `seconds`."""
    latencies: list[float] = []
    counter = iter(range(n))
    failures = 0
    deadline = time.perf_counter() + seconds if seconds else float("inf")

    async def worker() -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for i in counter:
                started = time.perf_counter()
                writer.write(requests[i % len(requests)])
                status, _ = await _read_response(reader)
                latencies.append((time.perf_counter() - started) * 1e3)
                if status != 200:
                    failures += 1
                if started > deadline:
                    break
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    n = len(latencies)
    if failures:
        raise RuntimeError(f"{failures} of {n} requests did not answer 200")
    latencies.sort()
    return {
        "rps": n / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "requests": n,
    }


def check(port: int, request: Request) -> None:
    """One request first: a 200 without GraphQL `errors`, so the load measures real answers."""

    async def once() -> tuple[int, bytes]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request.raw(port))
        answer = await _read_response(reader)
        writer.close()
        return answer

    status, body = asyncio.run(once())
    payload = json.loads(body)
    if status != 200 or (isinstance(payload, dict) and payload.get("errors")):
        raise RuntimeError(f"{request.name}: HTTP {status} {body[:500]!r}")


# ---------------------------------------------------------------- wrk


WRK_SCRIPT = """
local bodies = {%s}
local paths = {%s}
local i = 0
wrk.method = "%s"
%s
request = function()
  i = i + 1
  local k = (i %% #paths) + 1
  return wrk.format(nil, paths[k], nil, bodies[k])
end
"""


def _lua(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wrk(port: int, variants: list[Request], seconds: float, concurrency: int) -> dict[str, float]:
    first = variants[0]
    headers = "\n".join(f"wrk.headers[{_lua(k)}] = {_lua(v)}" for k, v in first.headers.items())
    script = WRK_SCRIPT % (
        ", ".join(_lua(v.body.decode()) for v in variants),
        ", ".join(_lua(v.path) for v in variants),
        first.method,
        headers,
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    done = subprocess.run(
        ["wrk", "-t1", f"-c{concurrency}", f"-d{max(1, int(seconds))}s", "--latency"]
        + ["-s", f.name, f"http://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
    )
    Path(f.name).unlink()
    out = done.stdout
    if done.returncode or "Non-2xx" in out:
        raise RuntimeError(f"wrk failed for {first.name}:\n{out}{done.stderr}")

    def ms(label: str) -> float:
        found = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)\b", out)
        assert found, out
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": ms("50"),
        "p99_ms": ms("99"),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
    }


# ---------------------------------------------------------------- measuring


def measure(
    port: int,
    variants: list[Request],
    *,
    n: int,
    concurrency: int,
    client: str,
    seconds: float,
) -> dict[str, float]:
    check(port, variants[0])
    raws = [v.raw(port) for v in variants]
    asyncio.run(_load(port, raws, max(20, n // 10), concurrency, seconds / 10))
    if client == "wrk":
        return _wrk(port, variants, seconds, concurrency)
    return asyncio.run(_load(port, raws, n, concurrency, seconds))


def order_numbers(db: str, count: int) -> list[int]:
    """Order numbers spread over the whole table, the same ones every run."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT max(number) FROM orders").fetchone()[0] or 0
    if not total:
        raise RuntimeError(f"{db} has no orders")
    step = max(1, total // count)
    return list(range(1, total + 1, step))[:count]


def run(
    db: str,
    *,
    n: int,
    concurrency: int,
    client: str,
    seconds: float,
    scenario: str = "large",
    which: tuple[str, ...] = ("bare", "floor", "orders", "products", "rest", "stores"),
) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    plans = {
        "bare": [bare()],
        "floor": [floor()],
        "orders": [graphql("GraphQL orders(limit: 10) + lines, shipments", ORDERS)],
        "products": [graphql("GraphQL products(limit: 20)", PRODUCTS)],
        "rest": [rest_order(number) for number in order_numbers(db, 50)],
        # per-request overhead: auth, analysis, the transaction and the extensions
        "stores": [graphql("GraphQL { stores { id name } }", "{ stores { id name } }")],
    }
    with Server(db, scenario) as port:
        for key in which:
            results[key] = measure(
                port,
                plans[key],
                n=n,
                concurrency=concurrency,
                client=client,
                seconds=seconds,
            )
    return results


def default_client() -> str:
    return "wrk" if shutil.which("wrk") else "python"


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]] | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a seeded database file")
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--serve", action="store_true", help="run the server half only")
    parser.add_argument("-n", type=int, default=100_000, help="most requests per endpoint")
    parser.add_argument("-c", type=int, default=8, help="keep-alive connections")
    parser.add_argument("--seconds", type=float, default=10, help="duration per endpoint")
    parser.add_argument("--client", choices=["python", "wrk"], default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.db, args.scenario)
        return None
    client = args.client or default_client()
    results = run(args.db, n=args.n, concurrency=args.c, client=client, seconds=args.seconds)
    if args.json:
        print(json.dumps({"client": client, **results}))
    else:
        for key, r in results.items():
            print(
                f"{key:<10} {r['rps']:8.0f} req/s   p50 {r['p50_ms']:7.2f} ms   "
                f"p99 {r['p99_ms']:7.2f} ms   ({int(r['requests'])} requests, {client})"
            )
    return results


if __name__ == "__main__":
    main()
