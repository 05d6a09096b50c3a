"""The public surface of `mockcentra.testing`, read from the code, as docs/testing-reference.md
must list it: fixtures, markers, command-line options, and every public method, property and
attribute of the objects the fixtures give (each with its parameters)."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import textwrap
from typing import Any

from mockcentra.testing import client, factories, plugin

#: How the reference page names each object: `centra.graphql(...)`, `result.ok(...)`, ...
OBJECTS: dict[str, type] = {
    "centra": client.CentraClient,
    "centra.control": client.ControlClient,
    "result": client.GraphQLResponse,
    "centra_factories": factories.Factories,
    "item": factories.Item,
    "order": factories.PlacedOrder,
    "centra_server": plugin.LiveServer,
    "centra_webhooks": plugin.WebhookLog,
}


def _default(value: Any) -> str:
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    return "..."  # a sentinel such as the client's own token


def parameters(function: Any) -> str:
    """`(query, variables=None, *, token=..., operation_name=None)`: names and simple defaults."""
    parts: list[str] = []
    star_written = False
    for name, param in inspect.signature(function).parameters.items():
        if name == "self":
            continue
        if param.kind is param.VAR_POSITIONAL:
            parts.append(f"*{name}")
            star_written = True
            continue
        if param.kind is param.VAR_KEYWORD:
            parts.append(f"**{name}")
            continue
        if param.kind is param.KEYWORD_ONLY and not star_written:
            parts.append("*")
            star_written = True
        default = "" if param.default is param.empty else f"={_default(param.default)}"
        parts.append(f"{name}{default}")
    return f"({', '.join(parts)})"


def _init_attributes(cls: type) -> list[str]:
    """Public attributes an `__init__` sets (`self.url = ...`, `self.url: str = ...`)."""
    init = cls.__dict__.get("__init__")
    if init is None or dataclasses.is_dataclass(cls):
        return []
    tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            targets = []
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and not target.attr.startswith("_")
            ):
                names.append(target.attr)
    return names


def members(prefix: str, cls: type) -> set[str]:
    """`prefix.name(params)` for methods, `prefix.name` for properties and attributes."""
    found: set[str] = set()
    if dataclasses.is_dataclass(cls):
        found |= {f"{prefix}.{f.name}" for f in dataclasses.fields(cls)}
    found |= {f"{prefix}.{name}" for name in _init_attributes(cls)}
    for name, value in cls.__dict__.items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            found.add(f"{prefix}.{name}")
        elif inspect.isfunction(value):
            found.add(f"{prefix}.{name}{parameters(value)}")
        elif not callable(value) and not dataclasses.is_dataclass(cls):
            found.add(f"{prefix}.{name}")  # a class constant such as SECRET
    return found


def fixtures() -> set[str]:
    """The plugin's public fixtures, by name."""
    tree = ast.parse(inspect.getsource(plugin))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            if any("fixture" in ast.unparse(d) for d in node.decorator_list):
                names.add(node.name)
    return names


class _Collect:
    """Stands in for pytest's config and parser to see what the plugin registers."""

    def __init__(self) -> None:
        self.markers: list[str] = []
        self.options: list[str] = []
        self.ini: list[str] = []

    def addinivalue_line(self, name: str, line: str) -> None:
        if name == "markers":
            self.markers.append(line.split(":", 1)[0].strip())

    def getgroup(self, *_: Any, **__: Any) -> _Collect:
        return self

    def addoption(self, *names: str, **_: Any) -> None:
        self.options.extend(n for n in names if n.startswith("--"))

    def addini(self, name: str, *_: Any, **__: Any) -> None:
        self.ini.append(name)

    def __getattr__(self, name: str) -> Any:  # anything else the hooks touch
        return lambda *a, **k: None


def markers_and_options() -> tuple[set[str], set[str]]:
    collected = _Collect()
    if hasattr(plugin, "pytest_addoption"):
        plugin.pytest_addoption(collected)  # type: ignore[arg-type]
    configure = getattr(plugin, "pytest_configure", None)
    if configure is not None:
        try:
            configure(collected)  # type: ignore[arg-type]
        except Exception:  # a hook that needs a real config registers markers first
            pass
    return {f"@pytest.mark.{m}" for m in collected.markers}, set(collected.options)


def public_api() -> set[str]:
    marks, options = markers_and_options()
    found = fixtures() | marks | options
    for prefix, cls in OBJECTS.items():
        found |= members(prefix, cls)
    found.add(f"CentraClient{parameters(client.CentraClient.__init__)}")
    found.add(f"default_method{parameters(client.default_method)}")
    return found
