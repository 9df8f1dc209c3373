"""A YAML slip is reported on the line the trainer must change, with what to write there,
not where PyYAML noticed it (source/diagnose.py); PyYAML's place stays as context."""

from __future__ import annotations

import pytest

from generator.source.document import parse_text

CASES = [
    # (file, line and column of the slip, words of the message, hint)
    ("id: intro\ntitle: x\nminutes 10\nobjectives:\n  - id: a\n    text: b\n", (3, 8),
     "'minutes' has no ':' after it (YAML noticed it at line 4, column 1)", "add ':' after 'minutes': minutes: 10"),
    ("id: intro\ntitle: x\nminutes 10\n", (3, 8), "'minutes' has no ':' after it", "add ':' after 'minutes': minutes: 10"),
    ("sections:\n  - heading Welcome\n    body: x\n", (2, 12), "'heading' has no ':' after it", "add ':' after 'heading': heading: Welcome"),
    ("id: intro\nminutes:10\nobjectives:\n  - id: a\n", (2, 9), "no space after the ':' of 'minutes'",
     "add a space after the colon: minutes: 10"),
    ("sections:\n  - heading: a\n    body: b\n   kind: tip\n", (4, 4), "this line is indented 3 spaces",
     "indent this line like the lines above it (4 spaces)"),
    ("sections:\n  - heading: a\n    body: |\n      Hello world\n      more text\n   kind: tip\n", (6, 4),
     "this line is indented 3 spaces", "indent this line like the lines above it (4 spaces)"),
    ("id: intro\ntitle: x\n  summary: y\nminutes: 10\n", (3, 10), "this line is indented more than the field above it",
     "align it with the field above, or put a value that spans lines in quotes"),
    ("lessons:\n  - intro\n  - next steps\n - last\n", (4, 2), "this list item is indented 1 space",
     "indent this line like the lines above it (2 spaces)"),
    ("options:\n  - text: a\n    feedback: b\n   - text: c\n", (4, 4), "this list item is indented 3 spaces",
     "indent this line like the lines above it (2 spaces)"),
    ("questions:\n  - id: q1\n    options:\n      - text: a\n     - text: b\n", (5, 6), "this list item is indented 5 spaces",
     "indent this line like the lines above it (6 spaces)"),
    ("id: intro\ntitle: 'Intro\nsummary: 'y'\nminutes: 10\n", (2, 8), "a quoted value is never closed", "add the closing quote"),
    ('id: intro\ntitle: "Intro\nsummary: "y"\nminutes: 10\n', (2, 8), "a quoted value is never closed", "add the closing quote"),
    ("id: intro\nsections:\n  - heading: a\n  \tbody: b\n", (4, 3), "a tab character is used for indentation",
     "indent with spaces only, two per level"),
]


@pytest.mark.parametrize(("text", "where", "words", "hint"), CASES, ids=[str(n) for n in range(len(CASES))])
def test_the_slip_is_reported_where_it_is_with_its_fix(text, where, words, hint):
    doc, findings = parse_text(text, "x.yml")
    assert doc is None and len(findings) == 1
    [finding] = findings
    assert (finding.location.line, finding.location.column) == where, finding.one_line()
    assert words in finding.message and finding.hint == hint, finding.one_line()


@pytest.mark.parametrize("text", [
    "lessons:\n  - intro\n  - next steps\n",  # a list of texts: `next steps` is a value, not a field without colon
    "sections:\n  - heading: a\n    body: |\n      minutes 10\n      Hello world\n",  # the text of a block
    "url: http://example.org\ntitle: x\n",
])
def test_what_yaml_accepts_is_not_diagnosed(text):
    doc, findings = parse_text(text, "x.yml")
    assert doc is not None and findings == []


def test_a_slip_far_below_a_plain_line_is_not_blamed_on_it():
    # `next steps` in a list is a value; the slip is the misaligned field below it
    text = "lessons:\n  - intro\n  - next steps\nfinal_quiz: final\n title: x\n"
    [finding] = parse_text(text, "x.yml")[1]
    assert finding.location.line == 5, finding.one_line()
