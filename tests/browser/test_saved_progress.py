"""Saved progress that survives real life and shuffling that respects the question (issue 15),
in Debian's Chromium: two tabs of one browser, a quiz edited between two visits, a practice
quiz left half done, the result panel, pinned options.

The course is test_progress's (a lesson without a quiz, two lesson quizzes, a final), with
three attempts at the final and a shuffled lesson quiz holding a pinned "None of the above"
and a true/false question.
"""

from __future__ import annotations

import json

import pytest
import yaml
from test_progress import ALL_PASSED, COURSE, record, seed, statuses, write_course

from conftest import build_site, copy_project, serve_folder

pytestmark = pytest.mark.browser

FINAL = "/assessment/final/"
KEY = f"coursegen:v1:{COURSE}:"

SHUFFLED = {"id": "beta-quiz", "lesson": "beta", "title": "Beta quiz", "shuffle": True, "questions": [
    {"id": "q1", "type": "single", "objective": "beta-obj", "prompt": "Which colour is the sky on a clear day?",
     "explanation": "Blue.", "options": [
         {"text": "Blue", "correct": True, "feedback": "Yes."}, {"text": "Green", "feedback": "No."},
         {"text": "Red", "feedback": "No."}, {"text": "Yellow", "feedback": "No."},
         {"text": "None of the above", "fixed": True, "feedback": "No."}]},
    {"id": "q2", "type": "true_false", "objective": "beta-obj", "prompt": "Water is wet.", "explanation": "It is.",
     "options": [{"text": "True", "correct": True, "feedback": "Yes."}, {"text": "False", "feedback": "No."}]},
    {"id": "q3", "type": "order", "objective": "beta-obj", "prompt": "Count up.", "explanation": "1, 2, 3.",
     "items": ["One", "Two", "Three"]}]}


def edit(project, rel: str, change) -> None:
    path = project / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("saved") / "p", with_content=False)
    write_course(project)
    edit(project, "quizzes/final.yml", lambda d: d.update(attempts=3))
    (project / "quizzes/beta-quiz.yml").write_text(yaml.safe_dump(SHUFFLED, sort_keys=False), encoding="utf-8")
    build_site(project, project / "site")
    return project


@pytest.fixture(scope="module")
def url(project):
    server, base = serve_folder(project / "site")
    yield base
    server.shutdown()


def axe_findings(page) -> list[str]:
    """axe-core's findings once transitions have ended (a hovered or focused button's colour)."""
    from axe_playwright_python.sync_playwright import Axe

    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in Axe().run(page).response["violations"]]


def stored(page, quiz: str):
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", KEY + quiz)


def answer_final(page, right: bool) -> None:
    for item in page.locator(".cq-quiz.cq-ready .cq-item:not([hidden])").all():
        item.locator("label", has_text="Right" if right else "Wrong").locator("input").check()
    page.locator(".cq-submit").click()


def test_two_tabs_keep_the_best_result_and_count_every_attempt(context, url):
    a, b = context.new_page(), context.new_page()
    seed(a, url, {"alpha-quiz": ALL_PASSED["alpha-quiz"], "beta-quiz": ALL_PASSED["beta-quiz"]})
    a.goto(url + FINAL)
    b.goto(url + FINAL)
    answer_final(a, right=False)
    assert "Attempts: 1" in b.locator(".cq-best").inner_text()  # tab B heard of tab A's attempt
    answer_final(b, right=True)
    assert "✓ Passed" in b.locator(".cq-result").inner_text()
    a.locator(".cq-retry").click()  # tab A, never reloaded
    answer_final(a, right=False)
    rec = stored(a, "final")
    assert rec["attempts"] == 3 and rec["best"]["percent"] == 100 and rec["best"]["passed"]
    # attempts used up, the best passed: not "Not passed yet"
    result = a.locator(".cq-result").inner_text()
    assert "Not passed yet" not in result and "your best result did" in result
    assert "Attempts: 3" in a.locator(".cq-best").inner_text() and "100%" in a.locator(".cq-best").inner_text()
    b.locator(".cq-best", has_text="Attempts: 3").wait_for()  # live, without a reload
    b.locator(".cq-retry").wait_for(state="hidden")  # tab A used the last attempt
    a.reload()
    assert "Not passed yet" not in a.locator(".cq-result").inner_text()
    cert = context.new_page()
    cert.goto(f"{url}/certificate/")
    assert cert.locator(".cq-cert-form").is_visible() and not cert.locator(".cq-cert-missing").is_visible()


