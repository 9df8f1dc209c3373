"""What the built quiz pages hold before any script runs: no answer, feedback, hint or
explanation in the HTML source; strings from the translation table with the course's
overrides; Material's accessibility fixes; and the runtime's size budget."""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

import pytest
import yaml

from conftest import QUIZ_COURSE, ROOT
from generator.site import encode
from generator.site.encode import decode_key, encode_key
from generator.i18n import placeholders, strings_for
from generator.load.course import CoursePaths
from generator.check.pipeline import prepare
from generator.site.render import Renderer

QUIZ_PAGES = {"basics-quiz": "lessons/basics/index.html", "pool-quiz": "lessons/pool/index.html", "final-exam": "assessment/final-exam/index.html"}
RUNTIME = ROOT / "generator/site/assets/quiz"


def quiz_yaml(quiz_id: str) -> dict:
    return yaml.safe_load((QUIZ_COURSE / "quizzes" / f"{quiz_id}.yml").read_text())


def page_html(site: Path, quiz_id: str) -> str:
    return (site / QUIZ_PAGES[quiz_id]).read_text()


def secrets(question: dict) -> list[str]:
    """Text a learner must not be able to read in the source before checking (none in a written
    question: it is not graded, and its model answer is on the page for the learner to open)."""
    if question.get("type") == "written":
        return []
    found = [question.get("explanation"), question.get("feedback_correct"), question.get("feedback_incorrect")]
    found += question.get("hints", []) + question.get("answers", [])
    found += [o.get("feedback") for o in question.get("options", [])]
    return [s for s in found if s]


@pytest.mark.parametrize("quiz_id", QUIZ_PAGES)
def test_no_feedback_explanation_hint_or_accepted_answer_in_the_source(quiz_site, quiz_id):
    source = html.unescape(page_html(quiz_site, quiz_id))
    index = (quiz_site / "search/search_index.json").read_text()
    for question in quiz_yaml(quiz_id)["questions"]:
        for secret in secrets(question):
            assert secret not in source, f"{question['id']}: {secret!r} readable in the page source"
            assert secret not in index, f"{question['id']}: {secret!r} readable in the search index"


@pytest.mark.parametrize("quiz_id", QUIZ_PAGES)
def test_right_and_wrong_options_have_identical_markup(quiz_site, quiz_id):
    source = page_html(quiz_site, quiz_id)
    for question in quiz_yaml(quiz_id)["questions"]:
        block = source[source.index(f'data-qid="{question["id"]}"'):]
        block = block[:block.index("</fieldset>")]
        if "options" in question:
            items = re.findall(r'<li class="cq-option"[^>]*>.*?</li>', block)
            assert len(items) == len(question["options"])
            items = [re.sub(r' data-oid="[^"]*"', "", i) for i in items]  # the option's identity: its text as written
            for item, option in zip(items, question["options"], strict=True):
                assert html.unescape(item).count(option["text"]) == 1
            # Strip each option's own text and position: what is left must not differ.
            shapes = {re.sub(r'value="\d+"', "", html.unescape(i).replace(o["text"], ""))
                      for i, o in zip(items, question["options"], strict=True)}
            assert len(shapes) == 1, shapes
            assert "correct" not in block.lower()


def test_order_tokens_do_not_spell_the_right_order(quiz_site):
    for quiz_id in ("basics-quiz", "final-exam"):
        source = html.unescape(page_html(quiz_site, quiz_id))
        for question in quiz_yaml(quiz_id)["questions"]:
            if question["type"] != "order":
                continue
            block = source[source.index(f'data-qid="{question["id"]}"'):]
            listed = re.findall(r'data-value="(\d+)"[^>]*><span class="cq-order-text"[^>]*>(.*?)</span>', block)[: len(question["items"])]
            assert [int(v) for v, _ in listed] == list(range(len(listed))), "tokens are shown positions"
            assert [t for _, t in sorted(listed)] != question["items"], "sorting by token must not give the answer"
            assert [t for _, t in listed] != question["items"], "the page must not list the steps in the right order"


def test_key_decodes_to_the_answers_only_with_the_runtime_scheme():
    data = {"correct": [1], "feedback": ["<p>Ünïcode ✓</p>"]}
    blob = encode_key("quiz/q1", data)
    assert "correct" not in blob and decode_key("quiz/q1", blob) == data
    assert encode_key("quiz/q2", data) != blob


def test_the_pad_look_up_tables_give_the_runtime_s_xorshift_pad():
    """encode.py looks the 64-byte pad up in tables; core.js runs the 64 steps. Same bytes."""
    states = [1, 0xFFFFFFFF, 0x80000000, *(1 << bit for bit in range(32)), *random.Random(8).choices(range(1, 1 << 32), k=2000)]
    for state in states:
        tables = encode._pad_tables()
        looked_up = tables[0][state & 0xFF] ^ tables[1][state >> 8 & 0xFF] ^ tables[2][state >> 16 & 0xFF] ^ tables[3][state >> 24]
        assert looked_up.to_bytes(encode.PAD_SIZE, "big") == encode._xorshift_pad(state), hex(state)


def test_a_key_longer_than_the_pad_decodes():
    data = {"feedback": ["<p>" + "Ünïcode ✓ and a long explanation. " * 40 + "</p>"], "correct": [3]}
    assert decode_key("final-exam/q12", encode_key("final-exam/q12", data)) == data


def test_every_language_has_every_string_and_the_runtime_uses_only_known_ones():
    tables = yaml.safe_load((ROOT / "generator/i18n/strings.yml").read_text())
    assert {"en", "de", "es", "fr", "it", "nl", "pt"} <= set(tables)
    for language, table in tables.items():
        assert set(table) == set(tables["en"]), language
        for key, text in table.items():  # the same {placeholders} (plain or plural) as English, no more, no fewer
            assert placeholders(text) == placeholders(tables["en"][key]), (language, key)
            assert all("other {" in block for block in re.findall(r"\{\w+, plural,.*", text)), (language, key)
    scripts = "".join(p.read_text() for p in RUNTIME.rglob("*.js"))
    used = set(re.findall(r"\bs\.([a-z_]+)\b", scripts))
    assert used and used <= set(tables["en"]), used - set(tables["en"])


def test_runtime_strings_come_from_the_course_language_with_course_overrides():
    course, _ = prepare(CoursePaths.at(QUIZ_COURSE))
    course.settings.language = "de"
    final = Renderer(course).quiz_html(course.quizzes["final-exam"])
    strings = json.loads(html.unescape(re.search(r'data-strings="([^"]*)"', final).group(1)))
    assert strings["correct"] == "Richtig" and strings["submit"] == "Antworten abgeben"
    assert strings["retry"] == "Have another go"  # the course's own override wins
    assert "Antworten abgeben" in final and "Frage 1 von 5" in final
    assert strings_for("es")["check"] == "Comprobar"


def test_no_javascript_notice_and_search_dialog_name_in_the_built_page(quiz_site):
    source = page_html(quiz_site, "basics-quiz")
    assert "<noscript><p class=\"cq-noscript\">Checking answers needs JavaScript." in source
    assert re.search(r'data-md-component="search" role="dialog" aria-label="[^"]+"', source)
