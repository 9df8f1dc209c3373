"""Counts in the browser (issue 15): the runtime's strings with a number take the page
language's plural form (Intl.PluralRules), in English and German, as the build does (Babel);
and a learner with one wrong answer reads "1 question was answered wrong"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from generator.i18n import format_text, strings_for

pytestmark = pytest.mark.browser

RUNTIME_COUNTS = [  # strings the browser formats, with one and with more
    ("points", {"score": 1, "total": 1}), ("points", {"score": 2.5, "total": 6}),
    ("found", {"hits": 1, "total": 1, "wrong": 0}), ("found", {"hits": 1, "total": 3, "wrong": 1}),
    ("in_place", {"n": 0, "total": 1}), ("in_place", {"n": 2, "total": 4}),
    ("progress_imported", {"n": 1}), ("progress_imported", {"n": 12}),
    ("progress_mistakes_count", {"n": 1}), ("progress_mistakes_count", {"n": 2}),
    ("progress_overall", {"done": 1, "total": 1}), ("progress_overall", {"done": 1, "total": 2}),
]



@pytest.mark.parametrize("language", ["en", "de"])
def test_the_runtime_says_one_and_many_in_the_page_language(page: Page, quiztext_url, language):
    page.goto(quiztext_url + "/lessons/typing/")
    strings = strings_for(language)
    cases = [{"text": strings[key], "values": values} for key, values in RUNTIME_COUNTS]
    said = page.evaluate("""([lang, cases]) => { document.documentElement.lang = lang;
        return cases.map(c => CourseKit.format(c.text, c.values)); }""", [language, cases])
    expected = [format_text(strings[key], language, values) for key, values in RUNTIME_COUNTS]
    assert said == expected
    if language == "en":
        assert said[:2] == ["1 of 1 point", "2.5 of 6 points"] and said[8:10] == [
            "1 question was answered wrong last time.", "2 questions were answered wrong last time."]
    else:
        assert said[:2] == ["1 von 1 Punkt", "2.5 von 6 Punkten"] and said[6:8] == [
            "Fortschritt importiert: 1 Eintrag.", "Fortschritt importiert: 12 Einträge."]


def test_one_wrong_answer_is_one_question_on_the_mistakes_page(page: Page, quiztext_url):
    page.goto(quiztext_url + "/lessons/typing/")
    for qid, typed in (("t-apostrophe", "don't"), ("t-sharp-s", "Strasse"), ("t-exact", "co")):
        item = page.locator(f'.cq-item[data-qid="{qid}"]')
        item.locator("input").fill(typed)
        item.locator(".cq-check").click()
    expect(page.locator(".cq-result")).to_contain_text("2 of 3 points")
    page.goto(quiztext_url + "/mistakes/")
    expect(page.locator(".cq-mistakes-intro")).to_have_text("1 question was answered wrong last time.")
