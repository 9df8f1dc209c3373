"""The home page's way in (issue 17): a start button in the course's own words (strings.start)
that becomes "Continue: <lesson>" once the learner has begun, leading to the first lesson not
done; and links to the progress, mistakes and certificate pages, on a phone and a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import coursegen

pytestmark = pytest.mark.browser

PASSED = {"v": 1, "attempts": 1, "best": {"percent": 100, "passed": True, "date": "2026-01-02"},
          "last": {"percent": 100, "passed": True, "date": "2026-01-02", "answers": {}}, "questions": {}}


@pytest.mark.parametrize("width", [390, 1280])
def test_the_home_page_starts_then_continues_where_the_learner_left_off(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/")
    start = page.locator(".cq-home-actions .cq-start")
    expect(start).to_have_text("Start the course")
    expect(start).to_be_in_viewport()
    for name in ("Your progress", "Review my mistakes", "Certificate"):
        expect(page.locator(".cq-home-actions a", has_text=name)).to_be_visible()
    # welcome read, the rapport-trap quiz passed: its scenario is still to do
    page.evaluate("""rec => { localStorage.setItem('coursegen:v1:rapport:read:welcome', JSON.stringify('2026-01-02'));
      localStorage.setItem('coursegen:v1:rapport:rapport-trap-quiz', JSON.stringify(rec)); }""", PASSED)
    page.reload()
    expect(start).to_have_text("Continue: The rapport trap")
    # and its scenario passed too: next is leading-the-dance
    page.evaluate("""rec => localStorage.setItem('coursegen:v1:rapport:scenario:dental-review', JSON.stringify(rec))""", PASSED)
    page.reload()
    expect(start).to_have_text("Continue: Leading the dance")
    start.click()
    expect(page).to_have_url(site_url + "/lessons/leading-the-dance/")
    context.close()


def test_a_brand_s_start_words_are_used(tmp_path):
    out = tmp_path / "site"
    assert coursegen("build", "--brand", "harbor", "--out", str(out)).returncode == 0
    assert "cq-start" in (out / "index.html").read_text() and ">Cast off</a>" in (out / "index.html").read_text()
