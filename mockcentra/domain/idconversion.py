"""ID conversion: an integration's own ids for Centra objects.

Entries are kept per (integration name of the token, object type) and are unique in both
directions. Setting an entry that collides overwrites the old one: a new external id for an
object replaces its previous one, and an external id taken from another object moves (with a
warning). `refs.resolve` reads these entries for every `{externalId: ...}` reference.

Gap: Centra also creates `"<size chart>|<size>"` entries for every size chart and keeps them
in sync; mockcentra does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlmodel import Session, delete, select

from mockcentra.domain.errors import DomainError, DomainWarning, ErrorCode, invalid, not_found
from mockcentra.domain.listing import page, text_filtered
from mockcentra.storage import tables
from mockcentra.storage.tables import IdConversionRow
from mockcentra.storage.tables.base import Row
from mockcentra.storage.uow import UnitOfWork

Path = Sequence[str | int]
MAX_EXTERNAL_ID = 255


class IdConversionObjectType(StrEnum):
    """Centra's `IdConversionEntryObjectType`, plus the mockcentra objects inputs can name.

    Members without a table here (e.g. AdminUser, Invoice) are accepted without checking that
    the internal id exists.
    """

    Account = "Account"
    AddressBookEntry = "AddressBookEntry"
    AdminUser = "AdminUser"
    Brand = "Brand"
    Buyer = "Buyer"
    Category = "Category"  # mockcentra addition
    Collection = "Collection"
    Country = "Country"  # mockcentra addition
    Currency = "Currency"
    Customer = "Customer"
    DeliveryWindow = "DeliveryWindow"
    DeliveryWindowGroup = "DeliveryWindowGroup"
    Display = "Display"  # mockcentra addition
    Folder = "Folder"
    Invoice = "Invoice"
    Market = "Market"
    Order = "Order"  # internal id: the order number
    OrderLine = "OrderLine"
    PaymentHistoryEntry = "PaymentHistoryEntry"
    PaymentTerms = "PaymentTerms"
    PriceAlteration = "PriceAlteration"  # mockcentra addition
    Pricelist = "Pricelist"
    Product = "Product"
    ProductSize = "ProductSize"  # mockcentra addition
    ProductVariant = "ProductVariant"
    PurchaseOrder = "PurchaseOrder"
    Return = "Return"
    SalesRepresentative = "SalesRepresentative"
    Shipment = "Shipment"
    ShippingOption = "ShippingOption"  # mockcentra addition
    ShippingTerms = "ShippingTerms"
    Size = "Size"
    SizeChart = "SizeChart"
    Store = "Store"  # mockcentra addition
    StorePlugin = "StorePlugin"
    Voucher = "Voucher"
    Warehouse = "Warehouse"
    Unknown = "Unknown"


# object type -> (table class name in mockcentra.storage.tables, column holding the internal id)
_TABLES: dict[str, tuple[str, str]] = {
    "Account": ("AccountRow", "id"),
    "Brand": ("BrandRow", "id"),
    "Buyer": ("BuyerRow", "id"),
    "Category": ("CategoryRow", "id"),
    "Collection": ("CollectionRow", "id"),
    "Country": ("CountryRow", "id"),
    "Currency": ("CurrencyRow", "id"),
    "Customer": ("CustomerRow", "id"),
    "DeliveryWindow": ("DeliveryWindowRow", "id"),
    "Display": ("DisplayRow", "id"),
    "Folder": ("FolderRow", "id"),
    "Market": ("MarketRow", "id"),
    "Order": ("OrderRow", "number"),
    "PaymentTerms": ("PaymentTermsRow", "id"),
    "PriceAlteration": ("PriceAlterationRow", "id"),
    "Pricelist": ("PricelistRow", "id"),
    "Product": ("ProductRow", "id"),
    "ProductSize": ("ProductSizeRow", "id"),
    "ProductVariant": ("VariantRow", "id"),
    "Return": ("ReturnRow", "id"),
    "Shipment": ("ShipmentRow", "id"),
    "ShippingOption": ("ShippingOptionRow", "id"),
    "ShippingTerms": ("ShippingTermsRow", "id"),
    "Size": ("SizeRow", "id"),
    "SizeChart": ("SizeChartRow", "id"),
    "Store": ("StoreRow", "id"),
    "Warehouse": ("WarehouseRow", "id"),
}


@dataclass
class EntrySpec:
    object_type: str
    internal_id: int
    external_id: str


@dataclass
class UnsetSpec:
    """Which entry to remove: by entry `id`, `internal_id` or `external_id` (exactly one)."""

    object_type: str
    id: int | None = None
    internal_id: int | None = None
    external_id: str | None = None


def set_entries(
    uow: UnitOfWork, specs: Sequence[EntrySpec]
) -> tuple[list[IdConversionRow], list[DomainWarning]]:
    """Create or overwrite entries in order; setting the same entry again changes nothing."""
    entries: list[IdConversionRow] = []
    warnings: list[DomainWarning] = []
    for i, spec in enumerate(specs):
        path: list[str | int] = [i]
        object_type = _type_name(spec.object_type)
        _check_internal(uow, object_type, spec.internal_id, [*path, "internalId"])
        entry, moved_from = _put(uow, object_type, spec.internal_id, spec.external_id, path)
        if moved_from is not None:
            warnings.append(
                DomainWarning(
                    f'External ID "{entry.external_id}" of {object_type} {moved_from} now '
                    f"points to {object_type} {entry.internal_id}.",
                    path,
                )
            )
        if entry not in entries:
            entries.append(entry)
    return entries, warnings


def unset_entries(uow: UnitOfWork, specs: Sequence[UnsetSpec]) -> list[DomainWarning]:
    """Remove entries; one that does not exist is skipped with a warning (idempotent)."""
    warnings: list[DomainWarning] = []
    for i, spec in enumerate(specs):
        path: list[str | int] = [i, "idConversion"]
        given = [v for v in (spec.id, spec.internal_id, spec.external_id) if v is not None]
        if len(given) != 1:
            raise invalid("Give exactly one of id, internalId or externalId.", path)
        object_type = _type_name(spec.object_type)
        stmt = select(IdConversionRow).where(
            IdConversionRow.integration_name == uow.integration_name,
            IdConversionRow.object_type == object_type,
        )
        if spec.id is not None:
            stmt, how = stmt.where(IdConversionRow.id == spec.id), f"ID {spec.id}"
        elif spec.internal_id is not None:
            stmt = stmt.where(IdConversionRow.internal_id == spec.internal_id)
            how = f"internal ID {spec.internal_id}"
        else:
            stmt = stmt.where(IdConversionRow.external_id == spec.external_id)
            how = f'external ID "{spec.external_id}"'
        entry = uow.session.exec(stmt).first()
        if entry is None:
            warnings.append(
                DomainWarning(f"No {object_type} ID conversion entry with {how}, skipped.", path)
            )
            continue
        uow.session.delete(entry)
        uow.session.flush()
    return warnings


def assign(uow: UnitOfWork, object_type: str, internal_id: int, external_id: str, path: Path):
    """Give a just created or updated object an external id (inputs' `externalId` field)."""
    return _put(uow, object_type, internal_id, external_id, path)[0]


def assign_new(
    uow: UnitOfWork, object_type: str, internal_id: int, external_id: str | None, path: Path
) -> IdConversionRow | None:
    """Give an object a create input just made its `externalId` (None: none given).

    Unlike `setIdConversions`, which moves a taken external id, a create is refused when the
    id already names another object of the type for this integration: the references that
    follow in the same request would silently change object. `path` is the input's path.
    """
    if external_id is None:
        return None
    text = external_id.strip()
    base = select(IdConversionRow.internal_id).where(
        IdConversionRow.integration_name == uow.integration_name,
        IdConversionRow.object_type == object_type,
        IdConversionRow.external_id == text,
    )
    taken = uow.session.exec(base).first()
    if taken is not None and taken != internal_id:
        raise DomainError(
            ErrorCode.DUPLICATE,
            f'External ID "{text}" is already used by {object_type} {taken}.',
            [*path, "externalId"],
        )
    return _put(uow, object_type, internal_id, text, path)[0]


def list_entries(
    session: Session,
    integration_name: str,
    *,
    object_types: Sequence[str] | None = None,
    external_id: Any = None,
    internal_ids: Sequence[int] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[IdConversionRow]:
    """The token's integration's entries; `external_id` is a StringMatch-like filter."""
    stmt = (
        select(IdConversionRow)
        .where(IdConversionRow.integration_name == integration_name)
        .order_by(IdConversionRow.id)
    )
    if object_types:
        stmt = stmt.where(IdConversionRow.object_type.in_([_type_name(t) for t in object_types]))
    if internal_ids:
        stmt = stmt.where(IdConversionRow.internal_id.in_(list(internal_ids)))
    stmt = text_filtered(stmt, IdConversionRow.external_id, external_id)
    return page(session, stmt, limit, page_number)


# --- helpers -------------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return IdConversionObjectType(value).value


def _check_internal(uow: UnitOfWork, object_type: str, internal_id: int, path: Path) -> None:
    if internal_id < 1:
        raise invalid("Internal ID must be a positive integer.", path)
    table_name, column = _TABLES.get(object_type, (None, "id"))
    table: type[Row] | None = getattr(tables, table_name, None) if table_name else None
    if table is None:
        return
    exists = uow.session.exec(
        select(getattr(table, column)).where(getattr(table, column) == internal_id)
    ).first()
    if exists is None:
        raise not_found(object_type, internal_id, path)


def _put(
    uow: UnitOfWork, object_type: str, internal_id: int, external_id: str, path: Path
) -> tuple[IdConversionRow, int | None]:
    """Upsert one entry; answers the entry and the internal id the external id moved from."""
    if not external_id or len(external_id) > MAX_EXTERNAL_ID:
        raise invalid(
            f"External ID must be between 1 and {MAX_EXTERNAL_ID} characters.",
            [*path, "externalId"],
        )
    session = uow.session
    base = select(IdConversionRow).where(
        IdConversionRow.integration_name == uow.integration_name,
        IdConversionRow.object_type == object_type,
    )
    by_internal = session.exec(base.where(IdConversionRow.internal_id == internal_id)).first()
    by_external = session.exec(base.where(IdConversionRow.external_id == external_id)).first()
    if by_internal is not None and by_internal is by_external:
        return by_internal, None
    moved_from = by_external.internal_id if by_external is not None else None
    if by_external is not None:
        session.delete(by_external)
        session.flush()
    entry = by_internal or IdConversionRow(
        integration_name=uow.integration_name,
        object_type=object_type,
        internal_id=internal_id,
        external_id=external_id,
    )
    entry.external_id = external_id
    session.add(entry)
    session.flush()
    return entry, moved_from


def forget(uow: UnitOfWork, object_type: str, internal_ids: Sequence[int]) -> None:
    """Remove every integration's entries for deleted objects (their ids can come back)."""
    if internal_ids:
        uow.session.exec(
            delete(IdConversionRow).where(
                IdConversionRow.object_type == object_type,
                IdConversionRow.internal_id.in_(list(internal_ids)),
            )
        )
