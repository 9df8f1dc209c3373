"""QTI 1.2 as Canvas Classic imports it: one zip (an IMS content package) holding every
quiz as an assessment, with its Canvas settings file, listed in `imsmanifest.xml`.

The XML is written by text2qti 0.8.0 (PyPI, BSD-3), whose Canvas QTI keeps per-choice
feedback through Canvas's own importer (QTIMigrationTool). text2qti's own input is a
plain-text quiz language that it parses and renders itself (and that can run code
blocks); we use neither. Its `Question` objects are built here from the models through
their public `append_*` methods, with the site's inert renderer standing in for
text2qti's Markdown (`_InertMarkdown`), so quiz text reaches Canvas as the course shows
it, with tags as text and no script addresses. Its manifest and quiz-settings writers
are used as they are, the manifests merged into one, the settings adjusted with lxml.

- single -> multiple_choice_question, true_false -> true_false_question (choices True
  and False, the first option being the true one), multiple ->
  multiple_answers_question, text -> short_answer_question (Canvas matches without
  case); option feedback per choice, the explanation as general feedback;
  feedback_correct / feedback_incorrect of text questions as Canvas's correct/incorrect
  feedback; points as points_possible.
- written -> essay_question (text2qti's `____` line, `append_essay`), graded by a person,
  at 0 points (the course gives it none; Canvas takes a 0-point question, text2qti's
  own language does not, so the 0 is set after it checks); QTI 1.2 has no grader-only
  text, so the model answer and checklist (walk.grader_notes) are its general feedback,
  which Canvas shows after submission, as the course shows them after writing.
- QTI 1.2 has no ordering question that Canvas Classic imports: order questions are left
  out with a warning. Hints have no QTI 1.2 place in Canvas and are not exported.
"""

from __future__ import annotations

import hashlib
import html
import io
import zipfile
from types import SimpleNamespace

from lxml import etree
from text2qti.err import Text2qtiError
from text2qti.quiz import Question
from text2qti.xml_assessment import assessment
from text2qti.xml_assessment_meta import assessment_meta
from text2qti.xml_imsmanifest import imsmanifest

from generator.engines.quizbank.walk import Item, grader_notes, items, left_out, ordered_quizzes, stem
from generator.errors import Finding
from generator.model.course import Course, Quiz
from generator.model.questions import MultipleQuestion, OrderQuestion, SingleQuestion, TextQuestion, TrueFalseQuestion, WrittenQuestion
from generator.site.markup import QuizMarkdown

NAME = "QTI 1.2"
SUFFIX = ".zip"
MANIFEST = "imsmanifest.xml"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same course gives the same zip


class _InertMarkdown:
    """The two methods of text2qti's `Markdown` that `Question` and `Choice` call,
    answered by the site's inert renderer; text2qti pastes their result into XML."""

    def __init__(self, render: QuizMarkdown):
        self._render = render

    def md_to_html_xml(self, text: str, strip_p_tags: bool = False) -> str:
        return self.xml_escape(self._render.inline(text) if strip_p_tags else self._render.block(text))

    def xml_escape(self, text: str) -> str:
        return html.escape(text, quote=True)


def export(course: Course) -> tuple[bytes, list[Finding]]:
    """The zip of every quiz in `course`, and a warning per question left out."""
    md = _InertMarkdown(QuizMarkdown())
    findings: list[Finding] = []
    files: list[tuple[str, str]] = []
    manifests: list[str] = []
    for quiz in ordered_quizzes(course):
        ident = _ident("assessment", course.settings.id, quiz.id)
        questions = []
        for item in items(course, quiz):
            made = question(item, md, course)
            if isinstance(made, Finding):
                findings.append(made)
            else:
                questions.append(made)
        if not questions:
            continue
        files.append((f"{ident}/{ident}.xml", assessment(quiz=SimpleNamespace(questions_and_delims=questions), assessment_identifier=ident,
                                                          title_xml=md.xml_escape(quiz.title))))
        files.append((f"{ident}/assessment_meta.xml", _settings(quiz, ident, questions, md)))
        manifests.append(imsmanifest(manifest_identifier=_ident("manifest", course.settings.id), assessment_identifier=ident,
                                     dependency_identifier=_ident("dependency", course.settings.id, quiz.id), images={}))
    return _zip(_one_manifest(manifests, course.settings.title), files), findings


