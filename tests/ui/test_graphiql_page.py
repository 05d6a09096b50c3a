"""GET /graphql serves GraphiQL from files inside the package: it must work with no network."""

from __future__ import annotations

from html.parser import HTMLParser

from mockcentra.testing import CentraClient


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


def _page_assets(centra: CentraClient) -> tuple[str, list[str]]:
    page = centra.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    parser = _Assets()
    parser.feed(page.text)
    return page.text, parser.urls


def test_graphiql_page_references_only_local_assets(centra: CentraClient) -> None:
    html, urls = _page_assets(centra)

    assert urls == [
        "/static/vendor/graphiql.min.css",
        "/static/vendor/react.production.min.js",
        "/static/vendor/react-dom.production.min.js",
        "/static/vendor/graphiql.min.js",
    ]
    assert "http://" not in html and "https://" not in html and "//unpkg" not in html


def test_every_asset_of_the_page_is_served(centra: CentraClient) -> None:
    _, urls = _page_assets(centra)

    for url in urls:
        response = centra.get(url)
        assert response.status_code == 200, url
        expected = "text/css" if url.endswith(".css") else "javascript"
        assert expected in response.headers["content-type"], url
        assert len(response.content) > 1000, url


def test_page_sends_the_default_token_and_lets_people_change_it(centra: CentraClient) -> None:
    html, _ = _page_assets(centra)

    assert '"dev-integration-token"' in html
    assert "localStorage" in html and 'get("token")' in html
    assert '"Bearer " + token' in html


def test_vendored_code_ships_with_its_licences(centra: CentraClient) -> None:
    for name in ("graphiql", "react", "react-dom"):
        licence = centra.get(f"/static/vendor/LICENSE.{name}.txt")
        assert licence.status_code == 200
        assert licence.text.startswith("MIT License")


def test_unknown_static_file_is_404(centra: CentraClient) -> None:
    assert centra.get("/static/vendor/nope.js").status_code == 404


def test_page_never_shows_a_configured_token() -> None:
    """Anyone who can open the page could read a token embedded in it: only the well-known
    development token is pre-filled; with another one configured the field starts empty."""
    from mockcentra.app import create_app
    from mockcentra.settings import Settings
    from mockcentra.testing.client import CentraClient

    # given: a server whose integration token is a real one
    client = CentraClient(create_app(Settings(db=":memory:", integration_token="team-token")))

    # when: someone opens GraphiQL
    page = client.get("/graphql", headers={"Accept": "text/html"}).text
    client.close()

    # then: the token is nowhere in the page, and the field starts empty
    assert "team-token" not in page
    assert 'var DEFAULT_TOKEN = "";' in page


def test_a_json_client_getting_the_endpoint_gets_a_graphql_error_not_the_page(
    centra: CentraClient,
) -> None:
    response = centra.get("/graphql", headers={"Accept": "application/json"})

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "errors": [
            {
                "message": "No GraphQL query found in the request: POST it as JSON, "
                '{"query": "...", "variables": {...}}. GraphiQL is served to browsers '
                "(Accept: text/html).",
                "extensions": {"category": "request"},
            }
        ],
        "extensions": {"appVersion": "mockcentra-0.1.0"},
    }