def test_two_tabs_answering_one_attempt_keep_each_other_s_answers(context, url):
    a, b = context.new_page(), context.new_page()
    a.goto(f"{url}/lessons/alpha/")
    b.goto(f"{url}/lessons/alpha/")  # the same attempt, not yet answered
    for page, qid in ((a, "q1"), (b, "q2")):
        item = page.locator(f'.cq-item[data-qid="{qid}"]')
        item.locator("label", has_text="Wrong").locator("input").check()
        item.locator(".cq-check").click()
    a.reload()
    for qid in ("q1", "q2"):
        assert "✗" in a.locator(f'.cq-item[data-qid="{qid}"] .cq-verdict').inner_text()


def test_other_tabs_follow_mark_as_read_the_name_and_reset(context, url):
    a, b, c = context.new_page(), context.new_page(), context.new_page()
    a.goto(f"{url}/lessons/intro/")
    b.goto(f"{url}/progress/")
    c.goto(f"{url}/progress/")
    assert statuses(b)["intro"] == "none"
    a.locator(".cq-mark-read").click()
    b.locator('.cq-progress-item[data-lesson="intro"] .cq-status[data-state="done"]').wait_for()
    b.locator(".cq-learner-name").fill("Ada Lovelace")
    c.wait_for_function("() => document.querySelector('.cq-learner-name').value === 'Ada Lovelace'")
    b.locator(".cq-reset").click()
    b.locator(".cq-reset-yes").click()
    a.locator('.cq-mark-read[aria-pressed="false"]').wait_for()  # tab A, never reloaded, heard of the reset
    c.wait_for_function("() => document.querySelector('.cq-learner-name').value === ''")
    a.locator(".cq-mark-read").click()
    assert a.locator(".cq-mark-read").get_attribute("aria-pressed") == "true"
    b.locator('.cq-progress-item[data-lesson="intro"] .cq-status[data-state="done"]').wait_for()


