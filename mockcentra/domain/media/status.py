"""A media batch's statuses: how far the import of its images got."""

from __future__ import annotations

from enum import StrEnum


class BatchStatus(StrEnum):
    PENDING = "PENDING"  # queued; some images still wait for their download
    COMPLETED = "COMPLETED"  # every image was tried (see each item for errors)
    FAILED = "FAILED"  # no image could be imported
