"""Flushing changed rows with one prebuilt UPDATE per table, without the ORM's unit of work.

A request changes a few loaded rows (an order's status, a shipment's flags, a line's
quantities) and the ORM flushes them through its general machinery: a dependency sort, a
flush plan and a statement per row, about five times the cost of the UPDATE itself. When the
session has only changed rows to write (no new or deleted ones), `write_updates` writes each
with the UPDATE the ORM would emit (`UPDATE <table> SET <the changed columns> WHERE <key>`,
the same statement per table, run with SQLAlchemy Core) and finishes as a flush does: the
after-flush listeners see the changes, then the rows are marked written. Anything else (a new
or deleted row, a row of several tables, a changed key, a value that is an SQL expression, a
table with a column that sets itself on UPDATE) is left to the ORM's flush.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Update, bindparam
from sqlalchemy.orm import ColumnProperty, Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.state import InstanceState
from sqlalchemy.sql import ClauseElement


def write_updates(session: Session) -> bool:
    """Write the session's changed rows as a flush would, when it has nothing else to write;
    False (nothing done) when the ORM's flush has to do it."""
    states: list[Any] = list(session.identity_map._modified)
    if session._new or session._deleted or not states or session.dispatch.before_flush:
        return False
    writes: list[tuple[Any, dict[str, Any]]] = []
    for state in states:
        changed = _changed_columns(state)
        if changed is None:
            return False
        writes.append((state, changed))
    session._flushing = True
    try:
        connection = session.connection()
        for state, changed in writes:
            if changed:
                table: Any = state.mapper.local_table
                (key_column,) = state.mapper.primary_key
                result = connection.execute(
                    _update_of(table, key_column), {**changed, _KEY: state.key[1][0]}
                )
                if result.rowcount != 1:
                    raise StaleDataError(
                        f"UPDATE statement on table '{table.name}' expected to update 1 row(s);"
                        f" {result.rowcount} were matched."
                    )
        session.dispatch.after_flush(session, None)
        InstanceState._commit_all_states(
            [(state, state.dict) for state, _ in writes], session.identity_map
        )
        session.dispatch.after_flush_postexec(session, None)
    finally:
        session._flushing = False
    return True


def _changed_columns(state: Any) -> dict[str, Any] | None:
    """The columns of a loaded row set since its load to another value (by column key), as
    the ORM's flush compares them; None for a row only the ORM's flush can write."""
    mapper = state.mapper
    if state.key is None or len(mapper.tables) != 1 or len(mapper.primary_key) != 1:
        return None
    if _sets_on_update(mapper.local_table):
        return None
    changed: dict[str, Any] = {}
    for name, original in state.committed_state.items():
        prop = mapper._props.get(name)
        if not isinstance(prop, ColumnProperty) or prop.columns[0].primary_key:
            return None
        if name not in state.dict:
            continue  # expired since: nothing to write
        value = state.dict[name]
        if isinstance(value, ClauseElement) or hasattr(value, "__clause_element__"):
            return None
        if state.manager[name].impl.is_equal(value, original) is not True:
            changed[prop.columns[0].key] = value
    return changed


@functools.cache
def _sets_on_update(table: Any) -> bool:
    """Whether a column of the table takes a value of its own on UPDATE (`onupdate`): only the
    ORM's flush applies it."""
    return any(c.onupdate is not None or c.server_onupdate is not None for c in table.columns)


def _update_of(table: Any, key_column: Any) -> Update:
    statement = _UPDATES.get(table.name)
    if statement is None:
        condition = key_column == bindparam(_KEY, type_=key_column.type)
        statement = _UPDATES[table.name] = table.update().where(condition)
    return statement


_UPDATES: dict[str, Update] = {}
#: the name of the key's parameter (a column's own name is taken by the SET clause)
_KEY = "key_"
