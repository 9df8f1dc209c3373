"""`coursegen export --format ...`: what a trainer sees for bad input (exit 2, nothing
written), for questions a format cannot carry (a warning; --strict fails), and that an
earlier export survives a failed one."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, coursegen

QUIZ_FIXTURE = ROOT / "tests" / "fixtures" / "quizcourse" / "mkdocs.yml"


def _export(*args: str, config=QUIZ_FIXTURE):
    return coursegen("-f", str(config), "export", *args)


def test_an_unknown_format_is_refused(tmp_path):
    result = _export("--format", "scorm1", str(tmp_path / "bank"))
    assert result.returncode == 2
    assert "invalid choice: 'scorm1'" in result.stderr and "gift" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("out", "said"), [
    ("bank.txt", "a GIFT export is a .gift file; give e.g. bank.gift"),
    ("missing/bank.gift", "does not exist; create the folder first"),
    ("folder.gift", "is a folder; give the name of the .gift file"),
])
def test_an_unusable_output_path_is_refused(tmp_path, out, said):
    (tmp_path / "folder.gift").mkdir()
    result = _export("--format", "gift", str(tmp_path / out))
    assert result.returncode == 2, result.stderr
    assert said in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.gift"]


def test_an_export_into_the_course_is_refused(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(QUIZ_FIXTURE.parent, project)
    before = sorted(p.name for p in (project / "quizzes").iterdir())
    result = _export("--format", "gift", str(project / "quizzes" / "bank"), config=project / "mkdocs.yml")
    assert result.returncode == 2
    assert "where the course's own files live" in result.stderr
    assert sorted(p.name for p in (project / "quizzes").iterdir()) == before


def test_a_question_the_format_cannot_carry_is_a_warning_and_strict_fails(tmp_path):
    out = tmp_path / "bank.gift"
    result = _export("--format", "gift", str(out))
    assert result.returncode == 0, result.stderr
    assert "quizzes/basics-quiz.yml:" in result.stderr
    assert "question 'q-order' is left out of the GIFT export: GIFT has no ordering question" in result.stderr
    assert "q-written" not in result.stderr  # a written question travels as an essay question (graded by a person)
    assert "::q-written::" in out.read_text("utf-8")
    assert "left out (see above)" in result.stderr and "not to learners" in result.stderr
    earlier = out.read_bytes()

    strict = _export("--format", "gift", "--strict", str(out))
    assert strict.returncode == 1
    assert "question 'q-order' is left out" in strict.stderr and "nothing was written" in strict.stderr
    assert out.read_bytes() == earlier  # the earlier export is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["bank.gift"]  # no temporary file left behind


def test_strict_without_a_format_is_refused(tmp_path):
    result = _export("--strict", str(tmp_path / "site-export"))
    assert result.returncode == 2
    assert "--strict goes with --format" in result.stderr
    assert list(tmp_path.iterdir()) == []
