"""Quiz text that needs no Markdown skips it (issue 8), and looks exactly the same."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.markup import BASE_EXTENSIONS, InertHtml, QuizMarkdown, _is_plain

ROOT = Path(__file__).resolve().parents[2]


def _reference(text: str) -> str:
    md = markdown.Markdown(extensions=[*BASE_EXTENSIONS, InertHtml()], output_format="html")
    return md.convert(text)


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _bundled_and_synthetic_texts() -> list[str]:
    texts = set()
    for file in sorted((ROOT / "quizzes").glob("*.y*ml")):
        texts.update(_strings(yaml.safe_load(file.read_text(encoding="utf-8"))))
    sys.path.insert(0, str(ROOT))
    from bench.synth import lesson_data

    for i in range(1, 21):
        texts.update(_strings(lesson_data(i)[1]))
    return sorted(texts)


TEXTS = _bundled_and_synthetic_texts()


def test_most_quiz_texts_take_the_fast_path():
    plain = [t for t in TEXTS if _is_plain(t)]
    assert len(plain) > len(TEXTS) / 3, "the fast path should cover the common case"


@pytest.mark.parametrize("text", TEXTS)
def test_every_bundled_and_synthetic_quiz_text_renders_as_markdown_would(text):
    quiz = QuizMarkdown()
    assert quiz.block(text) == _reference(text)
    expected_inline = quiz.inline(text)
    assert QuizMarkdown().inline(text) == expected_inline


# Letters, digits and every character Markdown or smarty treat specially, so examples
# near the edge of the fast path are common.
_ALPHABET = st.sampled_from(list("aZé1 .,;:?!()/%=+-\"'`*_[]<>&#{}\\~|^$@\t\n\u00a0") + ["--", "...", "  ", "1. ", "- "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=20).map("".join))
def test_fast_path_output_is_byte_identical_to_markdown(text):
    if not _is_plain(text):
        return
    quiz = QuizMarkdown()
    assert quiz.block(text) == _reference(text)
    reference_inline = _reference(text)
    assert quiz.inline(text) == reference_inline[3:-4]


def test_text_with_markdown_is_not_taken_for_plain():
    quiz = QuizMarkdown()
    assert quiz.block("It's *very* good -- really...") == "<p>It&rsquo;s <em>very</em> good &ndash; really&hellip;</p>"
    assert quiz.inline("Tom & Jerry") == "Tom &amp; Jerry"
    assert quiz.block("1. first") == "<ol>\n<li>first</li>\n</ol>"
