"""The storefront's selection (cart): starting one, its items, country, address and
payment method.

Item ids are `<displayId>-<productSizeId>`. Prices come from the pricelist of the selection's
country (see checkout/countries.py); a paid selection takes no more changes.
"""

from __future__ import annotations

from decimal import Decimal

from mockcentra.domain.checkout.countries import known_country, place_in_country
from mockcentra.domain.checkout.summary import selection_lines, selection_lines_known
from mockcentra.domain.displays.displays import sellable_display_for_variant
from mockcentra.domain.errors import DomainError, ErrorCode, invalid
from mockcentra.domain.payments import psp
from mockcentra.domain.pricing.prices import price_for
from mockcentra.domain.secrets import access_token
from mockcentra.runtime.ids import token_hash
from mockcentra.runtime.wire import INT64_MAX
from mockcentra.storage.records import record_by_key, stored_record
from mockcentra.storage.tables import (
    DisplayRow,
    ProductSizeRow,
    SelectionLineRow,
    SelectionRow,
    VariantRow,
)
from mockcentra.storage.tables.base import first_where, highest, key
from mockcentra.storage.uow import UnitOfWork, insert_new


class SelectionNotFound(DomainError):
    def __init__(self) -> None:
        super().__init__(ErrorCode.NOT_FOUND, "selection not found", ["token"])


def find_selection(uow: UnitOfWork, token: str | None) -> SelectionRow:
    if not token:
        raise SelectionNotFound()
    sel = first_where(uow.session, SelectionRow.token, token)
    if sel is None:
        raise SelectionNotFound()
    return sel


def start_selection(uow: UnitOfWork, store_id: int = 1, country_code: str = "SE") -> SelectionRow:
    last = highest(uow.session, SelectionRow.id)  # an index lookup
    now = uow.clock.now()
    sel = SelectionRow(
        token=access_token(uow, "selection", (last or 0) + 1),
        store_id=store_id,
        market_id=0,
        pricelist_id=0,
        country_code=country_code,
        created_at=now,
        updated_at=now,
    )
    place_in_country(uow, sel, known_country(uow, country_code))
    insert_new(uow.session, sel)
    selection_lines_known(uow.session, key(sel), [])
    return sel


def selection_for(uow: UnitOfWork, token: str | None, store_id: int = 1) -> SelectionRow:
    """The session's selection; a new one (and a new token) when there is none yet."""
    if token and token != "none":
        sel = first_where(uow.session, SelectionRow.token, token)
        if sel is not None:
            return sel
    return start_selection(uow, store_id)


def ensure_open(sel: SelectionRow) -> None:
    """A paid selection takes no more changes."""
    if sel.order_id is not None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, "This selection has already been paid.", ["selection"]
        )


def _price(
    uow: UnitOfWork, sel: SelectionRow, display: DisplayRow, size: ProductSizeRow
) -> Decimal | None:
    variant = stored_record(uow.session, VariantRow, size.variant_id)
    return price_for(uow.session, sel.pricelist_id, variant.product_id, variant.id)


def _parse_item(uow: UnitOfWork, sel: SelectionRow, item: str) -> tuple[DisplayRow, ProductSizeRow]:
    try:
        display_id, size_id = (int(p) for p in item.split("-", 1))
    except ValueError:
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"]) from None
    if not (0 < display_id <= INT64_MAX and 0 < size_id <= INT64_MAX):  # no such row can exist
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"])
    size = record_by_key(uow.session, ProductSizeRow, size_id)
    if size is None:
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"])
    # the item names the display that sells its size here, or it is not found
    display = sellable_display_for_variant(
        uow.session, sel.store_id, sel.market_id, size.variant_id
    )
    if display is None or display.id != display_id:
        raise DomainError(ErrorCode.NOT_FOUND, "product item not found", ["item"])
    if _price(uow, sel, display, size) is None:
        raise DomainError(
            ErrorCode.NOT_FOUND, "product item has no price in this pricelist", ["item"]
        )
    return display, size


def add_item(uow: UnitOfWork, sel: SelectionRow, item: str, quantity: int = 1) -> SelectionRow:
    ensure_open(sel)
    if quantity < 1:
        raise invalid("quantity must be at least 1", ["quantity"])
    display, size = _parse_item(uow, sel, item)
    lines = selection_lines(uow.session, key(sel))
    line = next(
        (row for row in lines if row.display_id == display.id and row.product_size_id == size.id),
        None,
    )
    if line is None:
        last = highest(uow.session, SelectionLineRow.id)
        line = SelectionLineRow(
            selection_id=key(sel),
            line=token_hash(uow.seed, "line", (last or 0) + 1)[:32],
            display_id=key(display),
            product_size_id=key(size),
            quantity=quantity,
        )
        insert_new(uow.session, line)
        selection_lines_known(uow.session, key(sel), [*lines, line])
    else:
        line.quantity += quantity
    touch(uow, sel)
    return sel


def _line(uow: UnitOfWork, sel: SelectionRow, line_token: str) -> SelectionLineRow:
    lines = selection_lines(uow.session, key(sel))
    line = next((row for row in lines if row.line == line_token), None)
    if line is None:
        raise DomainError(ErrorCode.NOT_FOUND, "line not found", ["line"])
    return line


def change_line_quantity(
    uow: UnitOfWork, sel: SelectionRow, line_token: str, delta: int
) -> SelectionRow:
    ensure_open(sel)
    line = _line(uow, sel, line_token)
    line.quantity += delta
    if line.quantity <= 0:
        uow.session.delete(line)
    else:
        uow.session.add(line)
    touch(uow, sel)
    return sel


def remove_line(uow: UnitOfWork, sel: SelectionRow, line_token: str) -> SelectionRow:
    ensure_open(sel)
    uow.session.delete(_line(uow, sel, line_token))
    touch(uow, sel)
    return sel


def set_country(uow: UnitOfWork, sel: SelectionRow, code: str) -> SelectionRow:
    ensure_open(sel)
    place_in_country(uow, sel, known_country(uow, code))
    touch(uow, sel)
    return sel


def set_payment_method(uow: UnitOfWork, sel: SelectionRow, method: str) -> SelectionRow:
    ensure_open(sel)
    if method not in psp.METHODS:
        raise DomainError(ErrorCode.NOT_FOUND, "payment method not found", ["paymentMethod"])
    sel.payment_method = method
    touch(uow, sel)
    return sel


def set_address(
    uow: UnitOfWork, sel: SelectionRow, address: dict | None, shipping: dict | None
) -> None:
    if address:
        sel.address = {**sel.address, **address}
    if shipping:
        sel.shipping_address = {**sel.shipping_address, **shipping}
    touch(uow, sel)


def touch(uow: UnitOfWork, sel: SelectionRow) -> None:
    """Record a change of the selection (its `updated_at`) and write it."""
    sel.updated_at = uow.clock.now()
    uow.session.add(sel)
    uow.session.flush()
