"""The benchmark's course generator still produces a course that passes `coursegen check`,
so `make bench` never rots. (The benchmark itself is not part of the test run.)"""

from __future__ import annotations

import sys

from conftest import ROOT, coursegen

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


def test_synthetic_course_passes_check(tmp_path):
    project = synth.write_course(tmp_path / "course", 12)
    result = coursegen("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert len(list((project / "course" / "lessons").glob("*.yml"))) == 12
    assert [p.name for p in (project / "scenarios").glob("*.yml")] == ["lesson-0010-practice.yml"]  # every tenth lesson


def test_synthetic_lessons_are_about_800_words_and_8_questions(tmp_path):
    lesson, quiz = synth.lesson_data(3)
    assert 700 <= synth.word_count(3) <= 900
    assert len(quiz["questions"]) == 8
    plain = synth.write_plain(tmp_path / "plain", 12)
    pages = list((plain / "docs").rglob("lesson-*.md"))
    assert len(pages) == 12 and lesson["title"] in (plain / "docs/module-001/lesson-0003.md").read_text()
