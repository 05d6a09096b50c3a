"""What any value from the wire must be before the server works with it: the one JSON reader of
every surface (GraphQL, both REST APIs, the control plane) and the bounds it enforces.

A body that Python's `json` can read may still be unusable further in: integers past SQLite's
64 bits fail in the database, a lone UTF-16 surrogate (`"\\ud800"`) is no text and fails when
it is encoded, `NaN` and `Infinity` are no JSON numbers, and a body nested thousands of levels
deep exhausts the recursion limit wherever it is walked. Each is refused here, with the path of
the value, so every surface can answer it in its own error shape before any other code runs.
"""

from __future__ import annotations

import json
import math
from typing import Any

#: SQLite's integers: the range every id, quantity and count must fit.
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
#: How deep a body may nest objects and arrays. No request of any API needs more than a few
#: levels; this is far below Python's recursion limit, so nothing that walks a body can fail.
MAX_DEPTH = 64
#: The refusal of a body that is not JSON at all (each surface has its own words for it).
NOT_JSON = "request body is not valid JSON"


class UnreadableInput(ValueError):
    """A value no API can take; `path` names it (keys and list indexes from the body's root)."""

    def __init__(self, message: str, path: list[str | int] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path or []


def where(path: list[str | int]) -> str:
    """`address.firstName`, `products[0].qty`, or `body` for the root."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def _no_constant(name: str) -> Any:
    raise UnreadableInput(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise UnreadableInput(f"the number {text[:40]} is too large")
    return value


def has_surrogate(text: str) -> bool:
    """True when `text` holds a lone UTF-16 surrogate, which UTF-8 cannot encode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown(text: str) -> str:
    """`text` as a refusal may repeat it: a lone surrogate written as its escape (`\\ud800`),
    since a reply can only carry text."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def check_text(value: str, path: list[str | int]) -> str:
    """`value`, or UnreadableInput when it cannot be encoded as UTF-8 text."""
    if has_surrogate(value):
        raise UnreadableInput(
            f"{where(path)} contains a lone UTF-16 surrogate, which is not text", path
        )
    return value


def check_int(value: int, path: list[str | int]) -> int:
    """`value`, or UnreadableInput when it is beyond SQLite's 64-bit integers."""
    if not INT64_MIN <= value <= INT64_MAX:
        raise UnreadableInput(f"{where(path)} is out of range: integers must fit in 64 bits", path)
    return value


def check_value(data: Any) -> Any:
    """`data` (parsed JSON) when every integer, text and key in it is usable and it nests at
    most MAX_DEPTH levels; walked without recursion, so any depth is answered."""
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            check_text(value, path)
        elif isinstance(value, bool) or value is None or isinstance(value, float):
            continue
        elif isinstance(value, int):
            check_int(value, path)
        elif isinstance(value, dict | list):
            if len(path) >= MAX_DEPTH:
                raise UnreadableInput(f"the body is nested deeper than {MAX_DEPTH} levels", path)
            if isinstance(value, dict):
                for key, item in value.items():
                    check_text(key, [*path, shown(key)])
                    stack.append((item, [*path, key]))
            else:
                stack.extend((item, [*path, i]) for i, item in enumerate(value))
    return data


def read_json(raw: bytes) -> Any:
    """The JSON value of a request body, checked by `check_value` (a blank body is the
    caller's to read: each surface has its own meaning for it).

    Raises UnreadableInput: not UTF-8, not JSON (`NaN`, `Infinity` and numbers beyond a
    float's range included), nested too deep, or holding an unusable integer or text."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableInput("request body is not valid UTF-8") from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        raise UnreadableInput(f"the body is nested deeper than {MAX_DEPTH} levels") from None
    except UnreadableInput:
        raise
    except ValueError:
        raise UnreadableInput(NOT_JSON) from None
    return check_value(data)
