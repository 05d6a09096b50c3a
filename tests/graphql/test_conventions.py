"""Integration API conventions: auth, permission errors, extensions, userErrors."""

from mockcentra.testing import CentraClient

CREATE_CHART = """
mutation addSizeChart($name: String!) {
  createSizeChart(input: {name: $name, horizontalLabels: ["One"]}) {
    sizeChart { id name }
    userErrors { message path }
  }
}
"""


def test_missing_token_is_401_with_graphql_errors(centra: CentraClient) -> None:
    result = centra.graphql("{ stores { id } }", token=None)

    assert result.status_code == 401
    assert result.errors == [
        {
            "message": "Authorization required: send 'Authorization: Bearer <token>'.",
            "extensions": {"category": "authentication"},
        }
    ]
    assert "data" not in result.body


def test_unknown_token_is_401(centra: CentraClient) -> None:
    result = centra.graphql("{ stores { id } }", token="nope")

    assert result.status_code == 401
    assert result.errors[0]["message"] == "The access token is invalid or expired."


def test_graphql_access_cookie_authenticates(centra: CentraClient) -> None:
    response = centra.post(
        "/graphql",
        json={"query": "{ stores { id } }"},
        headers={"Cookie": "graphql-access=dev-integration-token"},
    )

    assert response.status_code == 200
    assert response.json()["data"]["stores"] == [{"id": 1}, {"id": 2}]


def test_missing_permission_answers_as_centra(centra: CentraClient) -> None:
    made = centra.post("/_mock/tokens", json={"token": "ro", "permissions": ["Market:read"]})
    assert made.status_code == 201

    result = centra.graphql("query {\n  markets { id }\n  stores { id }\n}", token="ro")

    assert result.status_code == 200
    assert result.errors == [
        {
            "message": "You need Store:read permission to access stores.",
            "extensions": {"category": "authorization"},
            "locations": [{"line": 3, "column": 3}],
            "path": ["stores"],
        }
    ]
    assert "data" not in result.body  # a non-null root field nulls the whole result
    assert result.extensions["permissionsUsed"] == ["Market:read", "Store:read"]


def chart_names(centra: CentraClient) -> list[str]:
    charts = centra.graphql("{ sizeCharts(limit: 100) { name } }").payload("sizeCharts")
    return [c["name"] for c in charts]


def test_mutation_without_write_permission_changes_nothing(centra: CentraClient) -> None:
    centra.post("/_mock/tokens", json={"token": "r", "permissions": ["SizeChart:read"]})
    before = chart_names(centra)

    refused = centra.graphql(CREATE_CHART, {"name": "Pants"}, token="r")

    assert refused.errors[0]["message"] == (
        "You need SizeChart:write permission to access createSizeChart."
    )
    assert chart_names(centra) == before


def test_every_response_carries_extensions(centra: CentraClient) -> None:
    result = centra.graphql(CREATE_CHART, {"name": "Pants"})

    assert result.extensions["permissionsUsed"] == ["SizeChart:write", "SizeChart:read"]
    assert isinstance(result.extensions["complexity"], int)
    assert result.extensions["appVersion"] == "mockcentra-0.1.0"


def test_user_errors_leave_nothing_behind(centra: CentraClient) -> None:
    centra.graphql(CREATE_CHART, {"name": "Pants"}).ok("createSizeChart")
    before = chart_names(centra)

    again = centra.graphql(CREATE_CHART, {"name": "Pants"}).payload("createSizeChart")

    assert again == {
        "sizeChart": None,
        "userErrors": [
            {"message": "Size chart with name Pants already exists.", "path": ["input", "name"]}
        ],
    }
    assert chart_names(centra) == before


def test_syntax_error_is_400(centra: CentraClient) -> None:
    result = centra.graphql("{ stores { id ")

    assert result.status_code == 400
    assert "Syntax Error" in result.errors[0]["message"]


def test_malformed_json_is_400(centra: CentraClient) -> None:
    response = centra.post(
        "/graphql", content=b"{not json", headers={"Authorization": "Bearer dev-integration-token"}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Request body is not valid JSON."


def test_reset_restores_the_seeded_state(centra: CentraClient) -> None:
    before = chart_names(centra)
    centra.graphql(CREATE_CHART, {"name": "Pants"}).ok("createSizeChart")
    assert chart_names(centra) == [*before, "Pants"]

    assert centra.post("/_mock/reset").status_code == 200

    assert chart_names(centra) == before
