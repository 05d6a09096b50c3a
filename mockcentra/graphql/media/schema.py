"""`createMediaBatch`, `mediaBatch` and `deleteProductMedia`."""

from typing import Any

import strawberry
from strawberry.types import Info

from mockcentra.domain.media import batches, media
from mockcentra.domain.media.status import BatchStatus
from mockcentra.graphql.common import Payload
from mockcentra.graphql.errors import run_mutation
from mockcentra.graphql.media.types import MediaBatch
from mockcentra.graphql.permissions import field, mutation
from mockcentra.state import media_importer


@strawberry.input
class ProductMediaBatchInput:
    product_id: int
    url: str = strawberry.field(description="http(s) or data: URL of a PNG, JPEG or GIF image.")
    variant_id: int | None = None
    meta_data_json: str | None = strawberry.field(
        name="metaDataJSON", default=None, description="A JSON object kept with the media."
    )


@strawberry.input
class MediaBatchCreateInput:
    product_media: list[ProductMediaBatchInput]


@strawberry.type
class MediaBatchCreatePayload(Payload):
    queue_id: str | None = None


@strawberry.type
class ProductMediaDeletePayload(Payload):
    pass


@strawberry.type
class Query:
    @field(permission="ProductMedia:read")
    def media_batch(self, info: Info, queue_id: str) -> MediaBatch | None:
        return batches.get_batch(info.context.session, queue_id)  # type: ignore[return-value]


def _delete(info: Info, media_id: int) -> ProductMediaDeletePayload:
    def action() -> dict[str, Any]:
        media.delete_media(info.context.uow, media_id)
        return {}

    return run_mutation(info, ProductMediaDeletePayload, action, reads="id")


@strawberry.type
class Mutation:
    @mutation(permission="ProductMedia:write")
    def create_media_batch(
        self, info: Info, input: MediaBatchCreateInput
    ) -> MediaBatchCreatePayload:
        def action() -> dict[str, Any]:
            uow = info.context.uow
            batch = batches.create_media_batch(
                uow,
                [
                    batches.BatchItemSpec(
                        product_id=m.product_id,
                        url=m.url,
                        variant_id=m.variant_id,
                        meta_data_json=m.meta_data_json,
                    )
                    for m in input.product_media
                ],
                base_url=info.context.base_url,
            )
            if batch.status == BatchStatus.PENDING:
                runtime, queue_id = info.context.runtime, batch.queue_id
                pending = batches.pending_items(uow.session, queue_id)
                uow.on_commit(lambda: media_importer.start(runtime, queue_id, pending))
            return {"queue_id": batch.queue_id}

        return run_mutation(info, MediaBatchCreatePayload, action, reads="input")

    @mutation(permission="ProductMedia:write")
    def delete_product_media(self, info: Info, id: int) -> ProductMediaDeletePayload:
        return _delete(info, id)

    @mutation(permission="ProductMedia:write", deprecation_reason="Use deleteProductMedia.")
    def remove_product_media(self, info: Info, id: int) -> ProductMediaDeletePayload:
        return _delete(info, id)
