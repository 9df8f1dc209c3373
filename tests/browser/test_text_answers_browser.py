"""Typed answers in Chromium (issue 15): the shared test vectors graded by the real runtime
in a built page, a few hundred generated strings put in the same form by the browser as by
Python, Enter in the field, and accepted answers shown as the trainer wrote them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import generated_answers, text_answer_vectors
from generator.model.questions.text import TextQuestion, normalise

pytestmark = pytest.mark.browser
LESSON = "/lessons/typing/"



def _key(answer: str, match: str) -> dict:
    q = TextQuestion(id="q", type="text", objective="o", prompt="?", answers=[answer], match=match)
    return q.key(lambda s: s)


def test_the_runtime_gives_every_vector_its_verdict(page: Page, quiztext_url):
    page.goto(quiztext_url + LESSON)
    vectors = text_answer_vectors()["vectors"]
    cases = [{"input": v["input"], "key": _key(v["answer"], v.get("match", "forgiving"))} for v in vectors]
    scores = page.evaluate("""cases => cases.map(c =>
        CourseQuiz.types.text.grade(c.input, c.key, {accepted: "{list}"}).score)""", cases)
    found = {v["why"]: "right" if s == 1 else "wrong" for v, s in zip(vectors, scores, strict=True)}
    assert found == {v["why"]: v["verdict"] for v in vectors}


def test_browser_and_python_put_generated_strings_in_the_same_form(page: Page, quiztext_url):
    page.goto(quiztext_url + LESSON)
    strings = generated_answers()
    forms = page.evaluate("list => list.map(s => CourseQuiz.answerForm(s, false))", strings)
    differ = [(s, f, normalise(s)) for s, f in zip(strings, forms, strict=True) if f != normalise(s)]
    assert len(strings) >= 300 and differ == []


def _item(page: Page, qid: str):
    return page.locator(f'.cq-item[data-qid="{qid}"]')


def test_enter_checks_a_typed_answer_and_accepted_answers_are_shown_as_written(page: Page, quiztext_url):
    page.goto(quiztext_url + LESSON)
    apostrophe = _item(page, "t-apostrophe")
    apostrophe.locator("input").fill("Don’t!")  # a phone's apostrophe, a capital and an exclamation mark
    apostrophe.locator("input").press("Enter")
    expect(apostrophe.locator(".cq-verdict")).to_have_text("✓ Correct")

    street = _item(page, "t-sharp-s")
    street.locator("input").fill("Strase")
    street.locator("input").press("Enter")
    expect(street.locator(".cq-verdict")).to_have_text("✗ Incorrect")
    expect(street.locator(".cq-note")).to_have_text("Accepted answers: Straße")  # not `strasse`

    exact = _item(page, "t-exact")
    exact.locator("input").fill("co")
    exact.locator("input").press("Enter")
    expect(exact.locator(".cq-verdict")).to_have_text("✗ Incorrect")
    expect(exact.locator(".cq-note")).to_have_text("Accepted answers: CO")
