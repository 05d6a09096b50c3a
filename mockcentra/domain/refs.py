"""Object references in inputs: `{id}`, `{externalId}` (ID conversion) or a natural key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlmodel import select

from mockcentra.domain.errors import DomainError, ErrorCode, not_found
from mockcentra.storage.records import record_by_key
from mockcentra.storage.tables import IdConversionRow
from mockcentra.storage.tables.base import Row
from mockcentra.storage.uow import UnitOfWork

RowT = TypeVar("RowT", bound=Row)

#: ID-conversion object types whose row class is not named `<type>Row`.
_OBJECT_TYPE_OF_ROW = {"VariantRow": "ProductVariant"}


def object_type_of(row_type: type[Row]) -> str:
    """The ID-conversion object type of a row class: `PricelistRow` -> "Pricelist"."""
    name = row_type.__name__
    return _OBJECT_TYPE_OF_ROW.get(name, name.removesuffix("Row"))


@dataclass(frozen=True)
class Ref:
    """What an input gave to point at an object; exactly one way should be set."""

    id: int | None = None
    external_id: str | None = None
    name: str | None = None
    code: str | None = None

    @classmethod
    def of(cls, value: Any) -> Ref | None:
        """Build from any input object with id/externalId/name/code attributes (or a Ref)."""
        if value is None or isinstance(value, Ref):
            return value
        return cls(
            id=getattr(value, "id", None),
            external_id=getattr(value, "external_id", None),
            name=getattr(value, "name", None),
            code=getattr(value, "code", None),
        )


def existing(uow: UnitOfWork, row_type: type[RowT], row_id: int, *, kind: str) -> RowT:
    """The row with this id, or Centra's `Could not find <kind> with ID <id>.` pointing at the
    id itself (path `[]`): for the operations that are handed the id of what they change."""
    row = uow.session.get(row_type, row_id)
    if row is None:
        raise not_found(kind, row_id, [])
    return row


def resolve(
    uow: UnitOfWork,
    row_type: type[RowT],
    ref: Any,
    path: Sequence[str | int],
    *,
    kind: str,
    object_type: str | None = None,
    natural: dict[str, Any] | None = None,
    only_read: bool = False,
) -> RowT:
    """Load the row a reference points at, or raise Centra's `Could not find …` error.

    `object_type` names the ID-conversion type (e.g. "Pricelist"); `natural` filters rows when
    the reference uses `name` or `code` (e.g. a size's name within its chart). `only_read`: the
    caller reads the row and never changes it (the warehouse a stock change goes into), so a
    reference by id or external id may give a plain record (`record_by_key`), a fraction of an
    ORM load.
    """
    r = Ref.of(ref)
    if r is None:
        raise DomainError(ErrorCode.REQUIRED, f"{kind} is required.", path)
    session = uow.session

    def by_key(row_class: type[RowT], row_id: int) -> RowT | None:
        return (
            record_by_key(session, row_class, row_id)
            if only_read
            else session.get(row_class, row_id)
        )

    if r.id is not None:
        row = by_key(row_type, r.id)
        if row is None:
            raise not_found(kind, r.id, path)
        return row
    if r.external_id is not None:
        conv = uow.session.exec(
            select(IdConversionRow).where(
                IdConversionRow.integration_name == uow.integration_name,
                IdConversionRow.object_type == (object_type or object_type_of(row_type)),
                IdConversionRow.external_id == r.external_id,
            )
        ).first()
        row = by_key(row_type, conv.internal_id) if conv else None
        if row is None:
            raise not_found(kind, r.external_id, path, by="external ID")
        return row
    for key in ("name", "code"):
        value = getattr(r, key)
        if value is not None and hasattr(row_type, key):
            stmt = select(row_type).where(getattr(row_type, key) == value)
            for col, expected in (natural or {}).items():
                stmt = stmt.where(getattr(row_type, col) == expected)
            row = uow.session.exec(stmt).first()
            if row is None:
                raise not_found(kind, value, path, by=key)
            return row
    raise DomainError(ErrorCode.REQUIRED, f"{kind} must be given by id or externalId.", path)


def resolve_optional(uow: UnitOfWork, row_type: type[RowT], ref: Any, path, **kw) -> RowT | None:
    return None if ref is None else resolve(uow, row_type, ref, path, **kw)
