"""Shared fixtures: building a course into a temporary folder, serving it over HTTP,
launching Debian's Chromium for pytest-playwright, and checking a file against the
committed JSON Schemas. Tests in every folder import them with `from conftest import ...`
(pytest puts this folder on the import path; test file names are unique across folders)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from hypothesis import settings as hypothesis_settings

# Property tests: no per-example time limit (two cores shared by browsers and builds made the
# default 200 ms deadline fail at random), and in CI the same examples on every run, so a
# failure there is reproducible.
hypothesis_settings.register_profile("coursegen", deadline=None, derandomize=bool(os.environ.get("CI")), print_blob=True)
hypothesis_settings.load_profile("coursegen")

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
        shutil.copytree(ROOT / "dialogues", dest / "dialogues")  # course.yml lists them (issue 23)
        for folder in ("scenarios", "figures", "handouts"):  # branching scenarios (issue 19), figures and handouts (issue 23)
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, dest / folder)
        shutil.copy(ROOT / "known-findings.yml", dest / "known-findings.yml")  # the course's known warnings (issue 16)
    return dest


def copy_whole_project(dest: Path) -> Path:
    """A copy of the whole project (brands and translations too) without what only the
    repository needs: its virtual environments, npm test tools, git data, tests and builds."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", ".venv-lrs", "node_modules", ".git", "site", "site-brands", "site-langs",
                                                              "tests", "docs", "bench", ".mypy_cache", ".ruff_cache", "*.egg-info"))
    return dest


def run_ok(project: Path, *args: str, timeout: int = 120) -> str:
    """`coursegen ARGS` in `project`, which must succeed; its stderr (what it says)."""
    result = coursegen(*args, cwd=project, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stderr


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


QUIZ_TEXT_COURSE = ROOT / "tests/fixtures/quiztext"


@pytest.fixture(scope="session")
def quiztext_url(tmp_path_factory):
    """Issue 15's course (typed answers, quiz text as Markdown, counts), built once and served."""
    yield from _serving(build_site(QUIZ_TEXT_COURSE, tmp_path_factory.mktemp("quiztext") / "site"))


# --- the committed JSON Schemas, as an editor applies them (tests/model, tests/cli) ------


def errors(value, schema: dict, root: dict, where: str = "") -> list[str]:
    """A small JSON Schema validator for the keywords pydantic emits (no extra
    dependency): what an editor's YAML language server would flag in a file."""
    if "$ref" in schema:
        return errors(value, root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root, where)
    found: list[str] = []
    if "anyOf" in schema or "oneOf" in schema:
        branches = [errors(value, b, root, where) for b in schema.get("anyOf", schema.get("oneOf"))]
        good = sum(not b for b in branches)
        return [] if (good >= 1 if "anyOf" in schema else good == 1) else [f"{where}: matches no allowed form"]
    kind = schema.get("type")
    checks = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    if kind == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        return [f"{where}: not a whole number"]
    if kind in checks and not isinstance(value, checks[kind]):
        return [f"{where}: not {kind}"]
    if "const" in schema and value != schema["const"] or "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: value not allowed")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            found.append(f"{where}: length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: pattern")
    in_range = schema.get("minimum", -10**9) <= value <= schema.get("maximum", 10**9) if isinstance(value, int) else True
    if isinstance(value, int) and not isinstance(value, bool) and not in_range:
        found.append(f"{where}: range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 10**9):
            found.append(f"{where}: item count")
        for i, item in enumerate(value):
            found += errors(item, schema.get("items", {}), root, f"{where}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        found += [f"{where}.{k}: required" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{where}.{k}: unknown field" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                found += errors(v, props[k], root, f"{where}.{k}")
    return found


def validate(path: Path, kind: str) -> list[str]:
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text())
    return errors(yaml.safe_load(path.read_text()), schema, schema)


NODE_MODULES = ROOT / "node_modules"
LRS_PYTHON = ROOT / ".venv-lrs/bin/python"


def node_tool(relative: str) -> Path:
    """A file of the npm test tools (package.json), e.g. ``"scorm-again/dist/scorm12.js"``.

    Raises AssertionError naming `make test-tools` when the tools are not installed, so that
    a test never passes by skipping what it exists to exercise.
    """
    path = NODE_MODULES / relative
    assert path.exists(), f"{path} is missing: run `make test-tools` (npm ci) first"
    return path


# --- typed answers (issue 15): the shared test vectors, for the Python rule and the runtime ------

TEXT_ANSWER_VECTORS = ROOT / "tests/fixtures/text-answer-vectors.json"


def text_answer_vectors() -> dict:
    """tests/fixtures/text-answer-vectors.json: `vectors` (input, answer, verdict, why, match)."""
    return json.loads(TEXT_ANSWER_VECTORS.read_text(encoding="utf-8"))


def generated_answers() -> list[str]:
    """The vector file's `generated` strings: seeded, so Python and the browser get the same ones.
    Each mixes characters of two to four groups of its alphabet (scripts, punctuation, spaces)."""
    import random

    spec = text_answer_vectors()["generated"]
    rand = random.Random(spec["seed"])
    out = []
    for _ in range(spec["count"]):
        pool = "".join(rand.sample(spec["alphabet"], rand.randint(2, 4)))
        out.append("".join(rand.choice(pool) for _ in range(rand.randint(1, spec["max_length"]))))
    return out


def answer_lms_quiz(site, right: list[bool]) -> None:
    """In a framed LMS package's site (a Playwright frame or page), answer each question of the
    page's quiz with its "Right" or "Wrong" option, checking or submitting as the quiz asks."""
    quiz = site.locator(".cq-quiz")
    for item, ok in zip(quiz.locator(".cq-item").all(), right, strict=True):
        item.locator(".cq-option", has_text="Right" if ok else "Wrong").locator("input").check()
        if item.locator(".cq-check").count():
            item.locator(".cq-check").click()
    if quiz.locator(".cq-submit").count():
        quiz.locator(".cq-submit").click()
    quiz.locator(".cq-result").wait_for()


class PrefixHandler(_QuietHandler):
    """Serves the folder under `prefix` only, as a host would serve a brand at its site_url
    (e.g. /training/<brand>/); anything outside it is a 404."""

    prefix = "/"

    def translate_path(self, path):
        inside = path.startswith(self.prefix)
        return super().translate_path("/" + path[len(self.prefix):] if inside else "/__outside_the_prefix__")


@pytest.fixture(scope="session")
def brand_sites(tmp_path_factory) -> dict[str, Path]:
    """Every shipped brand built once (`coursegen build --all-brands`): brand name -> its site."""
    out = tmp_path_factory.mktemp("brand-sites")
    result = coursegen("build", "--all-brands", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {folder.name: folder for folder in sorted(out.iterdir()) if (folder / "index.html").is_file()}

