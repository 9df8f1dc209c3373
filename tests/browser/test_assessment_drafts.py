"""An assessment that survives a reload before it is submitted, an order question left
untouched, the right option's feedback after a wrong choice, the trainer's text direction on
the mistakes page (issue fixc), in Debian's Chromium.

The course is test_progress's, with a final of every question type.
"""

from __future__ import annotations

import pytest
import yaml
from test_progress import COURSE, write_course

from conftest import build_site, copy_project, serve_folder

pytestmark = pytest.mark.browser

FINAL = "/assessment/final/"
KEY = f"coursegen:v1:{COURSE}:final"
STEPS = ["One", "Two", "Three"]


def final_quiz(extra_option: bool = False) -> dict:
    single = [{"text": "Right", "correct": True, "feedback": "Right is right."},
              {"text": "Wrong", "feedback": "Wrong is wrong."}]
    if extra_option:
        single.insert(0, {"text": "Inserted", "feedback": "No."})
    return {"id": "final", "final": True, "title": "Final test", "mode": "assessment", "pass_mark": 60, "questions": [
        {"id": "s1", "type": "single", "objective": "alpha-obj", "prompt": "Single?", "explanation": "S.", "options": single},
        {"id": "m1", "type": "multiple", "objective": "alpha-obj", "prompt": "Multiple?", "explanation": "M.", "options": [
            {"text": "Apple", "correct": True, "feedback": "A fruit."}, {"text": "Pear", "correct": True, "feedback": "Also a fruit."},
            {"text": "Stone", "feedback": "Not a fruit."}]},
        {"id": "t1", "type": "true_false", "objective": "beta-obj", "prompt": "Water is wet.", "explanation": "T.",
         "options": [{"text": "True", "correct": True, "feedback": "It is."}, {"text": "False", "feedback": "It is wet."}]},
        {"id": "x1", "type": "text", "objective": "beta-obj", "prompt": "Say hello.", "explanation": "X.", "answers": ["hello"]},
        {"id": "o1", "type": "order", "objective": "beta-obj", "prompt": "Count up.", "explanation": "O.", "items": STEPS}]}


