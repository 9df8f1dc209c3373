"""Quiz text is Markdown like the lesson's (issue 15), in Chromium: fenced code with its blank
lines, tables and math marked for MathJax; long URLs, identifiers and German compounds wrap
at 320 and 360 px with no horizontal overflow (Material's `html {overflow-x: hidden}` taken
away, so nothing is merely hidden) and the order question's move buttons stay on screen;
right-to-left text takes its own direction (`dir="auto"`)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
LESSON = "/lessons/markdown/"
DATE = "2026-11-20T10:00:00Z"

# Every element of `root` that sticks out of the viewport, outside boxes that scroll on their own (code).
OVERFLOW = """root => { const w = document.documentElement.clientWidth, out = [];
  for (const e of root.querySelectorAll('*')) {
    if (e.closest('pre, table, .highlight') && !e.matches('pre, table, .highlight')) continue;
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > w + 0.5 || r.left < -0.5)) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return {out, scroll: document.documentElement.scrollWidth, width: w}; }"""


def _unhide_overflow(page: Page) -> None:
    page.add_style_tag(content="html, body { overflow-x: visible !important; }")


def _item(page: Page, qid: str):
    return page.locator(f'.cq-item[data-qid="{qid}"]')


def test_code_tables_and_math_render_like_the_lesson(page: Page, quiztext_url):
    page.goto(quiztext_url + LESSON)
    code = _item(page, "m-code")
    assert code.locator(".cq-scenario pre").inner_text() == "def total(items):\n\n    return sum(items)\n"
    expect(code.locator(".cq-prompt-text code")).to_have_text("total([1, 2])")
    expect(code.locator(".cq-option-text .arithmatex").first).to_have_text("\\(1 + 2\\)")  # as the lesson's $a^2$
    assert page.locator(".md-content .arithmatex").count() >= 2
    code.locator(".cq-option input").first.check()
    code.locator(".cq-check").click()
    explanation = code.locator(".cq-explanation")
    expect(explanation.locator("table td").first).to_have_text("total([1, 2])")
    assert explanation.locator("pre").inner_text() == "first line\n\nthird line\n"


@pytest.mark.parametrize("width", [320, 360])
def test_long_words_wrap_and_move_buttons_stay_on_screen(page: Page, quiztext_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(quiztext_url + LESSON)
    _unhide_overflow(page)
    code = _item(page, "m-code")
    code.locator(".cq-option input").nth(1).check()  # the long address: its feedback and the explanation show
    code.locator(".cq-check").click()
    expect(code.locator(".cq-explanation")).to_be_visible()
    found = page.locator(".cq-quiz").evaluate(OVERFLOW)
    assert found["out"] == [] and found["scroll"] <= found["width"], found
    buttons = _item(page, "m-order").locator(".cq-order-buttons button")
    assert buttons.count() == 6
    for box in [b.bounding_box() for b in buttons.all()]:
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box


@pytest.mark.parametrize("width", [320, 360])
def test_the_certificate_wraps_a_long_name_and_title(page: Page, quiztext_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(quiztext_url + "/")
    passed = {"v": 1, "attempts": 1, "best": {"percent": 100, "passed": True, "date": DATE},
              "last": {"percent": 100, "passed": True, "date": DATE, "hints": 0, "answers": {}}, "questions": {}}
    page.evaluate("""rec => { for (const q of ['typing-quiz', 'markdown-quiz'])
        localStorage.setItem('coursegen:v1:quiztext:' + q, JSON.stringify(rec)); }""", passed)
    page.goto(quiztext_url + "/certificate/")
    _unhide_overflow(page)
    page.locator("#cq-cert-name").fill("Maximiliane Donaudampfschifffahrtsgesellschaftskapitänswitwe-Oberhuber")
    page.locator(".cq-cert-make").click()
    certificate = page.locator(".cq-certificate")
    expect(certificate).to_be_visible()
    found = certificate.evaluate(OVERFLOW)
    assert found["out"] == [] and found["scroll"] <= found["width"], found


def test_right_to_left_text_takes_its_own_direction(page: Page, quiztext_url):
    page.goto(quiztext_url + LESSON)
    hebrew = _item(page, "m-hebrew")
    parts = [hebrew.locator(".cq-prompt-text"), *hebrew.locator(".cq-option-text").all(),
             *_item(page, "m-order").locator(".cq-order-text").all()]
    assert all(p.get_attribute("dir") == "auto" for p in parts)
    direction = "e => getComputedStyle(e).direction"
    assert hebrew.locator(".cq-prompt-text").evaluate(direction) == "rtl"
    assert [o.evaluate(direction) for o in hebrew.locator(".cq-option-text").all()] == ["rtl", "rtl"]
    hebrew.locator(".cq-option input").first.check()
    hebrew.locator(".cq-check").click()
    feedback = hebrew.locator(".cq-option-feedback").first
    assert feedback.get_attribute("dir") == "auto" and hebrew.locator(".cq-feedback").get_attribute("dir") == "auto"
    # the question mark ends the Hebrew line: left of the word's first letter, not right of it
    option = hebrew.locator(".cq-option-text").first
    mark, first = option.evaluate("""e => { const t = e.firstChild, at = (i) => { const r = document.createRange();
        r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().left; };
        return [at(t.length - 1), at(0)]; }""")
    assert mark < first


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_markdown_quiz_text_at_320_px(browser, quiztext_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 320, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(quiztext_url + LESSON)
    for item in page.locator(".cq-item").all():  # feedback, explanation (a table, code) and notes shown
        if item.get_attribute("data-type") != "order":
            item.locator(".cq-option input").first.check()
        item.locator(".cq-check").click()
    found = Axe().run(page).response["violations"]
    context.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found] == []


def test_math_in_feedback_shown_later_is_handed_to_mathjax(page: Page, quiztext_url):
    # MathJax typesets a page when it opens; feedback and explanations come later, decoded on Check.
    page.add_init_script("""window.MathJax = {typesetPromise: els => {
        (window.__typeset = window.__typeset || []).push(...els.map(e => e.className)); return Promise.resolve(); }};""")
    page.goto(quiztext_url + LESSON)
    code = _item(page, "m-code")
    code.locator(".cq-option input").first.check()
    code.locator(".cq-check").click()
    expect(code.locator(".cq-explanation")).to_be_visible()
    assert {"cq-explanation", ""} <= set(page.evaluate("window.__typeset"))  # the explanation, the option's feedback
