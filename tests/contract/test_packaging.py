"""Dockerfile, docker-compose.yml and pyproject agree, as far as can be checked without Docker."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from mockcentra.settings import Settings
from mockcentra.testing import CentraClient

ROOT = Path(__file__).resolve().parents[2]


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per Dockerfile instruction, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text()
    logical: list[str] = []
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        logical.append(current + stripped)
        current = ""
    result = []
    for entry in logical:
        keyword, _, rest = entry.partition(" ")
        result.append((keyword.upper(), rest.strip()))
    return result


def _one(keyword: str) -> str:
    found = [args for kw, args in _instructions() if kw == keyword]
    assert len(found) == 1, f"expected one {keyword} in the Dockerfile, found {len(found)}"
    return found[0]


def _env() -> dict[str, str]:
    env: dict[str, str] = {}
    for kw, args in _instructions():
        if kw == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def _healthcheck_command() -> list[str]:
    args = _one("HEALTHCHECK")
    return json.loads(args[args.index("CMD ") + 4 :])


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _service() -> dict:
    return _compose()["services"]["mockcentra"]


def _exposed_port() -> int:
    return int(_one("EXPOSE").split("/")[0])


def test_base_image_is_python_slim() -> None:
    assert _one("FROM") == "python:3.12-slim"


def test_every_copy_source_exists_and_is_not_dockerignored() -> None:
    ignored = [
        p.strip()
        for p in (ROOT / ".dockerignore").read_text().splitlines()
        if p.strip() and not p.startswith("#")
    ]
    sources = []
    for kw, args in _instructions():
        if kw == "COPY":
            parts = [p for p in shlex.split(args) if not p.startswith("--")]
            sources.extend(parts[:-1])

    assert sources, "the Dockerfile copies nothing"
    for source in sources:
        assert (ROOT / source).exists(), f"COPY source {source} does not exist"
        assert not any(fnmatch.fnmatch(source, pattern) for pattern in ignored), source


def test_the_image_copies_what_the_build_needs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    copied = " ".join(args for kw, args in _instructions() if kw == "COPY")
    needed = [project["project"]["readme"], "pyproject.toml", "mockcentra"]
    needed += list(project["tool"]["hatch"]["build"]["targets"]["wheel"].get("force-include", {}))

    for path in needed:
        assert re.search(rf"(^|\s){re.escape(path)}(\s|$)", copied), f"{path} is not copied"
    assert any("pip install --no-cache-dir ." in a for k, a in _instructions() if k == "RUN")


def test_cmd_runs_a_declared_console_script_on_the_exposed_port() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    cmd = json.loads(_one("CMD"))

    assert cmd[0] in scripts
    assert cmd[1] == "serve"
    assert int(cmd[cmd.index("--port") + 1]) == _exposed_port()
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"


def test_the_user_is_created_before_copy_and_is_not_root() -> None:
    keywords = [kw for kw, _ in _instructions()]
    runs = [args for kw, args in _instructions() if kw == "RUN"]
    user = _one("USER")
    created = re.search(r"useradd\b.*\s(\S+)$", runs[0].split("&&")[1].strip())

    assert created and created.group(1) == user
    assert user not in ("root", "0")
    assert keywords.index("RUN") < keywords.index("COPY")
    assert keywords.index("USER") < keywords.index("CMD")


def test_env_variables_are_real_settings() -> None:
    known = {f"MOCKCENTRA_{f.name.upper()}" for f in fields(Settings)}
    dockerfile = {k for k in _env() if k.startswith("MOCKCENTRA_")}
    compose = {k for k in _service().get("environment", {}) if k.startswith("MOCKCENTRA_")}

    assert dockerfile <= known, dockerfile - known
    assert compose <= known, compose - known
    assert Settings.from_env(_env()).host == "0.0.0.0"


def test_database_lives_on_the_volume() -> None:
    volume = json.loads(_one("VOLUME")) if _one("VOLUME").startswith("[") else [_one("VOLUME")]
    db = Path(_env()["MOCKCENTRA_DB"])

    assert volume == ["/data"]
    assert db.parent == Path("/data")
    assert "chown mockcentra:mockcentra /data" in " ".join(a for k, a in _instructions())


def test_compose_matches_the_dockerfile() -> None:
    service = _service()
    host_port, _, container_port = service["ports"][0].rpartition(":")
    volume_name, _, target = service["volumes"][0].partition(":")

    assert service["build"] == "."
    assert int(container_port) == _exposed_port() and host_port == "8080"
    assert target == "/data"
    assert volume_name in _compose()["volumes"]  # a named volume, not a bind mount
    assert service["healthcheck"]["test"] == ["CMD", *_healthcheck_command()]
    options = dict(re.findall(r"--([a-z-]+)=(\S+)", _one("HEALTHCHECK")))
    for key in ("interval", "timeout", "retries", "start_period"):
        assert str(service["healthcheck"][key]) == options[key.replace("_", "-")], key


def test_healthcheck_url_is_a_route_answering_200(centra: CentraClient) -> None:
    command = _healthcheck_command()
    url = re.search(r"'(http://[^']+)'", command[-1])
    assert command[:2] == ["python", "-c"] and url
    match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)(/\S*)", url.group(1))
    assert match, url.group(1)

    assert int(match.group(1)) == _exposed_port()
    response = centra.get(match.group(2))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize("name", ["Dockerfile", ".dockerignore", "docker-compose.yml"])
def test_container_files_exist(name: str) -> None:
    assert (ROOT / name).is_file()
