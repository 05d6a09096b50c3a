"""Product media types: images with a source per image size, and media batches."""

import json
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import strawberry
from strawberry import Parent
from strawberry.types import Info

from mockcentra.domain.media import batches
from mockcentra.domain.media.media import DEFAULT_SIZE, MEDIA_SIZES, MediaSize, media_size
from mockcentra.graphql.permissions import field, read_permission
from mockcentra.graphql.scalars import DateTimeTz
from mockcentra.storage.tables import MediaBatchRow, ProductMediaRow, ProductRow, VariantRow

if TYPE_CHECKING:
    from mockcentra.graphql.catalog.types import Product, ProductVariant

strawberry.enum(batches.BatchStatus, name="BatchStatus")
BatchStatus: TypeAlias = batches.BatchStatus


@strawberry.enum
class MediaType(Enum):
    IMAGE = "IMAGE"


@strawberry.enum
class ProductMediaSort(StrEnum):
    id_ASC = "id_ASC"
    id_DESC = "id_DESC"
    position_ASC = "position_ASC"
    position_DESC = "position_DESC"


@strawberry.type(name="MediaSize")
class MediaSizeType:
    name: str
    quality: int
    max_width: int | None
    max_height: int | None

    @classmethod
    def of(cls, size: MediaSize) -> "MediaSizeType":
        return cls(
            name=size.name,
            quality=size.quality,
            max_width=size.max_width,
            max_height=size.max_height,
        )


@strawberry.type
class ProductMediaSource:
    """The image in one size; mockcentra serves the original file for every size."""

    media_size: MediaSizeType
    url: str
    mime_type: str
    type: str = strawberry.field(description='Always "image".')
    width: int
    height: int


def _source(info: Info, media: ProductMediaRow, size: MediaSize) -> ProductMediaSource:
    return ProductMediaSource(
        media_size=MediaSizeType.of(size),
        url=info.context.absolute_url(f"/media/images/{size.name}/{media.file_key}"),
        mime_type=media.mime_type,
        type="image",
        width=media.width,
        height=media.height,
    )


@read_permission("ProductMedia:read")
@strawberry.type
class ProductMedia:
    id: int
    created_at: DateTimeTz

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, ProductMediaRow)

    @strawberry.field(description="The image in one of the instance's sizes (null: no such size).")
    @staticmethod
    def source(
        root: Parent[ProductMediaRow], info: Info, size_name: str = DEFAULT_SIZE
    ) -> ProductMediaSource | None:
        size = media_size(size_name)
        return None if size is None else _source(info, root, size)

    @strawberry.field(description="The image in every size.")
    @staticmethod
    def sources(root: Parent[ProductMediaRow], info: Info) -> list[ProductMediaSource]:
        return [_source(info, root, size) for size in MEDIA_SIZES]

    @strawberry.field(name="metaDataJSON")
    @staticmethod
    def meta_data_json(root: Parent[ProductMediaRow]) -> str:
        return json.dumps(root.meta_data, ensure_ascii=False)

    @field(permission="")
    @staticmethod
    def product(
        root: Parent[ProductMediaRow], info: Info
    ) -> Annotated["Product", strawberry.lazy("mockcentra.graphql.catalog.types")]:
        return info.context.session.get(ProductRow, root.product_id)

    @field(permission="")
    @staticmethod
    def product_variant(
        root: Parent[ProductMediaRow], info: Info
    ) -> Annotated["ProductVariant", strawberry.lazy("mockcentra.graphql.catalog.types")] | None:
        variant_id = root.variant_id
        return None if variant_id is None else info.context.session.get(VariantRow, variant_id)


@strawberry.type
class MediaBatchItem:
    product_id: int
    variant_id: int | None
    media_type: MediaType
    url: str
    completed: bool
    error: str | None = strawberry.field(description="Why the image could not be imported.")
    media_id: strawberry.Private[int | None]
    file_key: strawberry.Private[str | None]

    @strawberry.field(description="The imported file's key (once completed).")
    def key(self) -> str | None:
        return self.file_key

    @field(permission="")
    def product_media(self, info: Info) -> ProductMedia | None:
        if self.media_id is None:
            return None
        return info.context.session.get(ProductMediaRow, self.media_id)


@read_permission("ProductMedia:read")
@strawberry.type
class MediaBatch:
    queue_id: str
    status: BatchStatus
    created_at: DateTimeTz

    @strawberry.field
    @staticmethod
    def product_media(root: Parent[MediaBatchRow], info: Info) -> list[MediaBatchItem]:
        session = info.context.session
        out = []
        for item in batches.items_of(session, root.queue_id):
            media = session.get(ProductMediaRow, item.media_id) if item.media_id else None
            out.append(
                MediaBatchItem(
                    product_id=item.product_id,
                    variant_id=item.variant_id,
                    media_type=MediaType.IMAGE,
                    url=item.url,
                    completed=item.completed,
                    error=item.error,
                    media_id=item.media_id,
                    file_key=media.file_key if media else None,
                )
            )
        return out
