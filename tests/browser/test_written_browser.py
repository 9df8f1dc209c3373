"""Written questions and reflections in a real browser (issue 23): the learner writes in a
labelled box, "Compare with a model answer" shows the model answer and the checklist, ticks
give a self-rating; the text and rating survive a reload and show in a second tab; keyboard
alone does it all; a written question never counts toward the score nor blocks submitting;
reflection prompts get boxes saved as typed, kept out of the results summary until the
learner includes them; reset clears them. The quiz test course (tests/fixtures/quizcourse)
has a written question in its practice quiz (basics); a copy of it (`exam_url`) adds one to
its assessment (final-exam)."""

from __future__ import annotations

import json
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from conftest import QUIZ_COURSE, build_site, serve_folder
from states import settle, write

from generator.results.read import read_summary

pytestmark = pytest.mark.browser

LESSON = "/lessons/basics/"
WRITTEN = ".cq-wq[data-qid='q-written']"
RECORD = "coursegen:v1:quiztest:written:basics-quiz"
REFLECT = "coursegen:v1:quiztest:reflect:basics"
AXE = Axe()


EXAM_WRITTEN = """  - id: f-written
    type: written
    objective: basics-all
    prompt: "Explain to a colleague why a quiz needs feedback on every option."
    model_answer: "Feedback tells the learner *why*, so a wrong choice teaches as much as a right one."
    checklist: ["Says feedback explains why", "Says wrong answers can teach", "Gives an example"]
"""


@pytest.fixture(scope="module")
def exam_url(tmp_path_factory):
    """The quiz test course with a written question in its assessment, built and served."""
    project = tmp_path_factory.mktemp("written-exam") / "p"
    shutil.copytree(QUIZ_COURSE, project)
    exam = project / "quizzes/final-exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8") + EXAM_WRITTEN, encoding="utf-8")
    server, url = serve_folder(build_site(project, project / "site"))
    yield url
    server.shutdown()


def _fresh(page, url: str, path: str = LESSON) -> None:
    page.goto(url + path)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".cq-quiz.cq-ready")).to_have_count(1)
    page.wait_for_function("() => !!window.CourseWritten")


def _stored(page, key: str) -> dict:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k) || 'null')", key) or {}


def _saved(page, key: str, qid: str, value: str) -> None:
    page.wait_for_function("([k, q, v]) => { const r = JSON.parse(localStorage.getItem(k) || '{}');"
                           " return !!(r.questions && r.questions[q] && r.questions[q].value === v); }", arg=[key, qid, value])


def test_write_compare_rate_and_reload(page, quiz_url):
    _fresh(page, quiz_url)
    item = page.locator(WRITTEN)
    expect(item.locator("legend.cq-prompt")).to_contain_text("does not count toward your score")
    box = item.get_by_role("textbox", name="Your answer")
    box.fill("I would say sorry and promise a call.")
    compare = item.get_by_role("button", name="Compare with a model answer")
    expect(compare).to_have_attribute("aria-expanded", "false")
    expect(item.locator(".cq-model")).to_be_hidden()
    compare.click()
    expect(compare).to_have_attribute("aria-expanded", "true")
    expect(item.locator(".cq-model-answer")).to_contain_text("Apologise for the wait")
    expect(item.locator(".cq-rating")).to_have_text("0 of 3 points covered")
    item.get_by_role("checkbox", name="Apologises for the wait").check()
    item.get_by_role("checkbox", name="Gives a time to call back").check()
    expect(item.locator(".cq-rating")).to_have_text("2 of 3 points covered")
    _saved(page, RECORD, "q-written", "I would say sorry and promise a call.")
    page.wait_for_function("k => ((JSON.parse(localStorage.getItem(k) || '{}').questions || {})['q-written'] || {}).ticks?.length === 2",
                           arg=RECORD)  # the ticks are saved a moment after the text (debounced): wait, as a learner would
    entry = _stored(page, RECORD)["questions"]["q-written"]
    assert entry["ticks"] == [0, 2] and entry["of"] == 3 and entry["fp"] == item.get_attribute("data-fp")

    page.reload()
    item = page.locator(WRITTEN)
    expect(item.get_by_role("textbox", name="Your answer")).to_have_value("I would say sorry and promise a call.")
    expect(item.locator(".cq-model")).to_be_visible()
    expect(item.locator(".cq-rating")).to_have_text("2 of 3 points covered")
    expect(item.get_by_role("checkbox", name="Apologises for the wait")).to_be_checked()
    expect(item.get_by_role("checkbox", name="Says what is known")).not_to_be_checked()


def test_a_changed_question_is_not_restored_and_says_so(page, quiz_url):
    _fresh(page, quiz_url)
    page.evaluate("k => localStorage.setItem(k, JSON.stringify({v: 1, questions: {'q-written': "
                  "{value: 'old text', fp: 'deadbeef', ticks: [0], of: 3, date: '2026-01-01T00:00:00Z'}}}))", RECORD)
    page.reload()
    item = page.locator(WRITTEN)
    expect(item.locator(".cq-changed")).to_contain_text("has changed")
    expect(item.get_by_role("textbox", name="Your answer")).to_have_value("")


