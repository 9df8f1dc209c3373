"""Learner progress, certificate, mistakes and results summary, in Debian's Chromium.

A small course (a lesson without a quiz, two lessons with quizzes, a final) is built
once for the module. Most tests seed localStorage in the shared storage format (what
the quiz runtime records) and check what the learner sees; one passes real quizzes
through the page once the runtime records results.
"""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
import urllib.parse

import pytest
import yaml

from conftest import _handler, build_site, copy_project, serve_folder

pytestmark = pytest.mark.browser

COURSE = "pg"
DATE = "2026-11-20T10:00:00Z"


def _choice(qid: str, objective: str, prompt: str, explanation: str, right: str = "Right", wrong: str = "Wrong") -> dict:
    return {"id": qid, "type": "single", "objective": objective, "prompt": prompt, "explanation": explanation,
            "options": [{"text": right, "correct": True, "feedback": "Yes."}, {"text": wrong, "feedback": "No."}]}


def _lesson(lid: str, title: str, quiz: str | None) -> dict:
    data = {"id": lid, "title": title, "summary": f"About {title}.", "minutes": 5,
            "objectives": [{"id": f"{lid}-obj", "text": f"Explain {title}."}],
            "sections": [{"heading": "Part one", "body": f"Text of {title}."}]}
    if quiz:
        data["quiz"] = quiz
    return data


def write_course(project, **settings) -> None:
    course = {"id": COURSE, "title": "Progress course", "description": "A course to test progress.", "language": "en",
              "pass_mark": 50, "final_quiz": "final", "lessons": ["intro", "alpha", "beta"],
              "results_email": "trainer@example.org", **settings}
    files = {
        "course/course.yml": course,
        "course/lessons/intro.yml": _lesson("intro", "Introduction", None),
        "course/lessons/alpha.yml": _lesson("alpha", "Alpha lesson", "alpha-quiz"),
        "course/lessons/beta.yml": _lesson("beta", "Beta lesson", "beta-quiz"),
        "quizzes/alpha-quiz.yml": {"id": "alpha-quiz", "lesson": "alpha", "title": "Alpha quiz", "questions": [
            _choice("q1", "alpha-obj", "Alpha question one?", "Alpha one explained."),
            _choice("q2", "alpha-obj", "Alpha question two?", "Alpha two explained.")]},
        "quizzes/beta-quiz.yml": {"id": "beta-quiz", "lesson": "beta", "title": "Beta quiz", "questions": [
            _choice("q1", "beta-obj", "Beta question one?", "Beta one explained.")]},
        "quizzes/final.yml": {"id": "final", "final": True, "title": "Final test", "mode": "assessment", "pass_mark": 60,
                              "questions": [_choice("f1", "alpha-obj", "Final question one?", "Final one explained."),
                                            _choice("f2", "beta-obj", "Final question two?", "Final two explained.")]},
    }
    for rel, data in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pg") / "p", with_content=False)
    write_course(project)
    return build_site(project, project / "site")


@pytest.fixture(scope="module")
def url(site):
    server, base = serve_folder(site)
    yield base
    server.shutdown()


def record(percent: int, passed: bool, questions: dict[str, float] | None = None, date: str = DATE, attempts: int = 1) -> dict:
    answers = {qid: {"value": [0 if score == 1 else 1], "score": score} for qid, score in (questions or {}).items()}
    return {"v": 1, "attempts": attempts, "best": {"percent": percent, "passed": passed, "date": date},
            "last": {"percent": percent, "passed": passed, "date": date, "hints": 0, "answers": answers},
            "questions": {qid: {**a, "date": date} for qid, a in answers.items()}}


def seed(page, url: str, items: dict[str, object]) -> None:
    page.goto(f"{url}/")
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, JSON.stringify(v)); }",
                  {f"coursegen:v1:{COURSE}:{k}": v for k, v in items.items()})


ALL_PASSED = {"alpha-quiz": record(100, True, {"q1": 1, "q2": 1}), "beta-quiz": record(100, True, {"q1": 1}),
              "final": record(50 + 50, True, {"f1": 1, "f2": 1}, date="2026-11-21T09:30:00Z")}


