"""A learner takes the test course's quizzes in Chromium: right and wrong answers of every
type in both modes, hints, retry, shuffle, a question pool with an attempt limit,
saved results across reloads, blocked storage, the keyboard alone and instant navigation."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

BASICS, POOL, FINAL = "/lessons/basics/", "/lessons/pool/", "/assessment/final-exam/"
RIGHT = {
    "q-single": "Mars planet", "q-multiple": ["Whale animal", "Bat animal"], "q-truefalse": "True",
    "q-order": ["Open the call", "Ask about goals", "Present the offer", "Agree a next step"], "q-text": "  take   THE lead ",
    "f-single": "Pacific ocean", "f-multiple": ["Two number", "Three number"], "f-truefalse": "True",
    "f-order": ["One item", "Two item", "Three item"], "f-text": "paris",
}
WRONG = {
    "q-single": "Venus planet", "q-multiple": ["Whale animal"], "q-truefalse": "False",
    "q-order": ["Agree a next step", "Present the offer", "Ask about goals", "Open the call"], "q-text": "follow",
    "f-single": "Atlantic ocean", "f-multiple": ["Two number"], "f-truefalse": "False",
    "f-order": ["Three item", "Two item", "One item"], "f-text": "Lyon",
}
COLOURS = {"sky": "Blue", "grass": "Green", "snow": "White", "coal": "Black", "blood": "Red", "banana": "Yellow"}


def item(page: Page, qid: str):
    return page.locator(f'.cq-item[data-qid="{qid}"]')


def position(li) -> int:
    return li.evaluate("e => [...e.parentNode.children].indexOf(e)")


def answer(page: Page, qid: str, value) -> None:
    it = item(page, qid)
    kind = it.get_attribute("data-type")
    if kind == "text":
        it.locator("input").fill(value)
    elif kind == "order":
        moved = False
        for i, text in enumerate(value):
            li = it.locator(".cq-order-item", has_text=text)
            while position(li) > i:
                li.locator(".cq-up").click()
                moved = True
        if not moved:  # the order as shown is the learner's answer: an arrow press says so
            it.locator(".cq-order-item").first.locator(".cq-up").click()
    else:
        for text in [value] if isinstance(value, str) else value:
            it.locator("label", has_text=text).locator("input").check()


def verdict(page: Page, qid: str) -> str:
    return item(page, qid).locator(".cq-verdict").inner_text().strip()


def record(page: Page, quiz: str):
    return page.evaluate(f"window.CourseQuiz.store.get('coursegen:v1:quiztest:{quiz}')")


def layout(page: Page) -> list:
    return page.evaluate("""() => [...document.querySelectorAll('.cq-item:not([hidden])')].map(i =>
        i.dataset.qid + ':' + [...i.querySelectorAll('.cq-option-text, .cq-order-text')].map(o => o.textContent).join('|'))""")


def test_practice_right_answers_of_every_type(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    for qid in ("q-single", "q-multiple", "q-truefalse", "q-order", "q-text"):
        answer(page, qid, RIGHT[qid])
        item(page, qid).locator(".cq-check").click()
        assert verdict(page, qid) == "✓ Correct", qid
        expect(page.locator(f'[data-qid="{qid}"] .cq-feedback')).to_be_focused()
        expect(item(page, qid).locator(".cq-explanation")).to_contain_text("explanation")
        expect(item(page, qid).locator(".cq-check")).to_be_hidden()
    expect(item(page, "q-single").locator(".cq-option-feedback:visible")).to_have_text("✓ Correct: Mars feedback: iron oxide makes it red.")
    expect(item(page, "q-multiple").locator(".cq-option-feedback:visible")).to_have_count(2)
    expect(item(page, "q-text").locator(".cq-type-feedback")).to_have_text("Text feedback right: someone leads.")
    result = page.locator(".cq-result")
    expect(result).to_contain_text("Your score: 100%")
    expect(result).to_contain_text("6 of 6 points")
    expect(result).to_contain_text("✓ Passed")
    expect(result).to_have_attribute("aria-live", "polite")


def test_practice_wrong_answers_of_every_type(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    for qid in ("q-single", "q-multiple", "q-truefalse", "q-order", "q-text"):
        answer(page, qid, WRONG[qid])
        item(page, qid).locator(".cq-check").click()
    assert verdict(page, "q-single") == "✗ Incorrect"
    single = item(page, "q-single")
    expect(single.locator(".cq-wrong .cq-option-feedback")).to_have_text("✗ Incorrect: Venus feedback: it is yellowish.")
    expect(single.locator(".cq-missed .cq-option-feedback")).to_have_text(
        "○ A right option you did not choose: Mars feedback: iron oxide makes it red.")
    assert verdict(page, "q-multiple") == "◐ Partly correct"
    expect(item(page, "q-multiple").locator(".cq-note")).to_have_text("You chose 1 of 2 right options and 0 wrong.")
    assert verdict(page, "q-truefalse") == "✗ Incorrect"
    assert verdict(page, "q-order") == "✗ Incorrect"
    expect(item(page, "q-order").locator(".cq-note")).to_contain_text(
        "0 of 4 steps in the right place. The right order: 1. Open the call 2. Ask about goals 3. Present the offer 4. Agree a next step")
    expect(item(page, "q-order").locator(".cq-type-feedback")).to_have_text("Order feedback wrong: goals come before the offer.")
    assert verdict(page, "q-text") == "✗ Incorrect"
    expect(item(page, "q-text").locator(".cq-note")).to_have_text("Accepted answers: Lead, take the lead")  # as written
    expect(page.locator(".cq-result")).to_contain_text("Your score: 17%")  # 1 of 6 points: half the multiple
    expect(page.locator(".cq-result")).to_contain_text("✗ Not passed yet")


def test_unanswered_question_asks_for_an_answer(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    item(page, "q-single").locator(".cq-check").click()
    feedback = item(page, "q-single").locator(".cq-feedback")
    expect(feedback).to_have_text("Choose an answer first.")
    expect(feedback).to_be_focused()


def test_hints_one_at_a_time_and_counted_in_the_result(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    single, button = item(page, "q-single"), item(page, "q-single").locator(".cq-hint")
    expect(single.locator(".cq-hint-text")).to_have_count(0)
    button.click()
    expect(single.locator(".cq-hint-text")).to_have_count(1)
    expect(single.locator(".cq-hint-text")).to_contain_text("Hint 1 of 2")
    expect(single.locator(".cq-hint-text")).to_contain_text("Think of rust.")
    expect(single.locator(".cq-hint-text")).to_be_focused()
    button.click()
    expect(single.locator(".cq-hint-text").nth(1)).to_contain_text("Hint 2 of 2")
    expect(button).to_be_hidden()
    for qid in ("q-single", "q-multiple", "q-truefalse", "q-order", "q-text"):
        answer(page, qid, RIGHT[qid])
        item(page, qid).locator(".cq-check").click()
    expect(page.locator(".cq-result")).to_contain_text("Hints used: 2")
    assert record(page, "basics-quiz")["last"]["hints"] == 2


def finish_final(page: Page, answers: dict) -> None:
    for qid in ("f-single", "f-multiple", "f-truefalse", "f-order", "f-text"):
        answer(page, qid, answers[qid])
    page.locator(".cq-submit").click()


def test_assessment_right_answers_submitted_once_with_review(page: Page, quiz_url):
    page.add_init_script("addEventListener('cq:finished', e => (window.finished = window.finished || []).push(e.detail))")
    page.goto(quiz_url + FINAL)
    expect(page.locator(".cq-check")).to_have_count(0)
    page.locator(".cq-submit").click()
    expect(page.locator(".cq-result")).to_contain_text("Answer every question before submitting.")
    finish_final(page, RIGHT)
    result = page.locator(".cq-result")
    expect(result).to_be_focused()
    expect(result).to_contain_text("Your score: 100%")
    expect(result).to_contain_text("✓ Passed")
    expect(result).to_contain_text("Each question above shows your answer")
    for qid in RIGHT:
        if qid.startswith("f-"):
            assert verdict(page, qid) == "✓ Correct"
            expect(item(page, qid).locator(".cq-explanation")).to_contain_text("Exam")
    expect(page.locator(".cq-submit")).to_be_hidden()
    expect(page.locator(".cq-item input:enabled")).to_have_count(0)
    expect(page.locator(".cq-retry")).to_have_text("Have another go")  # the course's string override
    assert page.evaluate("window.finished") == [{"course": "quiztest", "quiz": "final-exam", "percent": 100, "passed": True}]


def test_assessment_wrong_answers_and_no_partial_credit(page: Page, quiz_url):
    page.goto(quiz_url + FINAL)
    finish_final(page, WRONG)
    for qid in WRONG:
        if qid.startswith("f-"):
            assert verdict(page, qid) == "✗ Incorrect", qid
    # partial_credit: false, so one of two right options scores nothing, and says why
    expect(item(page, "f-multiple").locator(".cq-note")).to_have_text("You chose 1 of 2 right options and 0 wrong.")
    expect(page.locator(".cq-result")).to_contain_text("Your score: 0%")
    expect(page.locator(".cq-result")).to_contain_text("✗ Not passed yet")
    expect(item(page, "f-single").locator(".cq-option-feedback:visible").first).to_be_visible()


def test_retry_resets_the_quiz_and_keeps_the_best_result(page: Page, quiz_url):
    page.goto(quiz_url + FINAL)
    finish_final(page, RIGHT)
    page.locator(".cq-retry").click()
    expect(page.locator(".cq-feedback:visible")).to_have_count(0)
    expect(page.locator(".cq-result")).to_be_empty()
    expect(page.locator(".cq-submit")).to_be_visible()
    expect(page.locator(".cq-item input:checked")).to_have_count(0)
    assert page.locator('.cq-item[data-type="text"] input').input_value() == ""
    finish_final(page, WRONG)
    rec = record(page, "final-exam")
    assert rec["attempts"] == 2 and rec["best"]["percent"] == 100 and rec["last"]["percent"] == 0
    expect(page.locator(".cq-best")).to_contain_text("Your best result: 100%")


def test_shuffle_is_stable_within_an_attempt_and_differs_between_attempts(page: Page, quiz_url, browser):
    page.goto(quiz_url + FINAL)
    first = layout(page)
    page.reload()
    assert layout(page) == first
    others = []
    for _ in range(4):
        context = browser.new_context()
        other = context.new_page()
        other.goto(quiz_url + FINAL)
        others.append(layout(other))
        context.close()
    assert any(o != first for o in others)
    qids = lambda lay: sorted(entry.split(":")[0] for entry in lay)  # noqa: E731
    assert all(qids(o) == qids(first) for o in others)


def test_results_and_answers_persist_across_reloads(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    for qid in ("q-single", "q-text"):
        answer(page, qid, RIGHT[qid])
        item(page, qid).locator(".cq-check").click()
    page.reload()
    assert verdict(page, "q-single") == "✓ Correct" and verdict(page, "q-text") == "✓ Correct"
    expect(item(page, "q-multiple").locator(".cq-check")).to_be_visible()
    for qid in ("q-multiple", "q-truefalse", "q-order"):
        answer(page, qid, WRONG[qid])
        item(page, qid).locator(".cq-check").click()
    page.reload()
    expect(page.locator(".cq-best")).to_contain_text("Your best result: 50%")
    expect(page.locator(".cq-result")).to_contain_text("Your score: 50%")
    assert verdict(page, "q-multiple") == "◐ Partly correct"
    expect(page.locator(".cq-retry")).to_be_visible()
    rec = record(page, "basics-quiz")
    assert rec["v"] == 1 and rec["attempts"] == 1 and rec["best"]["percent"] == 50 and rec["best"]["passed"] is False
    assert re.match(r"\d{4}-\d\d-\d\dT", rec["best"]["date"])
    saved = rec["last"]["answers"]["q-multiple"]  # with its question's fingerprint and the chosen option's identity
    assert {k: saved[k] for k in ("value", "score")} == {"value": [0], "score": 0.5}
    assert re.fullmatch(r"[0-9a-f]{8}", saved["fp"]) and len(saved["ids"]) == 1 and saved["ids"][0]
    assert set(rec["questions"]) == {"q-single", "q-multiple", "q-truefalse", "q-order", "q-text"}
    raw = page.evaluate("localStorage.getItem('coursegen:v1:quiztest:basics-quiz')")
    assert json.loads(raw) == rec


def test_unknown_record_version_is_ignored(page: Page, quiz_url):
    page.add_init_script("localStorage.setItem('coursegen:v1:quiztest:basics-quiz', JSON.stringify({v: 99, best: 'x'}))")
    page.goto(quiz_url + BASICS)
    expect(page.locator(".cq-best")).to_be_empty()
    answer(page, "q-single", RIGHT["q-single"])
    item(page, "q-single").locator(".cq-check").click()
    assert verdict(page, "q-single") == "✓ Correct"


def test_quiz_works_when_storage_is_blocked(page: Page, quiz_url):
    errors = []
    page.on("pageerror", lambda e: errors.append(f"{e}: {e.stack}"))
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});""")
    page.goto(quiz_url + BASICS)
    expect(page.locator(".cq-storage-off")).to_have_text(re.compile("not saving progress"))
    for qid in ("q-single", "q-multiple", "q-truefalse", "q-order", "q-text"):
        answer(page, qid, RIGHT[qid])
        item(page, qid).locator(".cq-check").click()
    expect(page.locator(".cq-result")).to_contain_text("Your score: 100%")
    assert page.evaluate("window.CourseQuiz.store.available") is False
    assert record(page, "basics-quiz")["best"]["percent"] == 100
    # Material's own inline palette script throws too (stack-less); none may come from our runtime.
    assert not [e for e in errors if "/assets/course/" in e]


