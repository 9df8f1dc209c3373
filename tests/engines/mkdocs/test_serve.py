"""Live preview: `coursegen serve` on a free local port with a copied project. A good
save shows up; a broken save keeps the last good site up (HTTP 200, the error in a
banner and in the terminal); fixing it shows the new content. `mkdocs build` still
fails on the same error."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script (see measure): the shared helpers are in tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from conftest import copy_project  # noqa: E402

LESSON = "course/lessons/welcome.yml"
BANNER = 'class="cq-build-error"'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):  # socket.timeout is TimeoutError
        return 0, ""


def wait_for(url: str, ok, timeout: float = 60) -> tuple[float, str]:
    """Poll until ok(status, body); return the seconds it took and the body."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        status, body = get(url)
        if ok(status, body):
            return time.monotonic() - start, body
        time.sleep(0.05)
    raise AssertionError(f"{url}: not as expected after {timeout} s (last status {status})")


@contextlib.contextmanager
def serving(project: Path, ready: str = "/lessons/welcome/", *extra: str):
    """`coursegen serve [extra]` on a free port in `project`; yields the URL and its log file."""
    port = free_port()
    log = (project.parent / "serve.log").open("w+")
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}", *extra],
                            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + ready, lambda s, b: s == 200, timeout=90)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("serve") / "p")
    with serving(project) as (url, log):
        yield project, url, log


def save(project: Path, text: str) -> None:
    (project / LESSON).write_text(text, encoding="utf-8")


def test_broken_save_keeps_serving_then_fixed_save_updates(server):
    project, url, log = server
    page = url + "/lessons/welcome/"
    original = (project / LESSON).read_text()
    good = original.replace('title: "Welcome to the course"', 'title: "Welcome, first edit"')
    save(project, good)
    seconds, _ = wait_for(page, lambda s, b: s == 200 and "Welcome, first edit" in b)
    print(f"\na good save showed after {seconds:.2f} s")

    save(project, good.replace("minutes: 3", "minutes: lots"))
    _, body = wait_for(page, lambda s, b: s == 200 and BANNER in b)
    assert "Welcome, first edit" in body, "the last good content stays"
    assert "course/lessons/welcome.yml:5:10: error: minutes: expected a whole number, found &#39;lots&#39;" in body  # escaped by Jinja
    status, home = get(url + "/")
    assert status == 200 and BANNER in home and "Rapport that sells" in home
    log.seek(0)
    terminal = log.read()
    assert "The course has errors; the preview keeps showing the last good version" in terminal
    assert "course/lessons/welcome.yml:5:10: error: minutes: expected a whole number, found 'lots'" in terminal
    assert "Traceback" not in terminal

    save(project, good.replace('title: "Welcome, first edit"', 'title: "Welcome, fixed"'))
    _, body = wait_for(page, lambda s, b: s == 200 and "Welcome, fixed" in b)
    assert BANNER not in body


def test_a_course_broken_from_the_start_shows_its_errors_then_the_site(tmp_path):
    project = copy_project(tmp_path / "p")
    good = (project / LESSON).read_text()
    save(project, good.replace("minutes: 3", "minutes: lots"))
    with serving(project, ready="/") as (url, log):
        status, body = get(url + "/")
        assert status == 200 and BANNER in body and "The course has errors" in body
        assert "course/lessons/welcome.yml:5:10: error: minutes: expected a whole number" in body
        save(project, good)
        _, body = wait_for(url + "/lessons/welcome/", lambda s, b: s == 200 and "Welcome to the course" in b)
        assert BANNER not in body


def test_banner_goes_after_front_matter_and_on_every_page():
    from generator.site.preview import with_error_banner
    from generator.site.render import NavItem, Page, RenderedSite

    site = RenderedSite([Page("index.md", "Home", "---\nhide:\n  - navigation\n---\n# Home\n"), Page("lessons/a.md", "A", "# A\n")],
                        [NavItem("Home", "index.md")], {"home": "Home"})
    shown = with_error_banner(site, "x.yml:1:1: error: <bad>")
    assert shown.pages[0].content.startswith("---\nhide:\n  - navigation\n---\n<div class=\"cq-build-error\"")
    assert all("x.yml:1:1: error: &lt;bad&gt;" in page.content for page in shown.pages)
    assert site.pages[1].content == "# A\n", "the last good site itself is kept unchanged"
    alone = with_error_banner(None, "x.yml:1:1: error: bad")
    assert [p.path for p in alone.pages] == ["index.md"] and "no site to show yet" in alone.pages[0].content


def test_plain_mkdocs_build_still_fails(tmp_path):
    project = copy_project(tmp_path / "p")
    lesson = project / LESSON
    lesson.write_text(lesson.read_text().replace("minutes: 3", "minutes: lots"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")], cwd=project,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1
    assert "The course has errors" in result.stderr and "expected a whole number" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def measure(saves: int = 8) -> None:
    """How long a save takes to show in `coursegen serve` for the bundled course:
    `.venv/bin/python tests/engines/mkdocs/test_serve.py` prints each save's time and the median."""
    import statistics
    import tempfile

    with tempfile.TemporaryDirectory(prefix="coursegen-measure-") as tmp:
        project = copy_project(Path(tmp) / "p")
        with serving(project) as (url, log):
            original = (project / LESSON).read_text()
            times = []
            for n in range(saves):
                time.sleep(1.0)  # let the watcher settle, as between a trainer's saves
                save(project, original.replace('title: "Welcome to the course"', f'title: "Welcome, save {n}"'))
                seconds, _ = wait_for(url + "/lessons/welcome/", lambda s, b, n=n: s == 200 and f"Welcome, save {n}" in b)
                times.append(seconds)
                print(f"save {n + 1}: {seconds:.2f} s")
            print(f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s over {saves} saves")

if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
