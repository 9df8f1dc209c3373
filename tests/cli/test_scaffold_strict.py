"""Every file `coursegen new` writes passes `check --strict` as written (README): a course
grown with lessons, their quizzes and a final assessment, of any size, has no item-writing
pattern a test-wise learner could use, and no guessing strategy reaches the pass mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import coursegen


def run(project: Path, *args: str) -> None:
    result = coursegen(*args, cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lessons, min_questions", [(3, None), (9, None), (2, 7)])
def test_a_scaffolded_course_with_a_final_passes_strict_check(tmp_path, lessons, min_questions):
    run(tmp_path, "new", "course", "c")
    project = tmp_path / "c"
    if min_questions:  # a quiz of many questions: the right option's place must still vary
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace("  - course\n", f"  - course:\n      min_questions: {min_questions}\n"))
        (project / "quizzes/welcome-quiz.yml").unlink()  # written before the setting: written again
        run(project, "new", "quiz", "welcome-quiz")
    for n in range(lessons):
        run(project, "new", "lesson", f"part-{n}", *(["--module", "Getting started"] if n % 2 else []))
        run(project, "new", "quiz", f"part-{n}-quiz")
    run(project, "new", "quiz", "final-assessment", "--final")
    result = coursegen("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("Course OK.\n") and "warning" not in result.stderr, result.stderr
    assert "reaches the pass mark" not in result.stderr  # the guessing report: every quiz is below it