def statuses(page) -> dict[str, str]:
    page.locator(".cq-progress-item .cq-status").first.wait_for()
    return {li.get_attribute("data-lesson") or "final": li.locator(".cq-status").get_attribute("data-state")
            for li in page.locator(".cq-progress-item").all()}


def nav_states(page) -> dict[str, str]:
    out = {}
    for link in page.locator("nav.md-nav--primary a.md-nav__link:has(.cq-status)").all():
        out[link.locator(".md-ellipsis").first.inner_text().strip()] = link.locator(".cq-status").first.get_attribute("data-state")
    return out


def test_progress_page_lesson_pages_and_nav_show_status_and_survive_reload(page, url):
    seed(page, url, {"alpha-quiz": record(90, True, {"q1": 1, "q2": 0.8}), "beta-quiz": record(0, False, {"q1": 0})})
    page.goto(f"{url}/progress/")
    expected = {"intro": "none", "alpha": "done", "beta": "progress", "final": "none"}
    assert statuses(page) == expected
    alpha = page.locator('.cq-progress-item[data-lesson="alpha"]')
    assert "Done" in alpha.inner_text() and "Best score: 90%" in alpha.inner_text()
    assert "1 of 3 lessons done." in page.locator(".cq-progress-overall").inner_text()
    assert nav_states(page) == {"Introduction": "none", "Alpha lesson": "done", "Beta lesson": "progress", "Final test": "none"}
    page.reload()
    assert statuses(page) == expected
    page.goto(f"{url}/lessons/beta/")
    meta = page.locator(".cq-lesson-meta .cq-status")
    assert meta.get_attribute("data-state") == "progress" and "In progress" in meta.inner_text()
    assert "Best score: 0%" in meta.inner_text()
    assert page.locator(".cq-mark-read").count() == 0  # a quiz lesson is done by passing its quiz
    assert page.locator(".md-nav--secondary .cq-status").count() == 0  # the table of contents is left alone
    page.goto(f"{url}/")
    assert page.locator('.cq-lesson-list [data-lesson="alpha"] .cq-status').get_attribute("data-state") == "done"


def test_a_lesson_without_quiz_is_done_once_marked_as_read(page, url):
    page.goto(f"{url}/lessons/intro/")
    button = page.locator(".cq-mark-read")
    assert button.inner_text() == "Mark as read" and button.get_attribute("aria-pressed") == "false"
    button.click()
    assert page.locator(".cq-lesson-meta .cq-status").get_attribute("data-state") == "done"
    assert button.get_attribute("aria-pressed") == "true"
    page.goto(f"{url}/progress/")
    assert statuses(page)["intro"] == "done"


def test_reset_asks_first_then_erases_everything(page, url):
    seed(page, url, {**ALL_PASSED, "learner": "Ana Ruiz", "read:intro": DATE})
    page.goto(f"{url}/progress/")
    assert set(statuses(page).values()) == {"done"}
    page.locator(".cq-reset").click()
    assert page.locator(".cq-reset-confirm").is_visible()
    page.locator(".cq-reset-no").click()
    assert page.locator(".cq-reset-confirm").is_hidden()
    assert set(statuses(page).values()) == {"done"}  # nothing erased without confirming
    page.locator(".cq-reset").click()
    page.locator(".cq-reset-yes").click()
    assert set(statuses(page).values()) == {"none"}
    assert page.locator(".cq-reset-status").inner_text() == "Your progress was erased."
    left = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('coursegen:v1:pg:'))")
    assert left == []
    page.reload()
    assert set(statuses(page).values()) == {"none"}


def test_export_then_import_in_a_fresh_browser_restores_progress(page, url, browser, tmp_path):
    seed(page, url, {"alpha-quiz": record(80, True, {"q1": 1}), "beta-quiz": record(20, False, {"q1": 0}),
                     "read:intro": DATE, "learner": "Ana Ruiz"})
    page.goto(f"{url}/progress/")
    before = statuses(page)
    with page.expect_download() as info:
        page.locator(".cq-export").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "progress-pg.json" and saved.stat().st_size < 5000
    context = browser.new_context()
    try:
        fresh = context.new_page()
        fresh.goto(f"{url}/progress/")
        assert set(statuses(fresh).values()) == {"none"}
        fresh.locator(".cq-import").set_input_files(str(saved))
        fresh.locator(".cq-transfer-status").filter(has_text="Progress imported").wait_for()
        assert statuses(fresh) == before == {"intro": "done", "alpha": "done", "beta": "progress", "final": "none"}
        assert fresh.locator("#cq-learner-name").input_value() == "Ana Ruiz"
        fresh.reload()
        assert statuses(fresh) == before
    finally:
        context.close()


