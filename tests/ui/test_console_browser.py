"""The console in a real browser: an order placed, confirmed, shipped and captured, returned,
each page checked for what it shows, then the order's timeline and the diff since a snapshot;
and a refused capture explained in the journal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockcentra.testing.plugin import LiveServer
from tests.ui.browser import browser_context

pytestmark = pytest.mark.slow  # a browser: seconds per test


@pytest.fixture(scope="module")
def context() -> Iterator:
    yield from browser_context()


@pytest.fixture
def page(context, centra_server: LiveServer) -> Iterator:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.base = centra_server.url  # the `centra` state, reset; its invariants checked after
    yield page
    page.close()
    assert errors == [], errors


READY = "document.querySelector('main') && document.querySelector('main').dataset.ready"


def open_page(page, hash_path: str) -> None:
    """Go to a console page and wait until it has rendered (a new hash re-renders in place)."""
    before = page.evaluate(READY) if page.url.startswith(page.base) else None
    page.goto(f"{page.base}/#{hash_path}")
    page.wait_for_function(f"b => ({READY}) && ({READY}) !== b", arg=before)


def click_and_wait(page, testid: str, flash: str) -> None:
    from playwright.sync_api import expect

    before = page.get_attribute("main", "data-ready")
    page.get_by_test_id(testid).click()
    expect(page.get_by_test_id("flash")).to_contain_text(flash)
    page.wait_for_function("b => document.querySelector('main').dataset.ready !== b", arg=before)


def test_an_order_from_placing_to_returning_through_the_console(page) -> None:
    from playwright.sync_api import expect

    # home: what is served where, the development token, the scenario
    open_page(page, "/")
    expect(page.get_by_test_id("served")).to_contain_text("Integration API (GraphQL)")
    expect(page.get_by_test_id("tokens")).to_contain_text("dev-integration-token")
    expect(page.get_by_test_id("current-scenario")).to_have_text("demo")

    # freeze the clock and take a snapshot, from the home page
    page.get_by_test_id("freeze-at").fill("2030-03-01T09:00:00+00:00")
    click_and_wait(page, "freeze", "Clock frozen.")
    expect(page.get_by_test_id("now")).to_have_text("2030-03-01 09:00:00 +00:00 (frozen)")
    page.get_by_test_id("snapshot-name").fill("before")
    click_and_wait(page, "take-snapshot", "Snapshot before taken.")
    expect(page.get_by_test_id("snapshot-list")).to_contain_text("before")

    # place an order the storefront way
    open_page(page, "/orders")
    expect(page.get_by_test_id("orders")).to_have_text("Nothing here.")
    page.get_by_test_id("place-quantity").fill("2")
    click_and_wait(page, "place-order", "Order 1 placed.")
    assert page.url.endswith("#/orders/1")
    expect(page.get_by_test_id("order-status")).to_contain_text("PENDING")
    expect(page.get_by_test_id("lines")).to_contain_text("2 in")
    expect(page.get_by_test_id("payments")).to_contain_text("AUTHORIZATION")
    total = page.get_by_test_id("order-total").inner_text()

    # confirm, ship and capture, complete the shipment
    click_and_wait(page, "confirm", "Order 1 confirmed.")
    expect(page.get_by_test_id("order-status")).to_contain_text("CONFIRMED")
    click_and_wait(page, "create-shipment", "Shipment 1-1 created.")
    shipments = page.get_by_test_id("shipments")
    expect(shipments.locator("tbody tr")).to_have_count(1)
    expect(shipments.locator("tbody tr td").nth(3)).to_have_text("yes")  # captured
    expect(page.get_by_test_id("payments")).to_contain_text("CAPTURE")
    click_and_wait(page, "complete-1-1", "Shipment 1-1 shipped.")
    expect(page.get_by_test_id("order-status")).to_contain_text("SHIPPED")
    expect(shipments.locator("tbody tr td").nth(4)).to_contain_text("2030-03-01 ")

    # return everything and complete the return
    click_and_wait(page, "return-1-1", "created.")
    returns = page.get_by_test_id("returns")
    expect(returns.locator("tbody tr")).to_have_count(1)
    return_id = returns.locator("tbody tr td").first.inner_text()
    click_and_wait(page, f"complete-return-{return_id}", f"Return {return_id} completed.")
    expect(returns.locator("tbody tr td").nth(1)).to_have_text("COMPLETED")
    expect(page.get_by_test_id("lines").locator("tbody tr td").nth(5)).to_have_text("2")

    # the order's timeline names the request behind each step
    timeline = page.get_by_test_id("timeline")
    for what, request in [
        ("Order 1 placed", "POST /api/checkout/payment"),
        ("Order UPDATED (OrderConfirmed)", "POST /graphql confirmOrder"),
        ("Shipment 1-1 captured", "POST /graphql createShipment"),
        ("Shipment 1-1 shipped", "POST /graphql completeShipment"),
        (f"Return {return_id} created", "POST /graphql createReturn"),
        (f"Return {return_id} completed", "POST /graphql completeReturn"),
    ]:
        row = timeline.locator("tbody tr", has_text=what).first
        expect(row).to_contain_text(request)

    # the orders list and its filters
    open_page(page, "/orders")
    expect(page.get_by_test_id("orders").locator("tbody tr")).to_have_count(1)
    expect(page.get_by_test_id("orders")).to_contain_text(total)
    page.get_by_test_id("filter-status").select_option("CANCELLED")
    page.get_by_test_id("apply-filters").click()
    expect(page.get_by_test_id("orders")).to_have_text("Nothing here.")
    page.get_by_test_id("filter-status").select_option("SHIPPED")
    page.get_by_test_id("filter-hold").select_option("no")
    page.get_by_test_id("apply-filters").click()
    expect(page.get_by_test_id("orders").locator("tbody tr")).to_have_count(1)

    # the diff since the snapshot: one order in, its payment entries, the return
    open_page(page, "/diff?since=before")
    expect(page.get_by_test_id("diff-orders")).to_contain_text("Order (orders): 1 inserted")
    expect(page.get_by_test_id("diff-return_")).to_contain_text("1 inserted")
    expect(page.get_by_test_id("diff-payment_entry")).to_contain_text("inserted")

    # the state is sound
    open_page(page, "/invariants")
    expect(page.get_by_test_id("invariants-summary")).to_have_text("all invariants hold")


def test_a_refused_capture_is_explained_in_the_journal(page) -> None:
    from playwright.sync_api import expect

    open_page(page, "/orders")
    click_and_wait(page, "place-order", "Order 1 placed.")
    open_page(page, "/faults")
    page.get_by_test_id("domain-fault").select_option("psp.capture")
    click_and_wait(page, "set-domain-fault", "psp.capture answers decline.")
    expect(page.get_by_test_id("domain-faults")).to_contain_text("decline")

    open_page(page, "/orders/1")
    page.get_by_test_id("capture-order").click()
    expect(page.get_by_test_id("flash")).to_contain_text(
        "Capture order: Capture failed: the payment provider declined it."
    )
    expect(page.get_by_test_id("payments")).to_contain_text("FAILED")

    open_page(page, "/journal")
    refused = page.get_by_test_id("journal").locator("tbody tr.bad").first
    expect(refused).to_contain_text("captureOrder")
    expect(refused).to_contain_text("why: payments.psp_outcome")
    expect(refused).to_contain_text('"source": "fault psp.capture"')


@pytest.mark.centra_scenario("wholesale")
def test_every_page_renders_what_the_apis_answer(page) -> None:
    from playwright.sync_api import expect

    open_page(page, "/products")
    expect(page.get_by_test_id("stock").locator("tbody tr").first).to_be_visible()
    open_page(page, "/wholesale")
    expect(page.get_by_test_id("accounts").locator("tbody tr").first).to_be_visible()
    for path, testid in [
        ("/customers", "customers"),
        ("/vouchers", "vouchers"),
        ("/events", "events"),
        ("/faults", "route-faults"),
        ("/invariants", "rules"),
        ("/diff", "diff-summary"),
        ("/journal", "journal"),
    ]:
        open_page(page, path)
        expect(page.get_by_test_id(testid)).to_be_visible()
