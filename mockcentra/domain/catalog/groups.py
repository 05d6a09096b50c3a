"""Brands, collections and folders: the groupings a product points at.

Brands are enabled per store (`addToStores`); collections have a status and a URI (generated
from the name when none is given, unique like brand URIs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import select

from mockcentra.domain.catalog.rules import optional_text, required_text
from mockcentra.domain.catalog.status import VariantStatus
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.refs import Ref, resolve, resolve_optional
from mockcentra.domain.uris import uri_from_name, validate_uri
from mockcentra.storage.tables import BrandRow, BrandStoreRow, CollectionRow, FolderRow, StoreRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def _uri(given: str | None, name: str, kind: str) -> str:
    """A given URI validated, else one generated from the name (the kind when nothing latin is
    left of it)."""
    text = optional_text(given)
    if text:
        return validate_uri(text, ["uri"])
    return uri_from_name(name) or kind.lower()


def _duplicate(kind: str, name: str) -> DomainError:
    return DomainError(ErrorCode.DUPLICATE, f"{kind} with name {name} already exists.", ["name"])


def _free_uri(uow: UnitOfWork, row_type: Any, kind: str, uri: str, own_id: int | None) -> str:
    stmt = select(row_type.id).where(row_type.uri == uri)
    if own_id is not None:
        stmt = stmt.where(row_type.id != own_id)
    if uow.session.exec(stmt).first():
        raise DomainError(ErrorCode.DUPLICATE, f"{kind} with URI {uri} already exists.", ["uri"])
    return uri


def _unique_name(uow: UnitOfWork, row_type: Any, kind: str, name: str, own_id: int | None) -> str:
    name = required_text(name, f"{kind} name cannot be empty.", ["name"])
    stmt = select(row_type.id).where(row_type.name == name)
    if own_id is not None:
        stmt = stmt.where(row_type.id != own_id)
    if uow.session.exec(stmt).first():
        raise _duplicate(kind, name)
    return name


def create_brand(
    uow: UnitOfWork, *, name: str, uri: str | None = None, add_to_stores: Sequence[Any] = ()
) -> BrandRow:
    """A brand, enabled in the stores given (a brand is used in a store once enabled there)."""
    name = _unique_name(uow, BrandRow, "Brand", name, None)
    uri = _free_uri(uow, BrandRow, "Brand", _uri(uri, name, "Brand"), None)
    brand = BrandRow(name=name, uri=uri)
    uow.session.add(brand)
    uow.session.flush()
    _set_stores(uow, brand, add_to_stores, [])
    uow.emit(PendingEvent("Brand", "CREATED", str(brand.id)))
    return brand


def get_brand(uow: UnitOfWork, brand_id: int) -> BrandRow:
    """The brand with this id (errors point at the id)."""
    return resolve(uow, BrandRow, Ref(id=brand_id), [], kind="Brand")


def update_brand(
    uow: UnitOfWork,
    brand: BrandRow,
    *,
    name: str | None = None,
    uri: str | None = None,
    add_to_stores: Sequence[Any] = (),
    remove_from_stores: Sequence[Any] = (),
) -> BrandRow:
    """Rename, re-URI, enable in or remove from stores; `uri: ""` generates it from the name."""
    if name is not None:
        brand.name = _unique_name(uow, BrandRow, "Brand", name, brand.id)
    if uri is not None:
        brand.uri = _free_uri(uow, BrandRow, "Brand", _uri(uri, brand.name, "Brand"), brand.id)
    uow.session.add(brand)
    uow.session.flush()
    _set_stores(uow, brand, add_to_stores, remove_from_stores)
    uow.emit(PendingEvent("Brand", "UPDATED", str(brand.id)))
    return brand


def _set_stores(
    uow: UnitOfWork, brand: BrandRow, add: Sequence[Any], remove: Sequence[Any]
) -> None:
    """Enabling twice or removing a store the brand is not in is a no-op (idempotent)."""
    for field, refs in (("removeFromStores", remove), ("addToStores", add)):
        for i, ref in enumerate(refs):
            store = resolve(uow, StoreRow, ref, [field, i], kind="Store", object_type="Store")
            link = uow.session.get(BrandStoreRow, (brand.id, store.id))
            if field == "addToStores" and link is None:
                uow.session.add(BrandStoreRow(brand_id=key(brand), store_id=key(store)))
            elif field == "removeFromStores" and link is not None:
                uow.session.delete(link)
            uow.session.flush()


def create_collection(
    uow: UnitOfWork,
    *,
    name: str,
    status: VariantStatus = VariantStatus.ACTIVE,
    uri: str | None = None,
) -> CollectionRow:
    """A collection; its URI is generated from the name when none is given."""
    name = _unique_name(uow, CollectionRow, "Collection", name, None)
    uri = _free_uri(uow, CollectionRow, "Collection", _uri(uri, name, "Collection"), None)
    collection = CollectionRow(name=name, status=VariantStatus(status), uri=uri)
    uow.session.add(collection)
    uow.session.flush()
    uow.emit(PendingEvent("Collection", "CREATED", str(collection.id)))
    return collection


def get_collection(uow: UnitOfWork, collection_id: int) -> CollectionRow:
    """The collection with this id (errors point at the id)."""
    return resolve(uow, CollectionRow, Ref(id=collection_id), [], kind="Collection")


def update_collection(
    uow: UnitOfWork,
    collection: CollectionRow,
    *,
    name: str | None = None,
    status: VariantStatus | None = None,
    uri: str | None = None,
) -> CollectionRow:
    """Change what is given; `uri: ""` generates the URI from the name again."""
    if name is not None:
        collection.name = _unique_name(uow, CollectionRow, "Collection", name, collection.id)
    if status is not None:
        collection.status = VariantStatus(status)
    if uri is not None:
        generated = _uri(uri, collection.name, "Collection")
        collection.uri = _free_uri(uow, CollectionRow, "Collection", generated, collection.id)
    uow.session.add(collection)
    uow.session.flush()
    uow.emit(PendingEvent("Collection", "UPDATED", str(collection.id)))
    return collection


def create_folder(uow: UnitOfWork, *, name: str, parent: object | None = None) -> FolderRow:
    """Folder names are unique among the folders of the same parent (or among top folders)."""
    name = required_text(name, "Folder name cannot be empty.", ["name"])
    parent_row = resolve_optional(
        uow, FolderRow, parent, ["parent"], kind="Folder", object_type="Folder"
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
