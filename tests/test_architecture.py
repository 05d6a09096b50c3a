"""The package's shape, checked: no import cycles, no module reaching for another's `_private`
names, and function-local imports only where start-up speed needs them. The layers themselves
are an import-linter contract in pyproject.toml (`lint-imports`, run by CI)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "mockcentra"

#: Files whose functions may import mockcentra modules, and why: each keeps a start-up light.
LAZY_IMPORTS = {
    "app.py": "a process starting from a cached scenario template loads no seeders",
    "control/inspection.py": "a process starting from a cached scenario template loads no seeders",
    "seeding/templates.py": "a process starting from a cached scenario template loads no seeders",
    "cli/common.py": "`mockcentra --help` and the client commands start without the seeders",
    "cli/seed.py": "`mockcentra --help` and the client commands start without the seeders",
    "cli/serve.py": "`mockcentra --help` and the client commands start without the app",
    "cli/workers.py": "`mockcentra --help` and the client commands start without the app",
    "cli/schema.py": "`mockcentra --help` and the client commands start without the schema",
    "testing/__init__.py": "pytest imports the plugin package in every run of a project",
    "testing/plugin.py": "pytest imports the plugin in every run of a project",
    "testing/client.py": "a session attached to a server needs no database or domain code",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(), str(p))) for p in sorted(PACKAGE.rglob("*.py"))]


def import_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(edges.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return groups


def test_the_cycle_finder_names_every_module_of_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}

    assert import_cycles(edges) == [["a", "b", "c"]]


def test_no_module_takes_part_in_an_import_cycle() -> None:
    # Imports under `if TYPE_CHECKING:` never run (GraphQL types naming each other lazily).
    graph = grimp.build_graph("mockcentra", cache_dir=None, exclude_type_checking_imports=True)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}

    assert import_cycles(edges) == []


def test_no_module_imports_another_modules_private_names() -> None:
    offences = []
    for path, tree in sources():
        here = module_name(path)
        modules: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mockcentra"):
                assert node.module is not None
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        if node.module != here:
                            offences.append(f"{here}: from {node.module} import {alias.name}")
                    target = PACKAGE.parent.joinpath(*f"{node.module}.{alias.name}".split("."))
                    if target.with_suffix(".py").exists() or target.is_dir():
                        modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                offences.append(f"{here}: {modules[node.value.id]}.{node.attr}")

    assert offences == []


def test_functions_import_mockcentra_modules_only_to_keep_a_start_up_light() -> None:
    offences = []
    for path, tree in sources():
        where = path.relative_to(PACKAGE).as_posix()
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                if any(n.startswith("mockcentra") for n in names) and where not in LAZY_IMPORTS:
                    offences.append(f"{where}:{node.lineno} imports {', '.join(names)}")

    assert offences == []


def test_the_type_check_skips_no_module() -> None:
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["mypy"]
    skipped = [
        m for o in config.get("overrides", []) if o.get("ignore_errors") for m in o["module"]
    ]
    assert skipped == []
    checked = config["files"]
    assert {"mockcentra/domain", "mockcentra/storage", "mockcentra/state"} <= set(checked)
    assert all(any(PACKAGE.parent.glob(path)) for path in checked)


def test_graphql_types_and_tables_are_annotated_with_objects_not_strings() -> None:
    """strawberry evaluates every string annotation of a type at import (parse, compile, eval:
    60-130 µs each, some 5,000 of them), and pydantic those of every table; real annotations
    come compiled in the .pyc. A name the module binds later, or only under TYPE_CHECKING, is
    quoted where it is used."""
    decorators = {"strawberry.type", "strawberry.input", "strawberry.interface"}
    offences = []
    for path, tree in sources():
        defines_types = any(
            isinstance(node, ast.ClassDef)
            and (
                any(
                    ast.unparse(d.func if isinstance(d, ast.Call) else d) in decorators
                    for d in node.decorator_list
                )
                or any(k.arg == "table" for k in node.keywords)
            )
            for node in ast.walk(tree)
        )
        postpones = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "__future__"
            and any(a.name == "annotations" for a in node.names)
            for node in tree.body
        )
        if defines_types and postpones:
            offences.append(path.relative_to(PACKAGE).as_posix())

    assert offences == []
