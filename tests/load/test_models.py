"""The loader accepts the bundled course and rejects each kind of bad input with a
message that names file, line and what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.course import CoursePaths, load_course
from generator.check.pipeline import check
from conftest import ROOT, copy_project


def findings_for(project: Path):
    _, findings = check(CoursePaths.at(project))
    return findings


def test_bundled_course_is_valid():
    course, findings = check(CoursePaths.at(ROOT))
    assert course is not None
    assert [f.one_line() for f in findings if not f.known] == []  # known: issue 16's item-writing warnings (known-findings.yml)
    assert len(course.lessons) >= 4 and course.final_quiz is not None


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


LESSON = "course/lessons/rapport-trap.yml"


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("title:", "titel:", "unknown field 'titel' (did you mean 'title'?)"),
        ("minutes:", "minutes: lots\nx_minutes:", "minutes: expected a whole number, found 'lots'"),
        ("summary:", "summary: one\nsummary:", "duplicate key 'summary': it is already set on line"),
        ("title:", "title: no\nold_title:", "unknown field 'old_title'"),
    ],
)
def test_bad_lesson_is_reported_with_file_and_line(tmp_path, old, new, expected):
    project = copy_project(tmp_path)
    edit(project, LESSON, old, new)
    lines = [f.one_line() for f in findings_for(project)]
    assert any(expected in line and line.startswith(LESSON + ":") for line in lines), lines


def test_yes_no_on_off_stay_text(tmp_path):
    project = copy_project(tmp_path)
    path = project / LESSON
    lines = path.read_text().splitlines()
    for word in ("no", "yes", "on", "off"):
        path.write_text("\n".join(f"title: {word}" if line.startswith("title:") else line for line in lines))
        course, findings = load_course(CoursePaths.at(project))
        assert [f.one_line() for f in findings] == []
        assert course.lessons["rapport-trap"].title == word


def test_all_errors_reported_at_once(tmp_path):
    project = copy_project(tmp_path)
    edit(project, LESSON, "title:", "titel:")
    edit(project, "quizzes/value-first-quiz.yml", "mode:", "mood:")
    files = {f.location.file for f in findings_for(project) if f.is_error}
    assert {LESSON, "quizzes/value-first-quiz.yml"} <= files
