"""Categories to file displays under: a tree per store, at most three levels deep, whose
uris are the paths of their slugs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.displays.status import DisplayStatus
from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.refs import Ref, resolve
from mockcentra.domain.uris import uri_from_name, validate_uri
from mockcentra.storage.tables import CategoryRow, StoreRow
from mockcentra.storage.tables.base import key, stored
from mockcentra.storage.uow import UnitOfWork

Path = Sequence[str | int]
MAX_CATEGORY_DEPTH = 3


@dataclass
class CategorySpec:
    store: Any
    name: str
    status: DisplayStatus = DisplayStatus.ACTIVE
    uri: str | None = None
    parent_category: Any = None
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | None = None


#: Category fields `updateCategory` changes (the uri and place in the tree stay).
CATEGORY_TEXT_FIELDS = ("meta_title", "meta_description", "meta_keywords")


def create_category(uow: UnitOfWork, spec: CategorySpec) -> CategoryRow:
    """A category in a store, at most three levels deep; its uri is the path of slugs."""
    session = uow.session
    name = _category_name(spec.name)
    store = resolve(uow, StoreRow, spec.store, ["store"], kind="Store", object_type="Store")
    parent = None
    if spec.parent_category is not None:
        parent = category_of_store(uow, spec.parent_category, store, ["parentCategory"])
        if _depth(session, parent) >= MAX_CATEGORY_DEPTH:
            raise invalid(
                f"Categories can be at most {MAX_CATEGORY_DEPTH} levels deep.",
                ["parentCategory"],
            )
    given = (spec.uri or "").strip()
    segment = validate_uri(given, ["uri"]) if given else uri_from_name(name)
    if not segment:  # a name with no latin letters: Centra's exact reply is not documented
        raise invalid("Category URI cannot be generated from this name; give a uri.", ["name"])
    uri = f"{parent.uri}/{segment}" if parent is not None else segment
    clash = session.exec(
        select(CategoryRow.id).where(CategoryRow.store_id == store.id, CategoryRow.uri == uri)
    ).first()
    if clash is not None:
        raise DomainError(
            ErrorCode.DUPLICATE,
            f"Category URI {uri} is already used in store {store.name}.",
            ["uri" if spec.uri else "name"],
        )
    category = CategoryRow(
        store_id=key(store),
        name=name,
        uri=uri,
        parent_id=parent.id if parent else None,
        status=spec.status.value,
        meta_title=spec.meta_title,
        meta_description=spec.meta_description,
        meta_keywords=spec.meta_keywords,
    )
    session.add(category)
    session.flush()
    return category


def category_to_change(uow: UnitOfWork, category_id: int) -> CategoryRow:
    """The category `updateCategory` changes (errors point at the id)."""
    return resolve(uow, CategoryRow, Ref(id=category_id), [], kind="Category")


def update_category(uow: UnitOfWork, category: CategoryRow, changes: dict[str, Any]) -> CategoryRow:
    """Rename, change the status or the meta texts (a key given with None clears a meta text).

    The uri and the place in the tree do not change here (children's uris depend on them).
    """
    for attr, value in changes.items():
        if attr == "name":
            category.name = _category_name(value)
        elif attr == "status":
            category.status = DisplayStatus(value).value
        elif attr in CATEGORY_TEXT_FIELDS:
            setattr(category, attr, value)
    uow.session.add(category)
    uow.session.flush()
    return category


def _category_name(value: str | None) -> str:
    name = (value or "").strip()
    if not name:
        raise invalid("Category name cannot be empty.", ["name"])
    return name


def category_of_store(uow: UnitOfWork, ref: Any, store: StoreRow, path: Path) -> CategoryRow:
    """A category of `store` by reference; one of another store is refused."""
    category = resolve(uow, CategoryRow, ref, path, kind="Category", object_type="Category")
    if category.store_id != store.id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Category {category.id} does not belong to store {store.name}.",
            path,
        )
    return category


def _depth(session: Session, category: CategoryRow) -> int:
    depth = 1
    while category.parent_id is not None:
        category = stored(session, CategoryRow, category.parent_id)
        depth += 1
    return depth
