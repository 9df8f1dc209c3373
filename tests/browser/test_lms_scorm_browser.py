"""SCORM packages in Debian's Chromium with npm's scorm-again playing the LMS.

The package's files are served from the test LMS's origin, as an LMS serves them, under
course/; tests/fixtures/lms/lms.html holds the API and logs every call the package makes.
A learner takes quizzes through the real pages in the launcher's frame; the tests assert
what the LMS holds, and the call log (scorm-again accepts calls after Finish and 1.2
suspend data over 4,096 characters, so the log and the sizes are checked here).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, coursegen, node_tool, serve_folder, answer_lms_quiz

pytestmark = pytest.mark.browser
COURSE = "lmsc"
V12, V2004 = "1.2", "2004"
FORMATS = {V12: "scorm12", V2004: "scorm2004"}
LIMITS = {V12: 4096, V2004: 64000}
EL = {  # the elements the tests read, by version
    V12: {"status": "cmi.core.lesson_status", "raw": "cmi.core.score.raw", "location": "cmi.core.lesson_location",
          "exit": "cmi.core.exit", "entry": "cmi.core.entry", "mode": "cmi.core.lesson_mode",
          "set": "LMSSetValue", "commit": "LMSCommit", "finish": "LMSFinish", "init": "LMSInitialize",
          "time": "cmi.core.session_time"},
    V2004: {"status": "cmi.success_status", "raw": "cmi.score.raw", "location": "cmi.location", "exit": "cmi.exit",
            "entry": "cmi.entry", "mode": "cmi.mode", "set": "SetValue", "commit": "Commit", "finish": "Terminate",
            "init": "Initialize", "time": "cmi.session_time"},
}


VIEWPORT = {"width": 1500, "height": 1000}  # Material shows its navigation sidebar from 1220 px in the frames


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": VIEWPORT}


def _choice(qid: str, objective: str) -> dict:
    return {"id": qid, "type": "single", "objective": objective, "prompt": f"Question {qid}?", "explanation": "Because.",
            "options": [{"text": "Right", "correct": True, "feedback": "Yes."}, {"text": "Wrong", "feedback": "No."}]}


def _lesson(lid: str, title: str, quiz: str | None) -> dict:
    data = {"id": lid, "title": title, "summary": f"About {title}.", "minutes": 5,
            "objectives": [{"id": f"{lid}-obj", "text": f"Explain {title}."}],
            "sections": [{"heading": "Part one", "body": f"Text of {title}."}]}
    return data | ({"quiz": quiz} if quiz else {})


def write_course(project: Path) -> None:
    files = {
        "course/course.yml": {"id": COURSE, "title": "LMS course", "description": "A course for the LMS tests.", "language": "en",
                              "pass_mark": 50, "final_quiz": "final", "lessons": ["intro", "alpha"]},
        "course/lessons/intro.yml": _lesson("intro", "Introduction", None),
        "course/lessons/alpha.yml": _lesson("alpha", "Alpha lesson", "alpha-quiz"),
        "quizzes/alpha-quiz.yml": {"id": "alpha-quiz", "lesson": "alpha", "title": "Alpha quiz",
                                   "questions": [_choice("q1", "alpha-obj")]},
        "quizzes/final.yml": {"id": "final", "final": True, "title": "Final test", "mode": "assessment", "pass_mark": 60,
                              "questions": [_choice("f1", "alpha-obj"), _choice("f2", "intro-obj")]},
    }
    for rel, data in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(yaml.safe_dump(data, sort_keys=False))


def _serve_packages(base: Path, *report: str) -> tuple[dict[str, str], list]:
    project = copy_project(base / "project", with_content=False)
    write_course(project)
    urls, servers = {}, []
    for version, fmt in FORMATS.items():
        package = base / f"{fmt}.zip"
        result = coursegen("export", "--format", fmt, str(package), *report, cwd=project)
        assert result.returncode == 0, result.stderr
        root = base / fmt
        zipfile.ZipFile(package).extractall(root / "course")
        for name in ("lms.html", "wrapper.html"):
            shutil.copy(ROOT / "tests/fixtures/lms" / name, root / name)
        for name in ("scorm12.js", "scorm2004.js"):
            shutil.copy(node_tool(f"scorm-again/dist/{name}"), root / name)
        server, url = serve_folder(root)
        servers.append(server)
        urls[version] = url
    return urls, servers


@pytest.fixture(scope="module")
def lms(tmp_path_factory) -> dict[str, str]:
    """Both packages unzipped under one test LMS each: {version: LMS base URL}; plus, under
    "other", a server of another origin holding the 1.2 package alone."""
    base = tmp_path_factory.mktemp("lms")
    urls, servers = _serve_packages(base)
    server, url = serve_folder(base / "scorm12")  # the same files from another origin (another port)
    servers.append(server)
    urls["other"] = url
    yield urls
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="module")
def lms_failed(tmp_path_factory) -> dict[str, str]:
    """The same with `--report passed-failed`."""
    urls, servers = _serve_packages(tmp_path_factory.mktemp("lms-failed"), "--report", "passed-failed")
    yield urls
    for server in servers:
        server.shutdown()


def launch(page, url: str, version: str, prior: dict | None = None, src: str = "course/launch.html"):
    """Open the LMS, give it `prior` data, frame the package; the site's frame."""
    page.goto(f"{url}/lms.html")
    page.evaluate("([v, prior]) => makeApi(v, prior)", [version, prior])
    page.evaluate("src => { document.getElementById('lms').src = src; }", src)
    return page.frame_locator("#lms").frame_locator("#cq-lms-frame")


