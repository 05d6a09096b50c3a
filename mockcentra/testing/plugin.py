"""pytest plugin (entry point `pytest11`): fixtures that need no conftest.

`centra_app` is built once per session (per xdist worker) on an in-memory database; before
each test `centra` restores the scenario's snapshot through SQLite's backup API.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from mockcentra.settings import Settings
from mockcentra.testing.client import CentraClient


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "centra_scenario(name): the scenario the `centra` fixture starts from"
    )


@pytest.fixture(scope="session")
def centra_app() -> Starlette:
    """The in-process mockcentra app on an in-memory database seeded with `demo`."""
    from mockcentra.app import create_app

    return create_app(Settings(db=":memory:", scenario="demo"))


@pytest.fixture(scope="session")
def _centra_session_client(centra_app: Starlette) -> Iterator[CentraClient]:
    client = CentraClient(centra_app)
    yield client
    client.close()


@pytest.fixture
def centra_factories(centra: CentraClient):
    """Arrange helpers on the reset `centra`: sellable items, placed and shipped orders."""
    from mockcentra.testing.factories import Factories

    return Factories(centra)


@pytest.fixture
def centra(_centra_session_client: CentraClient) -> CentraClient:
    """A client on a freshly reset mockcentra (milliseconds: a snapshot restore)."""
    _centra_session_client.reset()
    return _centra_session_client
