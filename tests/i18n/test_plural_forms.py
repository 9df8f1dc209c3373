"""Counts in every language (issue 15): interface strings with a number carry their plural
forms (ICU plural blocks in generator/i18n/strings.yml), chosen by Babel's CLDR rules at
build time; the browser's half is tests/browser/test_counts_browser.py."""

from __future__ import annotations

import re

import pytest

from conftest import QUIZ_COURSE
from generator.check.pipeline import check
from generator.i18n import _tables, format_text, languages, plural_category, strings_for
from generator.load.course import CoursePaths
from generator.site.render import Renderer

ONE_AND_MANY = [  # key, values with 1, English, German, values with more, English, German
    ("module_summary", {"n": 1, "minutes": 5}, "1 lesson · 5 min", "1 Lektion · 5 Min.",
     {"n": 3, "minutes": 5}, "3 lessons · 5 min", "3 Lektionen · 5 Min."),
    ("progress_overall", {"done": 0, "total": 1}, "0 of 1 lesson done.", "0 von 1 Lektion erledigt.",
     {"done": 1, "total": 4}, "1 of 4 lessons done.", "1 von 4 Lektionen erledigt."),
    ("progress_imported", {"n": 1}, "Progress imported: 1 record.", "Fortschritt importiert: 1 Eintrag.",
     {"n": 2}, "Progress imported: 2 records.", "Fortschritt importiert: 2 Einträge."),
    ("progress_mistakes_count", {"n": 1}, "1 question was answered wrong last time.",
     "1 Frage war zuletzt falsch beantwortet.",
     {"n": 2}, "2 questions were answered wrong last time.", "2 Fragen waren zuletzt falsch beantwortet."),
    ("drawn", {"n": 1}, "Each attempt draws 1 question.", "Jeder Versuch zieht 1 Frage.",
     {"n": 5}, "Each attempt draws 5 questions.", "Jeder Versuch zieht 5 Fragen."),
    ("worth", {"n": 1}, "1 point", "1 Punkt", {"n": 2}, "2 points", "2 Punkte"),
    ("points", {"score": 1, "total": 1}, "1 of 1 point", "1 von 1 Punkt",
     {"score": 0.5, "total": 6}, "0.5 of 6 points", "0.5 von 6 Punkten"),
    ("found", {"hits": 1, "total": 1, "wrong": 0}, "You chose 1 of 1 right option and 0 wrong.",
     "Sie haben 1 von 1 richtigen Option gewählt und 0 falsche.",
     {"hits": 1, "total": 2, "wrong": 1}, "You chose 1 of 2 right options and 1 wrong.",
     "Sie haben 1 von 2 richtigen Optionen gewählt und 1 falsche."),
    ("in_place", {"n": 1, "total": 1}, "1 of 1 step in the right place.", "1 von 1 Schritt an der richtigen Stelle.",
     {"n": 2, "total": 3}, "2 of 3 steps in the right place.", "2 von 3 Schritten an der richtigen Stelle."),
]


@pytest.mark.parametrize("key,one,en_one,de_one,many,en_many,de_many", ONE_AND_MANY, ids=[c[0] for c in ONE_AND_MANY])
def test_one_and_many_in_english_and_german(key, one, en_one, de_one, many, en_many, de_many):
    said = {(lang, n): format_text(strings_for(lang)[key], lang, values)
            for lang in ("en", "de") for n, values in (("one", one), ("many", many))}
    assert said == {("en", "one"): en_one, ("de", "one"): de_one, ("en", "many"): en_many, ("de", "many"): de_many}


def test_no_english_string_puts_a_count_before_a_plural_noun_without_forms():
    # "{n} questions" outside a plural block would say "1 questions"
    for key, text in _tables()["en"].items():
        outside = re.sub(r"\{\w+, plural,(?:[^{}]|\{[^{}]*\})*\}", "", text)
        # a count's placeholder (not {item}, {quiz}...) before a word in -s that is not a verb ("is", "was")
        assert not re.search(r"\{(?:n|total|wrong|done|hits|score|minutes)\} (?:of \{\w+\} )?(?!is\b|was\b|has\b)[a-z]+s\b", outside), key


def test_every_language_resolves_every_count_to_words():
    for language in languages():
        for key, text in _tables()[language].items():
            for n in (0, 1, 2, 5, 21, 1_000_000):
                said = format_text(text, language, {"n": n, "total": n, "wrong": n, "done": 0, "hits": 0,
                                                    "score": 0, "minutes": 5})
                assert "plural," not in said and "#" not in said, (language, key, n)


def test_forms_are_cldr_s_by_babel():
    assert [plural_category("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_category("fr", n) for n in (0, 1, 2)] == ["one", "one", "other"]  # French: 0 is singular
    assert plural_category("pt-BR", 1) == "one" and plural_category("xx-unknown", 1) == "other"
    assert format_text("{n, plural, =0 {none} one {# item} other {# items}}", "en", {"n": 0}) == "none"


def test_a_german_quiz_page_draws_one_question_in_the_singular():
    course, _ = check(CoursePaths.at(QUIZ_COURSE))
    course.settings.language = "de"
    course.quizzes["pool-quiz"].draw = 1
    html = str(Renderer(course).quiz_html(course.quizzes["pool-quiz"]))
    assert "Jeder Versuch zieht 1 Frage." in html and "1 Fragen" not in html


def test_the_browser_reads_plural_blocks_with_the_same_patterns():
    import generator.i18n as i18n
    from conftest import ROOT

    source = (ROOT / "generator/site/assets/language.js").read_text(encoding="utf-8")
    found = dict(re.findall(r"var (\w+) = /(.+?)/g;", source))
    assert (found["PLURAL"], found["FORM"]) == (i18n.PLURAL, i18n.FORM)
