"""The order's record of its vouchers: what is written reads back the same, in one shape."""

from datetime import UTC, datetime
from decimal import Decimal

from mockcentra.domain.vouchers import entries
from mockcentra.domain.vouchers.entries import AppliedDiscount, VoucherEntry

ENTRY = VoucherEntry(
    voucher="save10",
    name="Ten percent",
    currency="SEK",
    items_value=Decimal("37.47"),
    shipping_value=Decimal("49.00"),
    lines={"3-17": Decimal("37.47")},
    voucher_id=4,
    code="SAVE10",
    method="CODE",
    expiry=datetime(2031, 3, 1, 10, 0, tzinfo=UTC),
)


def test_an_entry_is_stored_as_exact_text_and_reads_back_equal() -> None:
    stored = entries.write([ENTRY])

    assert stored[0]["value"] == "86.47"
    assert stored[0]["itemsValue"] == "37.47" and stored[0]["shippingValue"] == "49.00"
    assert stored[0]["lines"] == {"3-17": "37.47"}
    assert stored[0]["expiryDate"] == "2031-03-01T10:00:00+00:00"
    assert entries.read(stored) == [ENTRY]
    assert entries.codes(stored) == ["SAVE10"]


def test_a_bare_code_reads_as_that_code_worth_nothing_and_junk_is_skipped() -> None:
    [entry] = entries.read(["WELCOME", None, {"name": "no voucher"}, 7.5])

    assert (entry.label, entry.name, entry.value) == ("WELCOME", "WELCOME", Decimal("0.00"))
    assert entries.codes(["WELCOME"]) == ["WELCOME"]


def test_an_order_without_vouchers_shows_its_whole_discount_as_one_entry() -> None:
    assert entries.applied_discounts([], lambda: Decimal("12.00")) == [
        AppliedDiscount(Decimal("12.00"))
    ]
    assert entries.applied_discounts(entries.write([ENTRY]), lambda: Decimal("1")) == [
        AppliedDiscount(Decimal("86.47"), ENTRY)
    ]