def close_course(page) -> None:
    """The learner leaves: the LMS replaces the course's frame (pagehide in the launcher)."""
    page.evaluate("() => { document.getElementById('lms').src = 'about:blank'; }")
    page.wait_for_function("() => window.ended")


def go(site, title: str) -> None:
    """Through the home page's list, as a learner would (the frames are too narrow for Material's sidebar)."""
    site.locator("a.md-header__button.md-logo").click()
    site.locator("article a", has_text=title).first.click()
    site.locator("h1", has_text=title).first.wait_for()


def alpha_state(site) -> str:
    site.locator("a.md-header__button.md-logo").click()
    return site.locator('[data-lesson="alpha"] .cq-status').first.get_attribute("data-state")


def calls(page) -> list[dict]:
    return page.evaluate("() => window.calls")


def value(page, version: str, element: str) -> str:
    """An element as the LMS stores it (write-only ones too): from its saved data."""
    data = page.evaluate("v => saved(v)", version)
    for part in element.split("."):
        data = data[part]
    return str(data)


def first_session(page, url: str, version: str) -> list[dict]:
    site = launch(page, url, version)
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    go(site, "Final test")
    answer_lms_quiz(site, [True, False])  # 50%: below the pass mark of 60
    site.locator(".cq-retry").click()
    answer_lms_quiz(site, [True, True])
    page.wait_for_function(f"() => window.calls.filter(c => c.m === '{EL[version]['commit']}').length >= 3")
    close_course(page)
    return calls(page)


