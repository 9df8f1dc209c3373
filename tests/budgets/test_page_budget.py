"""Issue 8's page budget with issue 9's learner progress: no HTML page over 150 KB, and
lesson pages that do not grow with the course. The course map is one cached script and
the mistakes page loads a quiz's review data only when the learner got it wrong.

Two synthetic courses (bench/synth.py: ~800-word lessons, 8 questions each) are built
once for the module, at 20 and 60 lessons.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site, serve_folder

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

BUDGET = 150 * 1024
SIZES = (20, 60)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("budget")
    return {n: build_site(synth.write_course(root / f"c{n}", n), root / f"site{n}") for n in SIZES}


def _pages(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}


def test_no_page_is_over_150_kb(sites):
    for n, site in sites.items():
        pages = _pages(site)
        assert len(pages) > n
        largest = max(pages, key=pages.get)
        assert pages[largest] <= BUDGET, f"{n} lessons: {largest} is {pages[largest] / 1024:.0f} KB"


def test_lesson_pages_do_not_grow_with_the_course(sites):
    small, large = _pages(sites[20]), _pages(sites[60])
    for lesson in ("lessons/lesson-0001/index.html", "lessons/lesson-0015/index.html"):
        assert abs(large[lesson] - small[lesson]) < 3 * 1024, (lesson, small[lesson], large[lesson])
    mistakes = "mistakes/index.html"  # it no longer holds a copy of every quiz
    assert large[mistakes] - small[mistakes] < 40 * 1024, (small[mistakes], large[mistakes])


def test_course_map_and_review_data_are_files_the_pages_load(sites):
    site = sites[60]
    assert (site / "assets/course/course-map.js").is_file()
    assert len(list((site / "assets/course/review").glob("*.js"))) == 61  # 60 lesson quizzes and the final
    lesson = (site / "lessons/lesson-0030/index.html").read_text()
    assert "assets/course/course-map.js" in lesson and "cq-course-map" not in lesson
    assert "CourseReview" not in (site / "mistakes/index.html").read_text()


def _wrong_in(course: str, quiz: str, qid: str) -> dict:
    date = "2026-11-20T10:00:00Z"
    answer = {"value": [1], "score": 0, "date": date}
    return {f"coursegen:v1:{course}:{quiz}": {
        "v": 1, "attempts": 1, "best": {"percent": 80, "passed": True, "date": date},
        "last": {"percent": 80, "passed": True, "date": date, "hints": 0, "answers": {qid: answer}},
        "questions": {qid: answer}}}


@pytest.mark.browser
def test_mistakes_page_loads_only_the_quiz_it_needs_over_http_and_from_file(page, sites):
    site = sites[60]
    items = _wrong_in("bench-60", "lesson-0007-quiz", "q3")
    server, base = serve_folder(site)
    try:
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(f"{base}/")
        page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, JSON.stringify(v)); }",
                      {k: v for k, v in items.items()})
        page.goto(f"{base}/mistakes/")
        page.locator(".cq-mistake").first.wait_for()
        assert [(li.get_attribute("data-quiz"), li.get_attribute("data-qid")) for li in page.locator(".cq-mistake").all()] == [
            ("lesson-0007-quiz", "q3")]
        assert [u.rsplit("/", 1)[1] for u in requested if "/review/" in u] == ["lesson-0007-quiz.js"]
        page.locator(".cq-mistakes-retry").click()
        assert page.locator(".cq-mistakes-retry-area .cq-quiz.cq-ready .cq-item").count() == 1
    finally:
        server.shutdown()
    page.goto((site / "index.html").as_uri())  # opened from disk: scripts, not fetch(), still work
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, JSON.stringify(v)); }",
                  json.loads(json.dumps(items)))
    page.goto((site / "mistakes" / "index.html").as_uri())
    page.locator(".cq-mistake").first.wait_for()
    assert page.locator(".cq-mistake").count() == 1
    assert page.locator("nav .cq-status").count() > 0  # the course map decorates the navigation


def test_a_long_course_without_modules_is_shown_in_parts(tmp_path):
    """45 lessons listed with `lessons:`: the navigation and the home page show three even parts,
    as for modules, so no page lists every lesson (a flat 1,000-lesson catalogue had 320 KB pages)."""
    site = build_site(synth.write_course(tmp_path / "flat", 45, flat=True), tmp_path / "site")
    lesson = (site / "lessons" / "lesson-0030" / "index.html").read_text(encoding="utf-8")
    for part in ("Lessons 1–15", "Lessons 16–30", "Lessons 31–45"):
        assert part in lesson
    assert lesson.count('class="md-nav__link"') < 45, "the pages of other parts are folded away"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Lessons 31–45" in home and "lesson-0044" not in home
    part = (site / "modules" / "module-3" / "index.html").read_text(encoding="utf-8")
    listed = part.split("<article", 1)[1].split("</article>", 1)[0]
    assert "lesson-0031/" in listed and "lesson-0045/" in listed and "lesson-0030/" not in listed


def test_a_short_course_without_modules_stays_a_plain_list(tmp_path):
    site = build_site(synth.write_course(tmp_path / "flat", 12, flat=True), tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Lessons 1–" not in home and "lesson-0012" in home
    assert not (site / "modules").exists()
