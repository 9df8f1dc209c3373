"""The two example brands, built once by the real command line and opened in Chromium:
each shows its own name, colours, logo and contact and none of the other's; no page
asks another host for anything; the site works under a sub-path and from file://;
the German brand speaks German. Screenshots of each home page land in docs/brands/
when COURSEGEN_UPDATE_SCREENSHOTS=1."""

from __future__ import annotations

import functools
import json
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, PrefixHandler

pytestmark = pytest.mark.browser

EXAMPLES = {
    "nordlicht": {
        "firm": "Nordlicht Vertrieb GmbH", "title": "Nordlicht Akademie", "colours": ["#0b5d4b", "#e0a100"],
        "header_rgb": "rgb(11, 93, 75)", "scheme": "default", "email": "akademie@nordlicht-vertrieb.example",
        "phone": "+49 40 1234 5678", "web": "nordlicht-vertrieb.example/akademie", "lang": "de",
        "quiz_page": "lessons/telefonakquise.html", "verdicts": {"✓ Richtig", "✗ Falsch"},
    },
    "harbor": {
        "firm": "Harbor Sales Academy Ltd", "title": "Harbor Academy", "colours": ["#ff5c8a", "#2ee6c8"],
        "header_rgb": "rgb(255, 92, 138)", "scheme": "slate", "email": "crew@harbor-academy.example",
        "phone": "+44 20 7946 0000", "web": "harbor-academy.example", "lang": "en",
        "quiz_page": "lessons/value-first.html", "verdicts": {"✓ Correct", "✗ Incorrect"},
    },
}
SCREENSHOTS = ROOT / "docs" / "brands"


@pytest.fixture(scope="module")
def sites(brand_sites) -> dict[str, Path]:
    return {name: brand_sites[name] for name in EXAMPLES}


@pytest.fixture(scope="module")
def prefixed(sites):
    """Each brand served by one HTTP server under /training/<brand>/."""
    servers, urls = [], {}
    for name, folder in sites.items():
        handler = type("Handler", (PrefixHandler,), {"prefix": f"/training/{name}/"})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        urls[name] = f"http://127.0.0.1:{server.server_address[1]}/training/{name}/"
    yield urls
    for server in servers:
        server.shutdown()


def _text_files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8", errors="replace")
            for p in folder.rglob("*") if p.suffix in {".html", ".css", ".js", ".svg", ".json", ".xml"}}


def _other(name: str) -> str:
    return next(n for n in EXAMPLES if n != name)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_brand_shows_its_own_identity_and_none_of_the_other(sites, name):
    me, other = EXAMPLES[name], EXAMPLES[_other(name)]
    files = _text_files(sites[name])
    home = files["index.html"]
    for text in (me["firm"], me["title"], me["email"], me["phone"], me["web"]):
        assert text in home, text
    css = files["assets/brand/brand.css"]
    assert all(colour in css for colour in me["colours"])
    assert 'href="assets/brand/brand.css"' in home
    assert 'src="assets/brand/logo.svg"' in home
    assert '<link rel="icon" href="assets/brand/favicon.svg">' in home
    assert (sites[name] / "assets/brand/logo.svg").read_bytes() == (ROOT / "brands" / name / "logo.svg").read_bytes()
    for path, text in files.items():
        for foreign in (other["firm"], other["title"], other["email"], other["phone"], other["web"], *other["colours"]):
            assert foreign not in text, f"{name}/{path} contains {foreign!r} of the other brand"


