"""The progress pages at build time: in every language, in the nav, with relative links
only, and with the mistakes data decodable (what the browser does)."""

from __future__ import annotations

import json
import re

import pytest

from generator.site.encode import decode_key
from generator.i18n import _tables, languages
from generator.load.course import CoursePaths
from generator.check.pipeline import check
from generator.site.progress import MAP_SCRIPT, MISTAKES_SEED, REVIEW_DIR, review_copy
from generator.site.contact import contacts
from generator.site.render import Renderer, render_site
from conftest import QUIZ_COURSE, ROOT


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
                                                   ("es", "Su progreso", "Borrar progreso…"),
                                                   ("fr", "Votre progression", "Réinitialiser la progression…"),
                                                   ("it", "I tuoi progressi", "Azzera i progressi…"),
                                                   ("nl", "Je voortgang", "Voortgang wissen…"),
                                                   ("pt", "O seu progresso", "Repor o progresso…")])
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
    assert data["map"]["course"] == "rapport" and ["rapport-trap", "rapport-trap-quiz"] in [row[:2] for row in data["map"]["lessons"]]
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
        assert len(questions) == len([q for q in quiz.questions if q.scored])  # a written answer is never a mistake
        for _number, prompt, _explanation, lesson in questions.values():
            assert prompt and lesson in course.lessons
        assert f'data-quiz="{quiz_id}--review"' in data["html"] and 'data-mode="practice"' in data["html"]


@pytest.mark.parametrize("root", [ROOT, QUIZ_COURSE], ids=["course", "quizcourse"])
def test_a_practice_copy_is_what_its_quiz_renders_alone(root):
    """The copies reuse the lesson quizzes' question HTML (issue 8): the same as rendered afresh."""
    course, _ = check(CoursePaths.at(root))
    files = dict(render_site(course).files)
    for quiz_id, quiz in course.quizzes.items():
        text = files[f"{REVIEW_DIR}{quiz_id}.js"].decode()
        shared = json.loads(text[text.index("] = ") + 4:-2])["html"]
        assert shared == str(Renderer(course).quiz_html(review_copy(quiz))), quiz_id


def _map_data(site) -> dict:
    text = dict(site.files)[MAP_SCRIPT].decode()
    return json.loads(text[len("window.CourseProgressMap = "):-2])


def test_a_brand_names_the_certificate_and_receives_results_by_default(course):
    contact = contacts(email="crew@firm.example", phone="+44 00")
    info = _map_data(render_site(course, contact=contact, brand_name="Firm & Co Ltd"))["info"]
    assert info["brand"] == "Firm & Co Ltd" and info["email"] == "crew@firm.example"
    course.settings.results_email = "trainer@course.example"  # the course's own address wins
    try:
        site = render_site(course, contact=contact)
    finally:
        course.settings.results_email = None
    assert _map_data(site)["info"]["email"] == "trainer@course.example"


def test_progress_pages_carry_one_lesson_link_not_one_per_lesson(course):
    """The certificate and mistakes pages copy one link per lesson in the browser; the progress page
    lists every lesson at build time (issue 17: its statuses fill in and nothing moves)."""
    site = render_site(course)
    lessons = course.ordered_lessons()
    progress = next(p.content for p in site.pages if p.path == "progress.md")
    for lesson in lessons:
        assert progress.count(f'<li class="cq-progress-item" data-lesson="{lesson.id}"') == 1
    for path in ("certificate.md", "mistakes.md"):
        content = next(p.content for p in site.pages if p.path == path)
        assert "data-info" not in content, path
        assert content.count(f'data-lesson="{lessons[0].id}"') == 1 and f'data-lesson="{lessons[-1].id}"' not in content, path
    assert [row[0] for row in _map_data(site)["map"]["lessons"]] == [lesson.id for lesson in lessons]


@pytest.mark.parametrize("project", ["course", "modules", "quizcourse"])
def test_the_course_map_lists_every_page_in_site_order(course, project, tmp_path):
    """map.pages: [path, kind, id] of every page, so the browser finds the page a link leads to
    (lesson statuses in the navigation) without guessing from its URL."""
    if project == "modules":  # bench/synth.py groups lessons in modules of ten
        import sys
        sys.path.insert(0, str(ROOT / "bench"))
        import synth
        course, _ = check(CoursePaths.at(synth.write_course(tmp_path / "c", 12)))
    elif project == "quizcourse":
        course, _ = check(CoursePaths.at(QUIZ_COURSE))
    site = render_site(course)
    pages = _map_data(site)["map"]["pages"]
    assert [p[0] for p in pages] == [page.path for page in site.pages]
    kinds = {path: (kind, pid) for path, kind, pid in pages}
    assert kinds["index.md"] == ("home", "")
    assert kinds["progress.md"] == ("progress", "") and kinds["certificate.md"] == ("certificate", "")
    assert kinds["mistakes.md"] == ("mistakes", "")
    lessons = course.ordered_lessons()
    assert [pid for kind, pid in kinds.values() if kind == "lesson"] == [lesson.id for lesson in lessons]
    assert all(kinds[f"lessons/{lesson.id}.md"] == ("lesson", lesson.id) for lesson in lessons)
    final = course.final_quiz
    assert [v for v in kinds.values() if v[0] == "final"] == ([("final", final.id)] if final else [])
    modules = [(path, pid) for path, (kind, pid) in kinds.items() if kind == "module"]
    if project == "modules":
        assert modules == [("modules/module-1.md", "0"), ("modules/module-2.md", "1")]
    else:
        assert modules == []
