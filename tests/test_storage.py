"""Storage: a file database seeded by an older version opens with the columns added since;
loads and snapshot restores of in-memory databases read the right pages; an in-memory
database's one connection is lent to one session of one thread at a time."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlmodel import Session, select

from mockcentra.settings import MEMORY
from mockcentra.storage.engine import Database
from mockcentra.storage.locks import NestedCheckoutError
from mockcentra.storage.tables import StoreRow


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


def image(*tables: str) -> bytes:
    """A database image whose tables are created in the given order (so on other pages)."""
    conn = sqlite3.connect(":memory:")
    for table in tables:
        conn.execute(f"CREATE TABLE {table} (x TEXT)")
        conn.execute(f"INSERT INTO {table} VALUES ('{table}')")
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def read(db: Database, table: str) -> list[tuple[str]]:
    with db.raw() as conn:  # the same text each time: pysqlite reuses the prepared statement
        return conn.execute(f"SELECT x FROM {table}").fetchall()


def test_loads_and_restores_read_the_right_pages_whatever_the_layout() -> None:
    db = Database(MEMORY)
    db.load(image("one", "two"))
    db.snapshot("first")
    assert read(db, "one") == [("one",)]

    db.load(image("two", "one"))  # same schema cookie, other root pages
    after_load = read(db, "one")
    db.restore("first")
    after_restore = read(db, "one")
    db.restore("first")

    assert after_load == [("one",)]
    assert after_restore == [("one",)]
    assert read(db, "two") == [("two",)]
    db.dispose()


def test_a_restore_gives_back_the_snapshot_byte_for_byte() -> None:
    db = Database(MEMORY)
    db.load(image("one", "two"))
    db.snapshot("start")
    taken = db.image()
    with db.raw() as conn:
        conn.execute("INSERT INTO one VALUES ('later')")

    db.restore("start")

    assert db.image() == taken
    assert read(db, "one") == [("one",)]
    db.dispose()


def _pragmas(conn: sqlite3.Connection) -> tuple:
    names = ("journal_mode", "synchronous", "foreign_keys", "cache_size")
    return tuple(conn.execute(f"PRAGMA {name}").fetchone()[0] for name in names)


def test_a_bulk_load_commits_its_rows_and_gives_the_connection_its_settings_back(
    tmp_path: Path,
) -> None:
    for db, journal in ((Database(str(tmp_path / "bulk.db")), "delete"), (Database(MEMORY), None)):
        db.create_all()
        with db.raw() as conn:
            before = _pragmas(conn)

        with db.bulk_load() as conn:
            during = _pragmas(conn.connection.dbapi_connection)  # type: ignore[arg-type]
            conn.exec_driver_sql(
                "INSERT INTO store (name, type, autoconfirm) VALUES ('Retail', 'WHOLESALE', 0)"
            )
            conn.commit()

        assert during[2:] == (0, -16 * 1024)
        if journal:
            assert during[:2] == (journal, 0)
        with db.raw() as conn:
            assert _pragmas(conn) == before
            assert conn.execute("SELECT name FROM store").fetchall() == [("Retail",)]
        db.dispose()


def _store_names(db: Database) -> list[str]:
    with Session(db.engine) as session:
        return list(session.exec(select(StoreRow.name)).all())


def test_a_session_opened_inside_another_on_an_in_memory_database_fails_and_frees_nothing() -> None:
    # given: an in-memory database with one store, read by a session on this thread
    db = Database(MEMORY)
    db.create_all()
    with db.raw() as conn:
        conn.execute("INSERT INTO store (name, type, autoconfirm) VALUES ('Retail', 'X', 0)")
    with Session(db.engine) as outer:
        assert list(outer.exec(select(StoreRow.name)).all()) == ["Retail"]

        # when: a second session on the same thread asks for the connection
        with Session(db.engine) as inner, pytest.raises(NestedCheckoutError) as refused:
            inner.exec(select(StoreRow.name)).all()

        # then: it is refused by name, and the first session goes on
        assert str(refused.value) == (
            "the in-memory database's one connection is already in use on this thread: close "
            "the open unit of work or session before opening another"
        )
        assert list(outer.exec(select(StoreRow.name)).all()) == ["Retail"]

    # and: once the first is closed, another thread gets the connection
    with ThreadPoolExecutor(1) as other_thread:
        assert other_thread.submit(_store_names, db).result(timeout=5) == ["Retail"]
    db.dispose()
