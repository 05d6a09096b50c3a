"""Plugin instances of a store: the shipment plugins a shipment can be booked with."""

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from mockcentra.storage.tables.base import Row

__all__ = ["StorePluginRow"]


class StorePluginRow(Row):
    """One configured plugin of one store (Centra's `StorePlugin`)."""

    __tablename__ = "store_plugin"
    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"), index=True)
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(default="SHIPMENT")  # StorePluginKind
    status: Mapped[str] = mapped_column(default="ACTIVE")  # ACTIVE | INACTIVE
