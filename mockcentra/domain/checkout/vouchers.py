"""Vouchers on a selection: the discounts its codes and the automatic vouchers give.

A selection keeps the codes the shopper applied (`sel.vouchers`: `{"voucher": <code as
typed>, "voucherId": <id>}`); automatic vouchers are worked out on every read. The engine in
`domain/vouchers/engine.py` does the arithmetic; `codes.py` applies and removes codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from mockcentra.domain.errors import DomainError, ErrorCode
from mockcentra.domain.money import ZERO
from mockcentra.domain.vouchers import engine, rules
from mockcentra.domain.vouchers import queries as vouchers
from mockcentra.domain.vouchers.entries import VoucherEntry, order_entry
from mockcentra.domain.vouchers.status import VoucherMethod
from mockcentra.storage.tables import SelectionRow, VoucherRow
from mockcentra.storage.tables.base import key


def refused(message: str) -> DomainError:
    """A code the selection cannot take, as the Checkout API reports it (on `voucher`)."""
    code = ErrorCode.NOT_FOUND if message == rules.NOT_FOUND else ErrorCode.INVALID
    return DomainError(code, message, ["voucher"])


def entries(sel: SelectionRow) -> list[dict[str, Any]]:
    """The codes applied to the selection (`{"voucher": typed, "voucherId": id}`)."""
    return [e for e in sel.vouchers or [] if isinstance(e, dict) and e.get("voucherId")]


@dataclass
class Attached:
    """A code or URL voucher on the selection, and why it gives nothing now (if it does not)."""

    row: VoucherRow
    typed: str
    refusal: str | None = None


@dataclass
class SelectionDiscounts:
    outcome: engine.Outcome
    rows: dict[int, VoucherRow]
    attached: list[Attached] = field(default_factory=list)

    @property
    def items_off(self) -> Decimal:
        return self.outcome.items_off

    @property
    def shipping_off(self) -> Decimal:
        return self.outcome.shipping_off

    def applied(self) -> list[tuple[VoucherRow, engine.Effect]]:
        return [(self.rows[e.voucher.id], e) for e in self.outcome.effects]


def evaluate(
    session: Session,
    sel: SelectionRow,
    lines: list[engine.Line],
    shipping: Decimal,
    now: datetime,
    email: str | None = None,
) -> SelectionDiscounts:
    """The discounts the selection's codes and the automatic vouchers give right now."""
    email = email or (sel.address or {}).get("email")
    attached: list[Attached] = []
    for entry in entries(sel):
        row = session.get(VoucherRow, entry["voucherId"])
        if row is not None:
            attached.append(Attached(row, str(entry.get("voucher") or row.code or row.url)))
    auto = vouchers.automatic_vouchers(session, sel.store_id, sel.market_id, now)
    rows = {key(a.row): a.row for a in attached} | {key(v): v for v in auto}
    counts = vouchers.usage_counts(session, rows)
    used = vouchers.used_by_email(session, rows, email)
    for a in attached:
        a.refusal = rules.refusal(
            a.row,
            now=now,
            market_id=sel.market_id,
            market_ids=vouchers.market_ids(session, key(a.row)),
            used=counts[key(a.row)],
            used_by_customer=a.row.id in used,
            once_per_customer=vouchers.has_once_per_customer(session, key(a.row)),
        )
    auto = [v for v in auto if not (v.id in used and not v.reuse)]
    usable = [a.row for a in attached if a.refusal is None]
    views = vouchers.to_engine(session, [*usable, *auto])
    ctx = engine.Context(
        pricelist_id=sel.pricelist_id,
        shipping_option_id=sel.shipping_option_id,
        shipping_price=shipping if lines else ZERO,
        used_vouchers=frozenset(used),
    )
    outcome = engine.apply_vouchers(
        lines, [views[key(v)] for v in usable], [views[key(v)] for v in auto], ctx
    )
    return SelectionDiscounts(outcome, rows, attached)


def check_at_payment(discounts: SelectionDiscounts) -> None:
    """Refuse the payment when a code on the selection may not be used (now, by this email)."""
    for a in discounts.attached:
        if a.refusal:
            raise refused(a.refusal)


def order_entries(discounts: SelectionDiscounts, currency_code: str) -> list[VoucherEntry]:
    """What the order keeps of each voucher that applied (engine line keys are item ids)."""
    typed = {a.row.id: a.typed for a in discounts.attached}
    return [
        order_entry(
            voucher=typed.get(row.id) or row.code or row.url or str(row.id),
            name=row.name,
            currency=currency_code,
            items_value=effect.items_off,
            shipping_value=effect.shipping_off,
            lines=effect.line_off,
            row=row,
            automatic=row.method == VoucherMethod.AUTO,
            free_shipping_for=list(effect.free_shipping_for)
            if effect.free_shipping_for is not None
            else None,
        )
        for row, effect in discounts.applied()
    ]


def idle_entry(attached: Attached, currency_code: str) -> VoucherEntry:
    """A code on the selection that gives nothing right now, in the same shape (all zero)."""
    row = attached.row
    return order_entry(voucher=attached.typed, name=row.name, currency=currency_code, row=row)