def test_import_merges_and_never_lowers_a_best_result(page, url, tmp_path):
    seed(page, url, {"final": record(100, True, {"f1": 1, "f2": 1}, attempts=2), "learner": "Ada"})
    older = {"format": "coursegen-progress", "v": 1, "course": COURSE, "exported": "2026-11-01T00:00:00Z",
             "items": {"final": record(0, False, {"f1": 0, "f2": 0}, date="2026-11-25T00:00:00Z", attempts=5),
                       "learner": "Someone else", "read:intro": "2026-11-01T00:00:00Z"}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    page.goto(f"{url}/progress/")
    page.locator(".cq-import").set_input_files(str(path))
    page.locator(".cq-transfer-status").filter(has_text="imported").wait_for()
    rec = stored(page, "final")
    assert rec["best"]["percent"] == 100 and rec["best"]["passed"] and rec["attempts"] == 5
    assert stored(page, "learner") == "Ada" and stored(page, "read:intro")


def test_a_practice_quiz_left_after_a_wrong_answer_is_in_progress_with_its_mistake(page, url):
    page.goto(f"{url}/lessons/alpha/")
    item = page.locator('.cq-item[data-qid="q1"]')
    item.locator("label", has_text="Wrong").locator("input").check()
    item.locator(".cq-check").click()
    page.goto(f"{url}/progress/")
    assert statuses(page)["alpha"] == "progress"
    page.goto(f"{url}/mistakes/")
    page.locator('.cq-mistake[data-quiz="alpha-quiz"][data-qid="q1"]').wait_for()
    assert page.locator(".cq-mistake").count() == 1


def test_try_again_comes_after_the_result(page, url):
    page.goto(url + FINAL)
    answer_final(page, right=False)
    retry, result = page.locator(".cq-retry"), page.locator(".cq-result")
    assert retry.is_visible()
    assert result.evaluate("(r, b) => !!(r.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)", retry.element_handle())
    assert retry.bounding_box()["y"] > result.bounding_box()["y"] + result.bounding_box()["height"] - 1


def test_a_lesson_whose_mistakes_were_all_retried_says_so(page, url):
    seed(page, url, {"alpha-quiz": record(50, False, {"q1": 1, "q2": 0}),
                     "alpha-quiz--review": record(100, True, {"q2": 1}, date="2026-11-22T10:00:00Z")})
    page.goto(f"{url}/progress/")
    assert statuses(page)["alpha"] == "progress"
    assert "mistakes retried" in page.locator('.cq-progress-item[data-lesson="alpha"]').inner_text()
    assert "mistakes retried" not in page.locator('.cq-progress-item[data-lesson="beta"]').inner_text()
    assert axe_findings(page) == []


def test_pinned_options_and_true_false_keep_their_place_when_shuffled(page, url):
    page.goto(f"{url}/lessons/beta/")
    firsts = set()
    for _ in range(8):
        page.evaluate("k => localStorage.removeItem(k)", KEY + "beta-quiz:attempt")
        page.reload()
        options = page.locator('.cq-quiz.cq-ready .cq-item[data-qid="q1"] .cq-option-text').all_inner_texts()
        assert options[-1] == "None of the above" and sorted(options[:-1]) == ["Blue", "Green", "Red", "Yellow"]
        assert page.locator('.cq-item[data-qid="q2"] .cq-option-text').all_inner_texts() == ["True", "False"]
        firsts.add(options[0])
    assert len(firsts) > 1  # the other options do move


def test_an_edited_question_is_not_replayed_and_the_best_result_stays(context, tmp_path):
    """Build, answer, rebuild with an option inserted before the right one (and a step added), revisit."""
    project = copy_project(tmp_path / "p", with_content=False)
    write_course(project)
    (project / "quizzes/beta-quiz.yml").write_text(yaml.safe_dump(SHUFFLED, sort_keys=False), encoding="utf-8")
    site = build_site(project, project / "site")
    server, base = serve_folder(site)
    try:
        page = context.new_page()
        page.goto(f"{base}/lessons/alpha/")
        for qid in ("q1", "q2"):
            item = page.locator(f'.cq-item[data-qid="{qid}"]')
            item.locator("label", has_text="Right").locator("input").check()
            item.locator(".cq-check").click()
        page.goto(f"{base}/lessons/beta/")
        for qid, text in (("q1", "Blue"), ("q2", "True")):
            item = page.locator(f'.cq-item[data-qid="{qid}"]')
            item.locator("label", has_text=text).locator("input").check()
            item.locator(".cq-check").click()
        order = page.locator('.cq-item[data-qid="q3"]')
        for _ in range(6):  # bubble the steps into One, Two, Three
            texts = order.locator(".cq-order-text").all_inner_texts()
            wrong = [i for i in range(1, 3) if ["One", "Two", "Three"].index(texts[i]) < ["One", "Two", "Three"].index(texts[i - 1])]
            if not wrong:
                break
            order.locator(".cq-order-item").nth(wrong[0]).locator(".cq-up").click()
        order.locator(".cq-check").click()
        assert "100%" in page.locator(".cq-result").inner_text()

        saved = stored(page, "alpha-quiz")["last"]["answers"]["q1"]  # by the option's identity: its text as written
        assert saved["value"] == [0] and saved["ids"] == ["Right"] and len(saved["fp"]) == 8

        # the trainer inserts an option before the right one, and a step
        edit(project, "quizzes/alpha-quiz.yml",
             lambda d: d["questions"][0]["options"].insert(0, {"text": "Inserted", "feedback": "No."}))
        SHUFFLED_EDITED = json.loads(json.dumps(SHUFFLED))
        SHUFFLED_EDITED["questions"][2]["items"].insert(1, "One and a half")
        (project / "quizzes/beta-quiz.yml").write_text(yaml.safe_dump(SHUFFLED_EDITED, sort_keys=False), encoding="utf-8")
        build_site(project, project / "site")

        for lesson, changed, kept in (("alpha", "q1", "q2"), ("beta", "q3", "q1")):
            page.goto(f"{base}/lessons/{lesson}/")
            item = page.locator(f'.cq-quiz.cq-ready .cq-item[data-qid="{changed}"]')
            assert "has changed since you answered it" in item.inner_text()
            assert item.locator(".cq-feedback").is_hidden() and "✗" not in item.inner_text()
            assert item.locator("input, button").first.is_enabled()  # to be answered again
            assert "✓" in page.locator(f'.cq-item[data-qid="{kept}"] .cq-verdict').inner_text()
            assert "100%" in page.locator(".cq-best").inner_text() and "Your score: 0%" not in page.locator(".cq-result").inner_text()
            assert axe_findings(page) == []
    finally:
        server.shutdown()
