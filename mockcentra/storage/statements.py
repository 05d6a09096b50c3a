"""SELECTs whose rows are read as rows, run on a sqlmodel session.

sqlmodel's `Session.exec` is typed for sqlmodel's own `select(...)` and for UPDATE/DELETE: a
SELECT built with SQLAlchemy Core (`sqlalchemy.select(func.count())...`, a union, a statement
passed on as Core's `Select`) matches none of its overloads, though it runs the same, and
sqlmodel's `Session.execute` is marked deprecated. `rows` runs any SELECT the way `exec` runs
one of columns (in the session's transaction, flushing first) and answers its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session


def rows(session: Session, statement: Select[*tuple[Any, ...]]) -> Sequence[Row[*tuple[Any, ...]]]:
    """Every row `statement` selects, each a tuple of its columns (a SELECT of one row class
    reads it in a one-column row; `session.exec` reads such a statement as the rows)."""
    return OrmSession.execute(session, statement).all()
