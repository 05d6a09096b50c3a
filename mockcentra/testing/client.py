"""A synchronous client for mockcentra: the in-process app (one ASGI call per request on a
private event loop, see asgi.py) or a server already running (a blocking httpx client,
`CentraClient.attach(url)`)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx

from mockcentra.settings import Settings
from mockcentra.testing import asgi

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from mockcentra.domain.checkout.sellable import SellableItem

DEFAULT_TOKEN = object()
#: The scenario a server reports when it serves a database file seeded before it started.
EXISTING = "existing"

#: Where the in-process app is asked (its host is what the app sees).
IN_PROCESS = "http://mockcentra"
#: The httpx arguments that carry a request body.
BODY_ARGUMENTS = ("json", "data", "content", "files")


def default_method(kwargs: dict[str, Any]) -> str:
    """The REST helpers' one rule: GET without a body, POST with one; anything else (PUT,
    DELETE, a POST without a body such as adding an item) is passed as `method`."""
    return "POST" if any(kwargs.get(name) is not None for name in BODY_ARGUMENTS) else "GET"


@dataclass
class GraphQLResponse:
    """A GraphQL answer: `status_code`, `body` (also `.json()`), `data`, `errors`, `extensions`."""

    status_code: int
    body: dict[str, Any]

    def json(self) -> dict[str, Any]:
        """The whole response body, as `httpx.Response.json()` gives it for the REST helpers."""
        return self.body

    @property
    def data(self) -> dict[str, Any] | None:
        return self.body.get("data")

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.body.get("errors") or []

    @property
    def extensions(self) -> dict[str, Any]:
        return self.body.get("extensions") or {}

    def payload(self, name: str) -> Any:
        """The named root field (an object, a list of them or a scalar), after checking that
        the request raised no `errors`."""
        assert self.status_code == 200 and not self.errors, (self.status_code, self.errors)
        assert self.data is not None
        return self.data[name]

    def ok(self, name: str) -> dict[str, Any]:
        """A mutation payload that must have no userErrors."""
        result: dict[str, Any] = self.payload(name)
        assert result.get("userErrors") in ([], None), result.get("userErrors")
        return result


class CentraClient:
    """Talks to mockcentra: `.graphql()`, `.get()/.post()`, `.control`.

    `CentraClient(app)` drives an app in this process (`.runtime` is its runtime);
    `CentraClient.attach(url)` drives a server that is already running, through the same
    APIs and its control plane (`.runtime` is None there), with the credentials of `settings`
    (by default the MOCKCENTRA_* variables, as the server reads them)."""

    def __init__(
        self,
        app: Starlette | None,
        token: str | None = None,
        *,
        url: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.app = app
        self.url = url
        self._loop: asyncio.AbstractEventLoop | None = None
        self._remote: httpx.Client | None = None
        if app is not None:
            self._loop = asyncio.new_event_loop()
            self.runtime = app.state.runtime
            self.runtime.work_on_loop = True  # this loop serves one request at a time
            self.settings: Settings = self.runtime.settings
        elif url is not None:
            self.runtime = None
            self.settings = settings or Settings.from_env()
            # a plain blocking client: no event loop to run, no CA bundle to load for http://
            self._remote = httpx.Client(
                base_url=url.rstrip("/"), timeout=60, verify=url.startswith("https:")
            )
        else:
            raise ValueError("Give the app to drive in-process or the url of a running server.")
        self.token = token or self.settings.integration_token
        # the scenario a test without a `centra_scenario` marker starts from (the plugin sets it)
        self.home_scenario: str | None = None

    @classmethod
    def attach(
        cls, url: str, *, settings: Settings | None = None, token: str | None = None
    ) -> CentraClient:
        """A client of the mockcentra server at `url` (e.g. `mockcentra serve`, the compose
        service); its control plane must be on."""
        return cls(None, token, url=url, settings=settings)

    @property
    def attached(self) -> bool:
        """True when driving a server in another process."""
        return self.runtime is None

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        control_token = self.settings.control_token
        if control_token and path.startswith("/_mock"):
            headers = kwargs.pop("headers", None) or {}
            kwargs["headers"] = {"Authorization": f"Bearer {control_token}", **headers}
        if self._remote is not None:
            return self._remote.request(method, path, **kwargs)
        assert self._loop is not None and self.app is not None
        request = httpx.Request(method, IN_PROCESS + path, **kwargs)
        return self._loop.run_until_complete(asgi.call(self.app, request))

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)

    def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: Any = DEFAULT_TOKEN,
        operation_name: str | None = None,
    ) -> GraphQLResponse:
        headers = {}
        bearer = self.token if token is DEFAULT_TOKEN else token
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        body: dict[str, Any] = {"query": query}
        if variables:
            body["variables"] = variables
        if operation_name:
            body["operationName"] = operation_name
        response = self.post("/graphql", json=body, headers=headers)
        return GraphQLResponse(response.status_code, response.json())

    def reset(self) -> None:
        """Back to the state the server started with (or last loaded)."""
        if self.runtime is not None:
            self.runtime.reset()
        else:
            self.control.reset()

    def start_from(self, scenario: str) -> None:
        """Before a test: the starting state of `scenario`, loaded if another one is on.

        In-process this is a snapshot restore; attached, one control-plane call (two when the
        server was on another scenario)."""
        if self.runtime is not None:
            if self.runtime.scenario != scenario:
                self.runtime.load_scenario(scenario)
            else:
                self.runtime.reset()
            return
        if self.control.reset() == scenario:
            return
        if scenario == EXISTING:
            raise RuntimeError(
                f"The server at {self.url} started on the data of its database file, which a "
                "test's scenario has replaced since. Serve an in-memory database "
                "(`mockcentra serve --db :memory:`) to mix scenarios, or mark each test with "
                "@pytest.mark.centra_scenario."
            )
        self.control.load_scenario(scenario)

    def scenario(self) -> str:
        """The scenario the server's data comes from ("existing" for a file seeded before)."""
        if self.runtime is not None:
            return self.runtime.scenario
        return self.control.health()["scenario"]

    def sellable_items(
        self, store: int, country: str, min_free: int = 1, limit: int | None = None
    ) -> list[SellableItem]:
        """What the store can sell in `country` with `min_free` units free, most stock first
        (the first `limit` items when given)."""
        from mockcentra.domain.checkout.sellable import SellableItem, sellable_items

        if self.runtime is not None:
            with self.runtime.unit_of_work(write=False) as uow:
                return sellable_items(uow.session, store, country, min_free, limit)
        found = self.control.sellable_items(store, country, min_free, limit)
        return [
            SellableItem(i["displayId"], i["productSizeId"], Decimal(i["price"]), i["free"])
            for i in found
        ]

    def deliver_webhooks(self) -> int:
        """Send the webhooks that are due now; the number of attempts made."""
        if self.runtime is not None:
            return self.runtime.webhooks.deliver_due()
        attempts = self.control.deliver_webhooks()
        # the server's own sender may have taken some of them a moment before: wait for it
        deadline = time.monotonic() + 10
        while self.control.deliveries(status="sending") and time.monotonic() < deadline:
            time.sleep(0.01)
        return attempts

    def checkout(
        self, path: str, method: str | None = None, *, token: str | None = None, **kwargs: Any
    ) -> httpx.Response:
        """A Checkout API call (`/api/checkout/<path>`) in the session of `token`.

        Without `method`: GET when no body is given, POST with one (`default_method`)."""
        headers = {**kwargs.pop("headers", {}), **({"API-Token": token} if token else {})}
        method = method or default_method(kwargs)
        return self.request(method, f"/api/checkout/{path.lstrip('/')}", headers=headers, **kwargs)

    def order_api(self, path: str, method: str | None = None, **kwargs: Any) -> httpx.Response:
        """An Order API call with the configured `API-Authorization` secret.

        Without `method`: GET when no body is given, POST with one (`default_method`)."""
        settings = self.settings
        headers = {"API-Authorization": settings.order_api_secret, **kwargs.pop("headers", {})}
        base = settings.order_api_base.rstrip("/")
        method = method or default_method(kwargs)
        return self.request(method, f"{base}/{path.lstrip('/')}", headers=headers, **kwargs)

    @property
    def control(self) -> ControlClient:
        return ControlClient(self)

    def close(self) -> None:
        if self._remote is not None:
            self._remote.close()
            return
        assert self._loop is not None
        self._loop.close()


