"""What changed between two states of the database, per table, row and field.

`GET /_mock/diff?since=NAME` compares a snapshot (or the state the last reset returned to) with
the live database, so a test or a person sees exactly what an integration did. Rows are matched
by primary key; values are shown as the APIs think of them (money as exact text, times as ISO
text, JSON as JSON), never as their storage form. Token values are never shown.
"""

from __future__ import annotations

import base64
import sqlite3
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.types import TypeDecorator

from mockcentra.storage.tables.base import Row

#: The column types read values without looking at the dialect; SQLite's is passed anyway.
_DIALECT = sqlite_dialect()

#: Columns whose values are secrets: a diff says that they changed, never what they are.
_REDACTED = {("api_token", "token"), ("webhook_subscription", "secret")}


def _entities() -> dict[str, str]:
    """Table name -> entity name (the table's model class without its `Row` suffix)."""
    out = {}
    for mapper in Row.registry.mappers:
        table = mapper.local_table
        if isinstance(table, Table):
            out[table.name] = mapper.class_.__name__.removesuffix("Row")
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        raw = bytes(value)
        return f"<{len(raw)} bytes>" if len(raw) > 64 else base64.b64encode(raw).decode()
    return value


class _Shape:
    """How one table's raw rows become keys and shown values."""

    def __init__(self, table: Table, columns: list[str]) -> None:
        self.table = table
        self.columns = columns
        pk = [c.name for c in table.primary_key.columns] or ["rowid"]
        self.key_at = [columns.index(c) for c in pk if c in columns]
        self.key_names = [columns[i] for i in self.key_at]
        self.types = [table.c[c].type if c in table.c else None for c in columns]

    def key(self, row: tuple) -> tuple:
        return tuple(row[i] for i in self.key_at)

    def named(self, key: tuple) -> dict[str, Any]:
        return dict(zip(self.key_names, key, strict=True))

    def value(self, i: int, raw: Any) -> Any:
        if (self.table.name, self.columns[i]) in _REDACTED:
            return "<redacted>"
        kind = self.types[i]
        if isinstance(kind, TypeDecorator) and raw is not None:
            try:
                raw = kind.process_result_value(raw, _DIALECT)
            except (ValueError, TypeError, NotImplementedError):
                pass
        return _plain(raw)

    def shown(self, row: tuple) -> dict[str, Any]:
        return {c: self.value(i, v) for i, (c, v) in enumerate(zip(self.columns, row, strict=True))}


def _read(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[Any]] | None:
    try:
        cursor = conn.execute(f'SELECT * FROM "{table}"')
    except sqlite3.OperationalError:  # the table does not exist on this side
        return None
    columns = [d[0] for d in cursor.description]
    return columns, cursor.fetchall()


def diff(
    before: sqlite3.Connection, after: sqlite3.Connection, *, limit: int = 200
) -> dict[str, Any]:
    """Each table with changes: counts and up to `limit` rows each of inserted, updated
    (only the fields that changed, before and after) and deleted."""
    entities = _entities()
    tables: dict[str, Any] = {}
    for table in Row.metadata.sorted_tables:
        old, new = _read(before, table.name), _read(after, table.name)
        if new is None:
            continue
        columns, new_rows = new
        shape = _Shape(table, columns)
        old_cols, old_rows = old if old is not None else (columns, [])
        if old_cols != columns:  # a column was added since: compare the shared columns only
            keep = [old_cols.index(c) if c in old_cols else None for c in columns]
            old_rows = [tuple(r[i] if i is not None else None for i in keep) for r in old_rows]
        before_by_key = {shape.key(r): r for r in old_rows}
        after_by_key = {shape.key(r): r for r in new_rows}
        inserted = [k for k in after_by_key if k not in before_by_key]
        deleted = [k for k in before_by_key if k not in after_by_key]
        updated = [
            k for k, r in after_by_key.items() if k in before_by_key and before_by_key[k] != r
        ]
        if not (inserted or deleted or updated):
            continue

        changes = []
        for k in updated[:limit]:
            a, b = before_by_key[k], after_by_key[k]
            fields = {
                columns[i]: {"before": shape.value(i, a[i]), "after": shape.value(i, b[i])}
                for i in range(len(columns))
                if a[i] != b[i]
            }
            changes.append({"key": shape.named(k), "fields": fields})
        tables[table.name] = {
            "entity": entities.get(table.name, table.name),
            "inserted": len(inserted),
            "updated": len(updated),
            "deleted": len(deleted),
            "rows": {
                "inserted": [
                    {"key": shape.named(k), "row": shape.shown(after_by_key[k])}
                    for k in inserted[:limit]
                ],
                "updated": changes,
                "deleted": [
                    {"key": shape.named(k), "row": shape.shown(before_by_key[k])}
                    for k in deleted[:limit]
                ],
            },
        }
    return tables
