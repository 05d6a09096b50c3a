"""`mockcentra export-schema`: write (or check) the Integration API SDL and the REST APIs'
OpenAPI documents committed in schema/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mockcentra.cli.common import AddCommand

# Each command imports what it runs inside its function (the app, uvicorn, the seeders, the
# schema): `mockcentra --help`, `reset` or `webhooks listen` start without them (startup speed).


DEFAULT_SCHEMA_PATH = "schema/integration-api.graphql"
DEFAULT_OPENAPI_PATH = "schema/order-api.openapi.json"
DEFAULT_CHECKOUT_OPENAPI_PATH = "schema/checkout-api.openapi.json"


def cmd_export_schema(args: argparse.Namespace) -> int:
    """Write (or with --check, compare) the Integration API SDL and the Order API OpenAPI."""
    from mockcentra.graphql.schema import print_sdl
    from mockcentra.rest.checkout_openapi import checkout_api_openapi_text
    from mockcentra.rest.order_openapi import order_api_openapi_text

    sdl = print_sdl()
    if args.out == "-":
        sys.stdout.write(sdl)
        return 0
    documents = [
        (Path(args.out), sdl),
        (Path(args.openapi), order_api_openapi_text()),
        (Path(args.checkout_openapi), checkout_api_openapi_text()),
    ]
    if args.check:
        stale = [out for out, text in documents if not _file_holds(out, text)]
        for out in stale:
            state = "stale: it differs from the live schema" if out.is_file() else "missing"
            print(
                f"{out} is {state}. Run `mockcentra export-schema` and commit the result.",
                file=sys.stderr,
            )
        if not stale:
            print(", ".join(str(out) for out, _ in documents) + " are up to date.")
        return 1 if stale else 0
    for out, text in documents:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text)
        print(f"Wrote {out} ({text.count(chr(10))} lines).")
    return 0


def _file_holds(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text() == text


def add_export_command(add: AddCommand) -> None:
    """`export-schema` and where it writes."""
    export = add(
        "export-schema",
        "write the Integration API SDL and the REST APIs' OpenAPI documents",
        "Write the GraphQL schema mockcentra serves as SDL, and the OpenAPI documents of the "
        "REST Order API and Checkout API, to files (or the SDL to stdout).",
    )
    export.add_argument(
        "--out",
        default=DEFAULT_SCHEMA_PATH,
        metavar="PATH",
        help=f"file to write, '-' for stdout (default {DEFAULT_SCHEMA_PATH})",
    )
    export.add_argument(
        "--openapi",
        default=DEFAULT_OPENAPI_PATH,
        metavar="PATH",
        help=f"Order API OpenAPI file to write (default {DEFAULT_OPENAPI_PATH})",
    )
    export.add_argument(
        "--checkout-openapi",
        default=DEFAULT_CHECKOUT_OPENAPI_PATH,
        metavar="PATH",
        help=f"Checkout API OpenAPI file to write (default {DEFAULT_CHECKOUT_OPENAPI_PATH})",
    )
    export.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the file differs from the live schema",
    )
    export.set_defaults(func=cmd_export_schema)