@pytest.mark.parametrize("version", [V12, V2004])
def test_quizzes_reach_the_lms_and_resume_in_a_fresh_context(browser, lms, version):
    el, url = EL[version], lms[version]
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    log = first_session(page, url, version)
    assert value(page, version, el["status"]) == "passed"
    assert value(page, version, el["raw"]) == "100"
    assert value(page, version, el["location"]) == "assessment/final.html"
    assert value(page, version, el["exit"]) == "suspend"  # the introduction is not read yet: not complete
    if version == V2004:
        assert value(page, version, "cmi.completion_status") == "incomplete"
        assert value(page, version, "cmi.score.scaled") == "1"
    # the call log: one Initialize, a Commit per recorded result, nothing after Finish, no error
    names = [c["m"] for c in log]
    assert names.count(el["init"]) == 1 and names.count(el["finish"]) == 1 and names[-1] == el["finish"]
    assert not [c for c in log if c["after"]]
    assert names.count(el["commit"]) == 3
    assert all(c["r"] == "true" for c in log if c["m"] in (el["set"], el["commit"], el["finish"])), log
    suspend = [c["b"] for c in log if c["m"] == el["set"] and c["a"] == "cmi.suspend_data"]
    assert suspend and max(len(s) for s in suspend) <= LIMITS[version]
    interactions = {c["a"]: c["b"] for c in log if c["m"] == el["set"] and c["a"].startswith("cmi.interactions.")}
    wrong = "wrong" if version == V12 else "incorrect"
    assert [interactions[f"cmi.interactions.{n}.result"] for n in range(4)] == ["correct", wrong, "correct", "correct"]
    assert interactions["cmi.interactions.0.id"] == "final-f1"
    times = [c["b"] for c in log if c["m"] == el["set"] and c["a"] == el["time"]]
    assert times and re.fullmatch(r"\d{2,4}:\d{2}:\d{2}" if version == V12 else r"PT\d+H\d+M\d+S", times[-1])
    saved = page.evaluate("v => saved(v)", version)
    context.close()

    # a fresh browser: the LMS hands back what it saved, with entry = resume
    (saved["cmi"]["core"] if version == V12 else saved["cmi"])["entry"] = "resume"
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    site = launch(page, url, version, prior=saved)
    best = site.locator(".cq-best")
    best.filter(has_text="100%").wait_for()
    assert page.frame_locator("#lms").locator("#cq-lms-frame").get_attribute("src") == "assessment/final.html"
    assert page.frame_locator("#lms").locator("#cq-lms-status").is_hidden()
    assert alpha_state(site) == "done"
    context.close()


@pytest.mark.parametrize("version", [V12, V2004])
def test_second_learner_on_the_same_browser_sees_nothing_of_the_first(page, lms, version):
    first_session(page, lms[version], version)
    site = launch(page, lms[version], version)  # a new learner: the LMS has no data for them
    go(site, "Final test")
    site.locator(".cq-quiz").wait_for()
    assert site.locator(".cq-best").inner_text().strip() == ""
    assert alpha_state(site) == "none"
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':lmsc:') && !k.endsWith(':attempt'))") == []


def test_popup_launch_finds_the_api_through_the_opener(page, lms):
    url = lms[V12]
    page.goto(f"{url}/lms.html")
    page.evaluate("() => makeApi('1.2', null)")
    with page.expect_popup() as opened:
        page.evaluate("() => { window.open('course/launch.html', 'course'); }")
    popup = opened.value
    site = popup.frame_locator("#cq-lms-frame")
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    page.wait_for_function("() => window.calls.some(c => c.m === 'LMSCommit')")
    popup.close()
    page.wait_for_function("() => window.ended")
    assert value(page, V12, "cmi.core.lesson_status") == "incomplete"
    assert value(page, V12, "cmi.core.lesson_location") == "lessons/alpha.html"
    assert not [c for c in calls(page) if c["after"]]


def test_nested_frames_launch_finds_the_api_in_the_top_window(page, lms):
    site = page.frame_locator("#lms").frame_locator("#inner").frame_locator("#cq-lms-frame")
    launch(page, lms[V2004], V2004, src="wrapper.html?src=course/launch.html")
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    page.wait_for_function("() => window.calls.some(c => c.m === 'Commit')")
    assert value(page, V2004, "cmi.location") == "lessons/alpha.html"


