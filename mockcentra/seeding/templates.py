"""Seeded scenarios kept as database images, in memory and in a cache folder on disk, so
loading one again is a copy of bytes, never a re-seed, and a fresh process (a new pytest-xdist
worker, the next test run) neither imports faker nor seeds."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from mockcentra import __version__
from mockcentra.runtime.clock import Clock
from mockcentra.seeding.files import scenario_dir
from mockcentra.settings import MEMORY
from mockcentra.storage.engine import Database
from mockcentra.storage.tables.base import Row

#: Where seeded templates are kept between processes; "off" keeps them in memory only.
CACHE_ENV = "MOCKCENTRA_TEMPLATE_CACHE"

_SQLITE_HEADER = b"SQLite format 3\x00"


def default_cache_dir() -> Path | None:
    """MOCKCENTRA_TEMPLATE_CACHE, else the user's cache folder (XDG_CACHE_HOME or ~/.cache)."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured.lower() in {"off", "0", "no", "false"}:
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mockcentra" / "templates"


@cache
def _code_fingerprint() -> str:
    """What shapes seeded data besides the key's own parts: the package's version and code
    (file sizes and modification times, so an edited checkout never reuses a stale image), the
    table definitions and the scenario files."""
    digest = hashlib.sha256(__version__.encode())
    for module in _module_stats(Path(__file__).resolve().parents[1]):
        digest.update(module.encode())
    for table in Row.metadata.sorted_tables:  # the schema fingerprint
        columns = ",".join(f"{c.name} {c.type!r} {c.nullable}" for c in table.columns)
        indexes = ",".join(sorted(str(i.name) for i in table.indexes))
        digest.update(f"{table.name}({columns})[{indexes}]".encode())
    folder = scenario_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def _module_stats(package: Path) -> list[str]:
    """`path:size:mtime` of each of the package's modules, sorted. os.scandir, not Path.rglob:
    the fingerprint is worked out on every process's start, and rglob took about 15 ms of it."""
    stats = []
    folders = [""]  # relative to the package
    while folders:
        folder = folders.pop()
        with os.scandir(package / folder) as entries:
            for entry in entries:
                relative = os.path.join(folder, entry.name)
                if entry.is_dir():
                    folders.append(relative)
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    stats.append(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}")
    return sorted(stats)


class ScenarioTemplates:
    """Scenario databases seeded on first use, keyed by everything that shapes them.

    A template depends on the scenario, the seed and the store's time zone only: seed data is
    dated, not stamped, and orders are placed on a seeding clock of their own (see
    mockcentra/seeding/orders.py), so the live clock never reaches it. The runtime that loads
    scenarios owns its templates; the pytest plugin shares one set across a session's apps.
    `cache_dir` (default: `default_cache_dir()`) keeps them across processes; None turns that
    off.
    """

    def __init__(self, cache_dir: Path | None | str = "default") -> None:
        self.cache_dir = default_cache_dir() if cache_dir == "default" else cache_dir
        self._templates: dict[tuple[str, int, str], bytes] = {}

    def template(
        self,
        name: str,
        seed: int,
        timezone: str,
        progress: Callable[[int, int], None] | None = None,
    ) -> bytes:
        """The scenario's seeded database image (what `Database.load` takes); `progress` hears
        the orders seeded so far when the scenario has to be seeded."""
        key = (name, seed, timezone)
        if key not in self._templates:
            self._templates[key] = self._cached(name, seed, timezone, progress)
        return self._templates[key]

    def _path(self, name: str, seed: int, timezone: str) -> Path | None:
        if self.cache_dir is None:
            return None
        zone = hashlib.sha256(timezone.encode()).hexdigest()[:8]
        return Path(self.cache_dir) / f"{name}-{seed}-{zone}-{_code_fingerprint()}.sqlite"

    def _cached(
        self, name: str, seed: int, timezone: str, progress: Callable[[int, int], None] | None
    ) -> bytes:
        path = self._path(name, seed, timezone)
        if path is not None:
            try:
                image = path.read_bytes()
                if image.startswith(_SQLITE_HEADER):
                    return image
            except OSError:
                pass
        image = _seed(name, seed, timezone, progress)
        if path is not None:
            _store(path, image)
        return image


def _store(path: Path, image: bytes) -> None:
    """Write atomically (parallel workers may seed the same template), then drop the images
    of the same scenario made by other code; a read-only or full disk only loses the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".seeding-")
        with os.fdopen(fd, "wb") as out:
            out.write(image)
        os.replace(tmp, path)
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for other in path.parent.glob(f"{prefix}*.sqlite"):
            if other != path:
                other.unlink(missing_ok=True)
    except OSError:
        pass


def _seed(
    name: str, seed: int, timezone: str, progress: Callable[[int, int], None] | None = None
) -> bytes:
    from mockcentra.seeding.scenarios import seed_scenario  # only when no template is cached

    scratch = Database(MEMORY)
    try:
        scratch.create_all()
        seed_scenario(scratch, Clock(timezone), name, seed, progress)
        return scratch.image()
    finally:
        scratch.dispose()


def connect(image: bytes) -> sqlite3.Connection:
    """An in-memory connection holding a template image (to back it up into a file)."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.deserialize(image)
    return conn
