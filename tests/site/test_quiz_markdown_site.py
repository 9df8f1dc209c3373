"""Quiz text is Markdown like the lesson's (issue 15): the site's own extensions from
mkdocs.yml (fenced code and tables always), code kept exactly as written (blank lines
too, in the quiz's one HTML block), math marked for MathJax, and still inert."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import QUIZ_TEXT_COURSE
from generator.check.pipeline import check
from generator.load.course import CoursePaths
from generator.load.settings import read_settings
from generator.site.markup import QuizMarkdown
from generator.site.render import Renderer

RICH = (("admonition", {}), ("attr_list", {}), ("md_in_html", {}), ("pymdownx.details", {}),
        ("pymdownx.superfences", {}), ("pymdownx.arithmatex", {"generic": False}), ("pymdownx.blocks.html", {}),
        ("toc", {"permalink": True}), ("footnotes", {}), ("pymdownx.snippets", {"base_path": ["/"]}))


def _text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_settings_carry_the_sites_markdown_extensions(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nmarkdown_extensions:\n  - tables\n  - toc:\n      permalink: true\n"
                      "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
                      "          format: !!python/name:pymdownx.superfences.fence_code_format\n", encoding="utf-8")
    assert read_settings(config).markdown_extensions == (("tables", {}), ("toc", {"permalink": True}),
                                                         ("pymdownx.superfences", {}))  # a tag is not run


def test_fenced_code_tables_and_math_like_the_lesson():
    quiz = QuizMarkdown(RICH)
    code = quiz.block("Look:\n\n```python\ndef f():\n\n    return 1\n```")
    assert _text_of(code.split("<pre", 1)[1]) == ">def f():\n\n    return 1\n"  # as written, blank line and all
    assert "<table>" in quiz.block("| a | b |\n|---|---|\n| 1 | 2 |")
    assert quiz.inline("Area $a^2$") == 'Area <span class="arithmatex">\\(a^2\\)</span>'  # marked, never a <script>
    assert "<code>" in QuizMarkdown().block("```\nplain fence\n```")  # fenced code even when the site lists none


def test_quiz_text_stays_inert_with_the_sites_extensions():
    quiz = QuizMarkdown(RICH)
    hostile = ("<script>alert(1)</script>\n\n<div markdown>x</div>\n\n/// html | script\nalert(2)\n///\n\n"
               "[a](javascript:alert(3))\n\nA paragraph\n{: onclick=\"alert(4)\" }\n\n"
               "--8<-- \"/etc/hostname\"\n\n# Heading\n\nNote[^1]\n\n[^1]: a footnote")
    out = quiz.block(hostile)
    assert "<script" not in out and "<div" not in out and "onclick" not in out and "javascript:" not in out
    assert 'id="' not in out  # no toc anchors or footnote ids to repeat once per question
    assert "&lt;script&gt;" in out


def test_code_keeps_its_blank_lines_in_the_quizs_one_html_block():
    course, _ = check(CoursePaths.at(QUIZ_TEXT_COURSE))
    settings = read_settings(QUIZ_TEXT_COURSE / "mkdocs.yml")
    quiz_html = str(Renderer(course, markdown_extensions=settings.markdown_extensions).quiz_html(course.quizzes["markdown-quiz"]))
    assert not re.search(r"\n[ \t]*\n", quiz_html)  # Markdown would end the raw HTML block there
    scenario = re.search(r'class="cq-scenario".*?</div>\n?</div>|class="cq-scenario".*?</pre>', quiz_html, re.DOTALL)[0]
    code = _text_of(scenario.split("<pre", 1)[1])
    assert "def total(items):\n\n    return sum(items)" in code
