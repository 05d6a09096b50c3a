"""docs/architecture.md names files and the functions in them; when code moves, the page must
follow. Every module it names exists, every module named beside a function or class defines
it, and every module a row of the domain's areas names lives in one of that row's areas."""

from __future__ import annotations

import re
from pathlib import Path

from tests.docs.blocks import ROOT

PAGE = ROOT / "docs" / "architecture.md"
PACKAGE = ROOT / "mockcentra"
#: A module path in backticks: `rest/errors.py`, `domain/ordering/actions.py`.
_PATH = re.compile(r"`((?:[a-z_]+/)+[a-z_]+\.py)`")
#: A module followed by what it defines: "`rest/transaction.py` (`run`" or ", `events_hook`".
_NAMED = re.compile(r"`((?:[a-z_]+/)+[a-z_]+\.py)`(?: \(|, )`([A-Za-z_][\w.]*)`")
#: A row of the domain's areas: "| 4 | `shipments` | ... (`actions.py`) ... |".
_AREA_ROW = re.compile(r"^\| \d+ \| (?P<areas>[^|]+) \| (?P<text>[^|]+) \|$")


def _module(path: str) -> Path:
    """The page names modules from the package's root, and the repository's own by full path."""
    return ROOT / path if path.startswith(("mockcentra/", "tests/")) else PACKAGE / path


def _defines(path: Path, dotted: str) -> bool:
    """Whether the module defines the last part of `dotted` (a function, class or constant)."""
    name = dotted.rsplit(".", 1)[-1]
    return (
        re.search(rf"^\s*(?:async def|def|class) {name}\b|^{name}\b\s*[:=]", path.read_text(), re.M)
        is not None
    )


def test_every_module_the_page_names_exists() -> None:
    named = set(_PATH.findall(PAGE.read_text()))
    missing = sorted(p for p in named if not _module(p).is_file())

    assert named
    assert missing == [], "docs/architecture.md names modules that are gone"


def test_every_function_or_class_the_page_places_in_a_module_is_there() -> None:
    pairs = [
        (path, name)
        for path, name in _NAMED.findall(PAGE.read_text())
        if not re.fullmatch(r"[a-z]+[A-Z]\w*", name)  # a wire name (`userErrors`), not code
    ]
    misplaced = [
        (p, n) for p, n in pairs if not _module(p).is_file() or not _defines(_module(p), n)
    ]

    assert len(pairs) > 10
    assert misplaced == [], "docs/architecture.md places these where they are not defined"


def test_every_module_of_an_area_row_lives_in_that_rows_areas() -> None:
    rows = [m for line in PAGE.read_text().splitlines() if (m := _AREA_ROW.match(line))]
    missing = []
    for row in rows:
        areas = re.findall(r"`([a-z_]+)`", row["areas"])
        for module in re.findall(r"`([a-z_]+\.py)`", row["text"]):
            if not any((PACKAGE / "domain" / area / module).is_file() for area in areas):
                missing.append((areas, module))

    assert len(rows) == 9
    assert missing == [], "the domain's areas table names modules its areas do not have"
