"""QTI 1.2 export for Canvas Classic: the zip is a content package whose manifest lists
every file, each assessment keeps QTI 1.2's structure, and its items read back as the
source questions (type, points, text, choices, right answers, per-choice feedback).

No XSD: the QTI 1.2 ASI schema (ims_qtiasiv1p2p1.xsd) is not in any package this
project can install (searched npm and PyPI), so the structure is checked against the
parts of the ASI content model that Canvas's importer reads, element by element."""

from __future__ import annotations

import zipfile
from collections import Counter

import pytest
from lxml import etree
from quizbank_courses import COURSES, executable, export, load, shown, stem, words

from generator.engines.quizbank.walk import grader_notes, ordered_quizzes

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
TYPES = {"single": "multiple_choice_question", "true_false": "true_false_question",
         "multiple": "multiple_answers_question", "text": "short_answer_question", "written": "essay_question"}
ITEM_CHILDREN = ["itemmetadata", "presentation", "resprocessing", "itemfeedback"]  # ASI: in this order, itemfeedback repeated


def read_package(path):
    """{file name: parsed XML} of the zip, after checking the manifest lists exactly its files."""
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if not n.endswith("/")]
        documents = {n: etree.fromstring(package.read(n), etree.XMLParser(resolve_entities=False, no_network=True)) for n in names}
    manifest = documents["imsmanifest.xml"]
    assert manifest.tag == f"{CP}manifest"
    listed = [f.get("href") for f in manifest.iter(f"{CP}file")]
    assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml")
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    for resource in resources.values():
        for dependency in resource.iter(f"{CP}dependency"):
            assert dependency.get("identifierref") in resources
    return documents, [r for r in resources.values() if r.get("type") == "imsqti_xmlv1p2"]


def items_of(document) -> list:
    assert document.tag == f"{QTI}questestinterop"
    (assessment,) = document.findall(f"{QTI}assessment")
    found = assessment.findall(f"{QTI}section/{QTI}item")
    # items are unique in the document; a response_label within its item (a text box's is
    # `answer1` in every short-answer and essay item, as text2qti and Canvas's own export write it)
    scopes = [[item.get("ident") for item in found]] + [[label.get("ident") for label in item.iter(f"{QTI}response_label")] for item in found]
    for idents in scopes:
        assert not [i for i, n in Counter(idents).items() if n > 1], "duplicate idents"
    return found


def check_item_structure(item) -> None:
    tags = [child.tag.removeprefix(QTI) for child in item]
    assert tags == sorted(tags, key=ITEM_CHILDREN.index) and tags[:3] == ITEM_CHILDREN[:3], tags
    feedback = {f.get("ident") for f in item.findall(f"{QTI}itemfeedback")}
    assert {d.get("linkrefid") for d in item.iter(f"{QTI}displayfeedback")} == feedback  # every feedback shown, none missing
    labels = {label.get("ident") for label in item.iter(f"{QTI}response_label")}
    if item.find(f".//{QTI}response_lid") is not None:
        assert {v.text for v in item.iter(f"{QTI}varequal")} <= labels
    for mattext in item.iter(f"{QTI}mattext"):
        assert mattext.get("texttype") == "text/html"
        assert not executable(mattext.text or ""), mattext.text


def metadata(item) -> dict[str, str]:
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") or "" for f in item.iter(f"{QTI}qtimetadatafield")}


def feedback(item, ident: str) -> str:
    found = item.find(f"{QTI}itemfeedback[@ident='{ident}']")
    return "" if found is None else words(found.findtext(f".//{QTI}mattext"))


def right_answers(item) -> list[str]:
    """What a response must hold for SCORE 100: the idents (or typed answers) not under <not>."""
    scoring = [c for c in item.iter(f"{QTI}respcondition") if c.findtext(f"{QTI}setvar") == "100"]
    assert len(scoring) == 1
    return [v.text for v in scoring[0].iter(f"{QTI}varequal") if v.getparent().tag != f"{QTI}not"]


