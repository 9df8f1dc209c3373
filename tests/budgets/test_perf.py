"""Issue 8 (fast at any size): finished quiz HTML skips the Markdown pass yet lands
unchanged in the page; the search index holds lesson text, not quiz markup."""

from __future__ import annotations

import json

import markdown
import pytest
import yaml

from conftest import ROOT
from generator.site.render import Page, block_placeholder, put_back

QUIZ = '<section class="cq-quiz" data-key="x">\n<p>Q *1*</p>\n</section>'
QUIZ2 = '<section class="cq-quiz" data-key="y">\n<p>Q *2*</p>\n</section>'


def test_blocks_skip_markdown_and_come_back_unchanged():
    page = Page("lessons/x.md", "X", f"# Lesson\n\nSome *text*.\n\n{block_placeholder(0)}\n\nAfter.\n\n{block_placeholder(1)}\n",
                (QUIZ, QUIZ2))
    html = markdown.Markdown(extensions=["md_in_html", "attr_list"]).convert(page.content)
    restored = put_back(html, page.blocks)
    assert QUIZ in restored and QUIZ2 in restored and "<em>text</em>" in restored and "<em>1</em>" not in restored
    assert QUIZ in page.markdown() and "cq-block" not in page.markdown()  # what an engine without blocks gets


def test_a_lost_placeholder_is_an_error_not_a_missing_quiz():
    with pytest.raises(LookupError):
        put_back("<p>no placeholder</p>", [QUIZ])


def test_built_page_has_its_quiz_and_search_index_has_no_quiz_markup(built_site):
    quiz = yaml.safe_load((ROOT / "quizzes/rapport-trap-quiz.yml").read_text())
    html = (built_site / "lessons/rapport-trap/index.html").read_text()
    assert 'class="cq-quiz"' in html and "<!--cq-block-" not in html
    index = json.loads((built_site / "search/search_index.json").read_text())
    lesson_docs = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("lessons/rapport-trap/"))
    assert "Rapport" in lesson_docs or "rapport" in lesson_docs
    assert "cq-quiz" not in lesson_docs and quiz["questions"][0]["prompt"] not in lesson_docs


def test_build_loads_the_course_once(tmp_path, monkeypatch):
    """`coursegen build` checks the course, then hands that result to the MkDocs plugin,
    which builds from it without loading the course again (issue 8)."""
    import shutil

    from generator.check import pipeline
    from generator.cli import main

    shutil.copytree(ROOT / "course", tmp_path / "course")
    shutil.copytree(ROOT / "quizzes", tmp_path / "quizzes")
    shutil.copytree(ROOT / "dialogues", tmp_path / "dialogues")  # course.yml lists them (issue 23)
    shutil.copytree(ROOT / "figures", tmp_path / "figures")
    shutil.copytree(ROOT / "handouts", tmp_path / "handouts")  # listed in course.yml (issue 23)
    shutil.copy(ROOT / "known-findings.yml", tmp_path / "known-findings.yml")  # issue 16
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    loads = []
    real = pipeline.load_course
    monkeypatch.setattr(pipeline, "load_course", lambda p: loads.append(p) or real(p))
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--out", str(tmp_path / "site"), "--jobs", "1"]) == 0
    assert len(loads) == 1 and (tmp_path / "site/lessons/rapport-trap/index.html").is_file()


def test_the_renderer_keeps_the_quiz_apart_from_the_markdown():
    """If a template changes how a quiz starts, this fails instead of the build silently slowing down."""
    from generator.load.course import CoursePaths
    from generator.check.pipeline import prepare
    from generator.site.render import render_site

    course, _ = prepare(CoursePaths.at(ROOT))
    page = next(p for p in render_site(course).pages if p.path == "lessons/rapport-trap.md")
    assert len(page.blocks) == 3 and "cq-quiz" in page.blocks[0] and 'class="cq-sc"' in page.blocks[1]  # the quiz, the scenario
    assert 'class="cq-figure"' in page.blocks[2]  # and the figure
    assert "cq-quiz" not in page.content and "cq-sc" not in page.content and "cq-figure" not in page.content
