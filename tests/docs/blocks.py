"""The fenced code blocks of README.md and docs/*.md, and what each of them is.

A block is run by the suite (tests/docs/test_doc_blocks.py) unless an HTML comment directly
above its fence marks it `<!-- illustrative: why -->`. Other comments there set the stage:

- `<!-- scenario: NAME -->`: load that scenario first (`wholesale`, `fulfillment`, ...);
- `<!-- clock: 2030-05-01T12:00:00+00:00 -->`: freeze the mock clock there first;
- `<!-- request: METHOD /path -->`: a `json` block is the body of that request;
- `<!-- output: mockcentra serve -->`: the block is what the command prints (up to a `...`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)\s*$")
_MARKER = re.compile(r"^\s*<!--\s*(?P<key>[\w-]+)\s*(?::\s*(?P<value>.*?))?\s*-->\s*$")
#: An HTTP request line as the docs write one: `GET /api/order/orders?order=1`.
REQUEST_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/\S*)(?: HTTP/1\.1)?$")

SHELL = {"sh", "bash", "shell", "console"}
KNOWN_MARKERS = {"illustrative", "scenario", "clock", "request", "output"}


@dataclass
class Block:
    path: Path
    line: int  # of the opening fence, 1-based
    lang: str
    text: str
    markers: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def kind(self) -> str:
        """How the block runs: python, graphql, shell, http, request; or illustrative; or
        unknown (a block the suite cannot run and nobody marked)."""
        if "illustrative" in self.markers:
            return "illustrative"
        if self.lang == "python":
            return "python"
        if self.lang == "graphql":
            return "graphql"
        if self.lang in SHELL:
            return "shell"
        if self.lang == "json" and "request" in self.markers:
            return "request"
        if "output" in self.markers:
            return "output"
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        if self.lang in ("", "text", "http") and REQUEST_LINE.match(first):
            return "http"
        return "unknown"


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks_of(path: Path) -> list[Block]:
    lines = path.read_text().splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening or not opening.group("fence"):
            i += 1
            continue
        indent, fence = len(opening.group("indent")), opening.group("fence")
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != fence:
            line = lines[j]
            body.append(line[indent:] if not line[:indent].strip() else line.lstrip())
            j += 1
        markers: dict[str, str] = {}
        k = i - 1
        while k >= 0 and (marker := _MARKER.match(lines[k])):
            markers.setdefault(marker.group("key"), marker.group("value") or "")
            k -= 1
        found.append(Block(path, i + 1, opening.group("lang").lower(), "\n".join(body), markers))
        i = j + 1
    return found


def all_blocks() -> list[Block]:
    return [block for path in doc_files() for block in blocks_of(path)]


def graphql_operations(document: str) -> list[str]:
    """The top-level operations of a block, in order (a block may show several)."""
    operations: list[str] = []
    depth, start, in_string, in_comment = 0, 0, False, False
    for index, char in enumerate(document):
        if in_comment:
            in_comment = char != "\n"
        elif in_string:
            in_string = char != '"' or document[index - 1] == "\\"
        elif char == "#":
            in_comment = True
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                operations.append(document[start : index + 1].strip())
                start = index + 1
    rest = re.sub(r"#[^\n]*", "", document[start:]).strip()
    if rest:
        operations.append(rest)
    return operations
