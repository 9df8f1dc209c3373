"""Printing a handout (issue 23): the pre-call planner and the phrase bank each print on ONE
sheet of A4 and of US Letter, the manager's guide on at most two; in English, in the
German brand (nordlicht: longer words, its own serif font) and in harbor. On paper: no header,
navigation or footer, no text under 10pt, and writing spaces with visible ruled lines.
Chromium's own PDF printer counts the sheets (`page.pdf`, as "Save as PDF" does)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, serve_folder
from states import url_path

pytestmark = pytest.mark.browser

SHEETS = {hid: yaml.safe_load((ROOT / f"handouts/{hid}.yml").read_text("utf-8")).get("sheets", 1)
          for hid in yaml.safe_load((ROOT / "course/course.yml").read_text("utf-8"))["handouts"]}
PT = 96 / 72  # CSS pixels per point

_PRINTED = """() => {
  const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const chrome = ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-tabs', '.cq-handout-print']
    .filter(s => [...document.querySelectorAll(s)].some(shown));
  const texts = [...document.querySelectorAll('article *')].filter(e => shown(e)
    && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  const smallest = Math.min(...texts.map(e => parseFloat(getComputedStyle(e).fontSize)));
  const lines = [...document.querySelectorAll('.cq-write-line')].map(l => {
    const s = getComputedStyle(l); return [parseFloat(s.borderBottomWidth), s.borderBottomStyle, s.borderBottomColor]; });
  return {chrome, smallest, lines};
}"""


def sheets(page, size: str) -> int:
    pdf = page.pdf(format=size)
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


LANGUAGES = {"course": "en", "nordlicht": "de", "harbor": "en"}  # the bundled course and both brands, with their fonts


@pytest.fixture(scope="module")
def sites(built_site, brand_sites):
    """site name -> (built site, its address)."""
    served = {"course": built_site, **{name: brand_sites[name] for name in LANGUAGES if name != "course"}}
    servers = {name: serve_folder(folder) for name, folder in served.items()}
    yield {name: (served[name], url) for name, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


@pytest.mark.parametrize("handout", list(SHEETS))
@pytest.mark.parametrize("site", list(LANGUAGES))
def test_a_handout_prints_on_its_sheets_of_a4_and_letter(page, sites, handout, site):
    folder, url = sites[site]
    page.goto(f"{url}/{url_path(folder, f'toolkit/{handout}.md')}")
    assert page.locator("html").get_attribute("lang") == LANGUAGES[site]
    page.wait_for_load_state("networkidle")  # a brand's web font too: it sets the line lengths
    assert 1 <= SHEETS[handout] <= 2  # the planner and phrase bank one sheet, the manager's guide at most two
    for size in ("A4", "Letter"):
        assert 1 <= sheets(page, size) <= SHEETS[handout], f"{handout} ({site}) on {size}"


def test_the_planner_and_the_phrase_bank_are_one_sheet_handouts():
    assert SHEETS["pre-call-planner"] == SHEETS["phrase-bank"] == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_printed_handout_is_the_page_alone_in_readable_type_with_ruled_lines(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/toolkit/pre-call-planner/")
    page.emulate_media(media="print")
    printed = page.evaluate(_PRINTED)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert printed["chrome"] == []
    assert printed["smallest"] >= 10 * PT - 0.01, printed["smallest"] / PT
    assert len(printed["lines"]) >= 12
    for width, style, colour in printed["lines"]:
        assert width > 0 and style == "solid"
        channels = [float(c) for c in re.findall(r"[\d.]+", colour)[:3]]
        assert max(channels) <= 120, colour  # dark lines on white paper
    assert background == "rgb(255, 255, 255)"


def test_on_screen_the_handout_says_how_to_print_it(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))  # the course map's new page kind breaks no script
    page.goto(site_url + "/toolkit/phrase-bank/")
    page.wait_for_load_state("networkidle")
    assert errors == []
    hint = page.locator(".cq-handout-print")
    assert hint.is_visible()
    assert hint.inner_text() == "Print this page (Ctrl+P, or ⌘P on a Mac): it fits on one sheet of A4 or US Letter."
