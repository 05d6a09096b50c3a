"""Regenerate the README's console screenshots (docs/images/console-*.png).

    python docs/screenshots.py

Starts mockcentra on the demo scenario on a loopback port, arranges an order that was placed,
shipped and captured, and partly refused once (a declined capture, explained in the journal),
then photographs the console's pages with Debian's Chromium driven headless by Playwright
(`/usr/bin/chromium`, or MOCKCENTRA_CHROMIUM; Playwright never downloads a browser here).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mockcentra.app import create_app  # noqa: E402
from mockcentra.settings import Settings  # noqa: E402
from mockcentra.testing.client import CentraClient  # noqa: E402
from mockcentra.testing.factories import Factories  # noqa: E402
from mockcentra.testing.plugin import LiveServer  # noqa: E402

OUT = ROOT / "docs" / "images"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {
    "console-home.png": "/",
    "console-order.png": "/orders/1",
    "console-journal.png": "/journal",
}


def arrange(client: CentraClient) -> None:
    """Order 1 shipped and captured; order 2 refused a capture (the PSP declined it)."""
    client.control.freeze("2030-03-02T10:00:00+00:00")
    shop = Factories(client)
    first = shop.place_order([(shop.sellable_item(), 2)])
    client.control.snapshot("before-shipping")
    shop.ship(first.number)
    second = shop.place_order()
    client.control.domain_fault("psp.capture", "decline")
    client.graphql(
        "mutation($n:Int!){captureOrder(order:{number:$n}){userErrors{message}}}",
        {"n": second.number},
    )
    client.control.domain_fault("psp.capture", None)


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("MOCKCENTRA_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("No chromium found: apt-get install chromium", file=sys.stderr)
        return 1
    app = create_app(Settings(db=":memory:", scenario="demo"))
    server = LiveServer(app)
    client = CentraClient(app)
    try:
        arrange(client)
        client.close()
        OUT.mkdir(parents=True, exist_ok=True)
        profile = tempfile.mkdtemp(prefix="mockcentra-screenshots-")
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=chromium,
                headless=True,
                args=FLAGS,
                viewport={"width": 1280, "height": 860},
            )
            page = context.new_page()
            ready = "document.querySelector('main') && document.querySelector('main').dataset.ready"
            for name, path in PAGES.items():
                before = page.evaluate(ready) if page.url.startswith(server.url) else None
                page.goto(f"{server.url}/#{path}")  # a new hash re-renders in place
                page.wait_for_function(f"b => ({ready}) && ({ready}) !== b", arg=before)
                page.screenshot(path=str(OUT / name), full_page=name == "console-order.png")
                print(f"wrote {OUT / name}")
            context.close()
        shutil.rmtree(profile, ignore_errors=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
