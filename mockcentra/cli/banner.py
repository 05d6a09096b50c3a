"""What `serve` prints as it starts: where everything is, the tokens to send, and a warning
when others may reach an open control plane."""

from __future__ import annotations

import ipaddress
import sys
from typing import TextIO

from mockcentra import __version__
from mockcentra.settings import Settings


def display_host(host: str) -> str:
    """The host to show in URLs: loopback for a wildcard address, brackets around IPv6."""
    if host in ("0.0.0.0", "", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def loopback(host: str) -> bool:
    """Whether only this machine can reach `host`."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def exposure_warning(settings: Settings) -> str | None:
    """The warning printed at start when others may reach an open control plane: serving beyond
    loopback with /_mock on and no control token lets anyone reset the data, mint tokens with
    every permission and point webhooks anywhere."""
    if loopback(settings.host) or not settings.control or settings.control_token:
        return None
    return (
        f"Warning: serving on {settings.host} with an open control plane: anyone who can reach "
        "this port can reset the data, mint tokens with every permission and subscribe "
        "webhooks to any URL. Set MOCKCENTRA_CONTROL_TOKEN (--control-token) or "
        "MOCKCENTRA_CONTROL=off (--control off), or serve on 127.0.0.1."
    )


def banner(
    settings: Settings, port: int, scenario: str, out: TextIO, seed: int | None = None
) -> None:
    """What a person needs to start: where things are and which tokens to send.

    `seed` is the one the database was seeded with, when it differs from the settings'."""
    base = f"http://{display_host(settings.host)}:{port}"
    seeded = (
        f"scenario '{scenario}' (seed {settings.seed if seed is None else seed})"
        if scenario != "existing"
        else "existing data (kept as it was)"
    )
    lines = [
        f"mockcentra {__version__}: database {settings.db}, {seeded}",
        "",
        f"  GraphQL API  POST {base}/graphql",
        f"  GraphiQL     {base}/graphql  (open in a browser)",
        f"  Health       {base}/_mock/health",
        f"  Control      {base}/_mock/  (reset, snapshots, clock, tokens)",
        "",
        "  Integration API token  " + settings.integration_token,
        "  Admin token            " + settings.admin_token + "  (generateToken, revokeAccess)",
        "  Checkout API secret    " + settings.checkout_secret,
        "  Order API secret       " + settings.order_api_secret,
        "",
        f"  curl -s {base}/graphql -H 'Authorization: Bearer {settings.integration_token}' \\",
        "       -H 'Content-Type: application/json' -d '{\"query\": \"{ stores { id name } }\"}'",
        "",
        "Press Ctrl+C to stop.",
    ]
    print("\n".join(lines), file=out, flush=True)


def warn_if_exposed(settings: Settings) -> None:
    """Print `exposure_warning` on stderr when there is one."""
    warning = exposure_warning(settings)
    if warning:
        print(warning, file=sys.stderr, flush=True)


def seed_number(text: str | None) -> int | None:
    """The seed a database records it was seeded with, as a number (None when it has none)."""
    return int(text) if text and text.isdigit() else None
