"""Course files are listed by one directory scan and shown by their folder's name (issue 8):
the same files, in the same order, shown under the same names as path by path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import display_path
from generator.load.course import CoursePaths, _shown_files, yaml_files


def _one_by_one(folder: Path, root: Path) -> list[tuple[Path, str]]:
    """The listing as it was: Path.iterdir, Path.suffix, Path.is_file, display_path."""
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    return [(p, display_path(p, root)) for p in files]


@pytest.fixture()
def project(tmp_path):
    root = tmp_path / "project"
    lessons = root / "course" / "lessons"
    lessons.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.yml").write_text("id: far\n")
    for name in ("b.yml", "a.yaml", "c.YML", ".yml", "trailing.", "notes.txt", "x.yml.bak", "Z.yml"):
        (lessons / name).write_text("id: x\n")
    (lessons / "folder.yml").mkdir()
    os.symlink(elsewhere / "far.yml", lessons / "far.yml")  # shown by where it leads
    os.symlink(lessons / "b.yml", lessons / "same.yml")
    os.symlink(tmp_path / "missing.yml", lessons / "broken.yml")
    os.symlink(elsewhere, root / "quizzes")  # a quiz folder that is a link out of the project
    (tmp_path / "outside-quizzes").mkdir()
    (tmp_path / "outside-quizzes" / "q.yml").write_text("id: q\n")
    return root


@pytest.mark.parametrize("quizzes", ["quizzes", "../outside-quizzes", "no-such-folder"])
def test_listing_matches_path_by_path(project, quizzes):
    paths = CoursePaths.at(project, quizzes_dir=quizzes)
    for folder in (paths.lessons_dir, paths.quizzes_dir, paths.course_dir):
        assert _shown_files(folder, paths) == _one_by_one(folder, paths.root)
        assert yaml_files(folder) == [p for p, _ in _one_by_one(folder, paths.root)]


def test_listing_from_a_relative_root(project, monkeypatch):
    monkeypatch.chdir(project.parent)
    paths = CoursePaths.at(Path("project"))
    assert _shown_files(paths.lessons_dir, paths) == _one_by_one(paths.lessons_dir, paths.root)
    names = [name for _, name in _shown_files(paths.lessons_dir, paths)]
    assert "course/lessons/b.yml" in names and "course/lessons/a.yaml" in names