def test_the_written_question_never_counts_nor_blocks_the_practice_quiz(page, quiz_url):
    _fresh(page, quiz_url)
    quiz = page.locator(".cq-quiz")
    for item in quiz.locator(".cq-item").all():  # every scored question answered, the written one left empty
        kind = item.get_attribute("data-type")
        if kind in ("single", "multiple", "true_false"):
            item.locator(".cq-options input").first.check()
        elif kind == "text":
            item.locator("input[type=text]").fill("lead")
        item.locator(".cq-check").click()
    result = quiz.locator(".cq-result")
    expect(result).to_contain_text("%")
    expect(result).to_contain_text("of 6")  # 1 + 2 + 1 + 1 + 1 points: the written question adds none
    # laid out after the scored questions, before the quiz's actions
    order = page.evaluate("() => [...document.querySelectorAll('.cq-item:not([hidden]), .cq-wq, .cq-actions')].map(e => e.className)")
    assert order[-2:] == ["cq-wq", "cq-actions"]


def test_an_assessment_submits_without_the_written_answer(page, exam_url):
    _fresh(page, exam_url, "/assessment/final-exam/")
    quiz = page.locator(".cq-quiz")
    quiz.locator(".cq-submit").click()
    unanswered = quiz.locator(".cq-result").inner_text()
    assert "Unanswered: 1, 2, 3, 4, 5" in unanswered and "6" not in unanswered  # five scored questions, no written one
    for item in quiz.locator(".cq-item:not([hidden])").all():
        kind = item.get_attribute("data-type")
        if kind in ("single", "multiple", "true_false"):
            item.locator(".cq-options input").first.check()
        elif kind == "text":
            item.locator("input[type=text]").fill("Paris")
        else:
            item.locator(".cq-up").last.click()
    written = quiz.locator(".cq-wq")
    written.get_by_role("textbox", name="Your answer").fill("Feedback teaches.")
    quiz.locator(".cq-submit").click()
    expect(quiz.locator(".cq-result")).to_contain_text("Your score")
    expect(written.get_by_role("textbox", name="Your answer")).to_have_value("Feedback teaches.")
    _saved(page, "coursegen:v1:quiztest:written:final-exam", "f-written", "Feedback teaches.")


def test_a_second_tab_sees_the_text_and_follows_it(page, quiz_url):
    _fresh(page, quiz_url)
    page.locator(WRITTEN).get_by_role("textbox", name="Your answer").fill("From the first tab.")
    page.locator(WRITTEN).get_by_role("button", name="Compare with a model answer").focus()  # done editing here
    _saved(page, RECORD, "q-written", "From the first tab.")
    other = page.context.new_page()
    other.goto(quiz_url + LESSON)
    box = other.locator(WRITTEN).get_by_role("textbox", name="Your answer")
    expect(box).to_have_value("From the first tab.")
    box.fill("Changed in the second tab.")
    other.locator(WRITTEN).get_by_role("button", name="Compare with a model answer").click()
    _saved(other, RECORD, "q-written", "Changed in the second tab.")
    expect(page.locator(WRITTEN).get_by_role("textbox", name="Your answer")).to_have_value("Changed in the second tab.")
    expect(page.locator(WRITTEN).locator(".cq-model")).to_be_visible()
    other.close()


def test_keyboard_alone_writes_compares_and_rates(page, quiz_url):
    _fresh(page, quiz_url)
    box = page.locator(WRITTEN).locator("textarea")
    box.focus()
    page.keyboard.type("Typed with the keyboard.")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('cq-compare')")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator(WRITTEN).locator(".cq-rating")).to_have_text("2 of 3 points covered")
    _saved(page, RECORD, "q-written", "Typed with the keyboard.")


