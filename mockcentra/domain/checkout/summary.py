"""A storefront selection priced: its lines at the pricelist's tax-inclusive prices, its
shipping, and what the vouchers on it (codes and automatic ones) take off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session

from mockcentra.domain.checkout.countries import country_by_code
from mockcentra.domain.checkout.vouchers import SelectionDiscounts
from mockcentra.domain.checkout.vouchers import evaluate as voucher_discounts
from mockcentra.domain.money import ZERO, times
from mockcentra.domain.orders.totals import tax_in_gross
from mockcentra.domain.pricing.prices import price_for
from mockcentra.domain.vouchers.engine import Line as VoucherLine
from mockcentra.storage.records import record_by_key, stored_record
from mockcentra.storage.tables import (
    CurrencyRow,
    PricelistRow,
    ProductRow,
    ProductSizeRow,
    SelectionLineRow,
    SelectionRow,
    ShippingOptionRow,
    SizeRow,
    VariantRow,
)
from mockcentra.storage.tables.base import key
from mockcentra.storage.uow import remember, rows_of


@dataclass
class PricedLine:
    row: SelectionLineRow
    product: ProductRow
    variant: VariantRow
    size: ProductSizeRow
    size_name: str
    unit_price: Decimal
    tax_percent_hundredths: int
    #: Taken off each unit by vouchers (the selection shows it at order level, as Centra does).
    unit_off: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return times(self.unit_price, self.row.quantity)

    @property
    def discounted_unit_price(self) -> Decimal:
        return self.unit_price - self.unit_off

    @property
    def item(self) -> str:
        return f"{self.row.display_id}-{self.row.product_size_id}"


@dataclass
class Summary:
    selection: SelectionRow
    currency: CurrencyRow
    lines: list[PricedLine]
    shipping: Decimal
    tax_percent_hundredths: int
    discounts: SelectionDiscounts | None = None

    @property
    def items_total(self) -> Decimal:
        """Before vouchers."""
        return sum((line.total for line in self.lines), ZERO)

    @property
    def items_discount(self) -> Decimal:
        return self.discounts.items_off if self.discounts else ZERO

    @property
    def shipping_due(self) -> Decimal:
        """Shipping after vouchers (zero for an empty selection)."""
        if not self.lines:
            return ZERO
        return self.shipping - (self.discounts.shipping_off if self.discounts else ZERO)

    @property
    def grand_total(self) -> Decimal:
        return self.items_total - self.items_discount + self.shipping_due

    @property
    def tax(self) -> Decimal:
        return tax_in_gross(self.grand_total, self.tax_percent_hundredths)

    @property
    def quantity(self) -> int:
        return sum(line.row.quantity for line in self.lines)


def selection_lines(session: Session, selection_id: int) -> list[SelectionLineRow]:
    """The selection's lines in the order they were added (read once per unit of work until
    lines are added or removed)."""
    return rows_of(session, SelectionLineRow.selection_id, selection_id)


def selection_lines_known(
    session: Session, selection_id: int, lines: list[SelectionLineRow]
) -> None:
    """All the selection's lines, just flushed (none for a new selection): `selection_lines`
    need not read them."""
    remember(session, (SelectionLineRow, selection_id), lines)


def summarize(
    session: Session, sel: SelectionRow, now: datetime, email: str | None = None
) -> Summary:
    """Priced lines, shipping and the vouchers' discounts (codes on it, automatic ones) at `now`."""
    pricelist = stored_record(session, PricelistRow, sel.pricelist_id)
    currency = stored_record(session, CurrencyRow, pricelist.currency_id)
    country = country_by_code(session, sel.country_code)
    if country is None:
        raise LookupError(f"The selection's country {sel.country_code} is not stored")

    lines = []
    for row in selection_lines(session, key(sel)):
        size = stored_record(session, ProductSizeRow, row.product_size_id)
        variant = stored_record(session, VariantRow, size.variant_id)
        product = stored_record(session, ProductRow, variant.product_id)
        price = price_for(session, sel.pricelist_id, key(product), key(variant)) or ZERO
        lines.append(
            PricedLine(
                row,
                product,
                variant,
                size,
                stored_record(session, SizeRow, size.size_id).name,
                price,
                country.tax_percent_hundredths,
            )
        )
    option = (
        record_by_key(session, ShippingOptionRow, sel.shipping_option_id)
        if sel.shipping_option_id
        else None
    )
    shipping = option.price if option else ZERO
    discounts = voucher_discounts(
        session,
        sel,
        [
            VoucherLine(line.item, key(line.variant), line.unit_price, line.row.quantity)
            for line in lines
        ],
        shipping,
        now,
        email,
    )
    for line in lines:
        line.unit_off = discounts.outcome.unit_off(line.item)
    return Summary(sel, currency, lines, shipping, country.tax_percent_hundredths, discounts)
