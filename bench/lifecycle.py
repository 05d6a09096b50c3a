"""One full order lifecycle in-process, through the public APIs, timed.

    python bench/lifecycle.py [-n 50] [--json]

checkout (add item, pay) -> confirmOrder -> createShipment (capture) -> completeShipment
-> createReturn -> refund (domain action; the REST Order API exposes it) ... and a reset.
Prints the median and p95 of the whole lifecycle and of the reset between runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from mockcentra.app import create_app
from mockcentra.domain.returns.actions import refund_return
from mockcentra.settings import Settings
from mockcentra.testing.client import CentraClient
from mockcentra.testing.factories import Factories

RETURN = """mutation($s:Int!,$l:Int!){ createReturn(input:{shipment:{id:$s},
  lines:[{shipmentLine:{id:$l}, quantity:1}], returnStockActionPolicy:{releaseItemsBackToWarehouse:true}})
  { return { id } userErrors { message } } }"""


def lifecycle(client: CentraClient, factories: Factories) -> None:
    item = factories.sellable_item(min_free=2)
    placed = factories.place_order([(item, 1)])
    shipment = factories.ship(placed.number, capture=True, complete=True)
    ret = client.graphql(RETURN, {"s": shipment["id"], "l": shipment["lines"][0]["id"]})
    return_id = ret.ok("createReturn")["return"]["id"]
    rt = client.runtime
    with rt.unit_of_work() as uow:
        refund_return(uow, return_id)


def statement_floor(client: CentraClient, n: int = 2000) -> dict[str, float]:
    """What one statement costs through the ORM, and the same statement on pysqlite directly:
    the SQL statements of a lifecycle times the ORM cost is the floor of the ORM-built code."""
    from sqlmodel import select

    from mockcentra.storage.tables import CountryRow

    db = client.runtime.db

    def median_us(run) -> float:
        for _ in range(50):
            run()
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(n // 5):
                run()
            samples.append((time.perf_counter() - started) * 1e6 / (n // 5))
        return statistics.median(samples)

    with client.runtime.unit_of_work(write=False) as uow:
        orm = median_us(
            lambda: uow.session.exec(select(CountryRow).where(CountryRow.code == "SE")).one()
        )
    with db.raw() as conn:
        sql = "SELECT id, code, name, is_eu, tax_percent_hundredths FROM country WHERE code = ?"
        raw = median_us(lambda: conn.execute(sql, ("SE",)).fetchall())
    return {"orm_select_us": orm, "raw_select_us": raw}


#: Not counted as statements: the transaction around each request's work.
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    client = CentraClient(create_app(Settings(db=":memory:", scenario="demo")))
    factories = Factories(client)
    lifecycle(client, factories)  # warm caches (parser, validation, statements)
    statements = [0]

    def count(sql: str) -> None:
        if not sql.lstrip().upper().startswith(TRANSACTION_CONTROL):
            statements[0] += 1

    # SQLite's own trace of what it runs: statements sent through SQLAlchemy and those run on
    # the driver directly (the prebuilt INSERTs, the plain record reads) alike
    with client.runtime.db.raw() as conn:
        conn.set_trace_callback(count)

    runs, resets, counts = [], [], []
    for _ in range(args.n):
        started = time.perf_counter()
        client.reset()
        resets.append((time.perf_counter() - started) * 1000)
        statements[0] = 0
        started = time.perf_counter()
        lifecycle(client, factories)
        runs.append((time.perf_counter() - started) * 1000)
        counts.append(statements[0])
    result = {
        "lifecycle_median_ms": statistics.median(runs),
        "lifecycle_p95_ms": percentile(runs, 0.95),
        "reset_median_ms": statistics.median(resets),
        "sql_statements_per_lifecycle": statistics.median(counts),
        "runs": args.n,
        **statement_floor(client),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"full lifecycle: {result['lifecycle_median_ms']:.1f} ms median, "
            f"{result['lifecycle_p95_ms']:.1f} ms p95 over {args.n} runs, "
            f"{result['sql_statements_per_lifecycle']:.0f} SQL statements; "
            f"reset {result['reset_median_ms']:.2f} ms median"
        )
        print(
            f"one SELECT by key: {result['orm_select_us']:.0f} us through the ORM, "
            f"{result['raw_select_us']:.0f} us on pysqlite"
        )
    client.close()


if __name__ == "__main__":
    main()
