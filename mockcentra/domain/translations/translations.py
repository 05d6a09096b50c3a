"""Translating object fields: `localize` and reading translations back.

An object's own fields are in the instance's default language; every other language takes
translations, field by field. Each object type has a fixed list of translatable fields (its
texts and, for products and variants, the elements of its dynamic text attributes, named
`attributes.<type>.<element>`). A field without a translation reads as null (the default
text applies). Setting a value of null (or empty) removes a translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, delete, select

from mockcentra.domain.attributes.config import AttributeConfig, ElementKind
from mockcentra.domain.errors import DomainError, ErrorCode, invalid, not_found
from mockcentra.domain.refs import Ref
from mockcentra.domain.uris import validate_uri, validate_uri_path
from mockcentra.storage.tables import (
    CategoryRow,
    DisplayRow,
    LanguageRow,
    ProductRow,
    TranslationRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork

Path = Sequence[str | int]
TEXT_KINDS = frozenset({ElementKind.INPUT, ElementKind.TEXTAREA})


@dataclass(frozen=True)
class _Kind:
    table: type
    fields: tuple[str, ...]
    attribute_object: str | None = None  # whose dynamic text attributes are translatable
    emits: bool = True


_DISPLAY_FIELDS = (
    "name",
    "uri",
    "metaDescription",
    "metaKeywords",
    "metaTitle",
    "shortDescription",
    "description",
)
KINDS = {
    "Display": _Kind(DisplayRow, _DISPLAY_FIELDS),
    "Product": _Kind(ProductRow, ("name",), attribute_object="Product"),
    "ProductVariant": _Kind(VariantRow, ("name",), attribute_object="ProductVariant"),
    "Category": _Kind(
        CategoryRow, ("name", "uri", "metaTitle", "metaDescription", "metaKeywords"), emits=False
    ),
}


@dataclass(frozen=True)
class FieldTranslation:
    field: str
    value: str | None


@dataclass(frozen=True)
class LanguageTranslations:
    """An object's translatable fields in one language (value None: not translated)."""

    language: LanguageRow
    fields: tuple[FieldTranslation, ...]


def object_type_of(obj: Any) -> str:
    for name, kind in KINDS.items():
        if isinstance(obj, kind.table):
            return name
    raise TypeError(f"{type(obj).__name__} has no translations")


def translatable_fields(config: AttributeConfig, object_type: str) -> tuple[str, ...]:
    kind = KINDS[object_type]
    extra: list[str] = []
    if kind.attribute_object is not None:
        for attribute in config.for_object(kind.attribute_object):
            if attribute.is_mapped:
                continue
            extra.extend(
                f"attributes.{attribute.name}.{e.key}"
                for e in attribute.elements
                if e.kind in TEXT_KINDS
            )
    return (*kind.fields, *extra)


def translation_languages(session: Session) -> list[LanguageRow]:
    """The languages objects are translated into: active, not the default, in id order."""
    return list(
        session.exec(
            select(LanguageRow)
            .where(LanguageRow.is_active, LanguageRow.is_default.is_(False))
            .order_by(LanguageRow.id)
        )
    )


def localize(
    uow: UnitOfWork,
    config: AttributeConfig,
    object_type: str,
    object_id: int,
    language_ref: Any,
    translations: Sequence[FieldTranslation],
) -> Any:
    """Set (or, with a null value, remove) translations of one object in one language."""
    kind = KINDS.get(object_type)
    if kind is None:
        raise invalid(f"{object_type} objects have no translations.", ["objectType"])
    obj = uow.session.get(kind.table, object_id)
    if obj is None:
        raise not_found(object_type, object_id, ["objectId"])
    language = _language(uow, language_ref)
    allowed = translatable_fields(config, object_type)
    for i, item in enumerate(translations):
        path = ["translations", i]
        if item.field not in allowed:
            raise invalid(
                f"Field {item.field} of {object_type} cannot be translated "
                f"(translatable: {', '.join(allowed)}).",
                [*path, "field"],
            )
        key = (
            TranslationRow.object_type == object_type,
            TranslationRow.object_id == obj.id,
            TranslationRow.language_id == language.id,
            TranslationRow.field == item.field,
        )
        value = (item.value or "").strip() if item.field == "uri" else item.value
        if not value:
            uow.session.exec(delete(TranslationRow).where(*key))
            continue
        if item.field == "uri":
            _check_uri(uow, object_type, obj, language, value, [*path, "value"])
        row = uow.session.exec(select(TranslationRow).where(*key)).first() or TranslationRow(
            object_type=object_type, object_id=obj.id, language_id=language.id, field=item.field
        )
        row.value = value
        uow.session.add(row)
        uow.session.flush()
    if hasattr(obj, "updated_at"):
        obj.updated_at = uow.clock.now()
        uow.session.add(obj)
    uow.session.flush()
    if kind.emits:
        uow.emit(
            PendingEvent(
                object_type, "UPDATED", str(obj.id), store_id=getattr(obj, "store_id", None)
            )
        )
    return obj


