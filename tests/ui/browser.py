"""Headless Chromium for the console's browser tests: Debian's `chromium` driven by Playwright.

Playwright never downloads a browser here: it starts the system's /usr/bin/chromium (or
MOCKCENTRA_CHROMIUM). Without one the tests are skipped on a developer's machine and fail
under CI (`CI=true`), where `.ci/run` installs it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(why: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run under CI: {why}", pytrace=False)
    pytest.skip(why)


def chromium_path() -> str:
    path = os.environ.get("MOCKCENTRA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        _missing(f"no Chromium at {path} (apt-get install chromium)")
    return path


def browser_context() -> Iterator:
    """A fresh persistent context (its own --user-data-dir) on the system Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install '.[test]')")
    executable = chromium_path()
    profile = tempfile.mkdtemp(prefix="mockcentra-chromium-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=FLAGS,
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(15_000)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
