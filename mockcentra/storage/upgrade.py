"""An existing database file brought up to the tables the models declare: new columns
added in place, new indexes created, replaced ones dropped.
"""

from __future__ import annotations

from typing import Any


def upgrade_table(conn: Any, table: Any) -> None:
    """Give an existing table the columns and indexes its model declares, and drop the
    indexes it no longer declares."""
    _add_missing_columns(conn, table)
    # by name: SQLAlchemy's own check does not see indexes on expressions
    rows = conn.exec_driver_sql(f'PRAGMA index_list("{table.name}")').fetchall()
    existing = {row[1] for row in rows}
    for index in table.indexes:
        if index.name not in existing:
            index.create(conn)
    _drop_replaced_indexes(conn, table)


def _drop_replaced_indexes(conn: Any, table: Any) -> None:
    """Indexes a model no longer declares (replaced by wider ones) would only slow writes and
    could steer the planner away from the index a list query was written for."""
    declared = {index.name for index in table.indexes}
    for row in conn.exec_driver_sql(f'PRAGMA index_list("{table.name}")').fetchall():
        name, origin = row[1], row[3]
        if origin == "c" and name not in declared:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')


def _add_missing_columns(conn: Any, table: Any) -> None:
    """Columns a newer model declares are added to an existing file's table, with the model's
    default for the rows already there (SQLite adds columns in place, without a rebuild)."""
    existing = {row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{table.name}")')}
    for column in table.columns:
        if column.name in existing:
            continue
        kind = column.type.compile(dialect=conn.dialect)
        default = getattr(column.default, "arg", None)
        if callable(default):
            default = None
        if isinstance(default, bool):
            literal = "1" if default else "0"
        elif isinstance(default, int | float):
            literal = str(default)
        elif isinstance(default, str):
            literal = "'" + default.replace("'", "''") + "'"
        else:
            literal = "NULL"
        conn.exec_driver_sql(
            f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind} DEFAULT {literal}'
        )
