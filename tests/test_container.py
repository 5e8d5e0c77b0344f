"""The container: what the Dockerfile and compose.yaml promise, the container's own command
started as a plain process (health answered, the healthcheck passes), the import service's
command, and, where a docker daemon answers, the image built and started for real."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser import free_port

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = (ROOT / "compose.yaml").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # where this environment's `streamlit` and `prestatie` are


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments left out."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    result = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            result.append((word.upper(), rest.strip()))
    return result


def env_of_image() -> dict[str, str]:
    found = {}
    for word, rest in instructions():
        if word == "ENV":
            for item in shlex.split(rest):
                key, _, value = item.partition("=")
                found[key] = value
    return found


def last(word: str) -> str:
    return [rest for w, rest in instructions() if w == word][-1]


def test_the_dockerfile_promises():
    assert re.fullmatch(r"python:3\.\d+-slim(-\w+)?", last("FROM"))
    assert re.search(r"apt-get install .*\bchromium\b", DOCKERFILE)
    assert last("USER") not in ("root", "0")
    assert json.loads(last("VOLUME")) == ["/data"]
    env = env_of_image()
    assert env["PRESTATIE_DB"].startswith("/data/")
    assert env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"
    assert env["BROWSER_PATH"] == "/usr/bin/chromium"
    assert "/_stcore/health" in last("HEALTHCHECK")


def _command(argv: list[str]) -> list[str]:
    """A container command with its program taken from this environment's bin folder."""
    program = BIN / argv[0]
    return [str(program if program.exists() else argv[0]), *argv[1:]]


def _healthy(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError(process.communicate()[1][-3000:]) from None
            time.sleep(0.3)


def test_the_containers_command_as_a_plain_process(demo_db):
    """CMD with the image's ENV (address and port changed for this machine), run in the
    repository as it is copied to /app: /_stcore/health answers and HEALTHCHECK passes."""
    port = free_port()
    env = {
        **os.environ,
        **env_of_image(),
        "PRESTATIE_DB": str(demo_db),
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
        "STREAMLIT_SERVER_PORT": str(port),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }
    if not Path(env["BROWSER_PATH"]).exists():
        env.pop("BROWSER_PATH")
    process = subprocess.Popen(
        _command(json.loads(last("CMD"))),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _healthy(f"http://127.0.0.1:{port}", process)
        check = last("HEALTHCHECK").split(" CMD ", 1)[1]
        assert subprocess.run(check, shell=True, env=env, timeout=30).returncode == 0
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_import_services_command_as_a_plain_process(tmp_path):
    """The compose import service's command, one round, on a folder of this machine."""
    [line] = [ln for ln in COMPOSE.splitlines() if ln.strip().startswith("command:")]
    argv = json.loads(line.split(":", 1)[1])
    assert argv[:3] == ["prestatie", "watch", "/data/invoer"]
    inbox = tmp_path / "invoer"
    inbox.mkdir()
    db = tmp_path / "p.duckdb"
    argv = [*argv[:2], str(inbox), *argv[3:], "--eenmaal", "--db", str(db), "--nieuw"]
    done = subprocess.run(_command(argv), capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert f"Map {inbox} wordt bewaakt" in done.stderr


def _docker_works() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def test_the_image_builds_and_answers_health(tmp_path):
    if not _docker_works():
        pytest.skip("geen docker-daemon hier (`docker info` faalt): image niet gebouwd")
    tag = "prestatie:test"
    build = subprocess.run(["docker", "build", "-t", tag, str(ROOT)], timeout=1800)
    assert build.returncode == 0
    port = free_port()
    name = f"prestatie-test-{port}"
    run = subprocess.run(
        ["docker", "run", "-d", "--rm", "--name", name, "-p", f"127.0.0.1:{port}:8501", tag],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    try:
        deadline = time.monotonic() + 180
        while True:
            state = subprocess.run(
                ["docker", "inspect", "-f", "{{.State.Health.Status}}", name],
                capture_output=True,
                text=True,
            ).stdout.strip()
            if state == "healthy" or time.monotonic() > deadline:
                break
            time.sleep(2)
        assert state == "healthy"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
            assert r.status == 200
    finally:
        subprocess.run(["docker", "stop", name], capture_output=True, timeout=60)