def _language(uow: UnitOfWork, ref: Any) -> LanguageRow:
    r = Ref.of(ref)
    language = None
    if r is not None and r.id is not None:
        language = uow.session.get(LanguageRow, r.id)
        missing = f"ID {r.id}"
    elif r is not None and r.code is not None:
        language = uow.session.exec(
            select(LanguageRow).where(LanguageRow.language_code == r.code.strip().lower())
        ).first()
        missing = f"code {r.code}"
    else:
        raise DomainError(ErrorCode.REQUIRED, "Language must be given by id or code.", ["language"])
    if language is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, f"Could not find Language with {missing}.", ["language"]
        )
    if language.is_default or not language.is_active:
        raise invalid(
            f"{language.name} is not a language objects are translated into.",
            ["language"],
        )
    return language


def _check_uri(
    uow: UnitOfWork, object_type: str, obj: Any, language: LanguageRow, uri: str, path: Path
) -> None:
    """A translated uri follows the URI rule (a category's may be a path of segments) and is
    unique per store and language, as own uris."""
    if object_type == "Category":
        validate_uri_path(uri, path)
    else:
        validate_uri(uri, path)
    same = select(TranslationRow.object_id).where(
        TranslationRow.object_type == object_type,
        TranslationRow.language_id == language.id,
        TranslationRow.field == "uri",
        TranslationRow.value == uri,
        TranslationRow.object_id != obj.id,
    )
    others = list(uow.session.exec(same))
    if others and hasattr(obj, "store_id"):
        kind = KINDS[object_type]
        others = [
            o
            for o in others
            if getattr(uow.session.get(kind.table, o), "store_id", None) == obj.store_id
        ]
    if others:
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"URI {uri} is already used in {language.name} by {object_type} {others[0]}.",
            path,
        )


def stored_of(
    session: Session, object_type: str, object_ids: Sequence[int]
) -> dict[int, list[TranslationRow]]:
    """The translations of many objects in one query."""
    out: dict[int, list[TranslationRow]] = {}
    if not object_ids:
        return out
    rows = session.exec(
        select(TranslationRow)
        .where(
            TranslationRow.object_type == object_type,
            TranslationRow.object_id.in_(list(object_ids)),
        )
        .order_by(TranslationRow.id)
    )
    for row in rows:
        out.setdefault(row.object_id, []).append(row)
    return out


def translations_of(
    config: AttributeConfig,
    object_type: str,
    languages: Sequence[LanguageRow],
    rows: Sequence[TranslationRow],
) -> list[LanguageTranslations]:
    """Every translation language with every translatable field of the object."""
    stored = {(r.language_id, r.field): r.value for r in rows}
    fields = translatable_fields(config, object_type)
    return [
        LanguageTranslations(
            language, tuple(FieldTranslation(f, stored.get((key(language), f))) for f in fields)
        )
        for language in languages
    ]


def languages(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    is_active: bool | None = None,
    is_available_for_localization: bool | None = None,
) -> list[LanguageRow]:
    """`languages(where:)`: available for localization means active and not the default."""
    stmt = select(LanguageRow).order_by(LanguageRow.id)
    if ids:
        stmt = stmt.where(LanguageRow.id.in_(list(ids)))
    if is_active is not None:
        stmt = stmt.where(LanguageRow.is_active == is_active)
    if is_available_for_localization is True:
        stmt = stmt.where(LanguageRow.is_active, LanguageRow.is_default.is_(False))
    elif is_available_for_localization is False:
        stmt = stmt.where(LanguageRow.is_active.is_(False) | LanguageRow.is_default)
    return list(session.exec(stmt))
