"""The demo scenario: deterministic per seed, and the shape other tests and people rely on."""

from __future__ import annotations

import sqlite3

import pytest
from starlette.applications import Starlette

from mockcentra.app import create_app
from mockcentra.seeding.demo_data import ean13, price_in, round_half
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient


def _dump(app: Starlette) -> list[str]:
    """Every table's rows, apart from the instance's random secret (which keys tokens)."""
    with app.state.runtime.db.raw() as conn:
        return [line for line in conn.iterdump() if '"instance_secret" VALUES' not in line]


def _secret(app: Starlette) -> str:
    with app.state.runtime.db.raw() as conn:
        return conn.execute("SELECT secret FROM instance_secret").fetchone()[0]


def _fresh(seed: int) -> Starlette:
    return create_app(Settings(db=":memory:", scenario="demo", seed=seed))


def test_same_seed_gives_identical_tables() -> None:
    first, second = _fresh(7), _fresh(7)

    assert _dump(first) == _dump(second)
    assert _secret(first) != _secret(second)  # tokens are the one thing a seed does not decide


def test_different_seed_gives_different_data() -> None:
    assert _dump(_fresh(1)) != _dump(_fresh(2))


def test_size_charts_of_the_demo(centra: CentraClient) -> None:
    charts = centra.graphql("{ sizeCharts { id name sizes { name } } }").payload("sizeCharts")

    assert [(c["id"], c["name"]) for c in charts] == [(1, "One Size"), (2, "XS-XL"), (3, "Shoes")]
    assert [s["name"] for s in charts[1]["sizes"]] == ["XS", "S", "M", "L", "XL"]
    assert [s["name"] for s in charts[2]["sizes"]] == [str(n) for n in range(38, 45)]


def test_stores_and_markets_come_from_the_base_instance(centra: CentraClient) -> None:
    result = centra.graphql("{ stores { id name type } markets { id store { id } } }")

    assert result.payload("stores") == [
        {"id": 1, "name": "Retail", "type": "DIRECT_TO_CONSUMER"},
        {"id": 2, "name": "Wholesale", "type": "WHOLESALE"},
    ]
    assert result.payload("markets") == [
        {"id": 1, "store": {"id": 1}},
        {"id": 2, "store": {"id": 2}},
    ]


def test_catalogue_rows_have_the_documented_shape(centra: CentraClient) -> None:
    with centra.runtime.db.raw() as conn:
        numbers = [r[0] for r in conn.execute("SELECT product_number FROM product ORDER BY id")]
        inactive = conn.execute(
            "SELECT product_number FROM product WHERE status='INACTIVE'"
        ).fetchall()
        displayed = conn.execute("SELECT count(*) FROM display WHERE store_id=1").fetchone()[0]
        variants_per_product = conn.execute(
            "SELECT min(n), max(n) FROM (SELECT count(*) n FROM product_variant GROUP BY product_id)"
        ).fetchone()
        undisplayed_variants = conn.execute(
            "SELECT count(*) FROM product_variant v JOIN product p ON p.id = v.product_id "
            "WHERE p.status='ACTIVE' AND v.id NOT IN (SELECT variant_id FROM display_variant)"
        ).fetchone()[0]
        eans = [r[0] for r in conn.execute("SELECT ean FROM product_size")]
        stock = [r[0] for r in conn.execute("SELECT physical FROM stock")]
        pricelists = conn.execute(
            "SELECT p.name, c.code, p.store_id FROM pricelist p JOIN currency c ON c.id = p.currency_id "
            "ORDER BY p.id"
        ).fetchall()

    assert numbers == [f"P{n}" for n in range(1001, 1021)]
    assert inactive == [("P1020",)]
    assert displayed == 19
    assert 1 <= variants_per_product[0] and variants_per_product[1] <= 3
    assert undisplayed_variants == 0
    assert len(set(eans)) == len(eans) and all(len(e) == 13 and e.isdigit() for e in eans)
    assert all(ean13(e[:12]) == e for e in eans)
    assert stock.count(0) == 4 and all(0 <= s <= 40 for s in stock)
    assert any(s in (1, 2) for s in stock)
    assert pricelists == [
        ("SEK", "SEK", 1),
        ("EUR", "EUR", 1),
        ("USD", "USD", 1),
        ("GBP", "GBP", 1),
        ("Wholesale EUR", "EUR", 2),
    ]


def test_prices_are_consistent_across_currencies(centra: CentraClient) -> None:
    with centra.runtime.db.raw() as conn:
        rows = conn.execute(
            "SELECT pr.product_id, p.name, pr.price FROM price pr "
            "JOIN pricelist p ON p.id = pr.pricelist_id ORDER BY pr.product_id, p.id"
        ).fetchall()
    by_product: dict[int, dict[str, int]] = {}
    for product_id, pricelist, cents in rows:
        by_product.setdefault(product_id, {})[pricelist] = cents

    assert len(by_product) == 20
    for prices in by_product.values():
        assert prices["SEK"] == 10 * prices["EUR"]
        assert all(cents % 50 == 0 for cents in prices.values())


@pytest.mark.parametrize(
    ("amount", "expected"), [("12.24", "12.00"), ("12.25", "12.50"), ("12.80", "13.00")]
)
def test_round_half(amount: str, expected: str) -> None:
    from decimal import Decimal

    assert round_half(Decimal(amount)) == Decimal(expected)
    assert price_in("SEK", Decimal(amount)) == round_half(Decimal(amount) * 10)


def test_a_database_file_from_an_older_version_gets_new_indexes(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    create_app(Settings(db=path, scenario="demo"))
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_orders_status_created_at_id")
        conn.execute("CREATE INDEX ix_orders_created_at ON orders (created_at)")  # since replaced

    create_app(Settings(db=path, scenario="demo"))

    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_orders_status_created_at_id" in names
    assert "ix_orders_created_at" not in names
    assert "ix_orders_number" in names


def test_a_database_file_from_an_older_version_gets_new_columns(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    create_app(Settings(db=path, scenario="demo"))
    with sqlite3.connect(path) as conn:  # as written before weights and statuses existed
        conn.execute("ALTER TABLE product DROP COLUMN weight_unit")
        conn.execute("ALTER TABLE warehouse DROP COLUMN status")

    app = create_app(Settings(db=path, scenario="demo"))

    client = CentraClient(app)
    product = client.graphql("{ product(id: 1) { weight { unit } } warehouses { status } }")
    assert product.data == {
        "product": {"weight": {"unit": "KILOGRAMS"}},
        "warehouses": [{"status": "ACTIVE"}],
    }
