"""A real build of the bundled course: one page per lesson, home and final assessment,
in course order, with quiz markup; a failed build leaves the previous site alone."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT, build_site, copy_project, coursegen


def course_order() -> list[str]:
    return yaml.safe_load((ROOT / "course/course.yml").read_text())["lessons"]


def test_one_page_per_lesson_plus_home_and_final(built_site):
    for lesson in course_order():
        assert (built_site / "lessons" / lesson / "index.html").is_file(), lesson
    assert (built_site / "index.html").is_file()
    assert (built_site / "assessment/final-assessment/index.html").is_file()


def test_navigation_follows_course_order(built_site):
    html = (built_site / "index.html").read_text()
    titles = [yaml.safe_load((ROOT / f"course/lessons/{lid}.yml").read_text())["title"] for lid in course_order()]
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    positions = [nav.index(f">{t}<") if f">{t}<" in nav else nav.index(t) for t in titles]
    assert positions == sorted(positions)


def test_home_lists_lessons_with_summaries_and_minutes(built_site):
    html = (built_site / "index.html").read_text()
    for lid in course_order():
        lesson = yaml.safe_load((ROOT / f"course/lessons/{lid}.yml").read_text())
        assert f'href="lessons/{lid}/"' in html
        assert f"{lesson['minutes']} min" in html


def test_lesson_page_has_its_parts_and_quiz_markup(built_site):
    html = (built_site / "lessons/rapport-trap/index.html").read_text()
    lesson = yaml.safe_load((ROOT / "course/lessons/rapport-trap.yml").read_text())
    for objective in lesson["objectives"]:
        assert objective["text"].split()[1] in html
    assert "admonition story" in html or "admonition scenario" in html
    assert "Key points" in html and "Reflect" in html
    assert html.count("<fieldset") == len(yaml.safe_load((ROOT / "quizzes/rapport-trap-quiz.yml").read_text())["questions"])
    assert re.search(r"<legend[^>]*>", html)
    assert 'type="radio"' in html and "<label>" in html


def test_bad_yaml_fails_the_build_and_keeps_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "p")
    out = build_site(project, tmp_path / "out")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    lesson = project / "course/lessons/rapport-trap.yml"
    lesson.write_text(lesson.read_text().replace("title:", "titel:", 1))
    result = coursegen("build", "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert "course/lessons/rapport-trap.yml:" in result.stderr
    assert "unknown field 'titel'" in result.stderr and "did you mean 'title'?" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_plain_mkdocs_build_strict_passes(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_course_in_modules_gets_module_pages_and_a_small_home(tmp_path):
    project = copy_project(tmp_path / "p")
    course_file = project / "course/course.yml"
    order = course_order()
    text = course_file.read_text()
    lessons_block = text[text.index("lessons:"):]
    modules = ("modules:\n  - title: \"Getting started\"\n    lessons: [" + ", ".join(order[:2]) + "]\n"
               "  - title: \"The craft\"\n    lessons: [" + ", ".join(order[2:]) + "]\n")
    course_file.write_text(text.replace(lessons_block, modules))
    out = build_site(project, tmp_path / "out")
    home = (out / "index.html").read_text()
    assert 'href="modules/module-1/"' in home and 'href="modules/module-2/"' in home
    assert "cq-lesson-link" not in home  # the home page lists modules, not every lesson
    module = (out / "modules/module-2/index.html").read_text()
    for lid in order[2:]:
        assert f'href="../../lessons/{lid}/"' in module
    first = (out / "lessons" / order[0] / "index.html").read_text()
    assert "Overview" not in first and first.count(">Getting started<") + first.count("Getting started\n") >= 2  # section and its page
    last = (out / "lessons" / order[1] / "index.html").read_text()
    assert "The craft" in last[last.index("md-footer__link--next"):]  # "Next → The craft", not "Next → Overview"


def test_a_french_course_has_french_interface_strings_and_no_english_ones(tmp_path):
    import html
    import json

    project = copy_project(tmp_path / "p")
    course_file = project / "course/course.yml"
    course_file.write_text(re.sub(r"(?m)^language: en\b", "language: fr", course_file.read_text()))
    out = build_site(project, tmp_path / "out")
    lesson = (out / "lessons" / course_order()[1] / "index.html").read_text()
    assert '<html lang="fr"' in lesson
    assert "À la fin de cette leçon, vous saurez" in lesson and "Testez-vous" in lesson
    assert "By the end of this lesson" not in lesson and "Check yourself" not in lesson
    strings = json.loads(html.unescape(re.search(r'data-strings="([^"]*)"', lesson).group(1)))
    assert strings["check"] == "Vérifier" and strings["submit"] == "Envoyer les réponses"
    assert "Rechercher" in lesson  # Material's own strings in the same language
    assert "Votre progression" in (out / "progress/index.html").read_text()


def test_a_language_without_interface_strings_is_refused_with_the_supported_ones(tmp_path):
    project = copy_project(tmp_path / "p")
    course_file = project / "course/course.yml"
    course_file.write_text(re.sub(r"(?m)^language: en\b", "language: sv", course_file.read_text()))
    result = coursegen("build", "--out", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 1
    assert "course/course.yml:5:11: error: language: there are no interface strings in 'sv'\n" in result.stderr
    assert "use one of de, en, es, fr, it, nl, pt; or translate every interface string under `strings:` in course/course.yml" in result.stderr
    assert not (tmp_path / "out").exists()
