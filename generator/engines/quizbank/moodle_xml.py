"""Moodle XML: one file, a category per quiz, every question type the site has.

Written to the structure Moodle's importer reads (question/format/xml/format.php, and
question/type/ordering/questiontype.php for `ordering`, core since Moodle 4.4):

- `multichoice` (`<single>` true for single, false for multiple with walk.moodle_weights as
  `fraction` percentages, `<feedback>` per answer); `truefalse` (answers `true` and
  `false`, each with the feedback for choosing it); `shortanswer` (`<usecase>0`: not
  case-sensitive; a `*` answer at 0 % carries the feedback for any other answer);
  `ordering` (answers in the right order, ABSOLUTE_POSITION grading as in the browser,
  ALL_OR_NOTHING without partial credit);
- `essay` for a written question, graded by a person: the fields of Moodle's own export of
  an essay (question/type/essay/questiontype.php export_to_xml), an HTML editor of 10
  lines, a response required, no attachments, and the model answer and checklist
  (walk.grader_notes) as `<graderinfo>`, which Moodle shows only to the grader;
- `<generalfeedback>` from the explanation, a `<hint>` per hint, `<defaultgrade>` from points;
- text as HTML from the site's inert renderer (site/markup.QuizMarkdown): tags typed
  in quiz text stay text, script addresses are dropped. Accepted short answers are plain text.

Moodle's multichoice always gives partial credit, so a multiple question with two or
more right options in a quiz with `partial_credit: false` is left out with a warning.
"""

from __future__ import annotations

from lxml import etree

from generator.engines.quizbank.walk import (Item, category_path, grader_notes, items, moodle_weights, ordered_quizzes,
                                            partial_credit_lost, stem, weight)
from generator.errors import Finding
from generator.model.course import Course
from generator.model.questions import MultipleQuestion, OrderQuestion, SingleQuestion, TextQuestion, TrueFalseQuestion, WrittenQuestion
from generator.site.markup import QuizMarkdown

NAME = "Moodle XML"
SUFFIX = ".xml"
NOTE = " Quiz bank exported by coursegen for Moodle's question import (Moodle XML format). " \
       "It holds the right answers in plain text: for trainers, not for learners. "


def export(course: Course) -> tuple[bytes, list[Finding]]:
    """The Moodle XML document of every quiz in `course`, and a warning per question left out."""
    render = QuizMarkdown()
    root = etree.Element("quiz")
    root.append(etree.Comment(NOTE))
    findings: list[Finding] = []
    for quiz in ordered_quizzes(course):
        category = etree.SubElement(root, "question", type="category")
        _text(category, "category", category_path(course, quiz))
        for item in items(course, quiz):
            element = question(item, render, course)
            if isinstance(element, Finding):
                findings.append(element)
            else:
                root.append(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True), findings


def question(item: Item, render: QuizMarkdown, course: Course) -> etree._Element | Finding:
    """One `<question>`, or why Moodle cannot take it."""
    q = item.question
    lost = partial_credit_lost(item, NAME)
    if lost:
        return lost
    if isinstance(q, WrittenQuestion):
        return _essay(item, render, course)
    kind = {SingleQuestion: "multichoice", MultipleQuestion: "multichoice", TrueFalseQuestion: "truefalse",
            TextQuestion: "shortanswer", OrderQuestion: "ordering"}[type(q)]
    element = etree.Element("question", type=kind)
    _text(element, "name", q.id)
    _html(element, "questiontext", render.block(stem(q)))
    _html(element, "generalfeedback", render.block(q.explanation))
    etree.SubElement(element, "defaultgrade").text = str(q.points)
    etree.SubElement(element, "hidden").text = "0"
    etree.SubElement(element, "idnumber").text = q.id
    _BODY[kind](element, item, render)
    for hint in q.hints:
        _html(element, "hint", render.block(hint))
    return element


