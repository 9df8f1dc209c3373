"""What a keyboard or screen-reader user meets (issue 17): the focused feedback after Check
says what was chosen, whether it was right, why and which answer was right; order steps say
when they cannot move further; unanswered questions are links to them; "Mark as read" has one label
and says its state with aria-pressed; "Select all that apply." is said once; showing the
certificate moves focus to its heading; no focus stop hides under the sticky header."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from states import LONG_NAME, focus_by_keyboard

pytestmark = pytest.mark.browser

BASICS, FINAL = "/lessons/basics/", "/assessment/final-exam/"


def item(page: Page, qid: str):
    return page.locator(f'.cq-item[data-qid="{qid}"]')


def test_the_focused_feedback_says_what_was_chosen_and_what_was_right(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    it = item(page, "q-single")
    it.locator("label", has_text="Venus planet").locator("input").check()
    it.locator(".cq-check").click()
    feedback = it.locator(".cq-feedback")
    expect(feedback).to_be_focused()
    text = feedback.inner_text()
    assert "Incorrect" in text and "Your answer: Venus planet." in text and "Right answer: Mars planet." in text
    assert "Why:" in text
    # the chosen option's own feedback (beside the option) is in the focused region too, for screen readers
    option_feedback = it.locator(".cq-wrong .cq-option-feedback span").inner_text().strip()
    assert option_feedback and option_feedback in feedback.text_content()


def test_a_right_answer_names_no_other_answer(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    it = item(page, "q-text")
    it.locator("input").fill("take the lead")
    it.locator(".cq-check").click()
    text = it.locator(".cq-feedback").inner_text()
    assert "Correct" in text and "Right answer" not in text


def test_move_up_on_the_first_step_says_it_is_first_and_moves_nothing(page: Page, quiz_url):
    page.goto(quiz_url + BASICS)
    order = item(page, "q-order")
    steps, status = order.locator(".cq-order-item"), order.locator(".cq-order-status")
    first_text = steps.first.locator(".cq-order-text").inner_text()
    last_text = steps.last.locator(".cq-order-text").inner_text()
    before = steps.all_inner_texts()
    assert steps.first.locator(".cq-up").evaluate("b => getComputedStyle(b).opacity") == "0.5"  # dimmed, still a Tab stop
    steps.first.locator(".cq-up").click()
    expect(status).to_have_text(f"{first_text} is already first.")
    steps.last.locator(".cq-down").focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"{last_text} is already last.")
    assert steps.all_inner_texts() == before
    expect(steps.last.locator(".cq-down")).to_be_focused()
    steps.first.locator(".cq-down").click()  # a real move is still said as before
    expect(status).to_have_text(f"{first_text}: position 2 of {len(before)}")


def test_each_unanswered_question_is_a_link_to_it(page: Page, quiz_url):
    page.goto(quiz_url + FINAL)
    shown = page.locator(".cq-item:not([hidden])")
    types = [it.get_attribute("data-type") for it in shown.all()]
    chosen = types.index("single")
    shown.nth(chosen).locator("input").first.check()
    page.locator(".cq-submit").click()
    result = page.locator(".cq-result")
    expect(result).to_be_focused()
    open_numbers = [str(n + 1) for n in range(len(types)) if n != chosen]  # an order question no step was moved in too
    links = result.locator("a")
    expect(links).to_have_text(open_numbers)
    link = links.last
    target_id = shown.nth(int(open_numbers[-1]) - 1).get_attribute("id")
    target = page.locator(f'[id="{target_id}"]')  # fixed now: `shown` is evaluated afresh at each use
    assert link.get_attribute("href") == "#" + target_id
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#" + re.escape(target_id) + "$"))
    expect(target).to_be_in_viewport()
    # focus lands in the question (test_assessment_keyboard.py: on its first control), the list stays
    assert page.evaluate("document.activeElement.closest('.cq-item').id") == target_id
    expect(links).to_have_text(open_numbers)


def test_mark_as_read_keeps_its_label_and_says_its_state_with_aria_pressed(page: Page, site_url):
    page.goto(site_url + "/lessons/welcome/")
    button = page.locator(".cq-mark-read")
    expect(button).to_have_attribute("aria-pressed", "false")
    label = button.text_content()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    assert button.text_content() == label == "Mark as read"
    expect(button).to_be_focused()


def test_select_all_that_apply_is_said_once(page: Page, site_url, quiz_url):
    for url in (site_url + "/lessons/rapport-trap/", quiz_url + BASICS):
        page.goto(url)
        for question in page.locator('.cq-item[data-type="multiple"] fieldset').all():
            assert question.text_content().lower().count("select all that apply") == 1, url


def test_showing_the_certificate_moves_focus_to_its_heading(page: Page, quiz_url):
    page.goto(quiz_url + "/certificate/")
    page.evaluate("""() => {
      const m = window.CourseProgressMap.map, p = 'coursegen:v1:' + m.course + ':', best = {percent: 90, passed: true, date: '2026-01-02'};
      m.lessons.map(l => l[1]).filter(Boolean).concat([m.final]).forEach(q =>
        localStorage.setItem(p + q, JSON.stringify({v: 1, attempts: 1, best: best, last: best, questions: {}})));
    }""")
    page.reload()
    page.locator(".cq-learner-name").fill(LONG_NAME)
    page.locator(".cq-cert-make").click()
    heading = page.get_by_role("heading", name="Certificate of completion")
    expect(heading).to_be_focused()


@pytest.mark.parametrize("width", [390, 1280])
def test_no_focus_stop_hides_under_the_sticky_header(browser, site_url, width):
    """WCAG 2.4.11: moving back with Shift+Tab through the final assessment."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(site_url + "/assessment/final-assessment/")
    focus_by_keyboard(page, ".cq-submit")
    hidden = []
    for _ in range(80):
        page.keyboard.press("Shift+Tab")
        where = page.evaluate("""() => {
          const e = document.activeElement, r = e.getBoundingClientRect(), h = document.querySelector('.md-header').getBoundingClientRect();
          return {inQuiz: !!e.closest('.cq-quiz'), top: r.top, header: h.bottom, what: e.outerHTML.slice(0, 60)};
        }""")
        if not where["inQuiz"]:
            break
        if where["top"] < where["header"]:
            hidden.append(where)
    context.close()
    assert hidden == []


@pytest.mark.parametrize("viewport", [(390, 844), (640, 800)])  # a phone, and a 1280 px screen at 200 % zoom
def test_the_closed_drawer_and_search_are_no_tab_stops(browser, site_url, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(site_url + "/lessons/rapport-trap/")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
          return {content: !!e.closest('.md-content'), seen: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
                  && getComputedStyle(e).visibility === 'visible', what: e.outerHTML.slice(0, 70)}; }""")
        if where["content"]:
            break
        stops.append(where)
    # Material's palette switch is a visually hidden radio whose label shows it: the one allowed
    assert [s["what"] for s in stops if not s["seen"] and 'class="md-option' not in s["what"]] == []
    assert len(stops) <= 6, [s["what"] for s in stops]
    # the drawer still opens, and its links take focus then
    page.locator('label.md-header__button[for="__drawer"]').click()
    link = page.locator(".md-sidebar--primary a.md-nav__link").first
    link.focus()
    expect(link).to_be_focused()
    context.close()
