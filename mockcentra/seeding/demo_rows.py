"""Where the demo's rows gather before their bulk insert (`DemoRows`), with the ids of what
the products are filed under and priced in (`Catalogue`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from mockcentra.seeding.demo_data import demo_ean
from mockcentra.storage.bulk import insert_rows
from mockcentra.storage.tables import LanguageRow, TranslationRow
from mockcentra.storage.tables.base import Row


class _Ids:
    """Hands out explicit primary keys after whatever the base data already holds."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._next: dict[type[Row], int] = {}

    def take(self, table: type[Row]) -> int:
        if table not in self._next:
            current = self.conn.execute(select(func.max(table.id))).scalar()  # type: ignore[attr-defined]
            self._next[table] = (current or 0) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value


class DemoRows:
    """The demo's rows per table, in foreign-key order and with explicit ids, inserted at the
    end in one bulk statement per table (bulk inserts take their columns from the first row:
    every row names every column)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.ids = _Ids(conn)
        self.rows: dict[type[Row], list[dict[str, Any]]] = {}
        #: whether each table has an `id` column (asking the model every row is slow)
        self.with_id: dict[type[Row], bool] = {}
        languages = self.lookup(LanguageRow, "language_code")
        self.translated = [languages["sv"], languages["de"]]

    def add(self, table: type[Row], **values: Any) -> int:
        """Queue a row, with the next id of its table unless it names one; returns the id."""
        if table not in self.with_id:
            self.with_id[table] = "id" in table.__table__.columns
        if "id" not in values and self.with_id[table]:
            values["id"] = self.ids.take(table)
        self.rows.setdefault(table, []).append(values)
        return values.get("id", 0)

    def lookup(self, table: type[Row], column: str) -> dict[Any, int]:
        """The base data's ids of `table` by the values of `column`."""
        result = self.conn.execute(select(table.id, getattr(table, column)))  # type: ignore[attr-defined]
        return {key: pk for pk, key in result}

    def translate(
        self, object_type: str, object_id: int, field: str, values: tuple[str, str]
    ) -> None:
        """Queue the Swedish and German values of one field of one object."""
        for language, value in zip(self.translated, values, strict=True):
            self.add(
                TranslationRow,
                object_type=object_type,
                object_id=object_id,
                language_id=language,
                field=field,
                value=value,
            )

    def insert(self) -> None:
        """Insert everything queued (the insertion order of `rows` follows foreign keys)."""
        for table, values in self.rows.items():
            insert_rows(self.conn, table, values)


@dataclass
class Catalogue:
    """What the products are filed under and priced in: the base instance's ids and the demo's
    own groupings, charts, categories and price lists."""

    retail_store: int
    wholesale_store: int
    countries: dict[Any, int]
    currencies: dict[Any, int]
    charts: dict[Any, int]
    warehouse: int
    retail_market: int | None
    shipping: dict[str, int]
    brand: int = 0
    collections: list[int] = field(default_factory=list)
    folders: dict[str, int] = field(default_factory=dict)
    sizes: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    measurement_charts: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    pricelists: dict[str, int] = field(default_factory=dict)
    wholesale_pricelist: int = 0
    stored_pictures: set[str] = field(default_factory=set)
    ean_company: int = 0
    ean_counter: int = 0

    def next_ean(self) -> str:
        """The next size's EAN."""
        self.ean_counter += 1
        return demo_ean(self.ean_company, self.ean_counter)
