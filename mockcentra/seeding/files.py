"""Scenario files (fixtures/scenarios/*.yaml): a catalogue to start from and orders to build.

description: Orders in every status, for fulfilment integrations.
catalog: demo            # empty | demo
orders:
  - {state: pending, count: 4}
  - {state: partially_shipped, count: 2, lines: 2, quantity: 2}
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

#: libyaml's loader when PyYAML was built with it: the same values, parsed about 7x faster
#: (the scenario files are read at import, on every process's start)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def scenario_dir() -> Path:
    """The installed copy (mockcentra/_fixtures) or the source tree's fixtures/ folder."""
    packaged = resources.files("mockcentra").joinpath("_fixtures", "scenarios")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "fixtures" / "scenarios"


@cache
def scenario_files() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    folder = scenario_dir()
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.load(path.read_text(), Loader=_LOADER) or {}
        if not isinstance(data, dict) or "description" not in data:
            raise ValueError(f"{path}: a scenario file needs at least a 'description'.")
        found[path.stem] = data
    return found
