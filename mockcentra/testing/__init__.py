"""Test helpers: the pytest plugin and a small synchronous client for the in-process app."""

from mockcentra.testing.client import CentraClient, GraphQLResponse

__all__ = ["CentraClient", "GraphQLResponse"]
