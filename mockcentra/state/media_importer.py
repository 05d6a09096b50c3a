"""Downloads the images of media batches after the mutation that queued them committed.

Each download runs in a background thread and records its outcome in its own unit of work,
so a slow or unreachable URL never holds up a request (Centra imports batches
asynchronously too). Files larger than `MAX_BYTES` or slower than `TIMEOUT` fail their item.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import httpx

from mockcentra.domain.media.batches import import_item

if TYPE_CHECKING:
    from mockcentra.state.runtime import Runtime

log = logging.getLogger("mockcentra.media")
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 10.0


def fetch(url: str) -> bytes | Exception:
    """The file at `url`, or the error that kept it away."""
    try:
        with httpx.stream("GET", url, timeout=TIMEOUT, follow_redirects=True) as response:
            if response.status_code != 200:
                return ValueError(f"Downloading {url} answered HTTP {response.status_code}.")
            data = bytearray()
            for chunk in response.iter_bytes():
                data.extend(chunk)
                if len(data) > MAX_BYTES:
                    return ValueError(f"{url} is larger than {MAX_BYTES} bytes.")
            return bytes(data)
    except httpx.HTTPError as error:
        return ValueError(f"Could not download {url}: {error.__class__.__name__}.")


def import_pending(runtime: Runtime, pending: list[tuple[int, str]]) -> None:
    """Download each (item id, url) and record it; one short transaction per image."""
    for item_id, url in pending:
        data = fetch(url)
        with runtime.unit_of_work() as uow:
            import_item(uow, item_id, data)


def start(runtime: Runtime, queue_id: str, pending: list[tuple[int, str]]) -> threading.Thread:
    """Import the batch's remaining images (item id, url) in the background."""

    def run() -> None:
        try:
            import_pending(runtime, pending)
        except Exception:  # a background import must not kill the server
            log.exception("media batch %s failed", queue_id)

    thread = threading.Thread(target=run, name=f"media-batch-{queue_id[:8]}", daemon=True)
    thread.start()
    return thread
