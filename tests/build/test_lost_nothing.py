"""Failed builds lose nothing: the previous site stays byte for byte, `--out` refuses a
folder that is not a previous build, and no build writes into course/, quizzes/ or brands/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import coursegen

BASE = Path(__file__).parents[1] / "fixtures" / "basecourse"
FAILING_HOOK = '''
from mkdocs.exceptions import PluginError

def on_post_build(config):
    raise PluginError("the theme broke after every page was written")
'''


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and folder under `folder`: content and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else b"<dir>", p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    (root / "brands/acme").mkdir(parents=True)
    (root / "brands/acme/notes.txt").write_text("a trainer's brand notes\n")
    return root


@pytest.fixture
def built(project) -> Path:
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 0, result.stderr
    return project / "site"


def siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir())


def test_a_course_error_leaves_the_previous_site_unchanged(project, built):
    before = snapshot(built)
    lesson = project / "course/lessons/intro.yml"
    lesson.write_text(lesson.read_text().replace("minutes: 5", "minutes: lots"))
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 1
    assert "course/lessons/intro.yml:4:10: error: minutes: expected a whole number, found 'lots'" in result.stderr
    assert snapshot(built) == before


def test_a_failure_inside_mkdocs_after_validation_leaves_the_previous_site_unchanged(project, built):
    before = snapshot(built)
    (project / "fail_hook.py").write_text(FAILING_HOOK)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "hooks:\n  - fail_hook.py\n")
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "the theme broke after every page was written" in result.stderr
    assert "previous site" in result.stderr and "unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(built) == before
    assert ".site.building" not in " ".join(siblings(built)), siblings(built)  # no half-built folder left behind


def test_a_successful_build_replaces_the_previous_one_completely(project, built):
    assert (built / "lessons/next-steps/index.html").is_file()
    config = project / "course/course.yml"
    config.write_text(config.read_text().replace("  - next-steps\n", ""))
    (project / "course/lessons/next-steps.yml").unlink()
    (project / "quizzes/final.yml").write_text((project / "quizzes/final.yml").read_text().replace("next-plan", "intro-goal"))
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not (built / "lessons/next-steps").exists()
    assert (built / ".coursegen-build").is_file() and (built / "index.html").is_file()
    assert siblings(built) == sorted(["brands", "course", "mkdocs.yml", "quizzes", "site"])


@pytest.mark.parametrize("out", ["course", "quizzes", "brands", "course/site", ".", ".."])
def test_out_refuses_the_course_folders_and_the_project(project, out):
    before = snapshot(project.parent)
    result = coursegen("build", "--out", out, cwd=project, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "a build never" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project.parent) == before


def test_out_refuses_the_home_folder(project, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents/plan.txt").write_text("do not lose me\n")
    monkeypatch.setenv("HOME", str(home))
    before = snapshot(home)
    result = coursegen("build", "--out", "~", cwd=project, timeout=60)
    result_abs = coursegen("build", "--out", str(home), cwd=project, timeout=60)
    assert result_abs.returncode == 2, result_abs.stderr
    assert "is your home folder" in result_abs.stderr
    assert result.returncode == 2, result.stderr
    assert snapshot(home) == before


def test_out_refuses_a_folder_that_is_not_a_previous_build(project, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "q3.xlsx").write_bytes(b"numbers")
    before = snapshot(folder)
    result = coursegen("build", "--out", str(folder), cwd=project, timeout=60)
    assert result.returncode == 2
    assert "is not a previous coursegen build (q3.xlsx)" in result.stderr
    assert snapshot(folder) == before


def test_out_refuses_a_previous_build_with_files_added_since(project, built):
    (built / "lessons/handout.pdf").write_bytes(b"%PDF a trainer's handout")
    before = snapshot(built)
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 2
    assert "holds files the last build did not write (lessons/handout.pdf)" in result.stderr
    assert snapshot(built) == before


def test_builds_never_write_into_course_quizzes_or_brands(project):
    content = {name: snapshot(project / name) for name in ("course", "quizzes", "brands")}
    assert coursegen("check", cwd=project).returncode == 0
    assert coursegen("build", "--out", "site", cwd=project, timeout=60).returncode == 0
    assert coursegen("build", cwd=project, timeout=60).returncode == 0  # mkdocs.yml's own site_dir
    lesson = project / "course/lessons/intro.yml"
    good = lesson.read_bytes()
    lesson.write_text("id: intro\ntitle: [broken\n")
    content["course"]["lessons/intro.yml"] = (lesson.read_bytes(), lesson.stat().st_mtime_ns)
    assert coursegen("build", "--out", "site", cwd=project, timeout=60).returncode == 1
    assert {name: snapshot(project / name) for name in content} == content
    lesson.write_bytes(good)
