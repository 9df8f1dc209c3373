"""Moodle XML export, read back with lxml the way Moodle's importer reads it
(question/format/xml/format.php; qtype_ordering for `ordering`): element names,
fractions from Moodle's grade list, feedback per answer, shortanswer not case-sensitive,
general feedback, hints and default grade, matching the source course."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree
from quizbank_courses import COURSES, executable, export, load, shown, stem, words

from generator.engines.quizbank.walk import category_path, ordered_quizzes

# What Moodle's importer reads under <question>, per type (import_headers + import_<type>,
# import_hints, import_combined_feedback; qtype_ordering's import_from_xml).
HEADERS = {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber", "hint", "tags"}
COMBINED = {"correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "shownumcorrect"}
KNOWN = {
    "multichoice": HEADERS | COMBINED | {"single", "shuffleanswers", "answernumbering", "showstandardinstruction", "answer"},
    "truefalse": HEADERS | {"answer"},
    "shortanswer": HEADERS | {"usecase", "answer"},
    "essay": HEADERS | {"responseformat", "responserequired", "responsefieldlines", "minwordlimit", "maxwordlimit", "attachments",
                        "attachmentsrequired", "maxbytes", "filetypeslist", "graderinfo", "responsetemplate"},
    "ordering": HEADERS | COMBINED | {"layouttype", "selecttype", "selectcount", "gradingtype", "showgrading", "numberingstyle", "answer"},
}
# Moodle's grade list (question_bank::fraction_options_full), which an import must match.
GRADES = [1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
          0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0]


def text(element, path: str) -> str:
    found = element.find(path)
    assert found is not None, f"no {path} in <question type={element.get('type')}>"
    return found.text or ""


def html(element, path: str) -> str:
    assert element.find(path).get("format") == "html"
    content = text(element, f"{path}/text")
    assert not executable(content), content
    return words(content)


@pytest.mark.parametrize("name", sorted(COURSES))
def test_moodle_xml_is_what_moodle_reads(name, tmp_path):
    course = load(name)
    path, stderr = export(name, "moodle-xml", tmp_path)
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    assert root.tag == "quiz"
    elements = iter(root.findall("question"))
    for quiz in ordered_quizzes(course):
        category = next(elements)
        assert category.get("type") == "category" and text(category, "category/text") == category_path(course, quiz)
        for question in quiz.questions:
            if question.type == "multiple" and not quiz.partial_credit and sum(o.correct for o in question.options) > 1:
                assert f"question '{question.id}' is left out of the Moodle XML export" in stderr
                continue
            element = next(elements)
            kind = element.get("type")
            assert {child.tag for child in element} <= KNOWN[kind], kind
            assert text(element, "name/text") == question.id
            assert html(element, "questiontext") == shown(stem(question))
            assert html(element, "generalfeedback") == shown(question.explanation)
            assert text(element, "defaultgrade") == str(question.points)
            assert [words(text(h, "text")) for h in element.findall("hint")] == [shown(h) for h in question.hints]
            CHECKS[question.type](element, question, quiz)
    assert next(elements, None) is None


def _answers(element) -> list[tuple[float, str, str]]:
    return [(float(a.get("fraction")), text(a, "text"), html(a, "feedback")) for a in element.findall("answer")]


def _single(element, question, quiz):
    assert element.get("type") == "multichoice" and text(element, "single") == "true"
    assert text(element, "shuffleanswers") == ("true" if quiz.shuffle else "false")
    assert [(f, words(t), fb) for f, t, fb in _answers(element)] == [
        (100 if o.correct else 0, shown(o.text), shown(o.feedback)) for o in question.options]


def _multiple(element, question, quiz):
    assert element.get("type") == "multichoice" and text(element, "single") == "false"
    answers = _answers(element)
    assert [(f > 0, words(t), fb) for f, t, fb in answers] == [(o.correct, shown(o.text), shown(o.feedback)) for o in question.options]
    assert sum(f for f, _, _ in answers if f > 0) == pytest.approx(100, abs=1e-3)
    for fraction, _, _ in answers:
        assert any(abs(abs(fraction) / 100 - grade) < 1e-5 for grade in GRADES), fraction


def _true_false(element, question, quiz):
    assert element.get("type") == "truefalse"
    true, false = question.options
    assert _answers(element) == [(100 if true.correct else 0, "true", shown(true.feedback)),
                                 (100 if false.correct else 0, "false", shown(false.feedback))]


def _text(element, question, quiz):
    assert element.get("type") == "shortanswer" and text(element, "usecase") == "0"  # not case-sensitive
    answers = _answers(element)
    assert [(f, t.replace("\\*", "*"), fb) for f, t, fb in answers if f == 100] == [
        (100, a.strip(), shown(question.feedback_correct)) for a in question.answers]
    assert [(f, t, fb) for f, t, fb in answers if f != 100] == ([(0, "*", shown(question.feedback_incorrect))]
                                                               if question.feedback_incorrect else [])


def _written(element, question, quiz):
    """An essay graded by a person: an editor of 10 lines, an answer required, the model answer
    and every checklist point (as a list) in the grader's information, which learners never see."""
    assert element.get("type") == "essay"
    assert [text(element, t) for t in ("responseformat", "responserequired", "responsefieldlines", "attachments")] == ["editor", "1", "10", "0"]
    grader = html(element, "graderinfo")
    assert shown(question.model_answer) in grader
    lists = lxml.html.fragment_fromstring(text(element, "graderinfo/text"), create_parent="div").findall("ul")
    assert [words(etree.tostring(li, encoding="unicode")) for li in lists[-1]] == [shown(p) for p in question.checklist]


def _order(element, question, quiz):
    assert element.get("type") == "ordering"
    assert text(element, "gradingtype") == ("ABSOLUTE_POSITION" if quiz.partial_credit else "ALL_OR_NOTHING")
    assert text(element, "selecttype") == "ALL" and text(element, "selectcount") == str(len(question.items))  # every step shown
    answers = element.findall("answer")
    assert [(a.get("fraction"), words(text(a, "text"))) for a in answers] == [
        (str(i), shown(step)) for i, step in enumerate(question.items, start=1)]
    assert html(element, "correctfeedback") == shown(question.feedback_correct)
    assert html(element, "incorrectfeedback") == shown(question.feedback_incorrect)


CHECKS = {"single": _single, "multiple": _multiple, "true_false": _true_false, "text": _text, "order": _order, "written": _written}


def test_hostile_text_is_escaped_markup(tmp_path):
    """Typed tags reach Moodle as visible text (escaped twice: once as HTML, once as XML)."""
    path, _ = export("hostile", "moodle-xml", tmp_path)
    raw = path.read_text(encoding="utf-8")
    assert "<script" not in raw and "&lt;script" not in raw  # only &amp;lt;script: text on the page
    assert "javascript:alert(3)" not in raw  # a script address in a link is dropped
    root = etree.parse(str(path)).getroot()
    single = next(q for q in root.findall("question") if q.findtext("name/text") == "odd-single")
    assert single.find("answer/text").text == "Right {r} = ~ # : &lt;b onclick=alert(1)&gt;b&lt;/b&gt;"
