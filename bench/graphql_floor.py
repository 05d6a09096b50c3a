"""The GraphQL floor: the orders answer served from plain objects by strawberry, nothing else.

The bench server mounts this next to mockcentra (`POST /_bench/floor`). It answers the same
`orders(limit: 10)` query with the same data (copied from mockcentra's own answer when the
server starts), through strawberry and graphql-core with parser and validation caches, but with
no SQL, no token, no permissions, no transaction and no `extensions`. What it costs is what the
GraphQL stack itself costs for an answer of this shape; mockcentra cannot be faster than it.

    python bench/graphql_floor.py [DB] [--json]
        in-process: ms per execution of the floor and per request of mockcentra (the test
        client, one request at a time), medians of rounds that alternate between the two
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import strawberry
from strawberry.extensions import ParserCache, ValidationCache

sys.path.insert(0, str(Path(__file__).resolve().parent))

from operations import ORDERS  # noqa: E402  (bench/ is not a package)


@strawberry.type
class Currency:
    code: str


@strawberry.type
class Money:
    value: float
    currency: Currency | None = None


@strawberry.type
class Line:
    id: int
    quantity: int
    SKU: str
    productName: str
    unitPrice: Money
    lineValue: Money


@strawberry.type
class ShipmentLine:
    quantity: int


@strawberry.type
class Shipment:
    id: int
    number: str
    isShipped: bool
    isPaid: bool
    lines: list[ShipmentLine]


@strawberry.type
class Order:
    id: str
    number: int
    status: str
    createdAt: str
    lines: list[Line]
    shipments: list[Shipment]
    grandTotal: Money


def _money(data: dict[str, Any]) -> Money:
    currency = data.get("currency")
    return Money(
        value=data["value"], currency=Currency(code=currency["code"]) if currency else None
    )


def orders_from(answer: list[dict[str, Any]]) -> list[Order]:
    """Plain objects holding exactly what mockcentra answered."""
    return [
        Order(
            id=o["id"],
            number=o["number"],
            status=o["status"],
            createdAt=o["createdAt"],
            lines=[
                Line(
                    id=ln["id"],
                    quantity=ln["quantity"],
                    SKU=ln["SKU"],
                    productName=ln["productName"],
                    unitPrice=_money(ln["unitPrice"]),
                    lineValue=_money(ln["lineValue"]),
                )
                for ln in o["lines"]
            ],
            shipments=[
                Shipment(
                    id=s["id"],
                    number=s["number"],
                    isShipped=s["isShipped"],
                    isPaid=s["isPaid"],
                    lines=[ShipmentLine(quantity=sl["quantity"]) for sl in s["lines"]],
                )
                for s in o["shipments"]
            ],
            grandTotal=_money(o["grandTotal"]),
        )
        for o in answer
    ]


def floor_schema(answer: list[dict[str, Any]]) -> strawberry.Schema:
    orders = orders_from(answer)

    @strawberry.type
    class Query:
        @strawberry.field
        def orders(self, limit: int = 10) -> list[Order]:
            return orders[:limit]

    return strawberry.Schema(Query, extensions=[ParserCache, ValidationCache])


def floor_route(answer: list[dict[str, Any]]):
    """A Starlette route answering POST /_bench/floor the way mockcentra's endpoint does."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    schema = floor_schema(answer)

    async def endpoint(request: Request) -> JSONResponse:
        body = json.loads(await request.body())
        result = schema.execute_sync(body["query"], body.get("variables"))
        return JSONResponse({"data": result.data})

    return Route("/_bench/floor", endpoint, methods=["POST"])


def mockcentra_answer(app: Any) -> list[dict[str, Any]]:
    """mockcentra's own answer to the bench query (the floor serves the same data)."""
    from mockcentra.testing.client import CentraClient

    client = CentraClient(app)
    try:
        return client.graphql(ORDERS).payload("orders")
    finally:
        client.close()


def main() -> None:
    from mockcentra.app import create_app
    from mockcentra.settings import Settings
    from mockcentra.testing.client import CentraClient

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", default=":memory:", help="a database file (default: demo)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = create_app(Settings(db=args.db, scenario="demo"))
    answer = mockcentra_answer(app)
    schema = floor_schema(answer)
    client = CentraClient(app)
    assert schema.execute_sync(ORDERS).data == {"orders": answer}
    runs = {
        "floor_ms": lambda: schema.execute_sync(ORDERS),
        "mockcentra_ms": lambda: client.graphql(ORDERS),
    }
    rounds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(5):
        for name, run in runs.items():
            for _ in range(10):
                run()
            started = time.perf_counter()
            for _ in range(60):
                run()
            rounds[name].append((time.perf_counter() - started) * 1000 / 60)
    medians = {name: statistics.median(values) for name, values in rounds.items()}
    if args.json:
        print(json.dumps(medians))
        return
    print(f"{'floor (strawberry over plain objects)':<40} {medians['floor_ms']:6.2f} ms")
    print(f"{'mockcentra in-process request':<40} {medians['mockcentra_ms']:6.2f} ms")


if __name__ == "__main__":
    main()
