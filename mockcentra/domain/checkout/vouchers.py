"""Voucher codes on a selection. The voucher engine is not modelled yet: every code is unknown."""

from __future__ import annotations

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.storage.tables import SelectionRow
from mockcentra.storage.uow import UnitOfWork


def apply_code(uow: UnitOfWork, sel: SelectionRow, code: str) -> None:
    if not code:
        raise DomainError(ErrorCode.REQUIRED, "voucher code is required", ["voucher"])
    raise DomainError(ErrorCode.NOT_FOUND, "voucher not found", ["voucher"])


def remove_code(uow: UnitOfWork, sel: SelectionRow, code: str) -> None:
    codes = [c for c in sel.vouchers or [] if (c.get("code") if isinstance(c, dict) else c) != code]
    if len(codes) == len(sel.vouchers or []):
        raise DomainError(ErrorCode.NOT_FOUND, "voucher not found", ["voucher"])
    sel.vouchers = codes
    uow.session.add(sel)