class ControlClient:
    """The control plane (/_mock) from a test: reset, snapshots, clock, faults, journal."""

    def __init__(self, client: CentraClient) -> None:
        self.client = client

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self.client.request(method, f"/_mock/{path}", **kwargs)
        assert response.status_code < 300, (response.status_code, response.text)
        return response.json()

    def reset(self) -> str:
        """Back to the starting state; the scenario it comes from."""
        return self._call("POST", "reset")["scenario"]

    def health(self) -> dict[str, Any]:
        return self._call("GET", "health")

    def sellable_items(
        self, store: int, country: str, min_free: int = 1, limit: int | None = None
    ) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"store": store, "country": country, "minFree": min_free}
        if limit is not None:
            params["limit"] = limit
        return self._call("GET", "sellable-items", params=params)["items"]

    def deliver_webhooks(self) -> int:
        """Send the webhooks due now; the number of attempts."""
        return self._call("POST", "webhooks/deliver")["attempts"]

    def deliveries(self, **filters: Any) -> list[dict[str, Any]]:
        """The webhook delivery log (`status=`, `subscription=`, `limit=`)."""
        return self._call("GET", "webhooks/deliveries", params=filters)["deliveries"]

    def snapshot(self, name: str) -> None:
        self._call("POST", "snapshots", json={"name": name})

    def restore(self, name: str) -> None:
        self._call("POST", f"snapshots/{name}/restore")

    def delete_snapshot(self, name: str) -> None:
        """Free a snapshot taken with `snapshot` (each one is a copy of the whole database)."""
        self._call("DELETE", f"snapshots/{name}")

    def load_scenario(self, name: str) -> None:
        self._call("POST", f"scenarios/{name}/load")

    def freeze(self, at: str | None = None) -> str:
        return self._call("POST", "clock", json={"freeze": at or True})["now"]

    def advance(self, seconds: float) -> str:
        return self._call("POST", "clock", json={"advanceSeconds": seconds})["now"]

    def unfreeze(self) -> None:
        self._call("POST", "clock", json={"unfreeze": True})

    def rate_limits(
        self, plan: str | None = None, quotas: dict[str, dict[str, int]] | None = None
    ) -> dict[str, Any]:
        """Switch the Integration API's rate limits (`plan="centra"`, `"off"`, ...) and/or
        override quotas, e.g. `quotas={"REQUEST_COUNT": {"TEN_SECONDS": 3}}`; every bucket
        starts full. `reset` returns to the server's configuration."""
        body: dict[str, Any] = {}
        if plan is not None:
            body["plan"] = plan
        if quotas is not None:
            body["quotas"] = quotas
        return self._call("POST", "rate-limits", json=body)

    def fault(self, path: str, **spec: Any) -> int:
        """Inject a route fault: `latencyMs`, `status`, `body`, `drop`, `times`, `method`..."""
        return self._call("POST", "faults", json={"path": path, **spec})["id"]

    def domain_fault(self, name: str, outcome: str | None) -> None:
        if outcome is None:
            self._call("DELETE", f"faults/domain/{name}")
        else:
            self._call("PUT", f"faults/domain/{name}", json={"outcome": outcome})

    def journal(self, **filters: Any) -> list[dict[str, Any]]:
        return self._call("GET", "journal", params=filters)["requests"]

    def timeline(self, order: int | str) -> list[dict[str, Any]]:
        """Everything that happened to an order (by number or id), oldest first."""
        return self._call("GET", f"orders/{order}/timeline")["timeline"]

    def diff(self, since: str | None = None) -> dict[str, Any]:
        """What changed per table since a snapshot (or the last reset): `{table: {...}}`."""
        return self._call("GET", "diff", params={"since": since} if since else {})["tables"]

    def invariants(self) -> list[dict[str, Any]]:
        """The domain's invariants the state breaks (`[]` when it keeps them all)."""
        return self._call("GET", "invariants")["violations"]
