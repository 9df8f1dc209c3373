"""Shared fixtures: building a course into a temporary folder, serving it over HTTP,
and launching Debian's Chromium for pytest-playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def coursegen(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real command line, as a trainer would."""
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def copy_project(dest: Path, *, with_content: bool = True) -> Path:
    """A copy of the project's site config (and, by default, its course) to break at will."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if with_content:
        shutil.copytree(ROOT / "course", dest / "course")
        shutil.copytree(ROOT / "quizzes", dest / "quizzes")
    return dest


def build_site(project: Path, out: Path, *extra: str) -> Path:
    result = coursegen("build", "--out", str(out), *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@functools.cache
def _handler(directory: str):
    return functools.partial(_QuietHandler, directory=directory)


def serve_folder(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled course, built once per test session by the real command line."""
    return build_site(ROOT, tmp_path_factory.mktemp("site") / "site")


def _serving(folder: Path):
    """A fixture body: the folder served over HTTP for as long as the fixture lives."""
    server, url = serve_folder(folder)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site):
    yield from _serving(built_site)


QUIZ_COURSE = ROOT / "tests/fixtures/quizcourse"


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory) -> Path:
    """The quiz test course (every type, both modes, shuffle, hints, draw, attempts), built once."""
    return build_site(QUIZ_COURSE, tmp_path_factory.mktemp("quizsite") / "site")


@pytest.fixture(scope="session")
def quiz_url(quiz_site):
    yield from _serving(quiz_site)
