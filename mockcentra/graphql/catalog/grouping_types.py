"""Brands, collections and folders: the groupings a product is filed in."""

from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlmodel import select
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.catalog import queries
from mockcentra.graphql.catalog.enums import Status
from mockcentra.graphql.catalog.loading import children
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.reference.types import Store
from mockcentra.storage.tables import BrandRow, FolderRow
from mockcentra.storage.tables.base import key

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
    @staticmethod
    def stores(root: Parent[BrandRow], info: Info) -> list[Store]:
        return children(info, "brand_stores", key(root), queries.stores_by_brand)


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
    @staticmethod
    def products(
        root: Parent[FolderRow], info: Info
    ) -> list[Annotated["Product", strawberry.lazy(_PRODUCTS)]]:
        return children(info, "folder_products", key(root), queries.products_by_folder)

    @strawberry.field
    @staticmethod
    def is_top_folder(root: Parent[FolderRow]) -> bool:
        return root.parent_id is None

    @field(permission="Folder:read")
    @staticmethod
    def parent(root: Parent[FolderRow], info: Info) -> "Folder | None":
        parent_id = root.parent_id
        return None if parent_id is None else info.context.session.get(FolderRow, parent_id)

    @field(permission="Folder:read")
    @staticmethod
    def child_folders(root: Parent[FolderRow], info: Info) -> "list[Folder]":
        return list(
            info.context.session.exec(
                select(FolderRow).where(FolderRow.parent_id == root.id).order_by(FolderRow.id)
            )
        )