def test_german_brand_speaks_german(sites):
    home = (sites["nordlicht"] / "index.html").read_text("utf-8")
    lesson = (sites["nordlicht"] / "lessons/telefonakquise.html").read_text("utf-8")
    assert '<html lang="de"' in home and "Zum Inhalt" in home  # Material's own German strings
    assert 'cq-check">Prüfen' in lesson and "Richtig" in lesson  # quiz strings of generator/i18n/strings.yml
    assert "Kontakt" in home and "In der Akademie suchen" in home  # brand strings and a Material string override
    assert '<html lang="en"' in (sites["harbor"] / "index.html").read_text("utf-8")
    index = json.loads((sites["nordlicht"] / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["de"]  # search stems German words


def _record(page, origin: str):
    requests, failures = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return requests, failures


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_page_under_a_sub_path_stays_on_the_local_server(sites, prefixed, page, name):
    base = prefixed[name]
    requests, failures = _record(page, base)
    pages = sorted(p.relative_to(sites[name]).as_posix() for p in sites[name].rglob("*.html"))
    assert len(pages) >= 8
    for rel in pages:
        page.goto(base + rel, wait_until="networkidle")
        assert page.locator("header img").first.get_attribute("src").endswith("assets/brand/logo.svg")
    outside = [u for u in requests if not u.startswith(base) and not u.startswith(("data:", "blob:"))]
    assert outside == [], outside
    assert failures == [], failures
    # learners move around by the site's own links, still under the prefix
    page.goto(base, wait_until="networkidle")
    page.locator(".cq-lesson-link").first.click()
    page.wait_for_url(base + "lessons/**")


@pytest.mark.parametrize("name", EXAMPLES)
def test_quiz_works_opened_from_disk(sites, page, name):
    me = EXAMPLES[name]
    requests, _ = _record(page, "file://")
    page.goto((sites[name] / me["quiz_page"]).as_uri())
    first = page.locator(".cq-item").first
    first.locator("input").first.check()
    first.locator(".cq-check").click()
    verdict = first.locator(".cq-feedback .cq-verdict")
    verdict.wait_for(state="visible")
    assert verdict.inner_text().strip() in me["verdicts"]
    assert page.locator("html").get_attribute("lang") == me["lang"]
    assert [u for u in requests if not u.startswith(("file://", "data:", "blob:"))] == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_nav_shows_lesson_statuses_with_html_urls_under_a_sub_path_and_from_disk(sites, prefixed, page, name):
    """Brands build .html addresses (lessons/x.html, the bundled course lessons/x/): the navigation
    finds each lesson's page in the course map all the same, under a sub-path and from file://."""
    text = (sites[name] / "assets/course/course-map.js").read_text("utf-8")
    data = json.loads(text[len("window.CourseProgressMap = "):-2])
    course, lessons = data["map"]["course"], data["map"]["lessons"]
    lesson, quiz, _ = next(row for row in lessons if row[1])
    final = next(q["title"] for q in data["info"]["quizzes"] if q["final"])
    date = "2026-11-20T10:00:00Z"
    passed = {"v": 1, "attempts": 1, "best": {"percent": 100, "passed": True, "date": date},
              "last": {"percent": 100, "passed": True, "date": date, "hints": 0, "answers": {}}, "questions": {}}
    expected = {title: "done" if lid == lesson else "none" for lid, _, title in lessons} | {final: "none"}
    for home, progress in ((prefixed[name], prefixed[name] + "progress.html"),
                           ((sites[name] / "index.html").as_uri(), (sites[name] / "progress.html").as_uri())):
        page.goto(home)
        for record in [quiz, *data["map"]["scenarios"].get(lesson, [])]:  # the lesson's quiz, and its scenario (issue 19)
            page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [f"coursegen:v1:{course}:{record}", passed])
        page.goto(progress)
        links = page.locator("nav.md-nav--primary a.md-nav__link:has(.cq-status)")
        links.first.wait_for(state="attached")
        assert all(link.get_attribute("href").endswith(".html") for link in links.all())
        states = {link.locator(".md-ellipsis").first.text_content().strip(): link.locator(".cq-status").first.get_attribute("data-state")
                  for link in links.all()}
        assert states == expected, home


def test_home_pages_look_different(sites, prefixed, page, tmp_path):
    shots = {}
    page.set_viewport_size({"width": 1280, "height": 800})
    for name, me in EXAMPLES.items():
        page.goto(prefixed[name], wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header == me["header_rgb"]
        assert page.locator("body").get_attribute("data-md-color-scheme") == me["scheme"]  # harbor opens dark
        shots[name] = tmp_path / f"{name}.png"
        page.screenshot(path=str(shots[name]))
    page.goto(prefixed["nordlicht"], wait_until="networkidle")
    fonts = page.evaluate("document.fonts.check('16px \"Nordlicht Serif\"')")
    assert fonts, "the self-hosted font did not load"
    assert shots["nordlicht"].read_bytes() != shots["harbor"].read_bytes()
    if os.environ.get("COURSEGEN_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for name, shot in shots.items():
            shutil.copy(shot, SCREENSHOTS / f"{name}.png")
    committed = [SCREENSHOTS / f"{name}.png" for name in EXAMPLES]
    assert all(p.is_file() for p in committed), "run with COURSEGEN_UPDATE_SCREENSHOTS=1 to write docs/brands/*.png"
    assert committed[0].read_bytes() != committed[1].read_bytes()
    readme = (ROOT / "README.md").read_text("utf-8")
    assert all(f"docs/brands/{name}.png" in readme for name in EXAMPLES)


def _settle(page) -> None:
    """Wait for transitions (a focused button fades to the accent in 125 ms) to end."""
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")


def _answer_focus_hover(page) -> None:
    """Answer every question (feedback shows, the quiz finishes and offers Retry), focus the
    Retry button and hover the last button: the states a learner's pointer and keyboard make."""
    for item in page.locator(".cq-item:visible").all():
        kind = item.get_attribute("data-type")
        if kind == "text":
            item.locator("input").fill("something")
        elif kind != "order":
            item.locator("input").first.check()
        item.locator(".cq-check").click()
    page.locator(".cq-item .cq-feedback").first.wait_for(state="visible")
    buttons = page.locator(".cq-quiz .md-button:visible")
    retry = page.locator(".cq-retry:visible")
    (retry if retry.count() else buttons).first.focus()
    buttons.last.hover()


@pytest.mark.parametrize("name", EXAMPLES)
def test_axe_finds_nothing_in_either_scheme(browser, prefixed, name):
    """A firm's colours must not make text unreadable: home, a quiz page (answered, a button
    focused, another hovered) and the progress page (a button focused), in both schemes, on a
    phone and at a width that shows the header's search field."""
    from axe_playwright_python.sync_playwright import Axe

    found = []
    for width in (375, 1280):
        for rel in ("", EXAMPLES[name]["quiz_page"], "progress.html"):
            for switch in (False, True):
                context = browser.new_context(viewport={"width": width, "height": 800})
                page = context.new_page()
                page.goto(prefixed[name] + rel)
                if switch:  # the other scheme, through the header's toggle
                    page.locator("form[data-md-component=palette] label:visible").first.click()
                if page.locator(".cq-item").count():
                    _answer_focus_hover(page)
                elif page.locator(".cq-progress .md-button:visible").count():
                    page.locator(".cq-progress .md-button:visible").first.focus()
                _settle(page)
                scheme = page.locator("body").get_attribute("data-md-color-scheme")
                found += [f"{width}px {rel or 'home'} ({scheme}): {v['id']} {[n['target'] for n in v['nodes']][:2]}"
                          for v in Axe().run(page).response["violations"]]
                context.close()
    assert found == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_axe_finds_nothing_on_the_certificate(browser, sites, prefixed, name):
    """Every quiz passed, the learner's name given: the certificate in the brand's frame,
    its Print button focused, in both schemes."""
    from axe_playwright_python.sync_playwright import Axe

    text = (sites[name] / "assets/course/course-map.js").read_text("utf-8")
    data = json.loads(text[len("window.CourseProgressMap = "):-2])
    course, date = data["map"]["course"], "2026-11-20T10:00:00Z"
    passed = {"v": 1, "attempts": 1, "best": {"percent": 100, "passed": True, "date": date},
              "last": {"percent": 100, "passed": True, "date": date, "hints": 0, "answers": {}}, "questions": {}}
    found = []
    for switch in (False, True):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(prefixed[name])
        for quiz in data["info"]["quizzes"]:
            page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [f"coursegen:v1:{course}:{quiz['id']}", passed])
        page.goto(prefixed[name] + "certificate.html")
        if switch:
            page.locator("form[data-md-component=palette] label:visible").first.click()
        page.locator(".cq-learner-name").fill("Alex Example")
        page.locator(".cq-cert-make").click()
        page.locator(".cq-certificate").wait_for(state="visible")
        page.locator(".cq-cert-print").focus()
        _settle(page)
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        found += [f"certificate ({scheme}): {v['id']} {[n['target'] for n in v['nodes']][:2]}"
                  for v in Axe().run(page).response["violations"]]
        context.close()
    assert found == []
