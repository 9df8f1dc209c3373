"""Issue 8 (fast at any size): finished quiz HTML skips the Markdown pass yet lands
unchanged in the page; the search index holds lesson text, not quiz markup."""

from __future__ import annotations

import json

import markdown
import pytest
import yaml

from conftest import ROOT
from generator.engines.mkdocs import rawblocks

QUIZ = '<section class="cq-quiz" data-key="x">\n<p>Q *1*</p>\n</section>'
QUIZ2 = '<section class="cq-quiz" data-key="y">\n<p>Q *2*</p>\n</section>'


def test_set_aside_and_put_back_restore_the_page():
    page = f"# Lesson\n\nSome *text*.\n\n## Check yourself\n\n{QUIZ}\n\nAfter.\n\n{QUIZ2}\n"
    text, blocks = rawblocks.set_aside(page)
    assert blocks == [QUIZ, QUIZ2] and "cq-quiz" not in text
    html = markdown.Markdown(extensions=["md_in_html", "attr_list"]).convert(text)
    restored = rawblocks.put_back(html, blocks)
    assert QUIZ in restored and QUIZ2 in restored and "<em>text</em>" in restored and "<em>1</em>" not in restored


def test_a_block_inside_running_text_is_left_to_markdown():
    page = f"Text {QUIZ}\n"
    assert rawblocks.set_aside(page) == (page, [])


def test_a_lost_placeholder_is_an_error_not_a_missing_quiz():
    with pytest.raises(LookupError):
        rawblocks.put_back("<p>no placeholder</p>", [QUIZ])


def test_built_page_has_its_quiz_and_search_index_has_no_quiz_markup(built_site):
    quiz = yaml.safe_load((ROOT / "quizzes/rapport-trap-quiz.yml").read_text())
    html = (built_site / "lessons/rapport-trap/index.html").read_text()
    assert 'class="cq-quiz"' in html and "<!--cq-block-" not in html
    index = json.loads((built_site / "search/search_index.json").read_text())
    lesson_docs = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("lessons/rapport-trap/"))
    assert "Rapport" in lesson_docs or "rapport" in lesson_docs
    assert "cq-quiz" not in lesson_docs and quiz["questions"][0]["prompt"] not in lesson_docs


def test_build_loads_the_course_once_but_a_changed_file_is_read_again(tmp_path, monkeypatch):
    import shutil

    from generator.check import pipeline
    from generator.load.course import CoursePaths

    shutil.copytree(ROOT / "course", tmp_path / "course")
    shutil.copytree(ROOT / "quizzes", tmp_path / "quizzes")
    paths = CoursePaths.at(tmp_path)
    loads = []
    real = pipeline.load_course
    monkeypatch.setattr(pipeline, "load_course", lambda p: loads.append(p) or real(p))
    pipeline.check(paths)
    pipeline.prepare(paths)  # what `coursegen build` does next: the check's result is reused
    assert len(loads) == 1
    pipeline.check(paths)
    lesson = tmp_path / "course/lessons/welcome.yml"
    lesson.write_text(lesson.read_text().replace("title:", "title: Changed", 1) + "\n")
    course, _ = pipeline.prepare(paths)
    assert len(loads) == 3 and course.lessons["welcome"].title.startswith("Changed")
    pipeline.prepare(paths)  # taken once only: a later prepare loads again
    assert len(loads) == 4


def test_the_renderer_s_quiz_and_course_map_are_set_aside():
    """If a template changes how a quiz starts, this fails instead of the build silently slowing down."""
    from generator.load.course import CoursePaths
    from generator.check.pipeline import prepare
    from generator.site.render import render_site

    course, _ = prepare(CoursePaths.at(ROOT))
    page = next(p for p in render_site(course).pages if p.path == "lessons/rapport-trap.md")
    text, blocks = rawblocks.set_aside(page.content)
    assert len(blocks) == 1 and "cq-quiz" in blocks[0]
    assert "cq-quiz" not in text
