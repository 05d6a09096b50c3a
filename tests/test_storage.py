"""A file database seeded by an older version opens with the columns added since."""

from __future__ import annotations

from pathlib import Path

from mockcentra.storage.engine import Database


def columns(db: Database, table: str) -> list[str]:
    with db.raw() as conn:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def test_a_column_added_since_the_file_was_made_is_added_empty(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "old.db"))
    db.create_all()
    with db.raw() as conn:
        conn.execute("PRAGMA foreign_keys = OFF")  # one bare row, without its store and market
        conn.execute(
            "INSERT INTO selection (token, store_id, market_id, pricelist_id, country_code,"
            " language, address, shipping_address, vouchers, created_at, updated_at)"
            " VALUES ('t', 1, 1, 1, 'SE', 'en', '{}', '{}', '[]', '2030-01-01', '2030-01-01')"
        )
        conn.execute("ALTER TABLE selection DROP COLUMN pending_payment")
        conn.commit()
    assert "pending_payment" not in columns(db, "selection")

    db.create_all()

    assert "pending_payment" in columns(db, "selection")
    with db.raw() as conn:
        assert conn.execute("SELECT token, pending_payment FROM selection").fetchall() == [
            ("t", None)
        ]
    db.dispose()
