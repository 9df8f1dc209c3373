"""The results summary carries each question's answer (issue 16), in Debian's Chromium.

A quiz of every answer kind (single, multiple, true_false, order, text) is taken in the
page, then the summary downloaded from "Your progress" must give, for that quiz's last
attempt, each question's answer by option text (not position) and its score; it is
what `coursegen results` reads (tests/results/).
"""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import build_site, copy_project, serve_folder
from generator.results.read import read_summary

pytestmark = pytest.mark.browser

COURSE = "rs"


def _opt(text: str, correct: bool = False) -> dict:
    return {"text": text, "correct": correct, "feedback": "Because."}


QUIZ = {"id": "mixed-quiz", "lesson": "mixed", "title": "Mixed quiz", "mode": "assessment", "questions": [
    {"id": "s1", "type": "single", "objective": "mixed-obj", "prompt": "Pick one?", "points": 2,
     "options": [_opt("Right answer", True), _opt("Wrong *answer*"), _opt("Never chosen")]},
    {"id": "m1", "type": "multiple", "objective": "mixed-obj", "prompt": "Pick some?",
     "options": [_opt("Alpha", True), _opt("Beta", True), _opt("Gamma")]},
    {"id": "t1", "type": "true_false", "objective": "mixed-obj", "prompt": "Sky is green?",
     "options": [_opt("True"), _opt("False", True)]},
    {"id": "o1", "type": "order", "objective": "mixed-obj", "prompt": "Order them.", "items": ["First", "Second", "Third"]},
    {"id": "x1", "type": "text", "objective": "mixed-obj", "prompt": "Say hello.", "answers": ["hello"]},
]}


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("rs") / "p", with_content=False)
    files = {
        "course/course.yml": {"id": COURSE, "title": "Results course", "description": "Summary answers.", "language": "en",
                              "pass_mark": 50, "lessons": ["mixed"]},
        "course/lessons/mixed.yml": {"id": "mixed", "title": "Mixed lesson", "summary": "All kinds.", "minutes": 5,
                                     "objectives": [{"id": "mixed-obj", "text": "Answer all kinds."}],
                                     "sections": [{"heading": "Part", "body": "Text."}], "quiz": "mixed-quiz"},
        "quizzes/mixed-quiz.yml": QUIZ,
    }
    for rel, data in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    server, base = serve_folder(build_site(project, project / "site"))
    yield base
    server.shutdown()


def test_the_downloaded_summary_carries_each_answer_by_option_text_and_its_score(page, url, tmp_path):
    page.goto(f"{url}/lessons/mixed/")
    quiz = page.locator(".cq-quiz")
    item = quiz.locator('.cq-item[data-qid="s1"]')
    item.locator(".cq-option", has_text="Wrong").locator("input").check()
    item = quiz.locator('.cq-item[data-qid="m1"]')
    for text in ("Alpha", "Gamma"):
        item.locator(".cq-option", has_text=text).locator("input").check()
    quiz.locator('.cq-item[data-qid="t1"] .cq-option', has_text="False").locator("input").check()
    # the order as shown is the learner's answer: an arrow press says so (untouched is unanswered)
    quiz.locator('.cq-item[data-qid="o1"] .cq-order-item').first.locator(".cq-up").click()
    shown = quiz.locator('.cq-item[data-qid="o1"] .cq-order-text').all_inner_texts()
    quiz.locator('.cq-item[data-qid="x1"] input[type="text"]').fill("  Hello ")
    quiz.locator(".cq-submit").click()
    quiz.locator(".cq-result").filter(has_text="%").wait_for()

    page.goto(f"{url}/progress/")
    page.locator('.cq-summary-text[data-answers="ready"]').wait_for()
    with page.expect_download() as info:
        page.locator(".cq-summary-download").click()
    path = tmp_path / "results-rs.json"
    info.value.save_as(path)
    summary = json.loads(path.read_text())
    assert summary["format"] == "coursegen-results" and summary["v"] == 1 and summary["revision"] == 1
    [entry] = summary["quizzes"]
    last = entry["last"]
    assert last["attempt"] == 1 and last["date"] and isinstance(last["percent"], int)
    got = {q["id"]: (q["type"], q["points"], q["answer"], q["score"]) for q in last["questions"]}
    assert got["s1"] == ("single", 2, ["Wrong *answer*"], 0)  # the option as written, not as shown
    assert got["m1"] == ("multiple", 1, ["Alpha", "Gamma"], 0)  # one right, one wrong: (1 - 1) / 2
    assert got["t1"] == ("true_false", 1, ["False"], 1)
    assert got["o1"][:2] == ("order", 1) and got["o1"][2] == shown  # the order the learner left them in
    assert got["x1"] == ("text", 1, ["Hello"], 1)
    options = {q["id"]: q["options"] for q in last["questions"]}
    assert options["s1"] == ["Right answer", "Wrong *answer*", "Never chosen"] and options["t1"] == ["True", "False"]
    assert sorted(options["o1"]) == ["First", "Second", "Third"] and options["x1"] == []
    assert [q["id"] for q in last["questions"]] == ["s1", "m1", "t1", "o1", "x1"]
    # and coursegen results reads it
    read = read_summary(path)
    assert read.course == COURSE and [q.id for q in read.quizzes["mixed-quiz"].questions] == ["s1", "m1", "t1", "o1", "x1"]
