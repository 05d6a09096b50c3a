"""A pytest mark on a helper does nothing: the tests calling it run unmarked (a `slow` mark on
a helper that starts a server kept two server tests in the inner loop)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _marked_helpers(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        marked = any("pytest.mark." in ast.unparse(d) for d in node.decorator_list)
        fixture = any("fixture" in ast.unparse(d) for d in node.decorator_list)
        if marked and not fixture and not node.name.startswith("test"):
            found.append(f"{path.relative_to(TESTS)}:{node.lineno} {node.name}")
    return found


def test_marks_are_on_tests_not_on_helpers() -> None:
    helpers = [h for path in sorted(TESTS.rglob("*.py")) for h in _marked_helpers(path)]

    assert helpers == []
