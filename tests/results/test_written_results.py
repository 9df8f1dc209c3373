"""`coursegen results` reports what learners wrote (issue 23): per written question how many
answered and rated their answer, and the mean self-rating; `--texts` prints the texts and the
reflections learners included; `--csv --texts` gives one row per text. A written answer is
never an item of the item analysis (it has no score)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import coursegen
from generator.results.read import Unreadable, read_summary


def _summary(folder: Path, learner: str, covered: int | None, *, reflections: list | None = None, scored: bool = True) -> Path:
    quiz: dict = {"id": "basics-quiz", "title": "Basics", "best": 80, "passed": True, "attempts": 1,
                  "written": [{"id": "q-written", "answer": f"{learner} would apologise\nand call back.", "covered": covered,
                               "points": None if covered is None else 3}]}
    if scored:
        quiz["last"] = {"attempt": 1, "date": f"2026-11-30T10:00:00.00{len(learner)}Z", "percent": 80, "questions": [
            {"id": "q1", "type": "single", "points": 1, "options": ["A", "B"], "answer": ["A"], "score": 1}]}
    data = {"format": "coursegen-results", "v": 1, "revision": 1, "course": "quiztest", "course_title": "Quiz test",
            "learner": learner, "quizzes": [quiz]}
    if reflections is not None:
        data["reflections"] = reflections
    path = folder / f"results-{learner}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path) -> list[Path]:
    return [_summary(tmp_path, "Ana", 2),
            _summary(tmp_path, "Ben", 3, reflections=[{"lesson": "basics", "prompt": "What will you practise?", "text": "Pauses."}]),
            _summary(tmp_path, "Cleo", None, scored=False)]


def test_the_report_gives_answered_rated_and_the_mean_self_rating(files):
    run = coursegen("results", *map(str, files))
    assert run.returncode == 0, run.stderr
    assert "basics-quiz q-written: 3 answered, 2 rated, mean self-rating 83% (about 2.5 of 3 points)" in run.stdout
    assert "Reflections included: 1 from 1 learner (--texts prints them)" in run.stdout
    assert "would apologise" not in run.stdout and "Pauses." not in run.stdout  # texts only when asked
    assert "q-written" not in run.stdout.split("Written answers")[0]  # not an item of the item analysis


def test_texts_prints_each_answer_with_its_rating_and_the_included_reflections(files):
    run = coursegen("results", "--texts", *map(str, files))
    assert "    Ana (2 of 3 points covered): Ana would apologise and call back." in run.stdout
    assert "    Cleo (not rated): Cleo would apologise and call back." in run.stdout
    assert "  Ben, basics: What will you practise?\n    Pauses." in run.stdout


def test_csv_texts_gives_one_row_per_text(files):
    run = coursegen("results", "--csv", "--texts", *map(str, files))
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [(r["learner"], r["kind"], r["covered"], r["points"]) for r in rows] == [
        ("Ana", "written", "2", "3"), ("Ben", "written", "3", "3"), ("Ben", "reflection", "", ""), ("Cleo", "written", "", "")]
    assert rows[0]["text"] == "Ana would apologise\nand call back." and rows[2]["prompt"] == "What will you practise?"


def test_a_summary_with_a_bad_rating_is_named_not_used(tmp_path):
    path = _summary(tmp_path, "Dee", 2)
    data = json.loads(path.read_text())
    data["quizzes"][0]["written"][0]["covered"] = 5
    path.write_text(json.dumps(data))
    with pytest.raises(Unreadable, match=r"quizzes\[0\]\.written\[0\]"):
        read_summary(path)


def test_a_learners_text_never_runs_as_a_spreadsheet_formula(tmp_path):
    path = _summary(tmp_path, "=SUM(A1:A9)", 1,
                    reflections=[{"lesson": "basics", "prompt": "What will you practise?", "text": "+1 more pauses"}])
    run = coursegen("results", "--csv", "--texts", str(path))
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert {r["learner"] for r in rows} == {"'=SUM(A1:A9)"}
    assert rows[-1]["text"] == "'+1 more pauses"
