"""The event log: every domain change, written in the transaction that made it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from mockcentra.storage.types import AwareDateTime, JsonDict

__all__ = ["EventRow"]


class EventRow(SQLModel, table=True):
    __tablename__ = "event"
    id: int | None = Field(default=None, primary_key=True)
    object_type: str = Field(index=True)
    change_type: str
    object_ref: str
    store_id: int | None = None
    market_id: int | None = None
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JsonDict)
    created_at: datetime = Field(sa_type=AwareDateTime)
