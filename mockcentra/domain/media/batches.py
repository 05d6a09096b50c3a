"""Media batches: `createMediaBatch` queues images to import from URLs, `mediaBatch` tells how
far the import got.

A batch takes 1 to 100 images, each for a product (and optionally one of its variants), with
optional metadata (a JSON object). Centra downloads the files asynchronously; mockcentra
imports an image at once when its URL needs no download (a `data:` URL, or a file mockcentra
itself serves) and downloads the others after the mutation has committed (see
`pending_items` / `import_item`). An item that cannot be imported is marked with its error; a
batch is COMPLETED when every item was tried, FAILED when none could be imported.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from sqlalchemy import func
from sqlmodel import Session, select

from mockcentra.domain.errors import DomainError, invalid
from mockcentra.domain.media.media import NotAnImage, add_media, file_of, owner_checked
from mockcentra.domain.media.status import BatchStatus
from mockcentra.runtime.ids import token_hash
from mockcentra.storage.tables import MediaBatchItemRow, MediaBatchRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork

MAX_ITEMS = 100
#: Where mockcentra serves its own files; such URLs are read without a download.
OWN_PREFIX = "/media/images/"


@dataclass(frozen=True)
class BatchItemSpec:
    product_id: int
    url: str
    variant_id: int | None = None
    meta_data_json: str | None = None


def create_media_batch(
    uow: UnitOfWork, items: Sequence[BatchItemSpec], base_url: str = ""
) -> MediaBatchRow:
    """Check and queue the images; import those whose bytes need no download right away."""
    if not items:
        raise invalid("A media batch needs at least one image.", ["productMedia"])
    if len(items) > MAX_ITEMS:
        raise invalid(
            f"A media batch takes at most {MAX_ITEMS} images, not {len(items)}.",
            ["productMedia"],
        )
    checked = []
    for i, item in enumerate(items):
        path: list[str | int] = ["productMedia", i]
        owner_checked(uow, item.product_id, item.variant_id, path)
        scheme = urlsplit(item.url).scheme.lower()
        if scheme not in ("http", "https", "data"):
            raise invalid(
                f"URL {item.url[:80]} must be an http, https or data URL.", [*path, "url"]
            )
        checked.append((item, _meta(item.meta_data_json, [*path, "metaDataJSON"])))
    count = uow.session.exec(select(func.count()).select_from(MediaBatchRow)).one()
    batch = MediaBatchRow(
        queue_id=token_hash(uow.seed, "media-batch", count + 1)[:32],
        status=BatchStatus.PENDING,
        created_at=uow.clock.now(),
    )
    uow.session.add(batch)
    uow.session.flush()
    for position, (item, meta) in enumerate(checked):
        row = MediaBatchItemRow(
            queue_id=batch.queue_id,
            position=position,
            product_id=item.product_id,
            variant_id=item.variant_id,
            url=item.url,
            meta_data=meta,
        )
        uow.session.add(row)
        uow.session.flush()
        local = local_bytes(uow, item.url, base_url)
        if local is not None:
            _import(uow, row, local)
    _settle(uow, batch)
    return batch


def _meta(text: str | None, path: Sequence[str | int]) -> dict[str, Any]:
    if text is None or text == "":
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        raise invalid("metaDataJSON is not valid JSON.", path) from None
    if not isinstance(value, dict):
        raise invalid("metaDataJSON must be a JSON object.", path)
    return value


def local_bytes(uow: UnitOfWork, url: str, base_url: str) -> bytes | Exception | None:
    """The bytes of a `data:` URL or of a file mockcentra serves; None when a download is
    needed. A malformed data URL or a missing own file answers the error to record."""
    if url.startswith("data:"):
        header, _, payload = url[5:].partition(",")
        try:
            if header.endswith(";base64"):
                return base64.b64decode(payload, validate=True)
            return unquote_to_bytes(payload)
        except (binascii.Error, ValueError):
            return ValueError("The data URL is not valid base64.")
    path = urlsplit(url).path
    own_host = base_url and url.startswith(base_url)
    if own_host and path.startswith(OWN_PREFIX):
        file_key = path.rsplit("/", 1)[-1]
        found = file_of(uow.session, file_key)
        return found.data if found is not None else LookupError(f"No file at {url}.")
    return None


def _import(uow: UnitOfWork, item: MediaBatchItemRow, data: bytes | Exception) -> None:
    """Turn fetched bytes (or the error fetching them) into a media, recorded on the item."""
    item.completed = True
    if isinstance(data, Exception):
        item.error = str(data)
    else:
        try:
            with uow.savepoint():
                media = add_media(
                    uow, item.product_id, item.variant_id, data, item.meta_data, item.url
                )
            item.media_id = media.id
        except NotAnImage as error:
            item.error = str(error)
        except DomainError as error:  # the product or variant went away meanwhile
            item.error = error.message
    uow.session.add(item)
    uow.session.flush()


def _settle(uow: UnitOfWork, batch: MediaBatchRow) -> None:
    items = items_of(uow.session, batch.queue_id)
    if all(i.completed for i in items):
        imported = any(i.media_id is not None for i in items)
        batch.status = BatchStatus.COMPLETED if imported else BatchStatus.FAILED
    uow.session.add(batch)
    uow.session.flush()


def items_of(session: Session, queue_id: str) -> list[MediaBatchItemRow]:
    return list(
        session.exec(
            select(MediaBatchItemRow)
            .where(MediaBatchItemRow.queue_id == queue_id)
            .order_by(MediaBatchItemRow.position)
        )
    )


def pending_items(session: Session, queue_id: str) -> list[tuple[int, str]]:
    """(item id, url) of the images still to download."""
    return [(key(i), i.url) for i in items_of(session, queue_id) if not i.completed]


def import_item(uow: UnitOfWork, item_id: int, data: bytes | Exception) -> None:
    """Record a download's outcome (after the fact, in its own unit of work)."""
    item = uow.session.get(MediaBatchItemRow, item_id)
    if item is None or item.completed:
        return  # the batch was reset away, or another worker got there first
    _import(uow, item, data)
    batch = uow.session.get(MediaBatchRow, item.queue_id)
    if batch is not None:
        _settle(uow, batch)


def get_batch(session: Session, queue_id: str) -> MediaBatchRow | None:
    return session.get(MediaBatchRow, queue_id)
