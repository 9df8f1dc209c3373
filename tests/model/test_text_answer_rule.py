"""Typed answers (issue 15): the answer rule of generator/model/questions/text.py on the
shared test vectors, the same patterns as the runtime's language.js, answers shown as
written, and `match: exact`. The browser half: tests/browser/test_text_answers_browser.py."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, generated_answers, text_answer_vectors
from generator.model.questions import text
from generator.model.questions.text import TextQuestion, normalise

RUNTIME_RULE = ROOT / "generator/site/assets/language.js"


def question(*answers: str, match: str = "forgiving") -> TextQuestion:
    return TextQuestion(id="q", type="text", objective="o", prompt="?", answers=list(answers), match=match)


def verdict(typed: str, q: TextQuestion) -> str:
    return "right" if q.compared(typed) in q.key(lambda s: s)["answers"] else "wrong"


def test_every_vector_gets_its_verdict():
    vectors = text_answer_vectors()["vectors"]
    wrong = [(v["why"], v["input"], v["answer"], v["verdict"])
             for v in vectors if verdict(v["input"], question(v["answer"], match=v.get("match", "forgiving"))) != v["verdict"]]
    assert wrong == []
    # every case of the issue is there, and right-to-left scripts
    inputs = {v["input"] for v in vectors}
    assert {"don’t", "don't", "cafe\u0301", "１２", "Economic.", "Economic!", "ΟΔΟΣ", "ﬁle", "Straße"} <= inputs
    assert any("\u0590" <= c <= "\u05ff" for c in inputs for c in c) and any("\u0600" <= c <= "\u06ff" for c in inputs for c in c)


def test_the_runtime_holds_the_same_patterns_character_for_character():
    source = RUNTIME_RULE.read_text(encoding="utf-8")
    found = dict(re.findall(r"var (\w+) = /(.+?)/g;", source))
    assert {k: found[k] for k in text.PATTERNS} == text.PATTERNS


def test_answers_are_shown_as_written_and_compared_in_one_form():
    key = question("Straße", "strasse", "ﬁle").key(lambda s: s)
    assert key["shown"] == ["Straße", "ﬁle"]  # not lower-cased; `strasse` compares like `Straße`
    assert key["answers"] == sorted(["STRASSE", "FILE"]) and key["exact"] is False


def test_match_exact_compares_as_written():
    q = question("CO", match="exact")
    assert q.key(lambda s: s)["answers"] == ["CO"] and q.key(lambda s: s)["exact"] is True
    assert [verdict(t, q) for t in ("CO", " CO ", "co", "CO.")] == ["right", "right", "wrong", "wrong"]
    assert question("?!", match="exact").problems() == []


def test_generated_strings_are_compared_in_a_stable_form():
    forms = [normalise(s) for s in generated_answers()]
    assert len(forms) >= 300 and len(set(forms)) > 200  # varied, not all reduced to nothing
    for form in forms:
        assert form == form.strip(" '\".,;:!?") and "  " not in form
        assert unicodedata.is_normalized("NFKC", form)


@given(st.text(max_size=30))
def test_any_text_ends_without_spaces_or_sentence_punctuation(typed):
    form = normalise(typed)
    assert not re.search(r"^[\s'\".,;:!?]|[\s'\".,;:!?]$", form)
    assert not re.search(r"\s\s", form)
