"""Property-based tests: whatever a lesson or quiz file holds (valid documents, broken
ones, random YAML-looking text, random bytes), the loader and the integrity checks
either accept it or report findings that name the file. They never crash and never
hang (each example has a deadline)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Finding
from generator.load.course import CoursePaths, load_model
from generator.model.course import Lesson, Quiz
from generator.check.pipeline import check

BASE = Path(__file__).parents[1] / "fixtures" / "basecourse"
LESSON_FILE, QUIZ_FILE = "course/lessons/intro.yml", "quizzes/intro-quiz.yml"
FAST = settings(max_examples=100, deadline=1000, suppress_health_check=[HealthCheck.too_slow])

# --- strategies --------------------------------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
# NEL and the Unicode line and paragraph separators are line breaks to YAML: PyYAML's
# own dumper writes them raw and reads them back as spaces, so they cannot round-trip
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"), min_size=1, max_size=60)
scalars = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False),
                    st.sampled_from(["yes", "no", "on", "off", "null", "~", "", "0x10", "1e9", "-1"]))
anything = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4), max_leaves=12)


@st.composite
def lessons(draw, broken: bool = True):
    lesson = {
        "id": "intro",
        "title": draw(texts),
        "summary": draw(texts),
        "minutes": draw(st.integers(1, 600)),
        "objectives": [{"id": "intro-goal", "text": draw(texts)}],
        "sections": draw(st.lists(st.fixed_dictionaries(
            {"heading": texts, "body": texts}, optional={"kind": st.sampled_from(["text", "story", "tip", "warning", "scenario"])}),
            min_size=1, max_size=3)),
        "quiz": "intro-quiz",
    }
    return draw(mutated(lesson)) if broken else lesson


def option_lists(correct: int, size: int = 3):
    return st.just([{"text": f"option {i}", "correct": i == correct, "feedback": "why"} for i in range(size)])


@st.composite
def questions(draw, index: int):
    base = {"id": f"q{index}", "objective": "intro-goal", "prompt": draw(texts)}
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "order", "text"]))
    if kind in ("single", "multiple"):
        base |= {"options": draw(option_lists(0, draw(st.integers(2, 5))))}
    elif kind == "true_false":
        base |= {"options": [{"text": "True", "correct": True, "feedback": "a"}, {"text": "False", "feedback": "b"}]}
    elif kind == "order":
        base |= {"items": draw(st.lists(texts, min_size=2, max_size=5, unique=True))}
    else:
        base |= {"answers": draw(st.lists(texts, min_size=1, max_size=3))}
    optional = draw(st.fixed_dictionaries({}, optional={"hints": st.lists(texts, max_size=2), "explanation": texts,
                                                        "scenario": texts, "points": st.integers(1, 100)}))
    return {"type": kind, **base, **optional}


@st.composite
def quizzes(draw, broken: bool = True):
    count = draw(st.integers(1, 4))
    quiz = {"id": "intro-quiz", "lesson": "intro", "title": draw(texts),
            "mode": draw(st.sampled_from(["practice", "assessment"])),
            "questions": [draw(questions(i)) for i in range(count)]}
    return draw(mutated(quiz)) if broken else quiz


@st.composite
def mutated(draw, document: dict):
    """The document as is, or broken in a few random ways: keys dropped, renamed, retyped."""
    for _ in range(draw(st.integers(0, 3))):
        target, key = _pick(draw, document)
        if target is None:
            break
        action = draw(st.sampled_from(["drop", "retype", "rename", "add"]))
        if action == "drop":
            del target[key]
        elif action == "retype":
            target[key] = draw(anything)
        elif action == "rename":
            target[key + draw(st.sampled_from(["s", "_", "x"]))] = target.pop(key)
        else:
            target[draw(texts)] = draw(anything)
    return document


def _pick(draw, document: dict):
    """A random (mapping, key) inside the document."""
    spots = []

    def walk(node):
        if isinstance(node, dict):
            spots.extend((node, key) for key in node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return draw(st.sampled_from(spots)) if spots else (None, None)


yaml_tokens = st.sampled_from([
    "id", "title", "questions", "options", ":", ": ", "- ", "  ", "    ", "\t", '"', "'", "&a ", "*a", "[", "]", "{", "}",
    ",", "#", "|", ">", "---", "...", "!!python/object ", "!x ", "%YAML 1.1", "\n", "\r\n", "? ", "yes", "null", "~",
    "é", "\ufeff", "\x00", "\\", "<script>", "12", "-1", "1e400",
])
yaml_like = st.lists(yaml_tokens, max_size=60).map("".join)


# --- helpers --------------------------------------------------------------------------------


def _project() -> Path:
    root = Path(tempfile.mkdtemp(prefix="coursegen-hypo-")) / "p"
    shutil.copytree(BASE, root)
    return root


PROJECT = _project()


def load(raw: bytes, file: str, model) -> tuple[object, list[Finding]]:
    path = PROJECT / file
    path.write_bytes(raw)
    findings: list[Finding] = []
    item, _ = load_model(path, model, CoursePaths.at(PROJECT), findings)
    return item, findings


def assert_well_formed(findings: list[Finding], files: set[str]) -> None:
    for finding in findings:
        assert finding.location.file in files | {"course/course.yml", "course/lessons/next-steps.yml", "quizzes/final.yml"}
        assert finding.location.line >= 0 and finding.message and "Traceback" not in finding.message
        assert isinstance(finding.one_line(), str)


def dump(document) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


# --- properties -----------------------------------------------------------------------------


@FAST
@given(lessons())
def test_generated_lessons_load_or_report(document):
    item, findings = load(dump(document), LESSON_FILE, Lesson)
    assert_well_formed(findings, {LESSON_FILE})
    assert (item is None) == any(f.is_error for f in findings)


@FAST
@given(quizzes())
def test_generated_quizzes_load_or_report(document):
    item, findings = load(dump(document), QUIZ_FILE, Quiz)
    assert_well_formed(findings, {QUIZ_FILE})
    assert (item is None) == any(f.is_error for f in findings)


@FAST
@given(quizzes())
def test_generated_quizzes_pass_the_whole_check_without_crashing(document):
    (PROJECT / QUIZ_FILE).write_bytes(dump(document))
    try:
        _, findings = check(CoursePaths.at(PROJECT))
    finally:
        shutil.copy(BASE / QUIZ_FILE, PROJECT / QUIZ_FILE)
    assert_well_formed(findings, {QUIZ_FILE, LESSON_FILE})


@FAST
@given(lessons(broken=False), quizzes(broken=False))
def test_valid_generated_documents_are_accepted_as_written(lesson, quiz):
    for document, file, model in ((lesson, LESSON_FILE, Lesson), (quiz, QUIZ_FILE, Quiz)):
        item, findings = load(dump(document), file, model)
        assert item is not None, [f.one_line() for f in findings]
        assert item.title == document["title"]  # text comes back exactly as written


@FAST
@given(yaml_like)
def test_random_yaml_like_text_never_crashes_the_loader(text):
    for file, model in ((LESSON_FILE, Lesson), (QUIZ_FILE, Quiz)):
        _, findings = load(text.encode("utf-8"), file, model)
        assert_well_formed(findings, {file})


@FAST
@given(st.text(max_size=400))
def test_random_text_never_crashes_the_loader(text):
    _, findings = load(text.encode("utf-8", "surrogatepass"), LESSON_FILE, Lesson)
    assert_well_formed(findings, {LESSON_FILE})


@FAST
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(raw):
    _, findings = load(raw, QUIZ_FILE, Quiz)
    assert_well_formed(findings, {QUIZ_FILE})


@FAST
@given(st.integers(1, 5000), st.sampled_from(["[", "{", "- ", "a:\n  "]))
def test_deep_nesting_is_refused_not_a_crash(depth, opener):
    closer = {"[": "]", "{": "}"}.get(opener, "")
    text = "id: x\ntitle: " + opener * depth + "v" + closer * depth + "\n"
    _, findings = load(text.encode(), LESSON_FILE, Lesson)
    assert findings
    assert_well_formed(findings, {LESSON_FILE})


@FAST
@given(st.one_of(yaml_like, anything.map(lambda data: yaml.safe_dump(data, allow_unicode=True))))
def test_random_course_settings_never_crash_the_whole_check(text):
    course_file = PROJECT / "course/course.yml"
    course_file.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        course, findings = check(CoursePaths.at(PROJECT))
    finally:
        shutil.copy(BASE / "course/course.yml", course_file)
    # with course.yml unusable, the lesson and quiz files are still checked (issue 18): other
    # tests leave random text in them
    assert_well_formed(findings, {"course/course.yml", LESSON_FILE, QUIZ_FILE})
    assert course is not None or any(f.is_error for f in findings)
