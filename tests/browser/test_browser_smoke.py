"""A learner opens a lesson over HTTP in Debian's Chromium, answers and sees it graded."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_answer_a_question_and_see_it_graded(page, site_url):
    page.goto(f"{site_url}/lessons/rapport-trap/")
    first = page.locator(".cq-item").first
    first.locator("input").first.check()
    first.locator(".cq-check").click()
    feedback = first.locator(".cq-feedback")
    feedback.wait_for(state="visible")
    assert feedback.locator(".cq-verdict").inner_text().strip() in {"✓ Correct", "✗ Incorrect", "◐ Partly correct"}
    assert first.locator(".cq-option-feedback:visible").count() == 1
