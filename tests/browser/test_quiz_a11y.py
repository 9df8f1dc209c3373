"""Accessibility and robustness of the quiz pages: axe-core finds nothing on a lesson page
and the final assessment (light and dark, answered, with a hint open), a 360 px phone
needs no sideways scrolling, and without JavaScript every question stays readable."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = {"lesson": "/lessons/basics/", "final": "/assessment/final-exam/"}


def answer_everything(page) -> None:
    """Pick the first option (or type a word) everywhere, so feedback of all kinds shows."""
    for it in page.locator(".cq-item:visible").all():
        kind = it.get_attribute("data-type")
        if kind == "text":
            it.locator("input").fill("something")
        elif kind == "order":  # the order as shown: an arrow press makes it the learner's answer
            it.locator(".cq-order-item").first.locator(".cq-up").click()
        else:
            it.locator("input").first.check()
        if it.locator(".cq-check").count():
            it.locator(".cq-check").click()
    if page.locator(".cq-submit").count():
        page.locator(".cq-submit").click()
        expect(page.locator(".cq-score")).to_be_visible()  # submitted, not "answer every question"


def violations(page) -> list[str]:
    """axe-core's findings once colour transitions have ended (a button just shown, hovered or focused)."""
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(browser, quiz_url, name, scheme):
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(quiz_url + PAGES[name])
    expected = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    if page.locator(".cq-hint").count():
        page.locator(".cq-hint").first.click()
    answer_everything(page)
    expect(page.locator(".cq-result")).not_to_be_empty()
    assert violations(page) == [], "after answering"
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_a_360px_phone_needs_no_sideways_scrolling(browser, quiz_url, name):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(quiz_url + PAGES[name])
    answer_everything(page)
    expect(page.locator(".cq-result")).not_to_be_empty()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for button in page.locator(".cq-quiz button:visible").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 24
    context.close()


def test_without_javascript_every_question_is_readable_with_a_notice(browser, quiz_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_url + PAGES["final"])
    expect(page.locator(".cq-noscript")).to_have_text("Checking answers needs JavaScript. You can still read every question and option.")
    expect(page.locator(".cq-item")).to_have_count(5)
    for it in page.locator(".cq-item").all():
        expect(it.locator(".cq-prompt-text")).to_be_visible()
    expect(page.locator(".cq-option-text", has_text="Pacific ocean")).to_be_visible()
    expect(page.locator(".cq-order-text", has_text="Two item")).to_be_visible()
    expect(page.locator(".cq-quiz button:visible")).to_have_count(0)  # nothing that would do nothing
    expect(page.locator(".cq-feedback:visible")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_bundled_course(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    for path in ("/lessons/rapport-trap/", "/assessment/final-assessment/"):
        page.goto(site_url + path)
        answer_everything(page)
        expect(page.locator(".cq-result")).not_to_be_empty()
        assert violations(page) == [], path
    context.close()
