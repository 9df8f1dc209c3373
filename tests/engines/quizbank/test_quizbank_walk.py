"""The walk the quiz-bank formats share, on small courses built from the models: quiz
order, Moodle's weights and category names, and a course whose every question is left out."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from generator.engines.quizbank import gift, moodle_xml, qti12
from generator.engines.quizbank.walk import category_path, moodle_weights, ordered_quizzes, weight
from generator.model.course import Course, CourseSettings, Lesson, Quiz

ORDER = {"id": "steps", "type": "order", "objective": "o", "prompt": "Order them.", "items": ["One", "Two"]}


def _course(*quizzes: Quiz, lessons=("b", "a"), final="z-final") -> Course:
    settings = CourseSettings(id="c", title="Sales / service <b>", description="d", lessons=list(lessons), final_quiz=final)
    made = {i: Lesson(id=i, title=i, summary="s", minutes=1, sections=[{"heading": "h", "body": "b"}], quiz=f"{i}-quiz") for i in lessons}
    return Course(settings, made, {q.id: q for q in quizzes})


def _quiz(quiz_id: str, *questions: dict, **more) -> Quiz:
    return Quiz(id=quiz_id, questions=list(questions or [ORDER]), **({"lesson": "a", "title": f"Quiz {quiz_id}"} | more))


def test_quizzes_come_in_course_order_then_the_rest_by_id():
    course = _course(_quiz("a-quiz"), _quiz("b-quiz"), _quiz("z-final", lesson=None, final=True), _quiz("loose"), _quiz("extra"))
    assert [q.id for q in ordered_quizzes(course)] == ["b-quiz", "a-quiz", "z-final", "extra", "loose"]


@pytest.mark.parametrize(("right", "total"), [(1, 4), (2, 4), (3, 5), (6, 12), (10, 12)])
def test_moodle_weights_give_the_browser_s_partial_credit(right, total):
    weights = moodle_weights([i < right for i in range(total)])
    assert sum(w for w in weights if w > 0) == pytest.approx(100)
    # a learner with h right and w wrong ticks scores max(0, h - w) / right, as in choice.js
    assert max(0, sum(weights[:right - 1]) + weights[-1]) == pytest.approx(100 * max(0, right - 2) / right)
    assert float(weight(weights[0])) == pytest.approx(100 / right, abs=1e-5)


def test_category_names_keep_slashes_and_no_tags():
    course = _course(_quiz("a-quiz", title="Calls / visits"))
    assert category_path(course, course.quizzes["a-quiz"]) == "$course$/top/Sales // service \u2039b\u203a/Calls // visits"


def test_a_course_whose_questions_are_all_left_out_still_exports():
    course = _course(_quiz("a-quiz"))
    text, findings = gift.export(course)
    assert [f.code for f in findings] == ["export-left-out"] and "::steps::" not in text
    package, findings = qti12.export(course)
    assert len(findings) == 1
    with zipfile.ZipFile(io.BytesIO(package)) as read:
        assert [n for n in read.namelist() if not n.endswith("/")] == ["imsmanifest.xml"]
        assert etree.fromstring(read.read("imsmanifest.xml")).find("{*}resources") is not None
    document, findings = moodle_xml.export(course)
    assert findings == [] and etree.fromstring(document).find("question[@type='ordering']") is not None


def _multiple(right: int) -> dict:
    return {"id": f"m{right}", "type": "multiple", "objective": "o", "prompt": "Which?",
            "options": [{"text": f"Option {i}", "correct": i < right, "feedback": "Why."} for i in range(3)]}


def test_all_or_nothing_is_lost_only_with_two_right_options():
    """With one right option, Moodle's weights (+100 %, -100 % each wrong) grade all or nothing anyway."""
    course = _course(_quiz("a-quiz", _multiple(1), _multiple(2), partial_credit=False))
    for fmt in (gift, moodle_xml):
        _, findings = fmt.export(course)
        assert [f.field for f in findings] == ["questions[1]"]
