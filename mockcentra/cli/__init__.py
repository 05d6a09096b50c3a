"""The `mockcentra` command: serve | seed | scenarios | export-schema.

Every flag overrides its MOCKCENTRA_<NAME> environment variable, which overrides the default.

One module per command group: serve, seed (and scenarios), schema (export-schema) and client
(reset, snapshot, restore, webhooks listen); common holds what they share.
"""

from __future__ import annotations

import argparse
import sys

from mockcentra import __version__
from mockcentra.cli.client import add_client_commands
from mockcentra.cli.common import CliError
from mockcentra.cli.schema import add_export_command
from mockcentra.cli.seed import add_seed_commands
from mockcentra.cli.serve import add_serve_command

DESCRIPTION = """\
mockcentra: a local, stateful stand-in for Centra's Integration API (GraphQL), REST APIs
and webhooks, on one port, backed by SQLite.

Settings come from flags, then MOCKCENTRA_* environment variables (MOCKCENTRA_DB,
MOCKCENTRA_SCENARIO, MOCKCENTRA_SEED, MOCKCENTRA_HOST, MOCKCENTRA_PORT, ...), then defaults.
"""


EPILOG = """\
examples:
  mockcentra serve                          # http://127.0.0.1:8080, ./mockcentra.db seeded with 'demo'
  mockcentra serve --db :memory: --port 0   # throw-away database on a free port
  mockcentra seed --scenario empty --db /tmp/empty.db --force
  mockcentra seed --scenario large --db /tmp/large.db --orders 10000   # bulk orders
  mockcentra scenarios
  mockcentra export-schema --check          # exit 1 when a file in schema/ is stale
"""


def build_parser() -> argparse.ArgumentParser:
    """The `mockcentra` parser: each command group adds its commands, in the order --help lists them."""
    parser = argparse.ArgumentParser(
        prog="mockcentra",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mockcentra {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=description,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    add_serve_command(add)
    add_seed_commands(add)
    add_export_command(add)
    add_client_commands(add)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `mockcentra` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        print("\nChoose a command, e.g. `mockcentra serve`.", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"mockcentra: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
