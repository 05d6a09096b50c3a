"""Plugin instances of a store: the shipment plugins a shipment can be booked with."""

from sqlmodel import Field

from mockcentra.storage.tables.base import Row

__all__ = ["StorePluginRow"]


class StorePluginRow(Row, table=True):
    """One configured plugin of one store (Centra's `StorePlugin`)."""

    __tablename__ = "store_plugin"
    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    name: str
    kind: str = "SHIPMENT"  # StorePluginKind
    status: str = "ACTIVE"  # ACTIVE | INACTIVE
