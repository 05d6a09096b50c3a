"""Test helpers: the pytest plugin and a small synchronous client for the in-process app.

`CentraClient` and `GraphQLResponse` load on first use, so that pytest importing the plugin
(a submodule of this package) does not import starlette and httpx in every test run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockcentra.testing.client import CentraClient, GraphQLResponse

__all__ = ["CentraClient", "GraphQLResponse"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from mockcentra.testing import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
