"""GraphQL over HTTP against a real server: a product list versus a bare health check.

    python bench/products_query.py [-n 500] [--json]

Starts `python -m mockcentra serve --db :memory:` on a free loopback port (demo scenario),
sends N sequential requests per endpoint on one keep-alive connection and prints median/p95
latency, requests per second, and how much slower the GraphQL query is than GET /_mock/health.
Prints numbers only; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import httpx

TOKEN = "dev-integration-token"
PRODUCTS = "query bench { products(limit: 20) { id name variants { id productSizes { id SKU } } } }"
SIZE_CHARTS = "query bench { sizeCharts { id name sizes { id name } } }"


def start_server() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockcentra", "serve", "--db", ":memory:", "--port", "0"]
        + ["--host", "127.0.0.1", "--log-level", "warning"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the server exited before it printed its URLs")
        found = re.search(r"Health\s+(http://127\.0\.0\.1:\d+)/", line)
        if found:
            base = found.group(1)
            for _ in range(400):
                try:
                    httpx.get(f"{base}/_mock/health")
                    return proc, base
                except httpx.TransportError:
                    time.sleep(0.025)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


def choose_query(client: httpx.Client) -> tuple[str, str]:
    """The product list once the schema has `products`; size charts before that."""
    fields = client.post(
        "/graphql", json={"query": '{ __type(name: "Query") { fields { name } } }'}
    ).json()
    names = {f["name"] for f in ((fields.get("data") or {}).get("__type") or {}).get("fields", [])}
    return ("products(limit: 20)", PRODUCTS) if "products" in names else ("sizeCharts", SIZE_CHARTS)


def measure(send: Callable[[], httpx.Response], n: int, warmup: int = 50) -> dict[str, float]:
    for _ in range(warmup):
        send().raise_for_status()
    timings = []
    started = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        response = send()
        timings.append((time.perf_counter() - t0) * 1e3)
        response.raise_for_status()
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(0.95 * (len(timings) - 1))],
        "rps": n / elapsed,
    }


def run(n: int) -> dict[str, object]:
    proc, base = start_server()
    try:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            label, query = choose_query(client)
            body = {"query": query}
            first = client.post("/graphql", json=body).json()
            assert "errors" not in first, first["errors"]
            graphql = measure(lambda: client.post("/graphql", json=body), n)
            health = measure(lambda: client.get("/_mock/health"), n)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return {
        "query": label,
        "n": n,
        "graphql": graphql,
        "health": health,
        "ratio_median": graphql["median_ms"] / health["median_ms"],
    }


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500, help="requests per endpoint (default 500)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run(args.n)
    if args.json:
        print(json.dumps(result))
        return result
    print(f"{args.n} sequential requests per endpoint, one keep-alive connection")
    for name, key in (
        (f"POST /graphql {result['query']}", "graphql"),
        ("GET /_mock/health", "health"),
    ):
        r = result[key]
        print(
            f"  {name:<38} median {r['median_ms']:6.2f} ms   p95 {r['p95_ms']:6.2f} ms"
            f"   {r['rps']:7.0f} req/s"
        )
    print(f"  GraphQL / health (median)              {result['ratio_median']:.1f}x")
    return result


if __name__ == "__main__":
    main()
