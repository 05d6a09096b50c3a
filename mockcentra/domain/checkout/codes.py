"""Voucher codes on a selection: the Checkout API's `POST vouchers` and `DELETE vouchers`."""

from __future__ import annotations

from mockcentra.domain.checkout.actions import ensure_open, touch
from mockcentra.domain.checkout.summary import summarize
from mockcentra.domain.checkout.vouchers import entries, refused
from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.vouchers import queries as vouchers
from mockcentra.domain.vouchers import rules
from mockcentra.domain.vouchers.status import VoucherMethod
from mockcentra.storage.tables import SelectionRow, VoucherRow
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import UnitOfWork


def apply_code(uow: UnitOfWork, sel: SelectionRow, code: str) -> None:
    """`POST vouchers`: attach a code (or a URL voucher's URL) to the selection."""
    ensure_open(sel)
    code = (code or "").strip()
    if not code:
        raise DomainError(ErrorCode.REQUIRED, "voucher code is required", ["voucher"])
    row = vouchers.voucher_by_code(uow.session, sel.store_id, code)
    if row is None or row.method == VoucherMethod.AUTO:
        raise refused(rules.NOT_FOUND)
    if any(e["voucherId"] == key(row) for e in entries(sel)):
        raise refused(rules.ALREADY_APPLIED)
    now = uow.clock.now()
    email = (sel.address or {}).get("email")
    used = vouchers.used_by_email(uow.session, [key(row)], email)
    why = rules.refusal(
        row,
        now=now,
        market_id=sel.market_id,
        market_ids=vouchers.market_ids(uow.session, key(row)),
        used=vouchers.usage_counts(uow.session, [key(row)])[key(row)],
        used_by_customer=key(row) in used,
        once_per_customer=vouchers.has_once_per_customer(uow.session, key(row)),
    )
    if why:
        raise refused(why)
    others = [
        uow.session.get(VoucherRow, e["voucherId"])
        for e in entries(sel)
        if uow.session.get(VoucherRow, e["voucherId"]) is not None
    ]
    if not rules.combinable(row, others):
        raise refused(rules.NOT_COMBINABLE)
    sel.vouchers = [*entries(sel), {"voucher": code, "voucherId": key(row)}]
    touch(uow, sel)
    summary = summarize(uow.session, sel, now)
    if summary.discounts is None or summary.discounts.outcome.effect_of(key(row)) is None:
        raise refused(rules.NOT_APPLICABLE)


def remove_code(uow: UnitOfWork, sel: SelectionRow, code: str) -> None:
    """`DELETE vouchers/<code>`: take a code off the selection (codes ignore case)."""
    ensure_open(sel)
    wanted = (code or "").strip().lower()
    kept = [e for e in entries(sel) if str(e.get("voucher", "")).lower() != wanted]
    if not wanted or len(kept) == len(entries(sel)):
        raise DomainError(ErrorCode.NOT_FOUND, "voucher not found", ["voucher"])
    sel.vouchers = kept
    touch(uow, sel)
