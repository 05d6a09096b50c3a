"""What snapshots and resets cost: deleting a snapshot, a file database's snapshots kept on disk
beside it, and a `-wal` file that stays empty however often the state is restored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockcentra.app import create_app
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

TOKENS = "SELECT count(*) FROM api_token"


def snapshot_names(centra: CentraClient) -> list[str]:
    return centra.get("/_mock/snapshots").json()["snapshots"]


def test_a_deleted_snapshot_is_gone(centra: CentraClient) -> None:
    # given: two snapshots besides those other tests left
    before = snapshot_names(centra)
    centra.control.snapshot("kept")
    centra.control.snapshot("dropped")

    # when: one is deleted through the pytest fixture
    centra.control.delete_snapshot("dropped")

    # then: it is neither listed nor restorable; the other one still is
    assert snapshot_names(centra) == sorted({*before, "kept"})
    restore = centra.post("/_mock/snapshots/dropped/restore")
    assert (restore.status_code, restore.json()) == (404, {"error": "No snapshot named 'dropped'."})
    centra.control.restore("kept")
    centra.control.delete_snapshot("kept")


@pytest.mark.parametrize("name", ["never-taken", "__initial__"])
def test_deleting_an_unknown_snapshot_is_404_and_changes_nothing(
    centra: CentraClient, name: str
) -> None:
    before = snapshot_names(centra)

    response = centra.delete(f"/_mock/snapshots/{name}")

    assert (response.status_code, response.json()) == (
        404,
        {"error": f"No snapshot named '{name}'."},
    )
    assert snapshot_names(centra) == before
    assert centra.post("/_mock/reset").status_code == 200  # the start state is still there


@pytest.fixture
def file_server(tmp_path: Path) -> Iterator[tuple[CentraClient, Path]]:
    db = tmp_path / "mock.db"
    client = CentraClient(create_app(Settings(db=str(db), scenario="empty")))
    yield client, db
    client.close()
    client.runtime.db.dispose()


def add_token(client: CentraClient, value: str) -> None:
    response = client.post("/_mock/tokens", json={"token": value, "permissions": ["*"]})
    assert response.status_code == 201, response.text


def tokens_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(TOKENS).fetchone()[0]


def test_twenty_resets_of_a_file_database_leave_the_wal_file_empty(
    file_server: tuple[CentraClient, Path],
) -> None:
    # given: a file database at its start state
    client, db = file_server
    wal = Path(f"{db}-wal")
    start = tokens_in(db)

    # when: twenty tests each write something and reset
    for n in range(20):
        add_token(client, f"token-{n}")
        assert client.post("/_mock/reset").status_code == 200

    # then: each restore was checkpointed into the database file: the WAL is empty
    assert wal.stat().st_size == 0
    assert tokens_in(db) == start
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_snapshots_of_a_file_database_are_files_beside_it_until_deleted(
    file_server: tuple[CentraClient, Path],
) -> None:
    client, db = file_server
    folders = list(db.parent.glob("mock.db.snapshots-*"))
    assert len(folders) == 1  # the start state that reset returns to
    [folder] = folders
    assert len(list(folder.iterdir())) == 1
    start = tokens_in(db)

    # when: a snapshot is taken, the data changes, and the snapshot is restored
    client.control.snapshot("before")
    add_token(client, "after-the-snapshot")
    client.control.restore("before")

    # then: the snapshot is a file, the restore brought the data back and the WAL is empty
    assert len(list(folder.iterdir())) == 2
    assert tokens_in(db) == start
    assert Path(f"{db}-wal").stat().st_size == 0

    # when: it is deleted
    client.control.delete_snapshot("before")

    # then: its file is gone
    assert len(list(folder.iterdir())) == 1

    # when: the server shuts down
    client.runtime.db.dispose()

    # then: no snapshot file is left behind
    assert not folder.exists()
