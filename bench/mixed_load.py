"""Mixed load on a file database: GraphQL reads and writes, the Order API and checkouts.

    python bench/mixed_load.py --db PATH [--workers 1] [-c 20] [--seconds 20] [--json]

Seeds `large` with a small order count into PATH when it is empty (10,000 products, 1,000
orders; `--orders`, `--products`), starts `mockcentra serve --db PATH --workers N` in a
subprocess and sends, over `-c` keep-alive connections, a repeating mix per connection:

- GraphQL `orders(limit: 10)` with lines and shipments (a read),
- GraphQL `changeStock` delivering one unit of the item the checkout buys (a stock write),
- the Order API's `GET orders?order=N` (a read),
- a checkout: `POST /api/checkout/items/{item}` (a new selection), then `POST /payment`
  (an order placed: stock allocated under the write lock).

Every answer must be a 2xx without GraphQL `errors`; prints requests/s and p50/p99 latency
over all of them. The load client is one Python process: on a small machine it takes CPU
from the server, so compare runs on one machine. Never asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from operations import ORDERS  # noqa: E402  (bench/ is not a package)

TOKEN = "dev-integration-token"
ORDER_API = "dev-order-api-secret"
CHANGE_STOCK = (
    "mutation benchStock($v: Int!, $s: Int!) { changeStock(input: { intoWarehouse: {id: 1}, "
    'description: "bench", productVariants: {productVariant: {id: $v}, '
    "sizeChanges: {size: {id: $s}, deliveredQuantity: 1}}}) "
    "{ stockChange { id } userErrors { message path } } }"
)
ADDRESS = {
    "email": "bench@example.com",
    "firstName": "Bench",
    "lastName": "Mark",
    "address1": "Teststr. 1",
    "city": "Stockholm",
    "zipCode": "12345",
    "country": "SE",
    "phoneNumber": "+4684026100",
}


def seed(db: str, orders: int, products: int) -> None:
    if Path(db).exists():
        return
    subprocess.run(
        [sys.executable, "-m", "mockcentra", "seed", "--scenario", "large", "--db", db]
        + ["--orders", str(orders), "--products", str(products)],
        check=True,
        capture_output=True,
    )


def items(db: str, count: int) -> list[tuple[str, int, int]]:
    """(checkout item, variant id, size id) of active displays' sizes, spread over the shop."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT d.id, ps.id, ps.variant_id, ps.size_id FROM display d "
            "JOIN display_variant dv ON dv.display_id = d.id "
            "JOIN product_size ps ON ps.variant_id = dv.variant_id "
            "WHERE d.status = 'ACTIVE' AND d.store_id = 1 ORDER BY ps.id"
        ).fetchall()
    step = max(1, len(rows) // count)
    return [(f"{d}-{ps}", v, s) for d, ps, v, s in rows[::step][:count]]


def order_numbers(db: str, count: int) -> list[int]:
    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT max(number) FROM orders").fetchone()[0] or 1
    step = max(1, total // count)
    return list(range(1, total + 1, step))[:count]


class Server:
    """`mockcentra serve --db PATH --port 0 --workers N` in a subprocess."""

    def __init__(self, db: str, workers: int) -> None:
        self.args = [sys.executable, "-m", "mockcentra", "serve", "--db", db, "--port", "0"]
        self.args += ["--log-level", "warning"]
        if workers != 1:
            self.args += ["--workers", str(workers)]
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> int:
        env = {**os.environ, "MOCKCENTRA_TEMPLATE_CACHE": "off"}
        self.proc = subprocess.Popen(
            self.args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        assert self.proc.stdout is not None
        port = None
        for line in self.proc.stdout:
            found = re.search(r"GraphQL API\s+POST http://[^:]+:(\d+)/graphql", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            raise RuntimeError(f"the server did not start: {self.proc.stdout.read()}")
        stdout = self.proc.stdout
        # keep reading what the server prints: a full pipe would stall it mid-measurement
        threading.Thread(target=lambda: [None for _ in stdout], daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = asyncio.run(_once(port, _get("/_mock/health", {})))
                if status == 200:
                    return port
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server did not answer within 60 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def _post(path: str, headers: dict[str, str], body: object) -> bytes:
    data = json.dumps(body).encode()
    head = [f"POST {path} HTTP/1.1", "Host: bench", "Content-Type: application/json"]
    head += [f"{k}: {v}" for k, v in headers.items()] + [f"Content-Length: {len(data)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + data


def _get(path: str, headers: dict[str, str]) -> bytes:
    head = [f"GET {path} HTTP/1.1", "Host: bench"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode()


async def _read(reader: asyncio.StreamReader) -> tuple[int, bytes]:
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


async def _once(port: int, request: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        return await _read(reader)
    finally:
        writer.close()


async def _load(
    port: int,
    goods: list[tuple[str, int, int]],
    numbers: list[int],
    concurrency: int,
    seconds: float,
) -> dict[str, object]:
    latencies: list[float] = []
    kinds: dict[str, list[float]] = {}
    failures: list[str] = []
    spread: dict[object, int] = {}
    deadline = time.perf_counter() + seconds
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    orders_read = _post("/graphql", bearer, {"query": ORDERS})

    async def connection(n: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)

        async def ask(kind: str, request: bytes) -> bytes:
            started = time.perf_counter()
            writer.write(request)
            status, body = await _read(reader)
            took = (time.perf_counter() - started) * 1e3
            latencies.append(took)
            kinds.setdefault(kind, []).append(took)
            if status // 100 != 2 or (kind.startswith("graphql") and b'"errors"' in body):
                failures.append(f"{kind}: {status} {body[:300]!r}")
            return body

        writer.write(_get("/_mock/health", {}))
        _, health = await _read(reader)
        worker = json.loads(health).get("worker")  # which process took this connection
        spread[worker] = spread.get(worker, 0) + 1
        i = n
        try:
            while time.perf_counter() < deadline:
                item, variant, size = goods[i % len(goods)]
                await ask("graphql orders", orders_read)
                stock = {"query": CHANGE_STOCK, "variables": {"v": variant, "s": size}}
                await ask("graphql changeStock", _post("/graphql", bearer, stock))
                number = numbers[i % len(numbers)]
                path = f"/api/order/orders?order={number}"
                await ask("order api", _get(path, {"API-Authorization": ORDER_API}))
                added = await ask("checkout items", _post(f"/api/checkout/items/{item}", {}, {}))
                token = json.loads(added).get("token", "")
                paid = {"address": ADDRESS, "paymentMethod": "dummy", "termsAndConditions": True}
                await ask(
                    "checkout payment", _post("/api/checkout/payment", {"API-Token": token}, paid)
                )
                i += concurrency
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection(n) for n in range(concurrency)))
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} failed answers, e.g. {failures[:3]}")
    latencies.sort()

    def p99(values: list[float]) -> float:
        values = sorted(values)
        return values[min(len(values) - 1, int(0.99 * len(values)))]

    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": p99(latencies),
        "requests": len(latencies),
        "connections_per_worker": sorted(spread.values(), reverse=True),
        "by_kind": {
            k: {"p50_ms": statistics.median(v), "p99_ms": p99(v)} for k, v in kinds.items()
        },
    }


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children still running (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run(db: str, workers: int, concurrency: int, seconds: float) -> dict[str, object]:
    goods = items(db, 400)
    numbers = order_numbers(db, 50)
    server = Server(db, workers)
    with server as port:
        asyncio.run(_load(port, goods, numbers, concurrency, min(3.0, seconds / 5)))  # warm-up
        assert server.proc is not None
        server_cpu, client_cpu = _cpu_seconds(server.proc.pid), time.process_time()
        started = time.perf_counter()
        result = asyncio.run(_load(port, goods, numbers, concurrency, seconds))
        elapsed = time.perf_counter() - started
        server_cpu = _cpu_seconds(server.proc.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
    requests = int(result["requests"])  # type: ignore[call-overload]
    return {
        "workers": workers,
        "concurrency": concurrency,
        **result,
        # what bounds requests/s on this machine: server CPU per request, and the cores used
        "server_cpu_ms_per_request": 1000 * server_cpu / max(1, requests),
        "server_cores_used": server_cpu / elapsed,
        "client_cores_used": client_cpu / elapsed,
        "cores": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("-c", "--concurrency", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    seed(args.db, args.orders, args.products)
    result = run(args.db, args.workers, args.concurrency, args.seconds)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{args.workers} worker(s), {args.concurrency} connections: {result['rps']:.0f} req/s, "
            f"p50 {result['p50_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms "
            f"({result['requests']} requests)"
        )
        print(
            f"  server CPU {result['server_cpu_ms_per_request']:.1f} ms a request, "
            f"{result['server_cores_used']:.2f} cores; load client "
            f"{result['client_cores_used']:.2f} cores; {result['cores']} cores in all; "
            f"connections per worker {result['connections_per_worker']}"
        )
        for kind, r in result["by_kind"].items():  # type: ignore[union-attr]
            print(f"  {kind:20s} p50 {r['p50_ms']:6.0f} ms  p99 {r['p99_ms']:6.0f} ms")
    return result


if __name__ == "__main__":
    main()
