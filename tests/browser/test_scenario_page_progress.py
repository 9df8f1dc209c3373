"""A scenario on a page of its own (a module's `scenarios:`, page practice/<id>.md) in the
learner's progress: its link in the navigation carries a status badge as a lesson's does
(not started, in progress, passed, not passed yet; the state in words for screen readers),
and when it was not passed, "Review my mistakes" links back to its own page, whose address
comes from the course map in the engine's URL style. axe finds nothing on either page in the
states states.py lists for them."""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ROOT, build_site, serve_folder
from states import settle, walk

pytestmark = pytest.mark.browser

COURSE = ROOT / "tests/fixtures/scenariocourse"
MODULES = 'modules:\n  - title: "First steps"\n    lessons: [basics]\n    scenarios: [supplier-call]\n  - title: "More"\n    lessons: [pool]\n'
PRACTICE, LESSON = "/practice/supplier-call/", "/lessons/basics/"
TITLE = "Practice: the supplier's call"


def on_its_own(project):
    """The scenario test course with its scenario moved from its lesson to a page of its own."""
    shutil.copytree(COURSE, project)
    course_file, scenario = project / "course/course.yml", project / "scenarios/supplier-call.yml"
    course_file.write_text(course_file.read_text(encoding="utf-8").replace("lessons: [basics, pool]\n", MODULES), encoding="utf-8")
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("lesson: basics\n", ""), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def practice_site(tmp_path_factory):
    project = on_its_own(tmp_path_factory.mktemp("practice") / "p")
    return build_site(project, project / "site")


@pytest.fixture(scope="module")
def practice_url(practice_site):
    server, url = serve_folder(practice_site)
    yield url
    server.shutdown()


def _fresh(page: Page, url: str, path: str = PRACTICE) -> None:
    page.goto(url + path)
    page.evaluate("localStorage.clear()")
    page.reload()


def _choose(page: Page, *indexes: int) -> None:
    for index in indexes:
        page.locator(".cq-sc-ask button").nth(index).click()


def _badge(page: Page):
    """The badge on the navigation's link to the scenario's page (from any page: the link resolves to it)."""
    link = page.locator(".md-nav--primary a.md-nav__link").filter(has_text=TITLE).first
    return link.locator(".cq-status")


def _expect_badge(page: Page, state: str, words: str) -> None:
    badge = _badge(page)
    expect(badge).to_have_attribute("data-state", state)
    expect(badge.locator(".cq-status-word")).to_have_text(words)
    expect(badge.locator(".cq-status-word")).to_have_class("cq-status-word cq-sr-only")  # said, not shown
    expect(badge.locator(".cq-status-icon")).to_have_attribute("aria-hidden", "true")


def test_the_scenario_pages_link_in_the_navigation_says_where_the_learner_stands(page: Page, practice_url):
    _fresh(page, practice_url, LESSON)
    _expect_badge(page, "none", "Not started")
    page.goto(practice_url + PRACTICE)
    expect(page.locator(".cq-sc.cq-ready")).to_have_count(1)
    _choose(page, 1)  # a reply chosen, no ending yet
    page.goto(practice_url + LESSON)
    _expect_badge(page, "progress", "In progress")
    page.goto(practice_url + PRACTICE)
    _choose(page, 0, 1)  # pushback, then "Then go elsewhere.": lost
    expect(page.locator(".cq-sc-score")).to_contain_text("✗ Not passed yet")
    _expect_badge(page, "failed", "Not passed yet")  # at once, on the scenario's own page too
    page.locator(".cq-sc-restart").click()
    _choose(page, 0, 0, 0)
    expect(page.locator(".cq-sc-score")).to_contain_text("✓ Passed")
    _expect_badge(page, "done", "Passed")
    page.goto(practice_url + LESSON)
    _expect_badge(page, "done", "Passed")


def test_a_scenario_not_passed_links_from_the_mistakes_page_to_its_own_page(page: Page, practice_url):
    _fresh(page, practice_url)
    _choose(page, 2)  # "Prices are prices": the call is lost
    expect(page.locator(".cq-sc-title")).to_have_text("Outcome: She hangs up")
    # under the page's h1 (in a lesson, under its h2: h3, h4): no heading level skipped
    assert page.locator(".cq-sc-ending").evaluate("e => [...e.querySelectorAll('h2, h3, h4')].map(h => h.tagName)") == ["H2", "H3"]
    page.goto(practice_url + "/mistakes/")
    item = page.locator(".cq-mistake-scenario")
    expect(item).to_have_count(1)
    expect(item.locator(".cq-mistake-where")).to_have_text(f"In: {TITLE}")
    expect(item.locator(".cq-mistake-prompt")).to_have_text("Outcome: She hangs up")
    expect(item.locator(".cq-mistake-explanation")).to_have_text("A closed answer ended the conversation.")
    link = item.locator("a")
    expect(link).to_have_count(1)
    expect(link).to_have_text(f"Practise the conversation again: {TITLE}")
    assert link.evaluate("a => a.href") == practice_url + PRACTICE  # the site's directory URLs
    link.click()
    assert page.url == practice_url + PRACTICE
    expect(page.locator(".cq-sc-title")).to_have_text("Outcome: She hangs up")  # the last ending, until a restart
    page.locator(".cq-sc-restart").click()
    _choose(page, 0, 0, 0)
    page.goto(practice_url + "/mistakes/")
    expect(page.locator(".cq-mistake-scenario")).to_have_count(0)


@pytest.mark.parametrize(("lesson_href", "expected"), [("../lessons/basics/", "../practice/supplier-call/"),
                                                      ("../lessons/basics.html", "../practice/supplier-call.html"),
                                                      ("lessons/basics/index.html", "practice/supplier-call/index.html")])
def test_the_scenario_pages_address_follows_the_style_of_the_lesson_links(page: Page, practice_url, lesson_href, expected):
    # the LMS packages' sites use .html addresses: the one lesson link the page carries sets the style
    page.goto(practice_url + "/mistakes/")
    found = page.evaluate("""href => {
      const root = document.createElement('div');
      root.innerHTML = '<div class="cq-lesson-links"><a data-lesson="basics"></a></div>';
      root.querySelector('a').setAttribute('href', href);
      return [CourseProgress.pageHref(root, 'scenario', 'supplier-call'), CourseProgress.pageHref(root, 'scenario', 'no-such')];
    }""", lesson_href)
    assert found == [expected, None]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_scenario_page_and_the_mistakes_it_leaves(browser, practice_site, practice_url, scheme, width):
    # the states states.py lists for these kinds: the scenario played to an ending not passed, then
    # the mistakes page with its link back, the navigation's badges on both
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(practice_url + "/")
    page.evaluate("localStorage.clear()")
    found, seen = [], []
    for target in walk(practice_site):
        if target.kind not in ("scenario", "mistakes"):
            continue
        page.goto(f"{practice_url}/{target.path}")
        for state in target.states:
            state.act(page)
            settle(page)
            seen.append(f"{target.kind} {state.name}")
            found += [f"{target.label()} {state.name}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
                      for v in Axe().run(page).response["violations"]]
        if target.kind == "scenario":
            _expect_badge(page, "failed", "Not passed yet")
        else:
            expect(page.locator(".cq-mistake-scenario a")).to_have_text(f"Practise the conversation again: {TITLE}")
    context.close()
    assert seen == ["scenario as loaded", "scenario half-way", "scenario at an ending", "mistakes with mistakes", "mistakes retrying the mistakes"]
    assert not found, "\n".join(found)
