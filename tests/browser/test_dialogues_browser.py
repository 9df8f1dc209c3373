"""Annotated dialogue pages in Chromium (issue 23): axe finds nothing, light and dark, at 390
and 1280 px; the marks and notes show without JavaScript; a screen reader meets speaker,
line, mark and note in that order; printed, each line stays whole, in black on white."""

from __future__ import annotations

import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT

pytestmark = pytest.mark.browser

DIALOGUES = yaml.safe_load((ROOT / "course/course.yml").read_text("utf-8"))["dialogues"]
AXE = Axe()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_dialogue_page(browser, site_url, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for did in DIALOGUES:
        page.goto(f"{site_url}/dialogues/{did}/")
        violations = AXE.run(page).response["violations"]
        found[did] = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations]
    context.close()
    assert found == {did: [] for did in DIALOGUES}


def test_marks_and_notes_show_without_javascript_and_read_in_order(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/dialogues/solar-enquiry/")
    marked = page.locator("li.cq-line--marked").first
    assert marked.locator(".cq-mark").is_visible() and marked.locator(".cq-line-note").is_visible()
    spoken = marked.aria_snapshot()
    context.close()
    order = [spoken.index(part) for part in ("Seller (inside-sales adviser):", "Some installers", "Merging", "She joins the complaint")]
    assert order == sorted(order), spoken


# Each line's box holds all its text and no two lines overlap (a class shared with another
# stylesheet once gave every line a fixed height: the transcript was drawn on top of itself)
_OVERLAPS_JS = """() => {
  const lines = [...document.querySelectorAll('.cq-dialogue > .cq-line')];
  const clipped = lines.filter(l => l.scrollHeight > l.clientHeight + 1).length;
  const boxes = lines.map(l => l.getBoundingClientRect());
  const overlapping = boxes.slice(1).filter((b, i) => b.top < boxes[i].bottom - 1).length;
  return {lines: lines.length, clipped, overlapping};
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_every_line_of_a_transcript_has_room_for_its_text(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    found = {}
    for did in DIALOGUES:
        page.goto(f"{site_url}/dialogues/{did}/")
        found[did] = page.evaluate(_OVERLAPS_JS)
    context.close()
    assert all(f["lines"] > 5 and f["clipped"] == 0 and f["overlapping"] == 0 for f in found.values()), found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_printed_dialogue_keeps_lines_whole_and_marks_in_black_on_white(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/dialogues/hospital-tender-clarification/")
    page.emulate_media(media="print")
    seen = page.evaluate("""() => ({
      breaks: [...document.querySelectorAll('.cq-line')].map(l => getComputedStyle(l).breakInside),
      marks: [...document.querySelectorAll('.cq-mark')].map(m => [getComputedStyle(m).color, m.getBoundingClientRect().width > 0]),
      body: getComputedStyle(document.body).backgroundColor,
      sidebar: [...document.querySelectorAll('.md-sidebar')].every(s => getComputedStyle(s).display === 'none') })""")
    pdf = page.pdf(format="A4")
    context.close()
    assert seen["breaks"] and set(seen["breaks"]) == {"avoid"}
    assert seen["marks"] and all(color == "rgb(0, 0, 0)" and shown for color, shown in seen["marks"])
    assert seen["body"] == "rgb(255, 255, 255)" and seen["sidebar"]
    assert 1 <= len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) <= 3  # a short call prints on a few sheets
