"""Brands, collections and folders: the groupings a product points at."""

from __future__ import annotations

import re

from sqlmodel import select

from mockcentra.domain.catalog.rules import optional_text, required_text
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.refs import resolve_optional
from mockcentra.storage.tables import BrandRow, CollectionRow, FolderRow
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def slug(name: str) -> str:
    """A brand's URI when none is given: lower case, words joined by dashes."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "brand"


def _duplicate(kind: str, name: str) -> DomainError:
    return DomainError(
        ErrorCode.DUPLICATE, f"{kind} with name {name} already exists.", ["input", "name"]
    )


def create_brand(uow: UnitOfWork, *, name: str, uri: str | None = None) -> BrandRow:
    name = required_text(name, "Brand name cannot be empty.", ["input", "name"])
    if uow.session.exec(select(BrandRow.id).where(BrandRow.name == name)).first():
        raise _duplicate("Brand", name)
    uri = optional_text(uri) or slug(name)
    if uow.session.exec(select(BrandRow.id).where(BrandRow.uri == uri)).first():
        raise DomainError(
            ErrorCode.DUPLICATE, f"Brand with URI {uri} already exists.", ["input", "uri"]
        )
    brand = BrandRow(name=name, uri=uri)
    uow.session.add(brand)
    uow.session.flush()
    uow.emit(PendingEvent("Brand", "CREATED", str(brand.id)))
    return brand


def create_collection(uow: UnitOfWork, *, name: str) -> CollectionRow:
    name = required_text(name, "Collection name cannot be empty.", ["input", "name"])
    if uow.session.exec(select(CollectionRow.id).where(CollectionRow.name == name)).first():
        raise _duplicate("Collection", name)
    collection = CollectionRow(name=name)
    uow.session.add(collection)
    uow.session.flush()
    uow.emit(PendingEvent("Collection", "CREATED", str(collection.id)))
    return collection


def create_folder(uow: UnitOfWork, *, name: str, parent: object | None = None) -> FolderRow:
    """Folder names are unique among the folders of the same parent (or among top folders)."""
    name = required_text(name, "Folder name cannot be empty.", ["input", "name"])
    parent_row = resolve_optional(
        uow, FolderRow, parent, ["input", "parent"], kind="Folder", object_type="Folder"
    )
    parent_id = parent_row.id if parent_row else None
    same = select(FolderRow.id).where(FolderRow.name == name, FolderRow.parent_id == parent_id)
    if parent_id is None:
        same = select(FolderRow.id).where(FolderRow.name == name, FolderRow.parent_id.is_(None))
    if uow.session.exec(same).first():
        raise _duplicate("Folder", name)
    folder = FolderRow(name=name, parent_id=parent_id)
    uow.session.add(folder)
    uow.session.flush()
    uow.emit(PendingEvent("Folder", "CREATED", str(folder.id)))
    return folder
