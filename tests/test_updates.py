"""A flush of changed rows alone is written with each table's prebuilt UPDATE
(`storage/updates.py`); rows only the ORM's flush can write are left to it."""

from __future__ import annotations

from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from mockcentra.storage.updates import write_updates


class Base(DeclarativeBase):
    pass


class Plain(Base):
    __tablename__ = "plain"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)


class Stamped(Base):
    __tablename__ = "stamped"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    edits: Mapped[int] = mapped_column(Integer, default=0, onupdate=lambda: 1)


def _session() -> Session:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    session = Session(engine)
    session.add_all([Plain(id=1, name="a"), Stamped(id=1, name="a")])
    session.commit()
    return session


def test_a_changed_row_is_written_with_the_prebuilt_update() -> None:
    # given: a loaded row with one column changed
    session = _session()
    row = session.get(Plain, 1)
    assert row is not None
    row.name = "b"

    # when: the session's changes are written
    written = write_updates(session)

    # then: written, the row is clean, and the database holds the new value
    assert written is True
    assert row not in session.dirty
    assert session.execute(select(Plain.name).where(Plain.id == 1)).scalar_one() == "b"


def test_a_table_whose_column_sets_itself_on_update_is_left_to_the_orm() -> None:
    # given: a loaded row of a table with an `onupdate` column, changed
    session = _session()
    row = session.get(Stamped, 1)
    assert row is not None
    row.name = "b"

    # when / then: nothing is written here; the ORM's flush applies the column's own value
    assert write_updates(session) is False
    assert row in session.dirty
    session.flush()
    assert session.execute(select(Stamped.edits).where(Stamped.id == 1)).scalar_one() == 1


def test_a_new_row_leaves_the_whole_flush_to_the_orm() -> None:
    session = _session()
    row = session.get(Plain, 1)
    assert row is not None
    row.name = "b"
    session.add(Plain(id=2, name="c"))

    assert write_updates(session) is False
    assert row in session.dirty