def test_question_pool_draws_and_attempt_limit_holds(page: Page, quiz_url):
    page.goto(quiz_url + POOL)
    for attempt in (1, 2):
        shown = page.locator(".cq-item:visible")
        expect(shown).to_have_count(3)
        expect(shown.first.locator(".cq-n")).to_have_text("Question 1 of 3")
        for i in range(3):
            it = shown.nth(i)
            thing = re.search(r"What colour is (\w+)\?", it.inner_text()).group(1)
            it.locator("label", has_text=COLOURS[thing]).locator("input").check()
            it.locator(".cq-check").click()
        expect(page.locator(".cq-result")).to_contain_text("Your score: 100%")
        if attempt == 1:
            expect(page.locator(".cq-result")).to_contain_text("Attempts left: 1")
            page.locator(".cq-retry").click()
    expect(page.locator(".cq-result")).to_contain_text("You have used all your attempts.")
    expect(page.locator(".cq-retry")).to_be_hidden()
    page.reload()
    expect(page.locator(".cq-retry")).to_be_hidden()
    expect(page.locator(".cq-best")).to_contain_text("Attempts: 2")


def tab_to(page: Page, selector: str, limit: int = 25) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_run_of_every_type(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    page.locator("#quiz-basics-quiz").scroll_into_view_if_needed()
    tab_to(page, '[data-qid="q-single"] input')
    page.keyboard.press("ArrowDown")  # Venus -> Mars
    tab_to(page, '[data-qid="q-single"] .cq-check')
    page.keyboard.press("Enter")
    expect(item(page, "q-single").locator(".cq-feedback")).to_be_focused()
    assert verdict(page, "q-single") == "✓ Correct"
    tab_to(page, '[data-qid="q-multiple"] input')
    page.keyboard.press("Space")  # Whale
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # Bat
    tab_to(page, '[data-qid="q-multiple"] .cq-check')
    page.keyboard.press("Enter")
    assert verdict(page, "q-multiple") == "✓ Correct"
    tab_to(page, '[data-qid="q-truefalse"] input')
    page.keyboard.press("Space")
    tab_to(page, '[data-qid="q-truefalse"] .cq-check')
    page.keyboard.press("Enter")
    assert verdict(page, "q-truefalse") == "✓ Correct"
    order = item(page, "q-order")
    tab_to(page, '[data-qid="q-order"] .cq-up')
    for i, text in enumerate(RIGHT["q-order"]):
        li = order.locator(".cq-order-item", has_text=text)
        li.locator(".cq-up").focus()  # where Tab would land, see the assertion below
        while position(li) > i:
            page.keyboard.press("Alt+ArrowUp")
        expect(li.locator(".cq-up")).to_be_focused()
    expect(order.locator(".cq-order-status")).to_have_text(re.compile(r"Agree a next step: position 4 of 4|position \d of 4"))
    tab_to(page, '[data-qid="q-order"] .cq-check')
    page.keyboard.press("Enter")
    assert verdict(page, "q-order") == "✓ Correct"
    tab_to(page, '[data-qid="q-text"] input')
    page.keyboard.type("lead")
    tab_to(page, '[data-qid="q-text"] .cq-check')
    page.keyboard.press("Enter")
    expect(item(page, "q-text").locator(".cq-feedback")).to_be_focused()
    expect(page.locator(".cq-result")).to_contain_text("Your score: 100%")
    tab_to(page, ".cq-retry")
    page.keyboard.press("Enter")
    expect(page.locator(".cq-result")).to_be_empty()
    expect(item(page, "q-single").locator("input").first).to_be_focused()


def test_order_moves_by_tapping_buttons_on_a_touch_screen(browser, quiz_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(quiz_url + BASICS)
    order = item(page, "q-order")
    first = order.locator(".cq-order-item").first
    text = first.locator(".cq-order-text").inner_text()
    first.locator(".cq-down").tap()
    expect(order.locator(".cq-order-item").nth(1)).to_contain_text(text)
    expect(order.locator(".cq-order-status")).to_have_text(f"{text}: position 2 of 4")
    context.close()


def test_instant_navigation_starts_the_next_quiz(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    page.locator(".md-nav__link", has_text="Pool").first.click()
    page.wait_for_url("**/lessons/pool/")
    shown = page.locator(".cq-item:visible")
    expect(shown).to_have_count(3)
    shown.first.locator(".cq-check").click()
    expect(shown.first.locator(".cq-feedback")).to_have_text("Choose an answer first.")
