"""The progress pages at build time: in every language, in the nav, with relative links
only, and with the mistakes data decodable (what the browser does)."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.encode import decode_key
from generator.i18n import _tables, languages
from generator.loader import CoursePaths
from generator.pipeline import check
from generator.progress import MAP_SCRIPT, MISTAKES_SEED, REVIEW_DIR
from generator.render import render_site
from conftest import ROOT


@pytest.fixture(scope="module")
def course():
    course, _ = check(CoursePaths.at(ROOT))
    return course


def test_every_language_has_every_progress_string():
    keys = {k for k in _tables()["en"] if k.startswith("progress_")}
    assert len(keys) > 30
    for language in languages():
        assert keys <= set(_tables()[language]), language


@pytest.mark.parametrize("language,title,reset", [("en", "Your progress", "Reset progress…"),
                                                   ("de", "Ihr Fortschritt", "Fortschritt zurücksetzen…"),
                                                   ("es", "Su progreso", "Borrar progreso…")])
def test_progress_pages_in_the_course_language(course, language, title, reset):
    course.settings.language = language
    try:
        site = render_site(course)
    finally:
        course.settings.language = "en"
    pages = {p.path: p for p in site.pages}
    assert pages["progress.md"].title == title and reset in pages["progress.md"].content
    assert [item.path for item in site.nav[-3:]] == ["progress.md", "mistakes.md", "certificate.md"]
    assert site.nav[-3].title == title


def test_the_course_map_is_one_script_not_a_copy_in_every_page(course):
    site = render_site(course)
    assert site.scripts == [MAP_SCRIPT]
    files = dict(site.files)
    text = files[MAP_SCRIPT].decode()
    assert text.startswith("window.CourseProgressMap = ") and text.endswith(";\n")
    data = json.loads(text[len("window.CourseProgressMap = "):-2])
    assert data["map"]["course"] == "rapport" and ["rapport-trap", "rapport-trap-quiz"] in data["map"]["lessons"]
    assert data["strings"]["progress_done"]
    for page in site.pages:
        assert "cq-course-map" not in page.content and "CourseProgressMap" not in page.content, page.path
    for path in ("progress.md", "certificate.md", "mistakes.md"):
        content = next(p.content for p in site.pages if p.path == path)
        assert not re.search(r'(href|src)="(/|https?:)', content), path
        assert "](/" not in content


def test_each_quiz_s_review_data_is_its_own_script_not_in_the_mistakes_page(course):
    site = render_site(course)
    files = dict(site.files)
    page = next(p for p in site.pages if p.path == "mistakes.md")
    assert "<template" not in page.content and "cq-quiz" not in page.content
    assert {uri for uri in files if uri.startswith(REVIEW_DIR)} == {f"{REVIEW_DIR}{q}.js" for q in course.quizzes}
    for quiz_id, quiz in course.quizzes.items():
        text = files[f"{REVIEW_DIR}{quiz_id}.js"].decode()
        prefix = f'(window.CourseReview = window.CourseReview || {{}})["{quiz_id}"] = '
        assert text.startswith(prefix) and "</" not in text
        data = json.loads(text[len(prefix):-2])
        questions = decode_key(MISTAKES_SEED, data["questions"])
        assert len(questions) == len(quiz.questions)
        for number, prompt, explanation, lesson in questions.values():
            assert prompt and lesson in course.lessons
        assert f'data-quiz="{quiz_id}--review"' in data["html"] and 'data-mode="practice"' in data["html"]


def test_a_brand_names_the_certificate_and_receives_results_by_default(course):
    contact = [("email", '<a href="mailto:crew@firm.example">crew@firm.example</a>'), ("phone", '<a href="tel:+4400">+44 00</a>')]
    site = render_site(course, contact=contact, brand_name="Firm & Co Ltd")
    page = next(p for p in site.pages if p.path == "certificate.md")
    info = json.loads(html.unescape(re.search(r'data-info="([^"]+)"', page.content).group(1)))
    assert info["brand"] == "Firm & Co Ltd" and info["email"] == "crew@firm.example"
    course.settings.results_email = "trainer@course.example"  # the course's own address wins
    try:
        page = next(p for p in render_site(course, contact=contact).pages if p.path == "progress.md")
    finally:
        course.settings.results_email = None
    assert json.loads(html.unescape(re.search(r'data-info="([^"]+)"', page.content).group(1)))["email"] == "trainer@course.example"
