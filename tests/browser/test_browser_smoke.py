"""A learner opens a lesson over HTTP in Debian's Chromium, answers and sees it graded."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_answer_a_question_and_see_it_graded(page, site_url):
    page.goto(f"{site_url}/lessons/rapport-trap/")
    first = page.locator('.cq-item[data-type="single"]').first  # the quiz shuffles its questions and options
    first.locator("input").first.check()
    first.locator(".cq-check").click()
    feedback = first.locator(".cq-feedback")
    feedback.wait_for(state="visible")
    verdict = feedback.locator(".cq-verdict").inner_text().strip()
    assert verdict in {"✓ Correct", "✗ Incorrect"}
    # the ticked option's feedback, and when it was wrong the right option's too
    assert first.locator(".cq-option-feedback:visible").count() == (1 if verdict == "✓ Correct" else 2)
