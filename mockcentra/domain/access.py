"""Integration API access: the tokens integrations call the API with."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import col, select

from mockcentra.domain.listing import count
from mockcentra.storage.tables import ApiTokenRow


def count_access_tokens(session: Any, now: datetime) -> int:
    """`counters { graphQLAccess }`: the tokens that still grant access (not expired)."""
    stmt = select(ApiTokenRow.id).where(
        col(ApiTokenRow.expires_at).is_(None) | (col(ApiTokenRow.expires_at) > now)
    )
    return count(session, stmt)
