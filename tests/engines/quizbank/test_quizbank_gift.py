"""GIFT export, read back by npm's gift-pegjs 1.0.2: every question the course holds is in
the file (or reported as left out), with its type, options, right answers, Moodle weights,
per-option feedback and general feedback, as the trainer wrote them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import node_tool
from quizbank_courses import COURSES, executable, export, load, markdown_as_html, shown, stem

from generator.engines.quizbank.walk import category_path, grader_notes, ordered_quizzes

HERE = Path(__file__).resolve().parent


def parse_gift(path: Path) -> list[dict]:
    """The file's questions as gift-pegjs reads them; fails the test on a syntax error."""
    result = subprocess.run(["node", str(HERE / "gift_parse.js"), str(node_tool("gift-pegjs")), str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"gift-pegjs could not read {path.name}:\n{result.stderr[-2000:]}"
    return json.loads(result.stdout)


def text(field: dict | None) -> str:
    return "" if field is None else field["text"]


def same_text(exported: dict | None, source: str | None) -> None:
    """The exported Markdown reads as the source does, and runs nothing where raw HTML is allowed."""
    assert shown(text(exported)) == shown(source)
    assert not executable(markdown_as_html(text(exported)))


@pytest.mark.parametrize("name", sorted(COURSES))
def test_gift_round_trips_through_gift_pegjs(name, tmp_path):
    course = load(name)
    path, stderr = export(name, "gift", tmp_path)
    parsed = iter(parse_gift(path))
    left_out = 0
    for quiz in ordered_quizzes(course):
        category = next(parsed)
        # gift-pegjs keeps a category line as written; Moodle reads `\\` there as one backslash
        assert category == {"type": "Category", "title": category_path(course, quiz).replace("\\", "\\\\")}
        for question in quiz.questions:
            lost_credit = question.type == "multiple" and not quiz.partial_credit and sum(o.correct for o in question.options) > 1
            if question.type == "order" or lost_credit:
                left_out += 1
                assert f"question '{question.id}' is left out of the GIFT export" in stderr
                continue
            got = next(parsed)
            assert got["title"] == question.id
            assert got["stem"]["format"] == "markdown"
            same_text(got["stem"], stem(question))
            if question.type == "written":  # an essay: the grader's notes are all GIFT can carry, as general feedback
                same_text(got["globalFeedback"], grader_notes(course, question))
            else:
                same_text(got["globalFeedback"], question.explanation)
            CHECKS[question.type](got, question)
    assert next(parsed, None) is None, "the file holds more than the course's questions"
    assert f"{left_out} left out" in stderr if left_out else "left out" not in stderr


def _single(got, question):
    assert got["type"] == "MC"
    assert [c["isCorrect"] for c in got["choices"]] == [o.correct for o in question.options]
    _options(got, question)


def _multiple(got, question):
    assert got["type"] == "MC"
    weights = [c["weight"] for c in got["choices"]]
    assert [w > 0 for w in weights] == [o.correct for o in question.options]
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3)  # Moodle's weights: the right ones make 100 %
    right = sum(o.correct for o in question.options)
    assert all(w == pytest.approx(100 / right, abs=1e-5) or w == pytest.approx(-100 / right, abs=1e-5) for w in weights)
    _options(got, question)


def _options(got, question):
    assert len(got["choices"]) == len(question.options)
    for choice, option in zip(got["choices"], question.options, strict=True):
        same_text(choice["text"], option.text)
        same_text(choice["feedback"], option.feedback)


def _true_false(got, question):
    assert got["type"] == "TF"
    true, false = question.options
    assert got["isTrue"] is true.correct  # the first option is the true one
    right, wrong = (true, false) if true.correct else (false, true)
    # gift-pegjs names the two feedbacks by position (GIFT-grammar-PEG.js#62): the first is
    # the one Moodle shows for a wrong answer, the second for a right one.
    same_text(got["trueFeedback"], wrong.feedback)
    same_text(got["falseFeedback"], right.feedback)


def _text(got, question):
    assert got["type"] == "Short"
    accepted = [c for c in got["choices"] if c["weight"] == 100]
    assert [text(c["text"]).replace("\\*", "*") for c in accepted] == [a.strip() for a in question.answers]
    for choice in accepted:
        same_text(choice["feedback"], question.feedback_correct)
    others = [c for c in got["choices"] if c["weight"] != 100]
    if question.feedback_incorrect:  # Moodle's "any other answer": `*` at 0 %
        assert [(c["weight"], text(c["text"])) for c in others] == [(0, "*")]
        same_text(others[0]["feedback"], question.feedback_incorrect)
    else:
        assert others == []


def _written(got, question):
    """An essay (an empty answer block), whose general feedback holds the model answer and every checklist point."""
    assert got["type"] == "Essay"
    notes = shown(text(got["globalFeedback"]))
    assert shown(question.model_answer) in notes
    assert all(shown(point) in notes for point in question.checklist)


CHECKS = {"single": _single, "multiple": _multiple, "true_false": _true_false, "text": _text, "written": _written}


def test_hostile_text_stays_text(tmp_path):
    """Syntax characters come back as written; tags come back as visible text, never markup."""
    path, _ = export("hostile", "gift", tmp_path)
    single = next(q for q in parse_gift(path) if q.get("title") == "odd-single")
    assert single["choices"][0]["text"]["text"] == "Right {r} = ~ # : &lt;b onclick=alert(1)>b&lt;/b>"
    assert single["choices"][2]["text"]["text"] == "\\{escaped\\} and \\= and a \\\\ backslash"
    assert single["choices"][1]["text"]["text"] == "&#37;50% wrong {w} = ~ # :"  # not a weight
    assert single["choices"][1]["feedback"]["text"] == "Wrong fb [x](#) = ~ # : {}"  # the script address is gone
    assert single["choices"][2]["feedback"]["text"] == "Another {wrong} = ~ # : [one][ref]\n\n[ref]: #"
    multiple = next(q for q in parse_gift(path) if q.get("title") == "odd-multiple")
    assert multiple["choices"][3]["text"] == {"format": "markdown", "text": "&#91;html]Four {4} = ~ # :"}  # not a format marker
    assert "<script" not in path.read_text(encoding="utf-8")
