"""The kinds of invoice documents."""

from __future__ import annotations

from enum import StrEnum


class InvoiceType(StrEnum):
    INVOICE = "INVOICE"  # issued for the goods of a completed shipment
