"""Buyers: the people of a wholesale account who place its orders. A buyer is known by
an email address unique in its store; the account decides what the buyer sees and pays."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from mockcentra.domain.emails import normalize_email
from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.listing import grouped_by, page, text_filtered
from mockcentra.domain.refs import existing, resolve
from mockcentra.domain.wholesale import rules
from mockcentra.domain.wholesale.accounts import check_address, get_account, merge_address
from mockcentra.domain.wholesale.rules import Path
from mockcentra.domain.wholesale.status import BuyerStatus
from mockcentra.storage.tables import AccountRow, BuyerRow, StoreRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import PendingEvent, UnitOfWork


def get_buyer(uow: UnitOfWork, ref: Any, path: Path) -> BuyerRow:
    """A buyer by `{id}` or `{externalId}` (ID conversion type "Buyer")."""
    return resolve(uow, BuyerRow, ref, path, kind="Buyer", object_type="Buyer")


@dataclass
class BuyerSpec:
    """What createBuyer / updateBuyer carry; None means "leave as it is"."""

    account: Any = None
    store: Any = None
    status: str | None = None
    website_url: str | None = None
    receive_auto_emails: bool | None = None
    receive_newsletters: bool | None = None
    billing_address: dict[str, Any] | None = None


def create_buyer(uow: UnitOfWork, spec: BuyerSpec) -> BuyerRow:
    if spec.account is None:
        raise DomainError(ErrorCode.REQUIRED, "Account is required.", ["account"])
    account = get_account(uow, spec.account, ["account"])
    now = uow.clock.now()
    buyer = BuyerRow(
        account_id=key(account),
        store_id=account.store_id,
        status=BuyerStatus(spec.status or BuyerStatus.ACTIVE).value,
        email="",
        created_at=now,
        updated_at=now,
    )
    _apply_buyer(uow, buyer, account, spec)
    if not buyer.email:
        raise DomainError(
            ErrorCode.REQUIRED,
            "A buyer needs an email address (billingAddress.email).",
            ["billingAddress", "email"],
        )
    uow.session.add(buyer)
    uow.session.flush()
    uow.emit(PendingEvent("Buyer", "CREATED", str(buyer.id), store_id=buyer.store_id))
    return buyer


def buyer_to_change(uow: UnitOfWork, buyer_id: int) -> BuyerRow:
    """The buyer `updateBuyer` changes (errors point at the id)."""
    return existing(uow, BuyerRow, buyer_id, kind="Buyer")


def update_buyer(uow: UnitOfWork, buyer: BuyerRow, spec: BuyerSpec) -> BuyerRow:
    account = (
        get_account(uow, spec.account, ["account"])
        if spec.account is not None
        else uow.session.get_one(AccountRow, buyer.account_id)
    )
    if spec.account is not None and account.store_id != buyer.store_id:
        raise DomainError(
            ErrorCode.CONFLICT,
            f"Account {account.id} is not in the store of buyer {buyer.id}.",
            ["account"],
        )
    buyer.account_id = key(account)
    if spec.status is not None:
        buyer.status = BuyerStatus(spec.status).value
    _apply_buyer(uow, buyer, account, spec)
    buyer.updated_at = uow.clock.now()
    uow.session.add(buyer)
    uow.session.flush()
    uow.emit(PendingEvent("Buyer", "UPDATED", str(buyer.id), store_id=buyer.store_id))
    return buyer


def _apply_buyer(uow: UnitOfWork, buyer: BuyerRow, account: AccountRow, spec: BuyerSpec) -> None:
    if spec.store is not None:
        store = resolve(uow, StoreRow, spec.store, ["store"], kind="Store", object_type="Store")
        rules.check_wholesale_store(store.type, f"Store {store.id}", ["store"])
        if store.id != account.store_id:
            raise DomainError(
                ErrorCode.CONFLICT,
                f"Account {account.id} does not belong to store {store.id}.",
                ["account"],
            )
    for name in ("website_url", "receive_auto_emails", "receive_newsletters"):
        if getattr(spec, name) is not None:
            setattr(buyer, name, getattr(spec, name))
    if spec.billing_address is not None:
        path = ["billingAddress"]
        address = merge_address(
            buyer.billing_address, check_address(uow, spec.billing_address, path)
        )
        email = normalize_email(address.get("email") or "")
        if email:
            if "@" not in email:
                raise invalid(f'"{email}" is not a valid email address.', [*path, "email"])
            taken = uow.session.exec(
                select(BuyerRow.id).where(
                    BuyerRow.email == email,
                    BuyerRow.store_id == buyer.store_id,
                    BuyerRow.id != (buyer.id or 0),
                )
            ).first()
            if taken is not None:
                raise DomainError(
                    ErrorCode.DUPLICATE,
                    f"A buyer with email {email} already exists.",
                    [*path, "email"],
                )
            address["email"] = email
            buyer.email = email
        buyer.billing_address = address
        buyer.first_name = address.get("firstName", buyer.first_name)
        buyer.last_name = address.get("lastName", buyer.last_name)


def buyers_of(session: Session, account_ids: Sequence[int]) -> dict[int, list[BuyerRow]]:
    """Each account's buyers (id order), in one query."""
    return grouped_by(session, BuyerRow.account_id, account_ids, order_by=BuyerRow.id)


def list_buyers(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    account_ids: Sequence[int] | None = None,
    email: Any = None,
    statuses: Sequence[str] | None = None,
    store_ids: Sequence[int] | None = None,
    limit: int | None = None,
    page_number: int | None = None,
) -> Sequence[BuyerRow]:
    stmt = select(BuyerRow).order_by(BuyerRow.id)
    if ids:
        stmt = stmt.where(BuyerRow.id.in_(list(ids)))
    if account_ids:
        stmt = stmt.where(BuyerRow.account_id.in_(list(account_ids)))
    stmt = text_filtered(stmt, BuyerRow.email, email, normalize_email)
    if statuses:
        stmt = stmt.where(BuyerRow.status.in_(list(statuses)))
    if store_ids:
        stmt = stmt.where(BuyerRow.store_id.in_(list(store_ids)))
    return page(session, stmt, limit, page_number)
