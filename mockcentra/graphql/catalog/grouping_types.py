"""Brands, collections and folders: the groupings a product is filed in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlmodel import select
from strawberry.types import Info

from mockcentra.domain.catalog import queries
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.loading import children
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Store
from mockcentra.storage.tables import FolderRow

if TYPE_CHECKING:
    from mockcentra.graphql.catalog.types import Product

_PRODUCTS = "mockcentra.graphql.catalog.types"


@read_permission("Brand:read")
@strawberry.type
class Brand:
    id: int
    name: str
    uri: str | None

    @strawberry.field(description="The stores the brand is enabled in.")
    def stores(self, info: Info) -> list[Store]:
        return children(info, "brand_stores", self.id, queries.stores_by_brand)


@read_permission("Collection:read")
@strawberry.type
class Collection:
    id: int
    name: str
    status: Status
    uri: str | None


@read_permission("Folder:read")
@strawberry.type
class Folder:
    id: int
    name: str

    @field(
        permission="Product:read",
        deprecated="Folder.Product:read",
        description="The products filed in this folder.",
    )
    def products(self, info: Info) -> list[Annotated[Product, strawberry.lazy(_PRODUCTS)]]:
        return children(info, "folder_products", self.id, queries.products_by_folder)

    @strawberry.field
    def is_top_folder(self) -> bool:
        return self.parent_id is None  # type: ignore[attr-defined]

    @field(permission="Folder:read")
    def parent(self, info: Info) -> Folder | None:
        parent_id = self.parent_id  # type: ignore[attr-defined]
        return None if parent_id is None else info.context.session.get(FolderRow, parent_id)

    @field(permission="Folder:read")
    def child_folders(self, info: Info) -> list[Folder]:
        return list(
            info.context.session.exec(
                select(FolderRow).where(FolderRow.parent_id == self.id).order_by(FolderRow.id)
            )
        )