def test_import_refuses_a_file_that_is_not_this_courses_export(page, url, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "coursegen-progress", "v": 1, "course": "another", "items": {"alpha-quiz": record(100, True)}}))
    page.goto(f"{url}/progress/")
    page.locator(".cq-import").set_input_files(str(other))
    page.locator(".cq-transfer-status").filter(has_text="not a progress export").wait_for()
    assert set(statuses(page).values()) == {"none"}


def fnv(text: str, seed: int) -> int:
    h = seed
    for byte in text.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def verification_code(course: str, name: str, scores: list[tuple[str, int | None]], date: str) -> str:
    """The documented derivation (README, "Learner progress"), recomputed outside the browser."""
    text = "|".join([course, " ".join(name.split()), *[f"{q}:{'-' if s is None else s}" for q, s in scores], date])
    hexa = f"{fnv(text, 0x811C9DC5):08x}{fnv(text, 0x050C5D1F):08x}".upper()
    return f"{hexa[:4]}-{hexa[4:8]}-{hexa[8:12]}"


def test_certificate_is_refused_until_every_quiz_is_passed_then_prints_on_one_page(page, url):
    seed(page, url, {"alpha-quiz": record(100, True), "beta-quiz": record(30, False)})
    page.goto(f"{url}/certificate/")
    missing = page.locator(".cq-cert-missing")
    missing.wait_for()
    assert [li.inner_text() for li in missing.locator("li:visible").all()] == ["Beta lesson", "Final test"]
    assert page.locator(".cq-certificate").is_hidden() and page.locator(".cq-cert-form").is_hidden()

    seed(page, url, ALL_PASSED)
    page.goto(f"{url}/certificate/")
    assert missing.is_hidden()
    page.locator(".cq-cert-make").click()
    assert page.locator(".cq-cert-status").inner_text() == "Enter your name first."
    assert page.locator(".cq-certificate").is_hidden()
    page.locator("#cq-cert-name").fill("Ana  Ruiz")
    page.locator(".cq-cert-make").click()
    cert = page.locator(".cq-certificate")
    assert cert.is_visible()
    text = cert.inner_text()
    assert "Ana Ruiz" in text and "Progress course" in text and "Certificate of completion" in text
    assert page.locator(".cq-cert-score").inner_text() == "100%"
    assert page.locator(".cq-cert-date").inner_text() == "November 21, 2026"
    code = verification_code(COURSE, "Ana Ruiz", [("alpha-quiz", 100), ("beta-quiz", 100), ("final", 100)], "2026-11-21")
    assert page.locator(".cq-cert-code").inner_text() == code
    page.reload()  # the name is kept: the certificate shows again at once
    assert page.locator(".cq-certificate").is_visible() and page.locator(".cq-cert-code").inner_text() == code
    for size in ("A4", "Letter"):
        pdf = page.pdf(format=size, print_background=True)
        assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, size


def test_mistakes_page_lists_exactly_the_questions_last_answered_wrong(page, url):
    seed(page, url, {"alpha-quiz": record(50, True, {"q1": 0, "q2": 1}), "beta-quiz": record(100, True, {"q1": 1}),
                     "final": record(50, False, {"f1": 1, "f2": 0.5})})
    page.goto(f"{url}/mistakes/")
    items = page.locator(".cq-mistake")
    items.first.wait_for()
    assert [(li.get_attribute("data-quiz"), li.get_attribute("data-qid")) for li in items.all()] == [("alpha-quiz", "q1"), ("final", "f2")]
    assert page.locator(".cq-mistakes-intro").inner_text() == "2 questions were answered wrong last time."
    first, second = items.all()
    assert "Alpha question one?" in first.inner_text() and "Alpha one explained." in first.inner_text()
    assert "Final two explained." in second.inner_text()
    assert first.locator("a.cq-mistake-lesson").inner_text() == "Revisit the lesson: Alpha lesson"
    second.locator("a.cq-mistake-lesson").click()  # a final question links to the lesson that teaches its objective
    page.wait_for_url("**/lessons/beta/")

    page.goto(f"{url}/mistakes/")
    page.locator(".cq-mistakes-retry").click()
    area = page.locator(".cq-mistakes-retry-area")
    assert [i.get_attribute("data-qid") for i in area.locator(".cq-item").all()] == ["q1", "f2"]
    assert area.locator(".cq-quiz.cq-ready").count() == 2  # the quiz runtime runs them
    assert "Alpha question one?" in area.inner_text() and "Alpha question two?" not in area.inner_text()