def test_cross_origin_frame_says_not_reported_and_works(page, lms):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(f"{message.text} {message.location}") if message.type == "error" else None)
    site = launch(page, lms[V12], V12, src=f"{lms['other']}/course/launch.html")
    notice = page.frame_locator("#lms").locator("#cq-lms-status")
    notice.filter(has_text="not reported").wait_for()
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    site.locator(".cq-result.cq-pass").wait_for()
    assert calls(page) == []
    assert errors == []


def test_review_mode_is_read_only(page, lms):
    mode = {"cmi": {"core": {"lesson_mode": "review", "lesson_status": "passed"}}}
    site = launch(page, lms[V12], V12, prior=mode)
    page.frame_locator("#lms").locator("#cq-lms-status").filter(has_text="Review mode").wait_for()
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    close_course(page)
    assert [c["m"] for c in calls(page) if c["m"] in ("LMSSetValue", "LMSCommit")] == []
    assert value(page, V12, "cmi.core.lesson_status") == "passed"


def test_hiding_the_page_commits_a_change_that_was_not_a_quiz_result_and_pagehide_only_finishes(page, lms):
    site = launch(page, lms[V12], V12)
    go(site, "Introduction")
    site.locator(".cq-mark-read").click()
    site.locator('.cq-mark-read[aria-pressed="true"]').wait_for()
    launcher = next(f for f in page.frames if f.url.endswith("/course/launch.html"))
    launcher.evaluate("""() => {
        Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
    }""")
    log = calls(page)
    commits = [i for i, c in enumerate(log) if c["m"] == "LMSCommit"]
    assert len(commits) == 1
    saved = [c["b"] for c in log[: commits[0]] if c["m"] == "LMSSetValue" and c["a"] == "cmi.suspend_data"]
    assert "read:intro" in saved[-1]
    close_course(page)
    after = [c["m"] for c in calls(page)[commits[0] + 1:]]
    assert "LMSCommit" not in after and after[-1] == "LMSFinish"
    assert "read:intro" in value(page, V12, "cmi.suspend_data")


@pytest.mark.parametrize("version", [V12, V2004])
def test_passed_failed_report_says_failed_below_the_mastery_score_and_incomplete_before(page, lms_failed, version):
    el = EL[version]
    site = launch(page, lms_failed[version], version)
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    page.wait_for_function(f"() => window.calls.some(c => c.m === '{el['commit']}')")
    before = "incomplete" if version == V12 else "unknown"
    assert [c["b"] for c in calls(page) if c["m"] == el["set"] and c["a"] == el["status"]] == [before]
    go(site, "Final test")
    answer_lms_quiz(site, [True, False])
    close_course(page)
    assert value(page, version, el["status"]) == "failed"
    assert value(page, version, el["raw"]) == "50"


def test_an_empty_lesson_mode_counts_as_normal(page, lms):
    page.goto(f"{lms[V12]}/lms.html")
    page.evaluate("() => { makeApi('1.2', null); window.answers = {'cmi.core.lesson_mode': ''}; }")
    page.evaluate("() => { document.getElementById('lms').src = 'course/launch.html'; }")
    site = page.frame_locator("#lms").frame_locator("#cq-lms-frame")
    go(site, "Alpha lesson")
    answer_lms_quiz(site, [True])
    page.wait_for_function("() => window.calls.some(c => c.m === 'LMSCommit')")
    assert {"m": "LMSGetValue", "a": "cmi.core.lesson_mode", "b": None, "r": "", "after": False} in calls(page)
    assert page.frame_locator("#lms").locator("#cq-lms-status").is_hidden()
    assert "alpha-quiz" in [c["b"] for c in calls(page) if c["a"] == "cmi.suspend_data"][-1]


def test_axe_finds_nothing_on_the_launcher_with_its_notice(page, lms):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{lms[V12]}/course/launch.html")  # no LMS: the notice shows
    page.locator("#cq-lms-status").filter(has_text="not reported").wait_for()
    page.frame_locator("#cq-lms-frame").locator(".md-content").wait_for()
    violations = Axe().run(page).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
