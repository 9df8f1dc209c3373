"""docs/content-metrics.md is the bundled course's, and its figures follow the course (issue 23)."""

from __future__ import annotations

import re
import sys

import yaml

from conftest import ROOT, copy_project

sys.path.insert(0, str(ROOT / "docs"))
import content_metrics  # noqa: E402


def test_the_page_in_docs_is_current():
    assert content_metrics.main(["--check"]) == 0, "run `python docs/content_metrics.py --write`"


def _row(text: str, first_cell: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {first_cell} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_moving_a_right_option_moves_its_count(tmp_path):
    project = copy_project(tmp_path / "p")
    quiz_file = project / "quizzes/rapport-trap-quiz.yml"
    before = _row(content_metrics.metrics(project), "rapport-trap-quiz")[2]
    data = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    question = next(q for q in data["questions"] if q["type"] == "single")
    was = next(i for i, o in enumerate(question["options"]) if o.get("correct"))
    to = (was + 1) % len(question["options"])
    question["options"][was], question["options"][to] = question["options"][to], question["options"][was]
    quiz_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    after = _row(content_metrics.metrics(project), "rapport-trap-quiz")[2]

    def counts(cell: str) -> dict[int, int]:
        return {int(p): int(n) for p, n in re.findall(r"(\d+): (\d+)", cell)}
    assert counts(after)[was + 1] == counts(before)[was + 1] - 1
    assert counts(after)[to + 1] == counts(before)[to + 1] + 1


def test_a_question_in_the_lessons_own_words_is_not_a_new_situation(tmp_path):
    project = copy_project(tmp_path / "p")

    def new_situations() -> int:
        text = content_metrics.metrics(project)
        return int(_row(text, "rapport-trap")[_row(text, "lesson").index("new situation")].rstrip(" %"))
    before = new_situations()
    lesson = yaml.safe_load((project / "course/lessons/rapport-trap.yml").read_text(encoding="utf-8"))
    sentence = " ".join(lesson["sections"][0]["body"].split()[:14])
    quiz_file = project / "quizzes/rapport-trap-quiz.yml"
    data = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    question = next(q for q in data["questions"] if q.get("scenario"))
    question["scenario"] = sentence  # the lesson's first words, retold as the situation
    quiz_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert new_situations() < before