def test_no_mistakes_means_nothing_to_retry(page, url):
    seed(page, url, ALL_PASSED)
    page.goto(f"{url}/mistakes/")
    page.locator(".cq-mistakes-intro").filter(has_text="No mistakes").wait_for()
    assert page.locator(".cq-mistake").count() == 0 and page.locator(".cq-mistakes-retry").is_hidden()


def test_results_summary_json_matches_the_scores_and_mail_goes_to_the_trainer(page, url, tmp_path):
    seed(page, url, {"alpha-quiz": record(85, True, attempts=2), "beta-quiz": record(40, False, attempts=3)})
    page.goto(f"{url}/progress/")
    page.locator("#cq-learner-name").fill("Ben Ode")
    with page.expect_download() as info:
        page.locator(".cq-summary-download").click()
    path = tmp_path / "results.json"
    info.value.save_as(path)
    summary = json.loads(path.read_text())
    assert summary["course"] == COURSE and summary["learner"] == "Ben Ode" and summary["complete"] is False
    assert [(q["id"], q["best"], q["passed"], q["attempts"]) for q in summary["quizzes"]] == [
        ("alpha-quiz", 85, True, 2), ("beta-quiz", 40, False, 3), ("final", None, False, 0)]
    assert summary["date"] == "2026-11-20"
    assert summary["code"] == verification_code(COURSE, "Ben Ode", [("alpha-quiz", 85), ("beta-quiz", 40), ("final", None)], "2026-11-20")
    text = page.locator(".cq-summary-text").inner_text()
    assert "Learner: Ben Ode" in text and "Alpha quiz: 85%" in text and summary["code"] in text
    mail = page.locator(".cq-summary-mail").get_attribute("href")
    assert mail.startswith("mailto:trainer@example.org?subject=") and "Ben%20Ode" in mail
    assert "Verification code: " + summary["code"] in urllib.parse.unquote(mail)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
    page.locator(".cq-summary-copy").click()
    page.locator(".cq-summary-status").filter(has_text="Summary copied.").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == text


def answer_quiz_right(page, quiz) -> None:
    for item in quiz.locator(".cq-item").all():
        item.locator(".cq-option", has_text="Right").locator("input").check()
        if item.locator(".cq-check").count():
            item.locator(".cq-check").click()
    if quiz.locator(".cq-submit").count():
        quiz.locator(".cq-submit").click()
    quiz.locator(".cq-result.cq-pass").wait_for()


def test_passing_real_quizzes_updates_progress_and_navigation(page, url):
    page.goto(f"{url}/lessons/alpha/")
    if not page.evaluate("() => !!(window.CourseQuiz && window.CourseQuiz.store)"):
        pytest.skip("the quiz runtime does not record results yet (window.CourseQuiz.store is missing)")
    answer_quiz_right(page, page.locator(".cq-quiz"))
    assert page.locator(".cq-lesson-meta .cq-status").get_attribute("data-state") == "done"
    assert nav_states(page)["Alpha lesson"] == "done"
    page.goto(f"{url}/lessons/beta/")
    answer_quiz_right(page, page.locator(".cq-quiz"))
    page.goto(f"{url}/assessment/final/")
    answer_quiz_right(page, page.locator(".cq-quiz"))
    page.goto(f"{url}/progress/")
    assert statuses(page) == {"intro": "none", "alpha": "done", "beta": "done", "final": "done"}
    page.reload()
    assert nav_states(page) == {"Introduction": "none", "Alpha lesson": "done", "Beta lesson": "done", "Final test": "done"}
    page.goto(f"{url}/certificate/")
    page.locator("#cq-cert-name").fill("Ana Ruiz")
    page.locator(".cq-cert-make").click()
    assert page.locator(".cq-cert-score").inner_text() == "100%"


