"""Every page (states.py) reflows at 320 px with WCAG text spacing applied (WCAG 1.4.10, 1.4.12),
long names included; and nothing moves after load: the cumulative layout shift, measured with
a PerformanceObserver, is 0 on every page, on a phone and on a desktop."""

from __future__ import annotations

import pytest

from states import LONG_NAME, settle, walk

pytestmark = pytest.mark.browser

# WCAG 1.4.12's spacing, as the W3C's text-spacing bookmarklet applies it.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }"""

CLS_JS = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 300);
})"""


def _seed_long_name(page) -> None:
    page.evaluate("""name => { const m = window.CourseProgressMap.map;
      localStorage.setItem('coursegen:v1:' + m.course + ':learner', JSON.stringify(name)); }""", LONG_NAME)


def test_every_state_reflows_at_320px_with_text_spacing(browser, built_site, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for target in walk(built_site):
        page.goto(f"{site_url}/{target.path}")
        if target.kind == "certificate":
            _seed_long_name(page)
        for state in target.states:
            state.act(page)
            page.add_style_tag(content=TEXT_SPACING)
            settle(page)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                wide = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
                  .filter(e => e.getBoundingClientRect().right > 321).slice(-3).map(e => e.className || e.tagName)""")
                too_wide.append(f"{target.label()} {state.name}: {width} px ({wide})")
    context.close()
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 800)])
def test_nothing_moves_after_load(browser, built_site, site_url, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(site_url + "/")
    page.evaluate("""() => { const m = window.CourseProgressMap.map, p = 'coursegen:v1:' + m.course + ':';
      localStorage.setItem(p + m.lessons[1][1], JSON.stringify({v: 1, attempts: 1, best: {percent: 50, passed: false, date: '2026-01-01'},
        last: {percent: 50, passed: false, date: '2026-01-01', answers: {}}, questions: {}})); }""")
    shifts = {}
    for target in walk(built_site):
        if target.states[0].name == "once earned":
            continue
        page.goto(f"{site_url}/{target.path}")
        shifts[target.label()] = round(page.evaluate(CLS_JS), 4)
    context.close()
    assert {k: v for k, v in shifts.items() if v > 0} == {}
