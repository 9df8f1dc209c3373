"""Branching scenarios in a real browser (issue 19): every path `check` enumerates for the
test scenario, played through the page, ends where check says with its percent and
result; Back one step, Restart, a reload half-way and keyboard-only play work; the
result is stored like a quiz's; axe finds nothing in any state; without JavaScript the
conversation stays readable, and its endings and points are not in the page source."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, build_site, serve_folder
from generator.model.scenario import Scenario
from generator.model.scenario_paths import ScenarioPath, best_points, paths

pytestmark = pytest.mark.browser

COURSE = ROOT / "tests/fixtures/scenariocourse"
SCENARIO = Scenario.model_validate(yaml.safe_load((COURSE / "scenarios/supplier-call.yml").read_text(encoding="utf-8")))
LESSON = "/lessons/basics/"
RECORD = "coursegen:v1:scenariotest:scenario:supplier-call"
PATHS, _ = paths(SCENARIO)
BEST = best_points(PATHS)


@pytest.fixture(scope="module")
def scenario_url(tmp_path_factory):
    site = build_site(COURSE, tmp_path_factory.mktemp("scenariosite") / "site")
    server, url = serve_folder(site)
    yield url
    server.shutdown()


def _fresh(page, url: str) -> None:
    page.goto(url + LESSON)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".cq-sc.cq-ready")).to_have_count(1)


def _choose(page, index: int) -> None:
    page.locator(".cq-sc-ask button").nth(index).click()


def _ending(path: ScenarioPath):
    ending = next(e for e in SCENARIO.endings if e.id == path.ending)
    percent = path.percent(BEST)
    return ending, percent, ending.passed and percent >= (SCENARIO.pass_mark or 0)


def test_every_path_check_enumerates_ends_as_check_says(page, scenario_url):
    assert len(PATHS) == 8
    _fresh(page, scenario_url)
    for path in PATHS:
        page.locator(".cq-sc-restart").click()
        for step in path.steps:
            expect(page.locator(".cq-sc-ask")).to_be_visible()
            _choose(page, step.choice)
        ending, percent, passed = _ending(path)
        title = page.locator(".cq-sc-title")
        expect(title).to_have_text(f"Outcome: {ending.title}")
        expect(title).to_be_focused()
        word = "✓ Passed" if passed else "✗ Not passed yet"
        expect(page.locator(".cq-sc-score")).to_have_text(f"Result: {percent}% of the best path's points {word}")
        expect(page.locator(".cq-sc-ask")).to_be_hidden()
        expect(page.locator(".cq-sc-path > li")).to_have_count(len(path.steps))
        record = json.loads(page.evaluate(f"localStorage.getItem('{RECORD}')"))
        assert (record["last"]["ending"], record["last"]["percent"], record["last"]["passed"]) == (path.ending, percent, passed)
        assert record["last"]["path"] == [[step.node, step.choice] for step in path.steps]
    record = json.loads(page.evaluate(f"localStorage.getItem('{RECORD}')"))
    assert record["v"] == 1 and record["attempts"] == len(PATHS)
    assert record["best"]["percent"] == 100 and record["best"]["passed"] and record["best"]["ending"] == "partner"


def test_the_finished_event_carries_the_ending(page, scenario_url):
    _fresh(page, scenario_url)
    page.evaluate("window._cq = []; document.addEventListener('cq:finished', e => window._cq.push(e.detail))")
    _choose(page, 2)  # "Prices are prices": the call is lost
    assert page.evaluate("window._cq") == [{"course": "scenariotest", "quiz": "scenario:supplier-call", "scenario": "supplier-call",
                                            "ending": "lost", "percent": 0, "passed": False}]


def test_turns_name_the_speaker_and_focus_moves_to_the_new_turn(page, scenario_url):
    _fresh(page, scenario_url)
    expect(page.locator(".cq-sc-ask legend")).to_have_text("What do you say?")
    turns = page.locator("ol.cq-sc-turns > li")
    expect(turns).to_have_count(2)  # narration, then the client
    expect(turns.nth(1).locator(".cq-sc-who")).to_have_text("Client:")
    _choose(page, 0)
    expect(turns).to_have_count(4)
    expect(turns.nth(2).locator(".cq-sc-who")).to_have_text("You:")
    expect(turns.nth(2)).to_contain_text("What matters most to you this season?")
    expect(turns.nth(2)).to_be_focused()
    expect(turns.nth(3)).to_contain_text("Steady deliveries before the holidays.")


def test_back_one_step_replaces_the_last_choice(page, scenario_url):
    _fresh(page, scenario_url)
    expect(page.locator(".cq-sc-back")).to_be_hidden()  # nothing to go back to
    _choose(page, 1)  # the pitch: pushback
    expect(page.locator(".cq-sc-turns")).to_contain_text("Everyone says that.")
    page.locator(".cq-sc-back").click()
    expect(page.locator(".cq-sc-turns")).not_to_contain_text("Everyone says that.")
    expect(page.locator(".cq-sc-ask button")).to_have_count(3)
    _choose(page, 0)
    _choose(page, 0)
    _choose(page, 0)  # opening 1, needs 1, offer 1: the best path, once the pitch is taken back
    expect(page.locator(".cq-sc-score")).to_contain_text("Result: 100%")


def test_restart_after_an_ending_starts_again(page, scenario_url):
    _fresh(page, scenario_url)
    _choose(page, 2)
    expect(page.locator(".cq-sc-title")).to_have_text("Outcome: She hangs up")
    page.locator(".cq-sc-restart").click()
    expect(page.locator(".cq-sc-title")).to_have_count(0)
    expect(page.locator(".cq-sc-ask button")).to_have_count(3)
    expect(page.locator("ol.cq-sc-turns > li")).to_have_count(2)


def test_a_reload_half_way_continues_where_the_learner_was(page, scenario_url):
    _fresh(page, scenario_url)
    _choose(page, 1)
    _choose(page, 0)  # pushback: "Fair. What would you need to see?" -> needs
    page.reload()
    expect(page.locator(".cq-sc-turns")).to_contain_text("Fair. What would you need to see?")
    expect(page.locator(".cq-sc-ask button")).to_have_count(2)
    _choose(page, 0)
    _choose(page, 0)
    expect(page.locator(".cq-sc-score")).to_contain_text("Result: 83%")  # 1 + 2 + 2 of 6 points
    page.reload()  # an ending stays shown, and is not counted twice
    expect(page.locator(".cq-sc-title")).to_have_text("Outcome: A renewed contract")
    assert json.loads(page.evaluate(f"localStorage.getItem('{RECORD}')"))["attempts"] == 1


def test_keyboard_alone_plays_to_an_ending(page, scenario_url):
    _fresh(page, scenario_url)
    page.locator(".cq-sc-setting").click()
    for _ in range(3):  # each decision: Tab to the first reply, Enter
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('cq-sc-choice')"):
                break
        page.keyboard.press("Enter")
    expect(page.locator(".cq-sc-title")).to_be_focused()
    expect(page.locator(".cq-sc-title")).to_have_text("Outcome: A renewed contract")


def test_the_script_loads_only_on_pages_with_a_scenario(page, scenario_url):
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(scenario_url + "/lessons/pool/")
    expect(page.locator(".cq-quiz.cq-ready")).to_have_count(1)
    assert not [url for url in loaded if url.endswith("scenario.js")]
    page.goto(scenario_url + LESSON)
    expect(page.locator(".cq-sc.cq-ready")).to_have_count(1)
    assert [url for url in loaded if url.endswith("/assets/course/scenario.js")]


def test_without_javascript_the_nodes_are_sections_linked_by_anchors(browser, scenario_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(scenario_url + LESSON)
    expect(page.locator(".cq-sc-noscript")).to_have_text(
        "Scoring and the outcomes need JavaScript. You can still read the conversation and follow each reply.")
    expect(page.locator(".cq-sc-node[data-node]")).to_have_count(len(SCENARIO.nodes))
    page.locator(".cq-sc-option", has_text="Our flour is the best on the market.").click()
    assert page.url.endswith("#scenario-supplier-call_node-pushback")
    page.locator("#scenario-supplier-call_node-pushback .cq-sc-option", has_text="Then go elsewhere.").click()
    assert page.url.endswith("#scenario-supplier-call_end")
    expect(page.locator("#scenario-supplier-call_end")).to_contain_text("This reply ends the conversation.")
    context.close()


def test_endings_notes_and_points_are_not_in_the_page_source(scenario_url, page):
    source = page.request.get(scenario_url + LESSON).text()
    for ending in SCENARIO.endings:
        assert ending.title not in source and (ending.debrief or "") not in source
    for node in SCENARIO.nodes:
        for choice in node.choices:
            assert (choice.feedback or "") not in source


def _violations(page) -> list[str]:
    page.mouse.move(0, 0)
    # the state a learner sees: after a hovered or focused button's colour transition, which
    # axe could otherwise catch half-way (a contrast finding about neither colour)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_any_state(browser, scenario_url, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    _fresh(page, scenario_url)
    assert _violations(page) == [], "at the start"
    _choose(page, 1)
    assert _violations(page) == [], "half-way"
    _choose(page, 0)
    _choose(page, 0)
    _choose(page, 1)
    expect(page.locator(".cq-sc-title")).to_be_visible()
    assert _violations(page) == [], "at an ending"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()



def _quiz_passed(page, quiz: str) -> None:
    record = {"v": 1, "attempts": 1, "best": {"percent": 100, "passed": True, "date": "2026-01-01T00:00:00Z"}}
    page.evaluate(f"localStorage.setItem('coursegen:v1:scenariotest:{quiz}', JSON.stringify({json.dumps(record)}))")


def test_a_lesson_is_done_when_its_quiz_and_its_scenario_are_passed(page, scenario_url):
    _fresh(page, scenario_url)
    _quiz_passed(page, "basics-quiz")
    page.reload()
    status = page.locator(".cq-lesson-meta .cq-status")
    expect(status).to_have_attribute("data-state", "progress")  # the quiz alone is not enough
    for index in (0, 0, 0):
        _choose(page, index)
    expect(page.locator(".cq-sc-score")).to_contain_text("✓ Passed")
    expect(status).to_have_attribute("data-state", "done")
    page.goto(scenario_url + "/progress/")
    expect(page.locator('.cq-progress-item[data-lesson="basics"] .cq-status')).to_have_attribute("data-state", "done")
    summary = page.evaluate("CourseProgress.summary(CourseProgress.info(document.querySelector('.cq-progress')), '')")
    scenario = next(q for q in summary["quizzes"] if q["id"] == "scenario:supplier-call")
    assert (scenario["title"], scenario["best"], scenario["passed"]) == ("Practice: the supplier's call", 100, True)
    assert not summary["complete"]  # the other quizzes are still open


def test_the_certificate_waits_for_the_scenario(page, scenario_url):
    _fresh(page, scenario_url)
    for quiz in ("basics-quiz", "pool-quiz", "final-exam"):
        _quiz_passed(page, quiz)
    page.goto(scenario_url + "/certificate/")
    expect(page.locator(".cq-cert-missing")).to_be_visible()
    expect(page.locator('.cq-missing-list li[data-quiz="basics-quiz"]')).to_be_visible()
    page.goto(scenario_url + LESSON)
    for index in (0, 0, 0):
        _choose(page, index)
    page.goto(scenario_url + "/certificate/")
    expect(page.locator(".cq-cert-missing")).to_be_hidden()
    expect(page.locator(".cq-cert-form")).to_be_visible()


def test_a_failed_scenario_is_among_the_mistakes_with_its_debrief_and_a_link(page, scenario_url):
    _fresh(page, scenario_url)
    _choose(page, 2)
    page.goto(scenario_url + "/mistakes/")
    item = page.locator(".cq-mistake-scenario")
    expect(item).to_have_count(1)
    expect(item.locator(".cq-mistake-prompt")).to_have_text("Outcome: She hangs up")
    expect(item.locator(".cq-mistake-explanation")).to_have_text("A closed answer ended the conversation.")
    item.locator("a.cq-mistake-lesson").click()
    expect(page.locator(".cq-sc.cq-ready")).to_have_count(1)
    assert page.url.rstrip("/").endswith("/lessons/basics")
    expect(page.locator(".cq-sc-title")).to_have_text("Outcome: She hangs up")  # the last ending, until a restart
    page.locator(".cq-sc-restart").click()
    for index in (0, 0, 0):  # passed now: no longer a mistake
        _choose(page, index)
    page.goto(scenario_url + "/mistakes/")
    expect(page.locator(".cq-mistake-scenario")).to_have_count(0)


@pytest.fixture(scope="module")
def variant_url(tmp_path_factory):
    """The test course with the scenario's notes after each reply and no way back."""
    project = tmp_path_factory.mktemp("variant") / "p"
    shutil.copytree(COURSE, project)
    file = project / "scenarios/supplier-call.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("pass_mark: 70", "pass_mark: 70\nfeedback: immediate\nallow_back: false"),
                    encoding="utf-8")
    server, url = serve_folder(build_site(project, project / "site"))
    yield url
    server.shutdown()


def test_immediate_feedback_shows_each_note_after_the_reply_and_no_back_button(page, variant_url):
    _fresh(page, variant_url)
    _choose(page, 0)
    you = page.locator("ol.cq-sc-turns > li.cq-sc-you")
    expect(you.locator(".cq-sc-note")).to_have_text("Asking first shows you listen.")
    expect(page.locator(".cq-sc-back")).to_be_hidden()
    expect(page.locator(".cq-sc-restart")).to_be_visible()
