"""The benchmark suite still runs end to end (quick mode); its numbers are not checked here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the whole benchmark suite in a subprocess

ROOT = Path(__file__).resolve().parents[2]
MEASURES = [
    "fixture ready",
    "per-test reset/restore",
    "attached to a running server",
    "full order lifecycle",
    "seed `large`: 50 products, 400 orders",
    "bare Starlette JSON",
    "GraphQL floor: the orders answer below from plain objects",
    "GraphQL orders(limit: 10) in-process (100 orders",
    "GraphQL orders(limit: 10) with lines and shipments (100 orders)",
    "GraphQL products(limit: 20)",
    "REST Order API GET orders?order=<number> (100 orders)",
    "GraphQL { stores { id name } }",
    "GraphQL orders(limit: 10) p50 at 400 vs 100 orders",
    "REST GET orders?order=<number> p50 at 400 vs 100 orders",
    "mixed load on a file database, 4 connections",
]


def test_run_all_quick_prints_one_table_with_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"

    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_all.py"), "--quick", "--write", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| measure | result | baseline (same run) | ratio | target | met |")
    body = rows[1:]
    assert len(body) == len(MEASURES)
    for line, measure in zip(body, MEASURES, strict=True):
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[0].startswith(measure), (cells[0], measure)
        assert re.search(r"\d", cells[1]), line  # every measure has a number
        assert cells[5] in ("", "yes", "**no**"), line
    written = out.read_text()
    assert written.startswith("# Benchmark results")
    assert f"Command: `python bench/run_all.py --quick --write {out}`" in written
    assert all(row in written for row in rows)