def _essay(item: Item, render: QuizMarkdown, course: Course) -> etree._Element:
    """A written question as Moodle's essay, its elements in the order Moodle's own export writes them."""
    q = item.question
    assert isinstance(q, WrittenQuestion)
    element = etree.Element("question", type="essay")
    _text(element, "name", q.id)
    _html(element, "questiontext", render.block(stem(q)))
    _html(element, "generalfeedback", render.block(q.explanation))
    # 0, as the course gives a written answer no points: Moodle refuses only a negative
    # default mark (edit_question_form validation, "defaultmarkmustbepositive"), so 0 is its
    # smallest, and the grader still reads and comments on the essay.
    etree.SubElement(element, "defaultgrade").text = "0"
    for name, value in (("penalty", "0"), ("hidden", "0"), ("idnumber", q.id), ("responseformat", "editor"),
                        ("responserequired", "1"), ("responsefieldlines", "10"), ("attachments", "0"),
                        ("attachmentsrequired", "0")):
        etree.SubElement(element, name).text = value
    _html(element, "graderinfo", render.block(grader_notes(course, q)))
    _html(element, "responsetemplate", "")
    return element


def _multichoice(element: etree._Element, item: Item, render: QuizMarkdown) -> None:
    q = item.question
    assert isinstance(q, (SingleQuestion, MultipleQuestion))
    single = isinstance(q, SingleQuestion)
    etree.SubElement(element, "single").text = "true" if single else "false"
    etree.SubElement(element, "shuffleanswers").text = "true" if item.quiz.shuffle else "false"
    etree.SubElement(element, "answernumbering").text = "abc"
    fractions = [100.0 if o.correct else 0.0 for o in q.options] if single else moodle_weights([o.correct for o in q.options])
    for option, fraction in zip(q.options, fractions, strict=True):
        _answer(element, fraction, render.inline(option.text), render.block(option.feedback), html=True)


def _truefalse(element: etree._Element, item: Item, render: QuizMarkdown) -> None:
    """Moodle's answers are the words `true` and `false`; the first option is the true one."""
    q = item.question
    assert isinstance(q, TrueFalseQuestion)
    for word, option in zip(("true", "false"), q.options, strict=True):
        _answer(element, 100.0 if option.correct else 0.0, word, render.block(option.feedback), html=False)


def _shortanswer(element: etree._Element, item: Item, render: QuizMarkdown) -> None:
    q = item.question
    assert isinstance(q, TextQuestion)
    etree.SubElement(element, "usecase").text = "0"
    for answer in q.answers:  # a bare `*` is Moodle's wildcard (question/type/shortanswer/question.php)
        _answer(element, 100.0, answer.strip().replace("*", "\\*"), render.block(q.feedback_correct), html=False)
    if q.feedback_incorrect:
        _answer(element, 0.0, "*", render.block(q.feedback_incorrect), html=False)


def _ordering(element: etree._Element, item: Item, render: QuizMarkdown) -> None:
    """The steps in the right order (qtype_ordering numbers them by `fraction`), all shown, vertically."""
    q = item.question
    assert isinstance(q, OrderQuestion)
    for name, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(q.items))),
                        ("gradingtype", "ABSOLUTE_POSITION" if item.quiz.partial_credit else "ALL_OR_NOTHING"),
                        ("showgrading", "SHOW"), ("numberingstyle", "none")):
        etree.SubElement(element, name).text = value
    _html(element, "correctfeedback", render.block(q.feedback_correct))
    _html(element, "partiallycorrectfeedback", render.block(q.feedback_incorrect))
    _html(element, "incorrectfeedback", render.block(q.feedback_incorrect))
    for position, step in enumerate(q.items, start=1):
        answer = etree.SubElement(element, "answer", fraction=str(position), format="html")
        etree.SubElement(answer, "text").text = render.inline(step)


_BODY = {"multichoice": _multichoice, "truefalse": _truefalse, "shortanswer": _shortanswer, "ordering": _ordering}


def _answer(parent: etree._Element, fraction: float, text: str, feedback: str, *, html: bool) -> None:
    answer = etree.SubElement(parent, "answer", fraction=weight(fraction), format="html" if html else "moodle_auto_format")
    etree.SubElement(answer, "text").text = text
    _html(answer, "feedback", feedback)


def _text(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(etree.SubElement(parent, tag), "text").text = text


def _html(parent: etree._Element, tag: str, html: str) -> None:
    """`<tag format="html"><text>html</text></tag>`; lxml escapes the markup, Moodle's importer unescapes it."""
    element = etree.SubElement(parent, tag, format="html")
    etree.SubElement(element, "text").text = html