def test_a_question_answered_wrong_in_the_quiz_shows_up_for_review_until_retried_right(page, url):
    page.goto(f"{url}/lessons/alpha/")
    if not page.evaluate("() => !!(window.CourseQuiz && window.CourseQuiz.store)"):
        pytest.skip("the quiz runtime does not record results yet (window.CourseQuiz.store is missing)")
    quiz = page.locator(".cq-quiz")
    first, second = quiz.locator(".cq-item").all()
    first.locator(".cq-option", has_text="Wrong").locator("input").check()
    first.locator(".cq-check").click()
    second.locator(".cq-option", has_text="Right").locator("input").check()
    second.locator(".cq-check").click()
    quiz.locator(".cq-result.cq-pass").wait_for()  # 50% meets the pass mark of 50
    page.goto(f"{url}/mistakes/")
    items = page.locator(".cq-mistake")
    items.first.wait_for()
    assert [(li.get_attribute("data-quiz"), li.get_attribute("data-qid")) for li in items.all()] == [("alpha-quiz", "q1")]
    page.locator(".cq-mistakes-retry").click()
    retry = page.locator(".cq-mistakes-retry-area .cq-item")
    assert retry.count() == 1
    retry.locator(".cq-option", has_text="Right").locator("input").check()
    retry.locator(".cq-check").click()
    retry.locator(".cq-feedback.cq-correct").wait_for()
    page.reload()
    page.locator(".cq-mistakes-intro").filter(has_text="No mistakes").wait_for()
    assert page.locator(".cq-mistake").count() == 0


