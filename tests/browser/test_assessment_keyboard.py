"""Keyboard and screen-reader users in an assessment (submit-all mode): following a link of
"Unanswered: 3, 19" lands focus on that question's first control (not only scrolls to it);
Enter in a typed answer moves to the next question's first control, after the last one to
Submit, and never submits the assessment. In a practice quiz Enter still checks."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

FINAL, BASICS = "/assessment/final-exam/", "/lessons/basics/"
ATTEMPT = "coursegen:v1:quiztest:final-exam:attempt"
RECORD = "coursegen:v1:quiztest:final-exam"
FOCUSED = """() => { const e = document.activeElement, q = e.closest('.cq-item');
  return {qid: q ? q.dataset.qid : null, tag: e.tagName.toLowerCase(), type: e.type || '', cls: e.className}; }"""


def _laid_out(page: Page, qids: list[str]) -> None:
    """The final exam with its (shuffled) questions in this order, nothing answered."""
    page.evaluate("([key, qids]) => { localStorage.clear(); localStorage.setItem(key, JSON.stringify({seed: 7, qids, answers: {}, hints: {}})); }",
                  [ATTEMPT, qids])
    page.reload()
    expect(page.locator(".cq-quiz.cq-ready")).to_have_count(1)
    assert page.locator(".cq-item:not([hidden])").evaluate_all("items => items.map(i => i.dataset.qid)") == qids


def _first_control(page: Page, qid: str) -> dict:
    return page.evaluate("""qid => { const e = document.querySelector('.cq-item[data-qid="' + qid + '"]')
      .querySelector('input:not([disabled]), button:not([disabled]):not([hidden])');
      return {qid, tag: e.tagName.toLowerCase(), type: e.type || '', cls: e.className}; }""", qid)


def test_following_an_unanswered_link_puts_focus_on_that_question(page: Page, quiz_url):
    page.goto(quiz_url + FINAL)
    _laid_out(page, ["f-single", "f-text", "f-order", "f-multiple", "f-truefalse"])
    page.locator('.cq-item[data-qid="f-single"] input').first.check()
    page.locator(".cq-submit").click()
    result = page.locator(".cq-result")
    expect(result).to_be_focused()
    expect(result.locator("a")).to_have_text(["2", "3", "4", "5"])  # the untouched order question is unanswered too
    for number, qid in ((2, "f-text"), (3, "f-order"), (5, "f-truefalse")):
        result.locator("a", has_text=str(number)).focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(f"#{re.escape(page.locator(f'.cq-item[data-qid={qid!r}]').get_attribute('id'))}$"))
        assert page.evaluate(FOCUSED) == _first_control(page, qid)
        expect(page.locator(":focus")).to_be_in_viewport()
        # the list stays to come back to (Material's instant navigation would have loaded the page afresh)
        expect(result.locator("a")).to_have_text(["2", "3", "4", "5"])
    assert page.evaluate(FOCUSED)["type"] == "radio"  # true/false: its first option, inside the question's labelled group
    page.keyboard.press("Space")  # the learner answers where focus landed
    assert page.locator('.cq-item[data-qid="f-truefalse"] input').first.is_checked()


def test_enter_in_a_typed_answer_moves_to_the_next_question_and_never_submits(page: Page, quiz_url):
    page.goto(quiz_url + FINAL)
    _laid_out(page, ["f-single", "f-text", "f-order", "f-multiple", "f-truefalse"])
    box = page.locator('.cq-item[data-qid="f-text"] .cq-text-answer input')
    box.fill("lead")
    box.press("Enter")
    assert page.evaluate(FOCUSED) == _first_control(page, "f-order")  # the order question's first step's button
    expect(box).to_have_value("lead")
    _laid_out(page, ["f-single", "f-order", "f-multiple", "f-truefalse", "f-text"])  # the typed answer last
    box.fill("lead")
    box.press("Enter")
    expect(page.locator(".cq-submit")).to_be_focused()
    box.focus()
    box.press("Enter")  # again: focus on Submit, still nothing submitted
    expect(page.locator(".cq-submit")).to_be_focused()
    expect(page.locator(".cq-result")).to_have_text("")
    assert page.evaluate(f"localStorage.getItem('{RECORD}')") is None
    assert json.loads(page.evaluate(f"localStorage.getItem('{ATTEMPT}')")).get("done") is None


def test_enter_in_a_practice_quiz_still_checks_the_typed_answer(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    text = page.locator('.cq-item[data-qid="q-text"]')
    text.locator("input").fill("take the lead")
    text.locator("input").press("Enter")
    expect(text.locator(".cq-feedback")).to_be_focused()
    expect(text.locator(".cq-verdict")).to_have_text("✓ Correct")