@pytest.mark.parametrize("name", sorted(COURSES))
def test_qti12_package_reads_back_as_the_course(name, tmp_path):
    course = load(name)
    path, stderr = export(name, "qti12", tmp_path)
    documents, assessments = read_package(path)
    quizzes = [quiz for quiz in ordered_quizzes(course) if any(q.type != "order" for q in quiz.questions)]
    assert len(assessments) == len(quizzes)
    for quiz, resource in zip(quizzes, assessments, strict=True):
        document = documents[resource.find(f"{CP}file").get("href")]
        assert document.find(f"{QTI}assessment").get("title") == quiz.title
        settings = documents[f"{resource.get('identifier')}/assessment_meta.xml"]
        assert settings.findtext(f"{CANVAS}title") == quiz.title
        assert settings.findtext(f"{CANVAS}quiz_type") == ("practice_quiz" if quiz.mode == "practice" else "assignment")
        assert settings.findtext(f"{CANVAS}allowed_attempts") == str(quiz.attempts or -1)
        exported = iter(items_of(document))
        for question in quiz.questions:
            if question.type == "order":
                assert f"question '{question.id}' is left out of the QTI 1.2 export" in stderr
                continue
            item = next(exported)
            check_item_structure(item)
            assert item.get("title") == question.id
            meta = metadata(item)
            assert meta["question_type"] == TYPES[question.type]
            assert meta["points_possible"] == str(question.points)
            assert words(item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")) == shown(stem(question))
            if question.type == "written":
                _essay(item, question, grader_notes(course, question))
                continue
            assert feedback(item, "general_fb") == shown(question.explanation)
            (_text if question.type == "text" else _choices)(item, question)
        assert next(exported, None) is None


def _choices(item, question):
    lid = item.find(f"{QTI}presentation/{QTI}response_lid")
    assert lid.get("rcardinality") == ("Multiple" if question.type == "multiple" else "Single")
    labels = lid.findall(f".//{QTI}response_label")
    texts = ["True", "False"] if question.type == "true_false" else [shown(o.text) for o in question.options]
    assert [words(label.findtext(f".//{QTI}mattext")) for label in labels] == texts
    assert right_answers(item) == [label.get("ident") for label, o in zip(labels, question.options, strict=True) if o.correct]
    assert [feedback(item, f"{label.get('ident')}_fb") for label in labels] == [shown(o.feedback) for o in question.options]


def _essay(item, question, notes):
    """An essay graded by a person (a text box, no right answer), its general feedback the model answer and checklist."""
    assert item.find(f"{QTI}presentation/{QTI}response_str/{QTI}render_fib") is not None
    assert not [c for c in item.iter(f"{QTI}respcondition") if c.findtext(f"{QTI}setvar") == "100"]
    assert feedback(item, "general_fb") == shown(notes)
    assert shown(question.model_answer) in feedback(item, "general_fb")
    assert all(shown(point) in feedback(item, "general_fb") for point in question.checklist)


def _text(item, question):
    assert item.find(f".//{QTI}response_str/{QTI}render_fib") is not None
    assert right_answers(item) == [a.strip() for a in question.answers]
    assert feedback(item, "correct_fb") == shown(question.feedback_correct)
    assert feedback(item, "general_incorrect_fb") == shown(question.feedback_incorrect)


def test_hostile_text_is_escaped_markup(tmp_path):
    path, _ = export("hostile", "qti12", tmp_path)
    with zipfile.ZipFile(path) as package:
        raw = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".xml"))
    assert "<script" not in raw and "&lt;script" not in raw  # only &amp;lt;script: text on the page
    assert "javascript:alert(3)" not in raw
    documents, (resource,) = read_package(path)
    single = items_of(documents[resource.find(f"{CP}file").get("href")])[0]
    label = single.find(f".//{QTI}response_label")
    assert label.findtext(f".//{QTI}mattext") == "<p>Right {r} = ~ # : &lt;b onclick=alert(1)&gt;b&lt;/b&gt;</p>"


def test_the_same_course_gives_the_same_package(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, _ = export("quizcourse", "qti12", tmp_path / "a")
    second, _ = export("quizcourse", "qti12", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
