"""Voucher enums as Centra's Integration API names them.

Values marked "inferred" were not seen in a source; the rest come from Centra's guide or schema.
"""

from __future__ import annotations

from enum import StrEnum


class VoucherStatus(StrEnum):
    """Centra's plain `Status`."""

    ACTIVE = "ACTIVE"  # usable between startAt and stopAt
    INACTIVE = "INACTIVE"  # kept, never applies


class VoucherMethod(StrEnum):
    CODE = "CODE"  # the shopper types the code (Checkout API POST vouchers)
    URL = "URL"  # reached through a URL; mockcentra also accepts the URL as a code
    AUTO = "AUTO"  # applies by itself when its criteria hold


class VoucherType(StrEnum):
    DISCOUNT = "DISCOUNT"  # lowers prices or shipping (credit vouchers are not modelled)


class EntryPointStrategy(StrEnum):
    APPLY_ALL_IF_ALL_APPLY = "APPLY_ALL_IF_ALL_APPLY"  # every entry point must apply, or none does
    APPLY_ALL_THAT_APPLY = "APPLY_ALL_THAT_APPLY"  # inferred: each entry point that applies
    APPLY_FIRST_THAT_APPLIES = "APPLY_FIRST_THAT_APPLIES"  # inferred: the first that applies


class ContinueStrategy(StrEnum):
    """Which products the next action of the chain works on."""

    SELECTED_PRODUCTS = "SELECTED_PRODUCTS"  # the products this action's criteria selected
    ALL_PRODUCTS = "ALL_PRODUCTS"  # every product of the selection
    UNSELECTED_PRODUCTS = "UNSELECTED_PRODUCTS"  # inferred: the products this action left out


class CriteriaType(StrEnum):
    """The criteria mockcentra evaluates (a subset of Centra's VoucherActionCriteriaType)."""

    ALWAYS = "ALWAYS"  # always holds, selects every product
    PRODUCTS = "PRODUCTS"  # selects lines of the given product variants
    EXCLUDE_PRODUCTS = "EXCLUDE_PRODUCTS"  # leaves out lines of the given product variants
    ONCE_PER_CUSTOMER = "ONCE_PER_CUSTOMER"  # holds when the shopper's email has not used it
    SHIPPING_LIST = "SHIPPING_LIST"  # holds when the chosen shipping option is listed


class ResultType(StrEnum):
    CONTINUE = "CONTINUE"  # nothing by itself; lets the chain go on
    CHANGE_SELECTED_PRODUCTS_PRICE = "CHANGE_SELECTED_PRODUCTS_PRICE"  # off each selected unit
    CHANGE_PRODUCT_TOTAL = "CHANGE_PRODUCT_TOTAL"  # off the total of the selected products
    CHANGE_ORDER_TOTAL = "CHANGE_ORDER_TOTAL"  # off the total of all products
    SET_FREE_SHIPPING = "SET_FREE_SHIPPING"  # shipping becomes free for the listed options
    ADD_FREE_PRODUCTS = "ADD_FREE_PRODUCTS"  # not modelled: refused on create


class ApplyOn(StrEnum):
    ORDER = "ORDER"  # shown on the order as a whole
    ORDER_ITEMS = "ORDER_ITEMS"  # inferred: spread onto the order's items
