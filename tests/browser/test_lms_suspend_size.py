"""Suspend data fits SCORM's limits on a large course, shrinking gracefully (issue 20).

A generated 50-quiz course (bench/synth.py), every quiz taken three times with its
per-question history, every lesson read, an unfinished attempt on each quiz: far more than
SCORM 1.2's 4,096 characters. The launcher's encoder (generator/engines/lms/assets/
progress-data.js) must fit it, dropping per-question history first, then keeping best
results only, and a launch from the compact form must show the best results again.
"""

from __future__ import annotations

import json
import shutil
import sys
import zipfile

import pytest

from conftest import ROOT, coursegen, node_tool, serve_folder

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

pytestmark = pytest.mark.browser
LESSONS = 50
COURSE = f"bench-{LESSONS}"
DATE = "2026-11-20T10:00:00.000Z"


def _record(questions: int, percent: int) -> dict:
    answers = {f"q{k}": {"value": [0, 2], "score": 1 if k % 2 else 0.5} for k in range(1, questions + 1)}
    result = {"percent": percent, "passed": percent >= 70, "date": DATE}
    return {"v": 1, "attempts": 3, "best": result, "last": {"hints": 1, "answers": answers, **result},
            "questions": {q: {**a, "date": DATE} for q, a in answers.items()}}


def progress() -> dict[str, object]:
    """Every key a diligent learner leaves, without the course prefix."""
    keys: dict[str, object] = {"learner": "Ana Ruiz"}
    for i in range(1, LESSONS + 1):
        quiz = f"{synth.lesson_id(i)}-quiz"
        keys[quiz] = _record(synth.QUESTIONS, 60 + i % 40)
        keys[f"{quiz}:attempt"] = {"order": list(range(8)), "answers": {"q1": [1]}, "hints": {}, "done": False}
        keys[f"read:{synth.lesson_id(i)}"] = DATE
    keys["final"] = _record(10, 90)
    return keys


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> str:
    base = tmp_path_factory.mktemp("big")
    project = synth.write_course(base / "project", LESSONS)
    result = coursegen("export", "--format", "scorm12", str(base / "p.zip"), cwd=project)
    assert result.returncode == 0, result.stderr
    zipfile.ZipFile(base / "p.zip").extractall(base / "lms/course")
    shutil.copy(ROOT / "tests/fixtures/lms/lms.html", base / "lms/lms.html")
    for name in ("scorm12.js", "scorm2004.js"):
        shutil.copy(node_tool(f"scorm-again/dist/{name}"), base / "lms" / name)
    server, url = serve_folder(base / "lms")
    yield url
    server.shutdown()


def writing() -> dict[str, object]:
    """A learner who writes at length (issue 23): 2,000 characters per written answer and reflection."""
    text = "I would first listen, then ask what matters most to the buyer. " * 32
    keys: dict[str, object] = {"reflect-share": True}
    for i in range(1, LESSONS + 1):
        keys[f"written:{synth.lesson_id(i)}-quiz"] = {"v": 1, "questions": {"w1": {"value": text, "fp": "0a1b2c3d", "ticks": [0, 2],
                                                                                    "of": 3, "date": DATE}}}
        keys[f"reflect:{synth.lesson_id(i)}"] = {"v": 1, "questions": {"k1": {"value": text, "prompt": "What will you try?", "date": DATE}}}
    return keys


def _encode(page, url: str, limit: int, extra: dict | None = None) -> tuple[str, int]:
    page.goto(f"{url}/course/launch.html")  # no LMS around it: the encoder alone, on this browser's storage
    page.evaluate("() => localStorage.clear()")
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, JSON.stringify(v)); }",
                  {f"coursegen:v1:{COURSE}:{k}": v for k, v in {**progress(), **(extra or {})}.items()})
    text, level = page.evaluate("limit => CourseLMS.encode(limit)", limit)
    return text, level


def test_full_progress_exceeds_scorm12_and_is_shrunk_to_best_results(page, big):
    full, level = _encode(page, big, 10**7)
    assert level == 0 and len(full) > 4 * 4096  # the case the shrinking exists for
    text, level = _encode(page, big, 4096)
    assert len(text) <= 4096 and level == 2
    kept = page.evaluate("text => CourseLMS.decode(text)", text)
    quizzes = {k: v for k, v in kept.items() if k.endswith("-quiz") or k == "final"}
    assert len(quizzes) == LESSONS + 1  # every best result kept at 50 quizzes
    assert quizzes["final"]["best"] == {"percent": 90, "passed": True, "date": DATE[:10]}
    assert len([k for k in kept if k.startswith("read:")]) == LESSONS
    assert kept["learner"] == "Ana Ruiz"


def test_scorm2004_keeps_everything_but_question_history(page, big):
    text, level = _encode(page, big, 64000)
    assert len(text) <= 64000 and level in (0, 1)
    kept = page.evaluate("text => CourseLMS.decode(text)", text)
    assert kept["final"]["best"]["percent"] == 90 and kept["final"]["last"]["percent"] == 90


def test_long_writing_goes_first_and_never_pushes_out_the_question_history(page, big):
    # 200,000 characters of writing: over SCORM 2004's 64,000 on its own; the quiz history fits without it
    full, level = _encode(page, big, 10**7, writing())
    assert level == 0 and len(full) > 3 * 64000 and "reflect-share" in page.evaluate("text => CourseLMS.decode(text)", full)
    text, level = _encode(page, big, 64000, writing())
    assert len(text) <= 64000
    kept = page.evaluate("text => CourseLMS.decode(text)", text)
    assert not [k for k in kept if k.startswith(("written:", "reflect"))]
    without, _ = _encode(page, big, 64000)  # the same learner without writing keeps as much as before
    assert text == without
    text, level = _encode(page, big, 4096, writing())
    assert len(text) <= 4096 and level == 2


def test_past_best_results_the_final_is_the_last_to_go(page, big):
    text, level = _encode(page, big, 600)
    assert len(text) <= 600 and level == 2
    assert "final" in page.evaluate("text => CourseLMS.decode(text)", text)


def test_a_launch_from_compact_suspend_data_shows_the_best_results(page, big):
    text, _ = _encode(page, big, 4096)
    page.evaluate("() => localStorage.clear()")
    page.goto(f"{big}/lms.html")
    saved = {"cmi": {"suspend_data": text, "core": {"lesson_location": "assessment/final.html", "entry": "resume"}}}
    page.evaluate("prior => makeApi('1.2', prior)", saved)
    page.evaluate("() => { document.getElementById('lms').src = 'course/launch.html'; }")
    site = page.frame_locator("#lms").frame_locator("#cq-lms-frame")
    site.locator(".cq-best").filter(has_text="90%").wait_for()
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('coursegen:v1:{COURSE}:lesson-0007-quiz'))")
    assert stored["best"]["percent"] == 67 and json.dumps(stored).count("answers") == 0