def make_project(root):
    project = copy_project(root, with_content=False)
    write_course(project)
    (project / "quizzes/final.yml").write_text(yaml.safe_dump(final_quiz(), sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("drafts") / "p")
    server, base = serve_folder(build_site(project, project / "site"))
    yield base
    server.shutdown()


def item(page, qid: str):
    return page.locator(f'.cq-quiz.cq-ready .cq-item[data-qid="{qid}"]')


def sort_steps(page) -> None:
    """Bubble the order question's steps into One, Two, Three with the arrow buttons."""
    order = item(page, "o1")
    for _ in range(6):
        texts = order.locator(".cq-order-text").all_inner_texts()
        wrong = [i for i in range(1, 3) if STEPS.index(texts[i]) < STEPS.index(texts[i - 1])]
        if not wrong:
            return
        order.locator(".cq-order-item").nth(wrong[0]).locator(".cq-up").click()


def answer_all_but_submit(page) -> None:
    item(page, "s1").locator("label", has_text="Wrong").locator("input").check()
    item(page, "m1").locator("label", has_text="Apple").locator("input").check()
    item(page, "m1").locator("label", has_text="Pear").locator("input").check()
    item(page, "t1").locator("label", has_text="True").locator("input").check()
    item(page, "x1").locator("input").fill("hello")
    sort_steps(page)


def kept(page) -> dict:
    return {"s1": item(page, "s1").locator("label", has_text="Wrong").locator("input").is_checked(),
            "m1": [item(page, "m1").locator("label", has_text=t).locator("input").is_checked() for t in ("Apple", "Pear", "Stone")],
            "t1": item(page, "t1").locator("label", has_text="True").locator("input").is_checked(),
            "x1": item(page, "x1").locator("input").input_value(),
            "o1": item(page, "o1").locator(".cq-order-text").all_inner_texts()}


ALL_KEPT = {"s1": True, "m1": [True, True, False], "t1": True, "x1": "hello", "o1": STEPS}


def test_answers_not_yet_submitted_survive_a_reload_and_clear_on_submit(page, url):
    page.goto(url + FINAL)
    answer_all_but_submit(page)
    order = page.locator(".cq-quiz.cq-ready .cq-item:not([hidden])").evaluate_all("items => items.map(i => i.dataset.qid)")
    page.reload()
    assert page.locator(".cq-quiz.cq-ready .cq-item:not([hidden])").evaluate_all("items => items.map(i => i.dataset.qid)") == order
    assert kept(page) == ALL_KEPT
    page.locator(".cq-submit").click()
    assert "Unanswered" not in page.locator(".cq-result").inner_text()
    assert "Your score: 80%" in page.locator(".cq-result").inner_text()
    page.locator(".cq-retry").click()  # a new attempt starts empty, and stays so after a reload
    page.reload()
    assert not item(page, "s1").locator("input:checked").count() and item(page, "x1").locator("input").input_value() == ""


def test_two_tabs_answering_one_assessment_attempt_keep_both_tabs_answers(context, url):
    a, b = context.new_page(), context.new_page()
    a.goto(url + FINAL)
    b.goto(url + FINAL)  # the same attempt, nothing answered yet
    item(a, "s1").locator("label", has_text="Wrong").locator("input").check()
    item(b, "x1").locator("input").fill("hello")
    item(a, "t1").locator("label", has_text="True").locator("input").check()
    a.reload()
    assert item(a, "s1").locator("label", has_text="Wrong").locator("input").is_checked()
    assert item(a, "t1").locator("label", has_text="True").locator("input").is_checked()
    assert item(a, "x1").locator("input").input_value() == "hello"


def test_an_untouched_order_question_is_unanswered_until_a_step_moves(page, url):
    page.goto(url + FINAL)
    page.evaluate("k => localStorage.removeItem(k + ':attempt')", KEY)
    page.reload()
    item(page, "s1").locator("label", has_text="Right").locator("input").check()
    item(page, "m1").locator("label", has_text="Apple").locator("input").check()
    item(page, "t1").locator("label", has_text="True").locator("input").check()
    item(page, "x1").locator("input").fill("hello")
    page.locator(".cq-submit").click()
    number = item(page, "o1").locator(".cq-n").inner_text().split()[1]  # "Question 5 of 5"
    result = page.locator(".cq-result")
    assert result.inner_text().endswith(f"Unanswered: {number}") and result.evaluate("r => r === document.activeElement")
    item(page, "o1").locator(".cq-order-item").first.locator(".cq-down").focus()
    page.keyboard.press("Alt+ArrowDown")  # by keyboard too
    page.reload()  # the move is remembered
    page.locator(".cq-submit").click()
    assert "Unanswered" not in result.inner_text() and "Your score" in result.inner_text()


def test_a_wrong_choice_shows_the_right_option_and_its_feedback_where_focus_goes(page, url):
    page.goto(url + FINAL)
    page.evaluate("k => localStorage.removeItem(k + ':attempt')", KEY)
    page.reload()
    answer_all_but_submit(page)
    page.locator(".cq-submit").click()
    single = item(page, "s1")
    missed = single.locator(".cq-missed .cq-option-feedback")
    assert "Right is right." in missed.inner_text()  # the right option's own feedback, beside it
    said = single.locator(".cq-feedback .cq-said")  # and in the region a screen reader is sent to
    assert said.last.inner_text() == "Right answer: Right." and said.last.get_attribute("dir") == "auto"
    assert "Right is right." in single.locator(".cq-feedback").text_content()  # the right option's feedback, said there
    assert "Right answer" not in item(page, "m1").locator(".cq-feedback").inner_text()  # fully right: nothing more


def test_an_edited_course_keeps_unsubmitted_answers_except_a_changed_question_s(context, tmp_path):
    project = make_project(tmp_path / "p")
    site = build_site(project, project / "site")
    server, base = serve_folder(site)
    try:
        page = context.new_page()
        page.goto(base + FINAL)
        answer_all_but_submit(page)
        (project / "quizzes/final.yml").write_text(yaml.safe_dump(final_quiz(extra_option=True), sort_keys=False), encoding="utf-8")
        build_site(project, project / "site")
        page.reload()
        assert not item(page, "s1").locator("input:checked").count()  # changed: not restored, and said so
        assert "has changed since you answered it" in item(page, "s1").inner_text()
        assert {k: v for k, v in kept(page).items() if k != "s1"} == {k: v for k, v in ALL_KEPT.items() if k != "s1"}
    finally:
        server.shutdown()


def test_the_mistakes_page_shows_the_trainer_s_text_in_its_own_direction(page, url):
    page.goto(f"{url}/lessons/alpha/")
    wrong = page.locator('.cq-item[data-qid="q1"]')
    wrong.locator("label", has_text="Wrong").locator("input").check()
    wrong.locator(".cq-check").click()
    page.goto(f"{url}/mistakes/")
    mistake = page.locator('.cq-mistake[data-qid="q1"]')
    assert mistake.locator(".cq-mistake-prompt").get_attribute("dir") == "auto"
    assert mistake.locator(".cq-mistake-explanation").get_attribute("dir") == "auto"


def test_a_shuffled_order_question_is_never_first_shown_in_the_right_order(page, quiz_url):
    # Untouched means unanswered, so the order first shown must never be the answer: 60 shuffles.
    page.goto(quiz_url + "/assessment/final-exam/")
    shown = page.evaluate("""() => {
        const quiz = document.querySelector('.cq-quiz.cq-ready').cq, out = [];
        for (let seed = 1; seed <= 60; seed++) {
            quiz.layout({seed: seed, qids: quiz.att.qids, answers: {}, hints: {}});
            out.push([...document.querySelectorAll('[data-qid="f-order"] .cq-order-text')].map(e => e.textContent).join('|'));
        }
        return out;
    }""")
    assert len(set(shown)) > 1 and "One item|Two item|Three item" not in shown
