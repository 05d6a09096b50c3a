"""Brands, collections and folders, the groupings products are filed in: inputs, queries,
mutations."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.catalog import groups, queries
from mockcentra.graphql.catalog.enums import BrandSort, CollectionSort, FolderSort, Status
from mockcentra.graphql.catalog.grouping_types import Brand, Collection, Folder
from mockcentra.graphql.catalog.loading import announce
from mockcentra.graphql.common import FolderInput, Payload, StoreInput, StringMatch
from mockcentra.graphql.errors import reading, run_mutation
from mockcentra.graphql.permissions import field, mutation
from mockcentra.storage.tables import BrandRow, CollectionRow, FolderRow


@strawberry.input
class BrandCreateInput:
    name: str
    uri: str | None = strawberry.field(
        default=None, description="Generated from the name when left out."
    )
    add_to_stores: list[StoreInput] | None = strawberry.field(
        default=None, description="The stores to enable the brand in."
    )


@strawberry.input
class BrandUpdateInput:
    name: str | None = None
    uri: str | None = strawberry.field(
        default=None, description='"" generates it from the name again.'
    )
    add_to_stores: list[StoreInput] | None = None
    remove_from_stores: list[StoreInput] | None = None


@strawberry.input
class CollectionCreateInput:
    name: str
    status: Status = Status.ACTIVE
    uri: str | None = strawberry.field(
        default=None, description="Generated from the name when left out."
    )


@strawberry.input
class CollectionUpdateInput:
    name: str | None = None
    status: Status | None = None
    uri: str | None = strawberry.field(
        default=None, description='"" generates it from the name again.'
    )


@strawberry.input
class FolderCreateInput:
    name: str
    parent: FolderInput | None = None


@strawberry.type
class BrandCreatePayload(Payload):
    brand: Brand | None = None


@strawberry.type
class BrandUpdatePayload(Payload):
    brand: Brand | None = None


@strawberry.type
class CollectionCreatePayload(Payload):
    collection: Collection | None = None


@strawberry.type
class CollectionUpdatePayload(Payload):
    collection: Collection | None = None


@strawberry.type
class FolderCreatePayload(Payload):
    folder: Folder | None = None


@strawberry.input
class BrandFilter:
    id: list[int] | None = None
    name: StringMatch | None = None


@strawberry.input
class CollectionFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    status: list[Status] | None = None


@strawberry.input
class FolderFilter:
    id: list[int] | None = None
    name: StringMatch | None = None
    is_top_folder: bool | None = None
    parent_id: list[int] | None = None


@strawberry.type
class Query:
    @field(permission="Brand:read")
    def brands(
        self,
        info: Info,
        where: BrandFilter | None = None,
        sort: list[BrandSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Brand]:
        w = where or BrandFilter()
        rows = queries.brands(
            info.context.session, ids=w.id, name=w.name, sort=sort, limit=limit, page_number=page
        )
        announce(info, "brand_stores", (b.id for b in rows))
        return list(rows)

    @field(permission="Brand:read")
    def brand(self, info: Info, id: int) -> Brand | None:
        return info.context.session.get(BrandRow, id)

    @field(permission="Collection:read")
    def collections(
        self,
        info: Info,
        where: CollectionFilter | None = None,
        sort: list[CollectionSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Collection]:
        w = where or CollectionFilter()
        return list(
            queries.collections(
                info.context.session,
                ids=w.id,
                name=w.name,
                statuses=w.status,
                sort=sort,
                limit=limit,
                page_number=page,
            )
        )

    @field(permission="Collection:read")
    def collection(self, info: Info, id: int) -> Collection | None:
        return info.context.session.get(CollectionRow, id)

    @field(permission="Folder:read")
    def folders(
        self,
        info: Info,
        where: FolderFilter | None = None,
        sort: list[FolderSort] | None = None,
        limit: int | None = None,
        page: int | None = None,
    ) -> list[Folder]:
        w = where or FolderFilter()
        rows = queries.folders(
            info.context.session,
            ids=w.id,
            name=w.name,
            is_top_folder=w.is_top_folder,
            parent_ids=w.parent_id,
            sort=sort,
            limit=limit,
            page_number=page,
        )
        announce(info, "folder_products", (f.id for f in rows))
        return list(rows)

    @field(permission="Folder:read")
    def folder(self, info: Info, id: int) -> Folder | None:
        return info.context.session.get(FolderRow, id)


@strawberry.type
class Mutation:
    @mutation(permission="Brand:write")
    def create_brand(self, info: Info, input: BrandCreateInput) -> BrandCreatePayload:
        return run_mutation(
            info,
            BrandCreatePayload,
            lambda: {
                "brand": groups.create_brand(
                    info.context.uow,
                    name=input.name,
                    uri=input.uri,
                    add_to_stores=list(input.add_to_stores or []),
                )
            },
            reads="input",
        )

    @mutation(permission="Brand:write")
    def update_brand(self, info: Info, id: int, input: BrandUpdateInput) -> BrandUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                brand = groups.get_brand(uow, id)
            with reading("input"):
                changed = groups.update_brand(
                    uow,
                    brand,
                    name=input.name,
                    uri=input.uri,
                    add_to_stores=list(input.add_to_stores or []),
                    remove_from_stores=list(input.remove_from_stores or []),
                )
            return {"brand": changed}

        return run_mutation(info, BrandUpdatePayload, action)

    @mutation(permission="Collection:write")
    def create_collection(
        self, info: Info, input: CollectionCreateInput
    ) -> CollectionCreatePayload:
        return run_mutation(
            info,
            CollectionCreatePayload,
            lambda: {
                "collection": groups.create_collection(
                    info.context.uow, name=input.name, status=input.status, uri=input.uri
                )
            },
            reads="input",
        )

    @mutation(permission="Collection:write")
    def update_collection(
        self, info: Info, id: int, input: CollectionUpdateInput
    ) -> CollectionUpdatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            with reading("id"):
                collection = groups.get_collection(uow, id)
            with reading("input"):
                changed = groups.update_collection(
                    uow, collection, name=input.name, status=input.status, uri=input.uri
                )
            return {"collection": changed}

        return run_mutation(info, CollectionUpdatePayload, action)

    @mutation(permission="Folder:write")
    def create_folder(self, info: Info, input: FolderCreateInput) -> FolderCreatePayload:
        return run_mutation(
            info,
            FolderCreatePayload,
            lambda: {
                "folder": groups.create_folder(
                    info.context.uow, name=input.name, parent=input.parent
                )
            },
            reads="input",
        )
