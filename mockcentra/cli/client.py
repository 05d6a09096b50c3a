"""Commands that talk to a running server: reset, snapshot, restore and `webhooks listen`."""

from __future__ import annotations

import argparse

from mockcentra.cli.common import AddCommand, CliError
from mockcentra.settings import Settings
from mockcentra.webhooks.cli import add_webhooks_command, listen

# httpx is imported by the call that needs it (start-up speed).


def server_url(args: argparse.Namespace) -> str:
    if args.url:
        return args.url.rstrip("/")
    settings = Settings.from_env()
    return f"http://{settings.host}:{settings.port}"


def cmd_listen(args: argparse.Namespace) -> int:
    """`mockcentra webhooks listen` (see mockcentra/webhooks/cli.py)."""
    listen(
        server_url(args),
        args.forward_to,
        host=args.host,
        port=args.port,
        version=args.webhook_version,
        events=[e.strip() for e in args.events.split(",") if e.strip()] if args.events else None,
        secret=args.secret,
        max_events=args.max_events,
        print_json=args.json,
        fail=CliError,
        control_token=Settings.from_env().control_token,
    )
    return 0


def _control(args: argparse.Namespace, method: str, path: str, body: dict | None = None) -> dict:
    """Call a running server's control plane; errors say what to do."""
    import httpx

    url = server_url(args)
    headers = {}
    token = Settings.from_env().control_token
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        response = httpx.request(
            method, f"{url}/_mock/{path}", json=body, headers=headers, timeout=30
        )
    except httpx.HTTPError as exc:
        raise CliError(
            f"cannot reach a mockcentra server at {url} ({exc.__class__.__name__}). Start one "
            "with `mockcentra serve`, or pass --url."
        ) from None
    data = response.json() if response.content else {}
    if response.status_code >= 300:
        raise CliError(
            f"{url}/_mock/{path} answered {response.status_code}: {data.get('error', data)}"
        )
    return data


def cmd_reset(args: argparse.Namespace) -> int:
    data = _control(args, "POST", "reset")
    print(f"Reset to the '{data.get('scenario')}' scenario.")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    if args.name is None:
        names = _control(args, "GET", "snapshots")["snapshots"]
        print("\n".join(names) if names else "No snapshots yet.")
        return 0
    _control(args, "POST", "snapshots", {"name": args.name})
    print(f"Saved snapshot '{args.name}'. Restore it with `mockcentra restore {args.name}`.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _control(args, "POST", f"snapshots/{args.name}/restore")
    print(f"Restored snapshot '{args.name}'.")
    return 0


def add_url_flag(p: argparse.ArgumentParser) -> None:
    """--url, the running server a client command talks to."""
    p.add_argument(
        "--url",
        metavar="URL",
        help="the running server (default http://MOCKCENTRA_HOST:MOCKCENTRA_PORT)",
    )


def add_client_commands(add: AddCommand) -> None:
    """`reset`, `snapshot`, `restore` and `webhooks listen`."""
    reset = add("reset", "reset a running server", "Put a running server back to its scenario.")
    add_url_flag(reset)
    reset.set_defaults(func=cmd_reset)
    snapshot = add(
        "snapshot",
        "save (or list) snapshots of a running server",
        "Save the running server's whole state under NAME; without NAME, list the snapshots.",
    )
    snapshot.add_argument("name", nargs="?", help="snapshot name")
    add_url_flag(snapshot)
    snapshot.set_defaults(func=cmd_snapshot)
    restore = add("restore", "restore a snapshot on a running server", "Restore snapshot NAME.")
    restore.add_argument("name", help="snapshot name")
    add_url_flag(restore)
    restore.set_defaults(func=cmd_restore)
    add_webhooks_command(add, cmd_listen)
