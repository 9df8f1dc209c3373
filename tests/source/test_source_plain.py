"""The fast parse (data without positions) agrees with the full one (issue 8): whenever it
gives data, the full parse gives the same data and nothing to report, and the positions a
message needs later come out as the full parse would have given them."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.source import document as source
from generator.source.document import IRREGULAR, SourceDocument, parse_text, plain_data

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"), max_size=30)
scalars = st.one_of(words, st.sampled_from(["yes", "no", "~", "null", "", "15", "a: b", "[x]", "&a", "*a", "!t", "#c"]))
data = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4), max_leaves=15)
edits = st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(list(":-[]{}&*!'\"#|>?,\n\t ") + ["  ", "- ", ": ", "&a ", "*a ", "!!str ", "---\n"])),
                 max_size=3)


def _agrees(text: str) -> None:
    fast = plain_data(text)
    full, findings = source._parse_marked(text, "x.yml")
    if fast is IRREGULAR:
        return
    assert full is not None and not findings
    assert fast == full.data
    assert repr(fast) == repr(full.data)  # same key order
    lazy = SourceDocument("x.yml", fast, text)
    assert (lazy.value_marks, lazy.key_marks) == (full.value_marks, full.key_marks)


@SETTINGS
@given(data, st.sampled_from([None, True, False]), st.booleans())
def test_dumped_data_parses_alike(value, flow, sort_keys):
    _agrees(yaml.safe_dump(value, default_flow_style=flow, sort_keys=sort_keys, allow_unicode=True))


@SETTINGS
@given(data, edits)
def test_damaged_text_parses_alike(value, changes):
    text = yaml.safe_dump(value, default_flow_style=False, allow_unicode=True)
    for position, insert in changes:
        position %= len(text) + 1
        text = text[:position] + insert + text[position:]
    _agrees(text)


def test_the_bundled_course_takes_the_fast_path():
    files = [*(ROOT / "course").rglob("*.yml"), *(ROOT / "quizzes").glob("*.yml")]
    assert len(files) > 5
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert plain_data(text) is not IRREGULAR, file
        doc, findings = parse_text(text, file.name)
        assert not findings and "value_marks" not in vars(doc)  # no positions until a message needs one


def test_what_the_fast_parse_leaves_to_the_full_one():
    for text in ("a: &x 1\n", "a: 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "[a]: 1\n", "a: 1\n---\nb: 2\n",
                 "a: [\n", "a: " + "[" * 41 + "]" * 41 + "\n", "- x\n" * (source.MAX_EVENTS + 1)):
        assert plain_data(text) is IRREGULAR, text[:40]
    assert plain_data("a: " + "[" * 39 + "]" * 39 + "\n") is not IRREGULAR
    assert plain_data("- x\n" * (source.MAX_EVENTS - 6)) is not IRREGULAR  # 6 events of stream, document and list
