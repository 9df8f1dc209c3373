"""Printing a lesson: no question is split between sheets, and the dark scheme prints as
white paper with dark text (no black margins with background graphics on)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_printed_lesson_keeps_questions_whole_on_white(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/lessons/leading-the-dance/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    page.emulate_media(media="print")
    seen = page.evaluate("""() => ({
      breaks: [...document.querySelectorAll('.cq-item')].map(i => getComputedStyle(i).breakInside),
      html: getComputedStyle(document.documentElement).backgroundColor, body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('.md-typeset p')).color })""")
    context.close()
    assert seen["breaks"] and set(seen["breaks"]) == {"avoid"}
    assert seen["body"] == "rgb(255, 255, 255)" and seen["html"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert seen["text"].startswith("rgba(0, 0, 0") or seen["text"].startswith("rgb(0, 0, 0"), seen["text"]