def test_reflections_are_saved_as_typed_restored_and_private_until_included(page, quiz_url, tmp_path):
    _fresh(page, quiz_url)
    reflect = page.locator(".cq-reflect")
    first = reflect.get_by_role("textbox", name="Which kind of question do you find hardest, and why?")
    second = reflect.get_by_role("textbox", name="What will you practise this week?")
    share = reflect.get_by_role("checkbox", name="Include my reflections in the results summary")
    expect(share).not_to_be_checked()
    expect(reflect.locator(".cq-reflect-note")).to_contain_text("private")
    first.press_sequentially("Order questions.")
    second.fill("Open questions.")
    page.wait_for_function("k => Object.keys((JSON.parse(localStorage.getItem(k) || '{}').questions) || {}).length === 2", arg=REFLECT)
    page.locator(WRITTEN).get_by_role("textbox", name="Your answer").fill("A written answer.")
    _saved(page, RECORD, "q-written", "A written answer.")
    other = page.context.new_page()
    other.goto(quiz_url + LESSON)
    expect(other.locator(".cq-reflect").get_by_role("textbox", name="What will you practise this week?")).to_have_value("Open questions.")
    other.close()
    page.reload()
    expect(page.locator(".cq-reflect textarea").first).to_have_value("Order questions.")

    def summary() -> dict:
        page.goto(quiz_url + "/progress/")
        page.locator('.cq-summary-text[data-answers="ready"]').wait_for()
        with page.expect_download() as info:
            page.locator(".cq-summary-download").click()
        info.value.save_as(tmp_path / "results.json")
        return json.loads((tmp_path / "results.json").read_text())

    private = summary()
    assert "reflections" not in private  # off by default
    assert "- Basics quiz: no result yet\n  1 written answer (self-rated, not scored)" in page.locator(".cq-summary-text").inner_text()
    [basics] = [q for q in private["quizzes"] if q["id"] == "basics-quiz"]
    assert basics["written"] == [{"id": "q-written", "answer": "A written answer.", "covered": None, "points": None}]
    page.goto(quiz_url + LESSON)
    page.locator(".cq-reflect").get_by_role("checkbox", name="Include my reflections in the results summary").check()
    shared = summary()
    assert sorted((r["lesson"], r["prompt"], r["text"]) for r in shared["reflections"]) == [
        ("basics", "What will you practise this week?", "Open questions."),
        ("basics", "Which kind of question do you find hardest, and why?", "Order questions.")]
    read = read_summary(tmp_path / "results.json")  # and coursegen results reads both
    assert [(w.quiz, w.id, w.answer) for w in read.written] == [("basics-quiz", "q-written", "A written answer.")]
    assert len(read.reflections) == 2
    # reset clears the writing too
    page.locator(".cq-reset").click()
    page.locator(".cq-reset-yes").click()
    assert _stored(page, REFLECT) == {} and _stored(page, RECORD) == {}


def test_a_page_without_writing_never_downloads_written_js(page, quiz_url):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(quiz_url + "/lessons/pool/")
    expect(page.locator(".cq-quiz.cq-ready")).to_have_count(1)
    page.goto(quiz_url + LESSON)
    page.wait_for_function("() => !!window.CourseWritten")
    assert [u for u in asked if u.endswith("/written.js")] == [quiz_url + "/assets/course/written.js"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_while_writing(browser, quiz_url, exam_url, scheme, width):
    # the bundled course's states (states.py WRITING) check reflections there; this course has written questions too
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path, url in ((LESSON, quiz_url), ("/assessment/final-exam/", exam_url)):
        page.goto(url + path)
        write(page)
        settle(page)
        expect(page.locator(".cq-wq .cq-rating").first).to_contain_text("1 of 3")
        result = AXE.run(page, context={"include": [[".md-content"]]})
        found += [f"{path} {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
    context.close()
    assert not found, "\n".join(found)


def test_export_then_import_in_a_fresh_browser_restores_the_writing(page, quiz_url, browser, tmp_path):
    _fresh(page, quiz_url)
    page.locator(WRITTEN).get_by_role("textbox", name="Your answer").fill("Exported answer.")
    page.locator(WRITTEN).get_by_role("button", name="Compare with a model answer").click()
    page.locator(WRITTEN).get_by_role("checkbox", name="Says what is known").check()
    page.locator(".cq-reflect textarea").first.fill("Exported reflection.")
    page.locator(".cq-reflect-share").check()
    page.locator(".cq-reflect textarea").first.blur()
    _saved(page, RECORD, "q-written", "Exported answer.")
    page.goto(quiz_url + "/progress/")
    with page.expect_download() as info:
        page.locator(".cq-export").click()
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    context = browser.new_context()
    try:
        fresh = context.new_page()
        fresh.goto(quiz_url + "/progress/")
        fresh.locator(".cq-import").set_input_files(str(saved))
        fresh.locator(".cq-transfer-status").filter(has_text="Progress imported").wait_for()
        fresh.goto(quiz_url + LESSON)
        item = fresh.locator(WRITTEN)
        expect(item.get_by_role("textbox", name="Your answer")).to_have_value("Exported answer.")
        expect(item.locator(".cq-rating")).to_have_text("1 of 3 points covered")
        expect(fresh.locator(".cq-reflect textarea").first).to_have_value("Exported reflection.")
        expect(fresh.locator(".cq-reflect-share")).to_be_checked()
    finally:
        context.close()


def test_text_typed_just_before_the_tab_goes_away_is_kept(page, quiz_url):
    """No blur comes when a tab is closed or left mid-sentence: the debounced save runs on pagehide."""
    _fresh(page, quiz_url)
    box = page.locator(WRITTEN).get_by_role("textbox", name="Your answer")
    box.fill("Sorry for the wait; I will call you back by four.")
    page.goto(quiz_url + "/")  # at once: the debounce has not run yet
    entry = _stored(page, RECORD).get("questions", {}).get("q-written", {})
    assert entry.get("value") == "Sorry for the wait; I will call you back by four.", entry
