"""The console at `/`: one page and its modules, all served from the package (no CDN, works
offline), and the home page's facts from `/_mock/about` (development tokens only)."""

from __future__ import annotations

import re

from mockcentra.app import create_app
from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

MODULES = ("app.js", "api.js", "dom.js")


def test_the_console_and_its_assets_are_served_from_the_package(centra: CentraClient) -> None:
    page = centra.get("/")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert sorted(assets) == ["/static/console/app.js", "/static/console/console.css"]
    texts = [page.text]
    for name in (*MODULES, "console.css"):
        asset = centra.get(f"/static/console/{name}")
        assert asset.status_code == 200, name
        texts.append(asset.text)
    # every module the app imports is shipped beside it
    imported = set(re.findall(r'from "\./([\w.]+)"', "".join(texts)))
    assert imported == {"api.js", "dom.js"}
    # nothing is fetched from elsewhere: the console works offline
    assert not [t for t in texts if re.search(r"https?://", t)]


def test_the_control_plane_root_describes_the_server(centra: CentraClient) -> None:
    centra.control.freeze("2030-01-01T00:00:00+00:00")

    body = centra.get("/_mock/").json()

    assert body == centra.get("/_mock/about").json()
    assert (body["now"], body["frozen"]) == ("2030-01-01T00:00:00+00:00", True)
    assert (body["scenario"], body["console"]) == ("demo", "/")
    assert [s["url"] for s in body["served"]] == [
        "/graphql",
        "/api/order/",
        "/api/checkout/",
        "/_mock/",
        "/media/",
    ]
    assert [t["value"] for t in body["tokens"]] == [
        "dev-integration-token",
        "dev-admin-token",
        "dev-order-api-secret",
        "dev-checkout-secret",
    ]


def test_configured_secrets_are_never_shown() -> None:
    settings = Settings(
        db=":memory:",
        scenario="empty",
        integration_token="real-integration-secret",
        admin_token="real-admin-secret",
        order_api_secret="real-order-secret",
        checkout_secret="real-checkout-secret",
    )
    client = CentraClient(create_app(settings))
    try:
        response = client.get("/_mock/about")
    finally:
        client.close()

    assert [t["value"] for t in response.json()["tokens"]] == [None, None, None, None]
    assert "real-" not in response.text


def test_the_console_is_not_journaled(centra: CentraClient) -> None:
    centra.get("/")
    centra.get("/static/console/app.js")

    assert centra.control.journal() == []


def test_the_journal_tells_the_consoles_requests_from_an_integrations(
    centra: CentraClient,
) -> None:
    query = {"query": "{ stores { id } }"}
    centra.post("/graphql", json=query, headers={"X-Mockcentra-Console": "read"})
    centra.post("/graphql", json=query, headers={"X-Mockcentra-Console": "action"})
    centra.graphql("{ stores { id } }")

    assert [e["source"] for e in centra.control.journal(path="/graphql")] == [
        "console read",
        "console action",
        None,
    ]