def question(item: Item, md: _InertMarkdown, course: Course) -> Question | Finding:
    """One text2qti question, finished, or why Canvas cannot take it."""
    q = item.question
    if isinstance(q, OrderQuestion):
        return left_out(item, NAME, "Canvas Classic imports no ordering question from QTI 1.2",
                        "export it with --format moodle-xml, or rebuild it in Canvas as a matching question")
    essay = isinstance(q, WrittenQuestion)
    made = Question(stem(q), quiz=SimpleNamespace(feedback_is_solution=False), title=q.id, points=None if essay else str(q.points), md=md,
                    linenum_start=item.location.line, linenum_end=item.location.line)
    made.id = _ident("question", item.quiz.id, q.id)  # text2qti hashes the text: the same prompt twice would clash
    try:
        if essay:
            assert isinstance(q, WrittenQuestion)
            made.append_feedback(grader_notes(course, q), 0, 0)
            made.append_essay("", 0, 0)
            made.finalize()
            made.points_possible = 0
            return made
        if q.explanation:
            made.append_feedback(q.explanation, 0, 0)  # before any choice: the general feedback
        _answers(made, q)
        made.finalize()
    except Text2qtiError as error:  # e.g. two options that render the same
        return left_out(item, NAME, f"text2qti refused it ({error})", "give every option a different text")
    return made


def _answers(made: Question, q) -> None:
    if isinstance(q, TextQuestion):
        if q.feedback_correct:
            made.append_correct_feedback(q.feedback_correct, 0, 0)
        if q.feedback_incorrect:
            made.append_incorrect_feedback(q.feedback_incorrect, 0, 0)
        for answer in q.answers:
            made.append_shortans_correct_choice(answer.strip(), 0, 0)
        return
    if isinstance(q, TrueFalseQuestion):  # Canvas's true/false choices are the words True and False
        texts = ["True", "False"]
        add = {True: made.append_mctf_correct_choice, False: made.append_mctf_incorrect_choice}
    elif isinstance(q, SingleQuestion):
        texts = [o.text for o in q.options]
        add = {True: made.append_mctf_correct_choice, False: made.append_mctf_incorrect_choice}
    else:
        assert isinstance(q, MultipleQuestion)
        texts = [o.text for o in q.options]
        add = {True: made.append_multans_correct_choice, False: made.append_multans_incorrect_choice}
    for option, text in zip(q.options, texts, strict=True):
        add[option.correct](text, 0, 0)
        if option.feedback:
            made.append_feedback(option.feedback, 0, 0)  # after a choice: that choice's feedback


def _settings(quiz: Quiz, ident: str, questions: list[Question], md: _InertMarkdown) -> str:
    """Canvas's quiz settings (assessment_meta.xml) by text2qti, with the quiz's mode and attempts."""
    text = assessment_meta(assessment_identifier=ident, assignment_identifier=f"{ident}-assignment",
                           assignment_group_identifier=f"{ident}-group", title_xml=md.xml_escape(quiz.title),
                           description_html_xml="", points_possible=sum(q.points_possible for q in questions),
                           shuffle_answers="true" if quiz.shuffle else "false", show_correct_answers="true",
                           one_question_at_a_time="false", cant_go_back="false")
    root = etree.fromstring(text.encode("utf-8"))
    ns = {"c": root.nsmap[None]}
    root.find("c:quiz_type", ns).text = "practice_quiz" if quiz.mode == "practice" else "assignment"
    root.find("c:allowed_attempts", ns).text = str(quiz.attempts or -1)  # Canvas: -1 is unlimited
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode("utf-8")


def _one_manifest(manifests: list[str], title: str) -> bytes:
    """text2qti writes a manifest per assessment: the first, titled, with every one's resources."""
    first = manifests[0] if manifests else imsmanifest(manifest_identifier="coursegen_manifest", assessment_identifier="none",
                                                       dependency_identifier="none", images={})
    root = etree.fromstring(first.encode("utf-8"))
    root.find(".//{*}general/{*}title/{*}string").text = title
    resources = root.find("{*}resources")
    if not manifests:  # every question left out: a package with no assessment
        for resource in list(resources):
            resources.remove(resource)
    for other in manifests[1:]:
        for resource in etree.fromstring(other.encode("utf-8")).find("{*}resources"):
            resources.append(resource)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _zip(manifest: bytes, files: list[tuple[str, str]]) -> bytes:
    """The package, laid out as text2qti's `QTI.write` lays it out."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo(MANIFEST, _ZIP_TIME), manifest, zipfile.ZIP_DEFLATED)
        package.writestr(zipfile.ZipInfo("non_cc_assessments/", _ZIP_TIME), b"")
        for name, text in files:
            package.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return stream.getvalue()


def _ident(kind: str, *names: str) -> str:
    """An XML identifier (an NCName: starts with a letter) unique to `names`."""
    return f"coursegen_{kind}_" + hashlib.sha256("/".join(names).encode("utf-8")).hexdigest()[:24]