@pytest.fixture(scope="module")
def read_url(tmp_path_factory):
    """A German course done by reading, with Material's instant navigation (which needs site_url)."""
    project = copy_project(tmp_path_factory.mktemp("pgread") / "p", with_content=False)
    write_course(project, completion="read", language="de")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["site_url"] = f"http://127.0.0.1:{port}/"
    config["theme"]["features"] = [*config["theme"].get("features", []), "navigation.instant"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    site = build_site(project, project / "site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _handler(str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


def test_course_done_by_reading_marks_lessons_read_and_speaks_the_course_language(page, read_url):
    page.goto(f"{read_url}/lessons/alpha/")
    button = page.locator(".cq-mark-read")
    assert button.inner_text() == "Als gelesen markieren"  # a quiz lesson too, when the course says so
    button.click()
    assert page.locator(".cq-lesson-meta .cq-status").get_attribute("data-state") == "done"
    assert "Erledigt" in page.locator(".cq-lesson-meta .cq-status").inner_text()
    page.goto(f"{read_url}/progress/")
    assert statuses(page) == {"intro": "none", "alpha": "done", "beta": "none", "final": "none"}
    assert "1 von 3 Lektionen erledigt." in page.locator(".cq-progress-overall").inner_text()
    page.goto(f"{read_url}/certificate/")  # reading is not passing: the certificate still waits for the quizzes
    page.locator(".cq-cert-missing").wait_for()
    assert [li.inner_text() for li in page.locator(".cq-cert-missing li:visible").all()] == ["Alpha lesson", "Beta lesson", "Final test"]


def test_progress_works_from_file_urls(page, site):
    page.goto((site / "index.html").as_uri())
    page.evaluate("v => localStorage.setItem('coursegen:v1:pg:alpha-quiz', JSON.stringify(v))", record(75, True, {"q1": 0}))
    page.goto((site / "progress" / "index.html").as_uri())
    assert statuses(page)["alpha"] == "done"
    assert nav_states(page)["Alpha lesson"] == "done"
    page.goto((site / "mistakes" / "index.html").as_uri())
    assert page.locator(".cq-mistake").get_attribute("data-qid") == "q1"


# From lessons/beta/: where each link leads, found in the course map's list of pages.
LINKS = {
    "../alpha/": ["lesson", "alpha"], "../alpha/index.html": ["lesson", "alpha"], "../alpha": ["lesson", "alpha"],
    "../alpha/?from=nav#part-one": ["lesson", "alpha"], "../alpha.html": ["lesson", "alpha"], "./": ["lesson", "beta"],
    "../../": ["home", ""], "../../index.html": ["home", ""], "../../assessment/final/": ["final", "final"],
    "../../progress/": ["progress", ""], "../../certificate.html": ["certificate", ""], "../../mistakes/": ["mistakes", ""],
    "../gamma/": None, "../../constructor/": None, "../../assets/course/course-map.js": None,
    "https://example.org/lessons/alpha/": None,
}


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_a_link_leads_to_the_page_the_course_map_names(page, url, site, scheme):
    """Both URL styles (lessons/x/ and lessons/x.html), over HTTP and from file://: no URL patterns."""
    page.goto(f"{url}/lessons/beta/" if scheme == "http" else (site / "lessons/beta/index.html").as_uri())
    page.wait_for_function("() => window.CourseProgress && window.CourseProgressMap")
    found = page.evaluate("links => links.map(h => CourseProgress.page(CourseProgress.map(), h))", list(LINKS))
    assert dict(zip(LINKS, found, strict=True)) == LINKS
    if scheme == "file":  # the site's root is its folder, not the disk's
        assert page.evaluate("() => CourseProgress.page(CourseProgress.map(), '../../../lessons/alpha/')") is None


def test_statuses_are_applied_again_after_instant_navigation(page, read_url):
    page.goto(f"{read_url}/lessons/intro/")
    page.evaluate("() => { window.__samePage = true; }")
    page.locator(".cq-mark-read").click()
    page.locator(".md-nav--primary a.md-nav__link", has_text="Ihr Fortschritt").click()
    page.wait_for_url("**/progress/")
    assert page.evaluate("() => window.__samePage === true")  # Material swapped the page in place
    assert statuses(page) == {"intro": "done", "alpha": "none", "beta": "none", "final": "none"}
    page.locator(".md-nav--primary a.md-nav__link", has_text="Beta lesson").click()
    page.wait_for_url("**/lessons/beta/")
    assert page.evaluate("() => window.__samePage === true")
    page.locator(".cq-mark-read").click()
    assert nav_states(page) == {"Introduction": "done", "Alpha lesson": "none", "Beta lesson": "done", "Final test": "none"}


def test_blocked_storage_still_shows_this_pages_result(page, url):
    page.add_init_script("Object.defineProperty(window, 'localStorage', { get() { throw new Error('blocked'); } });")
    page.goto(f"{url}/lessons/alpha/")
    if not page.evaluate("() => !!(window.CourseQuiz && window.CourseQuiz.store)"):
        pytest.skip("the quiz runtime does not record results yet (window.CourseQuiz.store is missing)")
    assert page.locator(".cq-lesson-meta .cq-status").get_attribute("data-state") == "none"
    answer_quiz_right(page, page.locator(".cq-quiz"))
    assert page.locator(".cq-lesson-meta .cq-status").get_attribute("data-state") == "done"
    assert nav_states(page)["Alpha lesson"] == "done"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_progress_pages(browser, url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    seed(page, url, {**ALL_PASSED, "alpha-quiz": record(50, True, {"q1": 0, "q2": 1}), "learner": "Ana Ruiz"})
    found = {}
    for path, action in (("progress/", ".cq-reset"), ("mistakes/", ".cq-mistakes-retry"), ("certificate/", None),
                         ("lessons/intro/", None)):
        page.goto(f"{url}/{path}")
        page.wait_for_function("() => window.CourseProgressMap")
        if action:
            page.locator(action).click()
        page.mouse.move(0, 0)
        # the state a learner sees: after a focused button's 125 ms colour transition, which
        # axe could otherwise catch half-way (a contrast finding about neither colour)
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        results = Axe().run(page)
        found[path] = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    context.close()
    assert found == {path: [] for path in found}


def test_a_record_in_an_unknown_format_is_ignored_not_fatal(page, url):
    seed(page, url, {"alpha-quiz": {"v": 2, "best": {"percent": 100, "passed": True}}, "beta-quiz": "garbage",
                     "final": record(70, True)})
    page.goto(f"{url}/progress/")
    assert statuses(page) == {"intro": "none", "alpha": "none", "beta": "none", "final": "done"}
    page.goto(f"{url}/mistakes/")
    page.locator(".cq-mistakes-intro").filter(has_text="No mistakes").wait_for()
