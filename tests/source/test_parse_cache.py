"""Parsed files are kept between runs outside the project, and a changed file is read again (issue 8)."""

from __future__ import annotations

import pytest

from generator.load.course import CoursePaths
from generator.source import cache as parsecache
from generator.source.cache import cache_file
from generator.check.pipeline import check
from conftest import copy_project


@pytest.fixture()
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("COURSEGEN_CACHE", raising=False)
    monkeypatch.setattr(parsecache, "MIN_FILES", 1)  # the bundled course is small
    return copy_project(tmp_path / "project")


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_second_check_uses_the_cache_and_writes_nothing_into_the_project(project):
    before = _files(project)
    first = check(CoursePaths.at(project))
    assert cache_file(project).is_file()
    second = check(CoursePaths.at(project))
    assert [f.one_line() for f in first[1]] == [f.one_line() for f in second[1]]
    assert second[0].lessons.keys() == first[0].lessons.keys()
    assert _files(project) == before


def test_an_edited_file_is_parsed_again(project):
    check(CoursePaths.at(project))
    lesson = next((project / "course" / "lessons").glob("*.yml"))
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("title:", "title: Edited", 1), encoding="utf-8")
    course, _ = check(CoursePaths.at(project))
    assert course.lessons[lesson.stem].title.startswith("Edited")
    lesson.write_text(text + "\nid: again\n", encoding="utf-8")  # a duplicate key now: must be reported
    _, findings = check(CoursePaths.at(project))
    assert any(f.code == "duplicate-key" and f.location.file.endswith(lesson.name) for f in findings)


def test_a_broken_cache_file_is_ignored(project):
    check(CoursePaths.at(project))
    cache_file(project).write_bytes(b"\x00garbage")
    course, findings = check(CoursePaths.at(project))
    assert course is not None and not [f for f in findings if f.is_error]


def test_cache_can_be_turned_off(project, monkeypatch):
    monkeypatch.setenv("COURSEGEN_CACHE", "off")
    check(CoursePaths.at(project))
    assert cache_file(project) is None
    assert not (project.parent / "user-cache").exists()


def test_a_small_course_leaves_no_cache_file(project, monkeypatch):
    monkeypatch.setattr(parsecache, "MIN_FILES", 200)
    check(CoursePaths.at(project))
    assert not cache_file(project).exists()


def test_a_message_about_a_cached_file_points_at_the_same_line(project):
    lesson = next((project / "course" / "lessons").glob("*.yml"))
    text = lesson.read_text(encoding="utf-8")
    assert "\nminutes:" in text
    lesson.write_text(text.replace("\nminutes:", "\nminutes: lots\nold_minutes:", 1), encoding="utf-8")
    first = [f.one_line() for f in check(CoursePaths.at(project))[1] if f.is_error]
    second = [f.one_line() for f in check(CoursePaths.at(project))[1] if f.is_error]
    assert first and first == second
    assert any(f":{text[:text.index(chr(10) + 'minutes:')].count(chr(10)) + 2}:" in line for line in second)


def test_an_edited_scenario_is_parsed_again(project):
    check(CoursePaths.at(project))
    scenario = project / "scenarios" / "dental-review.yml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace('title: "Practice:', 'title: "Edited practice:', 1), encoding="utf-8")
    course, _ = check(CoursePaths.at(project))
    assert course.scenarios["dental-review"].title.startswith("Edited practice:")  # read again, not the cached parse
    scenario.write_text(text.replace("start: opening", "start: openng"), encoding="utf-8")
    _, findings = check(CoursePaths.at(project))
    assert [f.one_line() for f in findings if f.location.file == "scenarios/dental-review.yml"] == [
        "scenarios/dental-review.yml:16:8: error: start 'openng' is not a node (did you mean 'opening'?)"]
